/**
 * PagerDuty REST API v2, a saved `GET /incidents` page: `{ "incidents": [...], "limit", "offset", "more" }`.
 * `priority` is an object named P1..P5 by default, or null on accounts without priorities (such
 * incidents need `urgency` mapped, as for the CSV); `resolved_at` is null while open.
 */
import { definePreset } from './preset.js';

export const pagerdutyApi = definePreset({
  name: 'pagerduty-api',
  title: 'PagerDuty REST API v2 incidents (GET /incidents JSON)',
  datasets: {
    incidents: {
      columns: {
        incident_id: ['incident_number', 'id'],
        opened_at: ['created_at'],
        resolved_at: ['resolved_at'],
        priority: ['priority.summary', 'priority.name'],
        title: ['title', 'summary'],
        service: ['service.summary', 'service.name'],
      },
    },
  },
});
