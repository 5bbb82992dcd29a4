/**
 * incident.io API v2: `GET /v2/incidents` (`{ "incidents": [...] }`) and `GET /v2/follow_ups`
 * (`{ "follow_ups": [...] }`). Severities are organisation-defined, so they are mapped by rank (`rank 3`)
 * and the defaults are incident.io's own three (Critical 3, Major 2, Minor 1). Follow-ups name their
 * incident by its API id, so incidents are keyed by that id too. Only `completed` completes a follow-up.
 */
import { definePreset } from './preset.js';

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
      priorities: { 'rank 3': 'P1', 'rank 2': 'P2', 'rank 1': 'P3' },
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
