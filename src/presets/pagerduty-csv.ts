/**
 * PagerDuty's incident CSV (Analytics → Reports → "Download CSV"): snake_case columns, timestamps in
 * ISO 8601 with the account zone's offset (which changes at DST). It has no priority column, only
 * `urgency` (high/low): which urgency is P1 is the user's call, never a guess.
 */
import { definePreset } from './preset.js';

export const pagerdutyCsv = definePreset({
  name: 'pagerduty-csv',
  title: 'PagerDuty incident CSV (Analytics → Reports → Download CSV)',
  datasets: {
    incidents: {
      columns: {
        incident_id: ['incident_number', 'id'],
        opened_at: ['created_on'],
        resolved_at: ['resolved_on'],
        title: ['description'],
        service: ['service_name'],
      },
      userPriority: {
        column: 'urgency',
        values: ['high', 'low'],
        why: "PagerDuty's incident CSV has no priority column, only urgency (high/low); say which urgency is P1",
        config: { datasets: { incidents: { columns: { urgency: 'priority' } } }, priorities: { high: 'P1', low: 'P3' } },
        whyAbsent: 'this PagerDuty CSV has neither a priority nor an urgency column (the basic report has none); ' +
          'map a column that holds the priority, or download the incident CSV of Analytics → Reports, which has urgency',
      },
      rowLimit: {
        rows: 20_000,
        why: 'PagerDuty cuts an incident CSV download at 20,000 rows',
        advice: 'Download shorter date ranges, each under 20,000 incidents, and give them as one file',
      },
    },
  },
});
