/**
 * PagerDuty REST API v2, a saved `GET /incidents` page: `{ "incidents": [...], "limit", "offset", "more" }`.
 * `priority` is an object named P1..P5 by default, or null on accounts without priorities: such an
 * incident's priority is read from `urgency` once the config says which urgency is P1, as for the CSV
 * (and is unknown until then); `resolved_at` is null while open.
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
      priorityFallback: {
        column: 'urgency',
        values: ['high', 'low'],
        why: 'PagerDuty gives an incident no priority (null) where the account has priorities turned off, only urgency (high/low); say which urgency is P1',
        config: { priorities: { high: 'P1', low: 'P3' } },
        whyAbsent: 'PagerDuty gives this incident neither a priority nor an urgency; map a column that holds its priority, if the export has one',
      },
    },
  },
});
