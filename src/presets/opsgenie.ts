/**
 * Opsgenie's alerts API (`GET /v2/alerts`, saved as JSON: `{ "data": [...] }`): priority P1..P5
 * (default P3), status open/closed. The list has no close time, so a closed alert's last update is
 * taken as its resolution.
 */
import { definePreset } from './preset.js';

export const opsgenie = definePreset({
  name: 'opsgenie',
  title: 'Opsgenie alerts API (GET /v2/alerts JSON)',
  datasets: {
    incidents: {
      columns: {
        incident_id: ['tinyId', 'id'],
        opened_at: ['createdAt'],
        priority: ['priority'],
        title: ['message'],
        service: ['entity'],
        resolved_at: [{ from: 'updatedAt', when: { source: 'status', in: ['closed'] } }],
      },
    },
  },
});
