/**
 * PagerDuty REST API v2, a saved `GET /incidents` page: `{ "incidents": [...], "limit", "offset", "more", "total" }`.
 * The list uses PagerDuty's classic pagination: `more` is `true` while more records match than the page
 * holds, `total` is null unless the request asked for it (`total=true`), and the next page is requested
 * with `offset` raised by `limit`, at most 10,000 records in all (PagerDuty/developer-docs,
 * docs/REST-API/09-Pagination.md). A page with `"more": true` is one page of a longer export: a warning says so.
 * `priority` is an object named P1..P5 by default, or null on accounts without priorities: such an
 * incident's priority is read from `urgency` once the config says which urgency is P1, as for the CSV
 * (and is unknown until then); `resolved_at` is null while open. A resolved incident saved without
 * `resolved_at` (absent or null) takes its `last_status_change_at`: resolved is PagerDuty's last status,
 * so its last change is its resolution; a warning counts such incidents, and those with neither, which
 * count as unresolved.
 */
import { matchKey } from '../core/config.js';
import { definePreset, type RowWatch, type WatchedRow } from './preset.js';
import { isBlank } from './blank-value.js';

const isResolved = (row: WatchedRow): boolean => {
  const status = row.read('status');
  return typeof status === 'string' && matchKey(status) === 'resolved';
};
const incidentName = (row: WatchedRow): string => String(row.read('incident_number') ?? row.read('id'));
const MAP_RESOLUTION = 'If your export has the resolution time under another key, map it: { "datasets": { "incidents": { "columns": { "<its key>": "resolved_at" } } } }';

/** A resolved incident whose resolution is read from its last status change. */
const resolvedAtLastStatusChange: RowWatch = {
  column: 'resolved_at',
  // Compared with the value taken, as for Opsgenie: a column the user mapped to resolved_at is theirs.
  example: (row) => {
    const changed = row.read('last_status_change_at');
    return isResolved(row) && isBlank(row.read('resolved_at')) && !isBlank(changed) && row.canonical.resolved_at === changed ? incidentName(row) : undefined;
  },
  message: (count, example) =>
    `${count} resolved ${count === 1 ? 'incident has' : 'incidents have'} no resolved_at, so ${count === 1 ? 'its' : 'their'} last status change (last_status_change_at) ` +
    `is taken as ${count === 1 ? 'its' : 'their'} resolution (like ${example}): a resolved PagerDuty incident changes status no more. ${MAP_RESOLUTION}`,
};

/** A resolved incident with no time of resolution at all: it counts as open. */
const resolvedWithoutTime: RowWatch = {
  column: 'resolved_at',
  example: (row) => (isResolved(row) && isBlank(row.canonical.resolved_at) ? incidentName(row) : undefined),
  message: (count, example) =>
    `${count} ${count === 1 ? 'incident is' : 'incidents are'} resolved in PagerDuty with neither resolved_at nor last_status_change_at (like ${example}): ` +
    `${count === 1 ? 'it counts' : 'they count'} as unresolved (p1_unresolved; no RCA clock starts at ${count === 1 ? 'its' : 'their'} resolution). ${MAP_RESOLUTION}`,
};

export const pagerdutyApi = definePreset({
  name: 'pagerduty-api',
  title: 'PagerDuty REST API v2 incidents (GET /incidents JSON)',
  datasets: {
    incidents: {
      columns: {
        incident_id: ['incident_number', 'id'],
        opened_at: ['created_at'],
        resolved_at: ['resolved_at', { from: 'last_status_change_at', when: { source: 'status', in: ['resolved'] } }],
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
      watches: [resolvedAtLastStatusChange, resolvedWithoutTime],
      pageMarker: {
        kind: 'more-flag',
        path: 'more',
        advice: 'Request the other pages (the same query, its offset raised by limit each time, until a page says "more": false)',
      },
    },
  },
});
