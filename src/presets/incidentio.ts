/**
 * incident.io API v2: `GET /v2/incidents` (`{ "incidents": [...] }`) and `GET /v2/follow_ups`
 * (`{ "follow_ups": [...] }`). Severities are organisation-defined, so they are mapped by rank (`rank 3`)
 * and the defaults are incident.io's own three (Critical 3, Major 2, Minor 1). Follow-ups name their
 * incident by its API id, so incidents are keyed by that id too. Only `completed` completes a follow-up.
 */
import { matchKey } from '../core/config.js';
import { definePreset, type RowWatch, type WatchedRow } from './preset.js';

/** incident.io's own severities, by rank: what the default rank map assumes each rank is. */
const DEFAULT_SEVERITY = new Map([['3', 'Critical'], ['2', 'Major'], ['1', 'Minor']]);
const RANK_PRIORITY = { 'rank 3': 'P1', 'rank 2': 'P2', 'rank 1': 'P3' } as const;

const incidentName = (row: WatchedRow): string => String(row.read('reference') ?? row.read('id') ?? row.read('name'));

/**
 * A severity read by the default rank map whose name is not incident.io's default for its rank
 * ("SEV2" at rank 3 is read as Critical, P1): the organisation's severities may be others.
 */
const severityByDefaultRank: RowWatch = {
  column: 'priority',
  example: (row) => {
    const rank = row.read('severity.rank');
    const name = row.read('severity.name');
    const assumed = typeof rank === 'number' || typeof rank === 'string' ? DEFAULT_SEVERITY.get(String(rank).trim()) : undefined;
    if (assumed === undefined || typeof name !== 'string' || matchKey(name) === matchKey(assumed)) return undefined;
    // A rank the user mapped is theirs: no assumption is left.
    if (row.config.priorities.has(matchKey(`rank ${String(rank).trim()}`))) return undefined;
    return `"${name.trim()}" at rank ${String(rank).trim()}, read as ${assumed}, ${RANK_PRIORITY[`rank ${String(rank).trim()}` as keyof typeof RANK_PRIORITY]}`;
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
    },
    action_items: {
      columns: {
        action_id: ['id'],
        incident_id: ['incident_id'],
        created_at: ['created_at'],
        completed_at: [{ from: 'completed_at', when: { source: 'status', in: ['completed'] } }],
        owner_id: ['assignee.id'],
      },
      keep: [{ source: 'status', notIn: ['deleted'] }],
      leftOut: 'deleted follow-ups',
    },
  },
});
