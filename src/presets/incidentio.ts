/**
 * incident.io API v2: `GET /v2/incidents` (`{ "incidents": [...] }`) and `GET /v2/follow_ups`
 * (`{ "follow_ups": [...] }`). Severities are organisation-defined, so they are mapped by rank (`rank 3`)
 * and the defaults are incident.io's own three (Critical 3, Major 2, Minor 1). Follow-ups name their
 * incident by its API id, so incidents are keyed by that id too. Only `completed` completes a follow-up.
 *
 * The incident list is paged (`{ "incidents": [...], "pagination_meta": { "after", "page_size",
 * "total_record_count" } }`): `after` is passed as the `after` parameter to load the next page, and
 * `total_record_count` is "how many matching records were there in total, if known" (incident-io/sdk-python,
 * incident_io/models/incidents_list_result_v2.py and pagination_meta_result_with_total_v2.py). A page whose
 * total is above its own records is one page of a longer export: a warning says so. `after` alone is no
 * sign of more: a last page may give it too. The follow-up list has no paging fields (follow_ups_list_result_v2.py).
 */
import { matchKey } from '../core/config.js';
import type { Priority } from '../core/priorities.js';
import { definePreset, type RowWatch, type WatchedRow } from './preset.js';

/** incident.io's own severities, by rank: what the default rank map assumes each rank is, and its priority. */
const DEFAULT_SEVERITY: ReadonlyMap<string, { readonly name: string; readonly priority: Priority }> = new Map([
  ['rank 3', { name: 'Critical', priority: 'P1' }],
  ['rank 2', { name: 'Major', priority: 'P2' }],
  ['rank 1', { name: 'Minor', priority: 'P3' }],
]);
const RANK_PRIORITY = Object.fromEntries([...DEFAULT_SEVERITY].map(([rank, { priority }]) => [rank, priority]));

const incidentName = (row: WatchedRow): string => String(row.read('reference') ?? row.read('id') ?? row.read('name'));

/**
 * A severity read by the default rank map whose name is not incident.io's default for its rank
 * ("SEV2" at rank 3 is read as Critical, P1): the organisation's severities may be others.
 */
const severityByDefaultRank: RowWatch = {
  column: 'priority',
  example: (row) => {
    const rankValue = row.read('severity.rank');
    const name = row.read('severity.name');
    if ((typeof rankValue !== 'number' && typeof rankValue !== 'string') || typeof name !== 'string') return undefined;
    const rank = `rank ${String(rankValue).trim()}`;
    const assumed = DEFAULT_SEVERITY.get(rank);
    // Only a priority read from the rank by the preset's own map: a column the user mapped to priority,
    // or a rank the user mapped, is theirs, and no assumption is left.
    const readFromRank = typeof row.canonical.priority === 'string' && row.canonical.priority.replace(/\s+/g, ' ').trim() === rank;
    if (assumed === undefined || !readFromRank || row.config.priorities.has(matchKey(rank))) return undefined;
    if (matchKey(name) === matchKey(assumed.name)) return undefined;
    return `"${name.trim()}" at ${rank}, read as ${assumed.name}, ${assumed.priority}`;
  },
  message: (count, example) =>
    `${count} ${count === 1 ? 'incident has a severity' : 'incidents have severities'} named otherwise than incident.io's own for ${count === 1 ? 'its' : 'their'} rank ` +
    `(like ${example}): preset "incidentio" reads rank 3 as Critical (P1), rank 2 as Major (P2) and rank 1 as Minor (P3). ` +
    'If your severities differ, say which rank is which priority: { "priorities": { "rank 4": "P1", "rank 3": "P2", "rank 2": "P3", "rank 1": "P4" } }',
};

/** An incident closed in incident.io with no "Resolved at" timestamp: it counts as unresolved. */
const closedWithoutResolution: RowWatch = {
  column: 'resolved_at',
  example: (row) => {
    const category = row.read('incident_status.category');
    const closed = typeof category === 'string' && ['learning', 'closed'].includes(matchKey(category));
    return closed && row.canonical.resolved_at === undefined ? incidentName(row) : undefined;
  },
  message: (count, example) =>
    `${count} ${count === 1 ? 'incident is' : 'incidents are'} closed in incident.io (status category learning or closed) with no "Resolved at" timestamp ` +
    `(like ${example}): ${count === 1 ? 'it counts' : 'they count'} as unresolved (p1_unresolved; no RCA clock starts at ${count === 1 ? 'its' : 'their'} resolution). ` +
    'If your workflow names that timestamp otherwise, map it: { "datasets": { "incidents": { "columns": ' +
    '{ "incident_timestamp_values[incident_timestamp.name=<its name>].value.value": "resolved_at" } } } }',
};

export const incidentio = definePreset({
  name: 'incidentio',
  title: 'incident.io API v2 (incidents and follow-ups JSON)',
  datasets: {
    incidents: {
      columns: {
        incident_id: ['id'],
        opened_at: ['created_at'],
        priority: [{ from: 'severity.rank', prefix: 'rank ' }],
        title: ['name'],
        resolved_at: [
          'incident_timestamp_values[incident_timestamp.name=Resolved at].value.value',
          'incident_timestamp_values[incident_timestamp.name=Resolved].value.value',
        ],
        postmortem_completed_at: ['incident_timestamp_values[incident_timestamp.name=Post-incident completed].value.value'],
      },
      priorities: RANK_PRIORITY,
      watches: [severityByDefaultRank, closedWithoutResolution],
      // Test and tutorial incidents, and declined or merged ones, are not incidents of the organisation.
      keep: [
        { source: 'mode', notIn: ['test', 'tutorial'] },
        { source: 'incident_status.category', notIn: ['declined', 'merged', 'canceled'] },
      ],
      leftOut: 'test or tutorial incidents, and declined, merged or canceled ones',
      pageMarker: {
        kind: 'total-count',
        path: 'pagination_meta.total_record_count',
        advice: "Request the other pages (each page's pagination_meta.after as the after parameter, until you have them all)",
      },
    },
    action_items: {
      columns: {
        action_id: ['id'],
        incident_id: ['incident_id'],
        created_at: ['created_at'],
        completed_at: [{ from: 'completed_at', when: { source: 'status', in: ['completed'] } }],
        // Not assignee.id: an incident.io user id, never an employee id, which would show where employee
        // ids go and draw an "is not in people" warning on every follow-up (as Jira's Assignee would).
      },
      keep: [{ source: 'status', notIn: ['deleted'] }],
      leftOut: 'deleted follow-ups',
    },
  },
});
