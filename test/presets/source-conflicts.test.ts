/** Two source keys or headers that mean one column of a preset's reading: an error naming both, never a pick. */
import { describe, expect, it } from 'vitest';
import { loadFolder, messages, tempFolder } from './vendor-fixture.js';

const KEEP_ONE = `keep one: delete or rename the other in the file (or in the config's "columns" map, if it names one of them)`;
const both = (a: string, b: string, column: string): string => `columns "${a}" and "${b}" both mean "${column}"; ${KEEP_ONE}`;

const counts = (files: Awaited<ReturnType<typeof loadFolder>>['files']) => files.map((f) => [f.rows, f.accepted, f.rejected]);

const pdIncident = (extra: string): string =>
  `{"id":"Q1","incident_number":1,"created_at":"2026-07-05T00:00:00Z","priority":{"summary":"P1"},"resolved_at":"2026-07-06T00:00:00Z"${extra}}`;

async function pdApi(records: readonly string[]) {
  const folder = tempFolder({ 'incidents.json': `{"incidents":[\n${records.join(',\n')}\n]}` }, { datasets: { incidents: { preset: 'pagerduty-api' } } });
  return loadFolder(folder);
}

describe('preset source conflicts', () => {
  it('rejects a JSON record whose two keys mean one column, whichever comes first', async () => {
    const late = pdIncident(',"Created At":"2026-07-20T00:00:00Z"');
    const early = pdIncident('').replace('"created_at"', '"Created At":"2026-07-20T00:00:00Z","created_at"');
    const { files, data } = await pdApi([late, early.replace('"incident_number":1', '"incident_number":2'), pdIncident('').replace('"incident_number":1', '"incident_number":3')]);
    expect(messages(files)).toEqual([
      `incidents.json:0: opened_at: ${both('created_at', 'Created At', 'opened_at')}`,
      `incidents.json:1: opened_at: ${both('Created At', 'created_at', 'opened_at')}`,
    ]);
    expect(counts(files)).toEqual([[3, 1, 2]]);
    expect(data.incidents?.records().map((i) => i.incident_id)).toEqual(['3']);
  });

  it('names the keys of resolved_at, the incident number and a nested priority object given twice', async () => {
    const { files } = await pdApi([
      pdIncident(',"Resolved At":"2026-07-09T00:00:00Z"'),
      pdIncident(',"Incident Number":7').replace('"incident_number":1', '"incident_number":2'),
      pdIncident('').replace('"incident_number":1', '"incident_number":3').replace('"priority"', '"Priority":{"summary":"P4"},"priority"'),
    ]);
    expect(messages(files)).toEqual([
      `incidents.json:0: resolved_at: ${both('resolved_at', 'Resolved At', 'resolved_at')}`,
      `incidents.json:1: incident_id: ${both('incident_number', 'Incident Number', 'incident_id')}`,
      `incidents.json:2: priority: ${both('Priority', 'priority', 'priority')}`,
    ]);
    expect(counts(files)).toEqual([[3, 0, 3]]);
  });

  it('rejects a CSV whose header has two columns for one source, at the header, as without a preset', async () => {
    const csv = 'incident_number,created_on,Created On,urgency,description\n1,2026-07-05T00:00:00Z,2026-07-20T00:00:00Z,high,x\n2,2026-07-05T00:00:00Z,,low,y\n';
    const config = { priorities: { high: 'P1', low: 'P3' }, datasets: { incidents: { preset: 'pagerduty-csv', columns: { urgency: 'priority' } } } };
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
    expect(messages(files)).toEqual([`incidents.csv:1: opened_at: ${both('created_on', 'Created On', 'opened_at')}`]);
    expect(counts(files)).toEqual([[2, 0, 2]]);
  });

  it('reports a header-only CSV with such columns too', async () => {
    const csv = 'Issue key,created,Created,Priority,Summary\n';
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, { datasets: { incidents: { preset: 'jira' } } }));
    expect(messages(files)).toEqual([`incidents.csv:1: opened_at: ${both('created', 'Created', 'opened_at')}`]);
  });

  it('rejects a Jira CSV with Created and created', async () => {
    const csv = 'Issue key,created,Created,Priority,Summary\nA-1,01/Jul/26 1:00 PM,02/Jul/26 1:00 PM,High,x\n';
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, { datasets: { incidents: { preset: 'jira' } } }));
    expect(messages(files)).toEqual([`incidents.csv:1: opened_at: ${both('created', 'Created', 'opened_at')}`]);
    expect(counts(files)).toEqual([[1, 0, 1]]);
  });

  it('rejects a CSV whose header gives a column it reads twice, when its vendor does not repeat multi-value fields so', async () => {
    // PagerDuty's CSV has one service_name: a second is two columns for one, the same error as without a preset.
    const csv = 'incident_number,created_on,service_name,urgency,service_name,description\n1,2026-07-05T00:00:00Z,search,high,payments,x\n';
    const config = { priorities: { high: 'P1', low: 'P3' }, datasets: { incidents: { preset: 'pagerduty-csv', columns: { urgency: 'priority' } } } };
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
    const again = 'the header gives "service_name" twice, and both mean "service"; keep one: delete or rename the other in the file';
    expect(messages(files)).toEqual([`incidents.csv:1: service: ${again}`]);
    expect(counts(files)).toEqual([[1, 0, 1]]);
    // A header it does not read may repeat: auto_resolved is no column of incidents.
    const unread = 'incident_number,created_on,service_name,urgency,auto_resolved,auto_resolved\n1,2026-07-05T00:00:00Z,search,high,0,1\n';
    expect(messages((await loadFolder(tempFolder({ 'incidents.csv': unread }, config))).files)).toEqual([]);
  });

  it('rejects a canonical CSV read for its dateFormat whose header gives a column twice, as without a dateFormat', async () => {
    const csv = 'incident_id,opened_at,priority,opened_at\nI1,01/07/2026,P1,02/07/2026\n';
    const again = 'incidents.csv:1: opened_at: the header gives "opened_at" twice, and both mean "opened_at"; keep one: delete or rename the other in the file';
    const withFormat = await loadFolder(tempFolder({ 'incidents.csv': csv }, { datasets: { incidents: { dateFormat: 'dd/MM/yyyy' } } }));
    expect(messages(withFormat.files)).toEqual([again]);
    const without = await loadFolder(tempFolder({ 'incidents.csv': csv.replaceAll('/07/2026', '-07-2026') }, {}));
    expect(messages(without.files)).toEqual([again]);
    expect([...counts(withFormat.files), ...counts(without.files)]).toEqual([[1, 0, 1], [1, 0, 1]]);
  });

  it('rejects a mapped column beside a column named as the canonical column, as without a preset', async () => {
    const csv = 'incident_number,created_on,urgency,priority,description\n1,2026-07-05T00:00:00Z,high,P3,x\n';
    const config = { priorities: { high: 'P1', low: 'P3' }, datasets: { incidents: { preset: 'pagerduty-csv', columns: { urgency: 'priority' } } } };
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
    expect(messages(files)).toEqual([`incidents.csv:1: priority: ${both('urgency', 'priority', 'priority')}`]);
  });

  it("still lets the map replace the preset's own source of a column (Jira's Priority)", async () => {
    const csv = 'Issue key,Created,Priority,Custom field (Severity),Summary\nA-1,01/Jul/26 1:00 PM,Low,Sev1,x\n';
    const config = { priorities: { Sev1: 'P1' }, datasets: { incidents: { preset: 'jira', columns: { 'Custom field (Severity)': 'priority' } } } };
    const { files, data } = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
    expect(messages(files)).toEqual([]);
    expect(data.incidents?.records().map((i) => i.priority)).toEqual(['P1']);
  });

  it('rejects, rather than leaves out, a record whose filter column is given twice', async () => {
    const incident = (id: string, extra: string) => `{"id":"${id}","created_at":"2025-04-01T09:00:00Z","name":"x","severity":{"rank":3}${extra}}`;
    const folder = tempFolder(
      { 'incidents.json': `{"incidents":[\n${incident('A', ',"mode":"standard","Mode":"test"')},\n${incident('B', ',"mode":"standard"')}\n]}` },
      { datasets: { incidents: { preset: 'incidentio' } } },
    );
    const { files } = await loadFolder(folder);
    expect(messages(files)).toEqual([`incidents.json:0: mode: ${both('mode', 'Mode', 'mode')}`]);
    expect(counts(files)).toEqual([[2, 1, 1]]);
  });
});
