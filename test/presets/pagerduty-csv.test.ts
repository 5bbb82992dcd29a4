/**
 * fixtures/vendors/pagerduty-csv: PagerDuty's incident CSV (CRLF, a quoted newline, quoted
 * multi-value cells, offsets that change at DST in the account zone America/Los_Angeles).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iso, loadVendor, messages, tempFolder, loadFolder, VENDORS_DIR } from './vendor-fixture.js';

const CSV = readFileSync(join(VENDORS_DIR, 'pagerduty-csv/incidents.csv'), 'utf8');

describe('preset pagerduty-csv', () => {
  it('reads every incident, with urgency high mapped to P1 by the user', async () => {
    const { data, files } = await loadVendor('pagerduty-csv');
    expect(messages(files)).toEqual([]);
    const incidents = data.incidents?.records() ?? [];
    expect(incidents.map((i) => i.incident_id)).toEqual(['1041', '1042', '1043', '1044', '1045']);
    // The config maps high → P1 and low → P3.
    expect(incidents.map((i) => i.priority)).toEqual(['P1', 'P3', 'P1', 'P1', 'P3']);
    // A quoted newline of a CRLF file is kept as written.
    expect(incidents[1]?.title).toBe('Disk full on db-3\r\n(/var/lib/postgres at 100%)');
    expect(incidents[3]?.service).toBe('search');
  });

  it('reads offsets that change at DST exactly: the times agree with seconds_to_resolve', async () => {
    const incidents = (await loadVendor('pagerduty-csv')).data.incidents?.records() ?? [];
    // 1041: 2025-03-08T23:50:12-08:00 (PST) → 07:50:12Z; 2025-03-09T03:10:12-07:00 (PDT) → 10:10:12Z.
    // 1044: 2025-11-01T22:30-07:00 → 11-02T05:30Z; 2025-11-02T01:30-08:00 (after fall-back) → 09:30Z.
    expect(incidents.map((i) => [iso(i.opened_at), iso(i.resolved_at)])).toEqual([
      ['2025-03-09T07:50:12.000Z', '2025-03-09T10:10:12.000Z'],
      ['2025-03-12T16:15:00.000Z', '2025-03-12T17:00:00.000Z'],
      ['2025-06-02T21:00:00.000Z', undefined],
      ['2025-11-02T05:30:00.000Z', '2025-11-02T09:30:00.000Z'],
      ['2025-11-03T16:00:00.000Z', '2025-11-03T16:45:00.000Z'],
    ]);
    // The file's own seconds_to_resolve: 8400, 2700, (open), 14400, 2700.
    const seconds = incidents.map((i) => (i.resolved_at === undefined ? undefined : (i.resolved_at - i.opened_at) / 1000));
    expect(seconds).toEqual([8400, 2700, undefined, 14400, 2700]);
  });

  // The one file-level warning of an export whose urgency is not mapped to P1: at the header, under priority.
  const UNMAPPED_WARNING =
    "incidents.csv:1: priority: warning: PagerDuty's incident CSV has no priority column, only urgency (high/low); say which urgency is P1: " +
    "until then every incident's priority is unknown, and the P1 measures (p1_rca_48h, p1_unresolved) are not computed. " +
    'Add to the config: { "datasets": { "incidents": { "columns": { "urgency": "priority" } } }, "priorities": { "high": "P1", "low": "P3" } }';

  it('reads the file when urgency is not mapped: every priority is unknown, and one warning names the config that fixes it', async () => {
    const dir = tempFolder({ 'incidents.csv': CSV }, { datasets: { incidents: { preset: 'pagerduty-csv' } } });
    const { data, files } = await loadFolder(dir);
    expect(files.map((f) => [f.fatal, f.rows, f.accepted, f.rejected, f.errors, f.warnings])).toEqual([[false, 5, 5, 0, 0, 1]]);
    expect(messages(files)).toEqual([UNMAPPED_WARNING]);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority])).toEqual([
      ['1041', 'unknown'], ['1042', 'unknown'], ['1043', 'unknown'], ['1044', 'unknown'], ['1045', 'unknown'],
    ]);
    // Everything but the priority is read as with the mapping (1044's title and service, as in the first test).
    expect(data.incidents?.records()[3]).toMatchObject({ title: 'Search cluster red "shard unassigned"', service: 'search' });
  });

  it('does not guess P1 from the default names: urgency mapped without saying which value is P1 leaves it unknown', async () => {
    // The default names read High as P2: no incident would be P1, and the P1 measures would be silently empty.
    const dir = tempFolder({ 'incidents.csv': CSV }, { datasets: { incidents: { preset: 'pagerduty-csv', columns: { urgency: 'priority' } } } });
    const { data, files } = await loadFolder(dir);
    expect(messages(files)).toEqual([UNMAPPED_WARNING]);
    expect(new Set(data.incidents?.records().map((i) => i.priority))).toEqual(new Set(['unknown']));
  });

  it('gives a header-only export the same warning, and says it holds no rows, as a canonical file is told', async () => {
    const header = CSV.slice(0, CSV.indexOf('\r\n') + 2);
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': header }, { datasets: { incidents: { preset: 'pagerduty-csv' } } }));
    expect(files.map((f) => [f.rows, f.errors, f.warnings])).toEqual([[0, 0, 2]]);
    expect(messages(files)).toEqual([
      'incidents.csv:1: -: warning: the file holds no rows, only its header: incidents is read as having none, which counts as zero and can fail ' +
        'measures and trip red flags; delete the file if you have no such data (its measures then show no data)',
      UNMAPPED_WARNING,
    ]);
  });

  it('says which columns a header-only export lacks, as a canonical header-only file does', async () => {
    // The header gives id, incident_number, created_on, resolved_on, service_name, urgency... but no RCA time
    // and no postmortem lead. A canonical header-only file without those columns leaves p1_rca_48h and
    // postmortem_leads_6m no_data ("a header alone without the column leaves its measures no_data"); read
    // through the preset it must too, not report 0 of the cohort as postmortem leads (missed).
    const header = CSV.slice(0, CSV.indexOf('\r\n') + 2);
    const config = { priorities: { high: 'P1', low: 'P3' }, datasets: { incidents: { preset: 'pagerduty-csv', columns: { urgency: 'priority' } } } };
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': header }, config));
    const canonical = await loadFolder(tempFolder({ 'incidents.csv': 'incident_id,opened_at,priority,title,service,resolved_at\n' }, {}));
    const absent = ['postmortem_completed_at', 'postmortem_lead_id', 'rca_completed_at', 'recurrence_of', 'root_cause_category'];
    expect([...(canonical.files[0]?.absentColumns ?? [])].sort()).toEqual(absent);
    expect([...(files[0]?.absentColumns ?? [])].sort()).toEqual(absent);
  });

  it('refuses a file that lacks the column the user mapped to priority, as a mismatch', async () => {
    // The user said where the priority is; the file does not have it, so nothing is silently unknown.
    const csv = 'incident_number,created_on\n7,2025-05-01T10:00:00-07:00\n';
    const config = { priorities: { high: 'P1' }, datasets: { incidents: { preset: 'pagerduty-csv', columns: { urgency: 'priority' } } } };
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
    expect(files[0]?.fatal).toBe(true);
    expect(messages(files)[0]).toContain('the file does not fit preset "pagerduty-csv" for incidents: no column for priority (looked for "urgency")');
  });

  it('reads a priority column when the export has one, without asking for an urgency mapping', async () => {
    const csv = 'incident_number,created_on,urgency,priority\n7,2025-05-01T10:00:00-07:00,high,P2\n';
    const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, { datasets: { incidents: { preset: 'pagerduty-csv' } } }));
    expect(messages(files)).toEqual([]);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority, iso(i.opened_at)])).toEqual([['7', 'P2', '2025-05-01T17:00:00.000Z']]);
  });

  it('reads a priority column of another name that the user maps, whatever urgency holds', async () => {
    // priority_name is the user's own column (added to the report): its P1 and P2 are read as they are,
    // not judged by whether urgency's high or low is mapped to P1.
    const csv = 'incident_number,created_on,urgency,priority_name\n7,2025-05-01T10:00:00-07:00,high,P1\n8,2025-05-02T10:00:00-07:00,low,P2\n';
    const config = { datasets: { incidents: { preset: 'pagerduty-csv', columns: { priority_name: 'priority' } } } };
    const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
    expect(messages(files)).toEqual([]);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority])).toEqual([['7', 'P1'], ['8', 'P2']]);
  });

  describe('a download of exactly 20,000 incidents, where PagerDuty cuts one', () => {
    const header = 'incident_number,created_on,resolved_on,description,service_name,urgency';
    const rows = (count: number) => [header, ...Array.from({ length: count }, (_, i) => `${i + 1},2026-07-01T10:00:00+00:00,,incident ${i + 1},search,high`)].join('\n');
    const config = { priorities: { high: 'P1', low: 'P3' }, datasets: { incidents: { preset: 'pagerduty-csv', columns: { urgency: 'priority' } } } };

    it('is read whole, and a warning says it may have been cut short', async () => {
      const { files } = await loadFolder(tempFolder({ 'incidents.csv': rows(20_000) }, config));
      expect(files.map((f) => [f.rows, f.accepted, f.warnings])).toEqual([[20_000, 20_000, 1]]);
      expect(messages(files)).toEqual([
        'incidents.csv:1: -: warning: this file has exactly 20,000 records, and PagerDuty cuts an incident CSV download at 20,000 rows: it may have been cut short, ' +
          'leaving later records out of every figure. Download shorter date ranges, each under 20,000 incidents, and give them as one file',
      ]);
    });

    it('one fewer is not: nothing is said', async () => {
      const { files } = await loadFolder(tempFolder({ 'incidents.csv': rows(19_999) }, config));
      expect(messages(files)).toEqual([]);
    });
  });
});
