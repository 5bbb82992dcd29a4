/**
 * Opsgenie's alerts API (`GET /v2/alerts`, saved as JSON: `{ "data": [...] }`): priority P1..P5
 * (default P3), status open/closed. The list has no close time, so a closed alert's last update is
 * taken as its resolution.
 *
 * The list is paged: 20 alerts by default (`limit`, at most 100), and the response body's `paging`
 * section gives the address of the `next`, `first` and `last` pages where there are such (docs.opsgenie.com
 * "Pagination"; an alert list's `paging` with `next`, `first` and `last` links is quoted in
 * opsgenie/opsgenie-python-sdk issue #8, and the list's response is `{ data, paging, requestId, took }` in
 * the client generated from Opsgenie's OpenAPI document, hexdocs.pm OpsGenieRESTAPI.Model.ListAlertsResponse).
 * A page with a `paging.next` is one page of a longer export: a warning says so.
 */
import { matchKey } from '../core/config.js';
import { definePreset, type RowWatch } from './preset.js';

/** A closed alert whose resolution is its last update: a note added after closing moves it later. */
const closedAtLastUpdate: RowWatch = {
  column: 'resolved_at',
  example: (row) => {
    const status = row.read('status');
    const updated = row.read('updatedAt');
    const closed = typeof status === 'string' && matchKey(status) === 'closed';
    return closed && updated !== undefined && row.canonical.resolved_at === updated ? String(row.read('tinyId') ?? row.read('id')) : undefined;
  },
  message: (count, example) =>
    `${count} closed ${count === 1 ? 'alert takes its' : 'alerts take their'} last update (updatedAt) as ${count === 1 ? 'its' : 'their'} resolution (like ${example}): ` +
    "Opsgenie's alert list has no close time, so a note, tag or acknowledgement after closing moves it later, and the RCA clock " +
    '(rca.clockStartsAt "resolved") with it. If your export has a close time, map it: { "datasets": { "incidents": { "columns": { "<its key>": "resolved_at" } } } }',
};

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
      watches: [closedAtLastUpdate],
      pageMarker: {
        kind: 'next-link',
        path: 'paging.next',
        advice: "Request the other pages (each page's paging.next, until a page has none)",
      },
    },
  },
});
