/**
 * PagerDuty REST API v2, a saved `GET /incidents` page: `{ "incidents": [...], "limit", "offset", "more", "total" }`.
 * The list uses PagerDuty's classic pagination: `more` is `true` while more records match than the page
 * holds, `total` is null unless the request asked for it (`total=true`), and the next page is requested
 * with `offset` raised by `limit`, at most 10,000 records in all (PagerDuty/developer-docs,
 * docs/REST-API/09-Pagination.md). A page with `"more": true` is one page of a longer export: a warning says so.
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
      pageMarker: {
        kind: 'more-flag',
        path: 'more',
        advice: 'Request the other pages (the same query, its offset raised by limit each time, until a page says "more": false)',
      },
    },
  },
});
