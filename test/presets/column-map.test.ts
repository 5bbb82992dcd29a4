/** The user's `columns` map and value maps extend or override a preset's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iso, loadFolder, messages, tempFolder, VENDORS_DIR } from './vendor-fixture.js';

const JIRA = readFileSync(join(VENDORS_DIR, 'jira/Jira incidents.csv'), 'utf8');
const INCIDENTIO = readFileSync(join(VENDORS_DIR, 'incidentio/incidents.json'), 'utf8');

describe('a columns map over a preset', () => {
  it('overrides the preset\'s source of a column and adds columns the preset does not read', async () => {
    const config = {
      timezone: 'Europe/Berlin',
      datasets: { incidents: { preset: 'jira', columns: { 'Custom field (Root Cause Category)': 'service', Reporter: 'postmortem_lead_id', Updated: 'postmortem_completed_at' } } },
    };
    const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': JIRA }, config));
    // OPS-105 is left out by the preset's rule (resolved as Duplicate), as without a map.
    expect(messages(files).map((message) => message.split(' (')[0])).toEqual(['incidents.csv:7: -: warning: 1 record left out by preset "jira"']);
    // service now comes from the root-cause column (empty for OPS-102); a mapped column in Jira's date format is read as one.
    expect(data.incidents?.records().map((i) => [i.incident_id, i.service, i.postmortem_lead_id, iso(i.postmortem_completed_at)])).toEqual([
      ['OPS-101', 'capacity', 'PagerDuty', '2025-03-20T16:30:00.000Z'],
      ['OPS-102', undefined, 'Raj Patel', '2025-03-31T07:00:00.000Z'],
      ['OPS-103', 'change', 'Jane Doe', '2025-04-15T07:00:00.000Z'],
      ['OPS-104', 'capacity', 'Raj Patel', '2025-06-02T14:45:00.000Z'],
    ]);
  });
});

describe('a columns map with a JSON path', () => {
  it('reads a value out of an array of objects by a key inside them', async () => {
    const path = 'incident_timestamp_values[incident_timestamp.name=Reported at].value.value';
    const config = { datasets: { incidents: { preset: 'incidentio', columns: { [path]: 'rca_completed_at' } } } };
    const { data } = await loadFolder(tempFolder({ 'incidents.json': INCIDENTIO }, config));
    // Each kept incident's "Reported at" value, which the fixture sets to its created_at.
    expect(data.incidents?.records().map((i) => iso(i.rca_completed_at))).toEqual(['2025-04-01T09:12:33.801Z', '2025-04-03T15:00:00.123Z', '2025-04-20T22:00:00.000Z']);
  });
});

describe('a value map over a preset', () => {
  it('overrides the preset\'s priority for a name, and keeps the others', async () => {
    const config = { priorities: { 'rank 1': 'P2', Medium: 'P4' }, datasets: { incidents: { preset: 'incidentio' } } };
    const { data } = await loadFolder(tempFolder({ 'incidents.json': INCIDENTIO }, config));
    // rank 1 (Minor) is P2 by the config; rank 3 stays P1 by the preset.
    expect(data.incidents?.records().map((i) => i.priority)).toEqual(['P1', 'P2', 'P1']);
  });

  it('overrides a Jira priority name the preset reads otherwise', async () => {
    // The preset reads Medium as P3; the config says P4 (the defaults say P3, so it is the user's).
    const config = { timezone: 'Europe/Berlin', priorities: { Medium: 'P4', Critical: 'P3' }, datasets: { incidents: { preset: 'jira' } } };
    const { data } = await loadFolder(tempFolder({ 'incidents.csv': JIRA }, config));
    expect(data.incidents?.records().map((i) => i.priority)).toEqual(['P1', 'P4', 'P1', 'P3']);
  });

  it('overrides it also with an entry that restates a default: "Critical": "P1" makes Jira\'s Critical a P1', async () => {
    // The defaults already read Critical as P1, the Jira preset as P2; the user's entry is theirs all the same.
    const config = { timezone: 'Europe/Berlin', priorities: { Critical: 'P1' }, datasets: { incidents: { preset: 'jira' } } };
    const { data } = await loadFolder(tempFolder({ 'incidents.csv': JIRA }, config));
    expect(data.incidents?.records().map((i) => i.priority)).toEqual(['P1', 'P3', 'P1', 'P1']);
  });
});

describe('a dateFormat without a preset', () => {
  it('reads a canonical file whose dates are written another way', async () => {
    const csv = 'employee_id,title,hire_date,termination_date\nE1,Ops Engineer,31/01/2024,\n';
    const { data, files } = await loadFolder(tempFolder({ 'people.csv': csv }, { datasets: { people: { dateFormat: 'dd/MM/yyyy' } } }));
    expect(messages(files)).toEqual([]);
    expect([...(data.people ?? [])].map((p) => [p.employee_id, p.hire_date, p.termination_date])).toEqual([['E1', '2024-01-31', undefined]]);
  });

  it('says which canonical columns are missing', async () => {
    const csv = 'id,title\nE1,Ops Engineer\n';
    const { files } = await loadFolder(tempFolder({ 'people.csv': csv }, { datasets: { people: { dateFormat: 'dd/MM/yyyy' } } }));
    expect(messages(files)[0]).toMatch(/^people\.csv:1: -: the file does not fit the canonical columns for people: no column for employee_id \(looked for "employee_id"\), hire_date/);
  });
});
