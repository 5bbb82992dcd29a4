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
    const incidents = data.incidents ?? [];
    expect(incidents.map((i) => i.incident_id)).toEqual(['1041', '1042', '1043', '1044', '1045']);
    // The config maps high → P1 and low → P3.
    expect(incidents.map((i) => i.priority)).toEqual(['P1', 'P3', 'P1', 'P1', 'P3']);
    // A quoted newline of a CRLF file is kept as written.
    expect(incidents[1]?.title).toBe('Disk full on db-3\r\n(/var/lib/postgres at 100%)');
    expect(incidents[3]?.service).toBe('search');
  });

  it('reads offsets that change at DST exactly: the times agree with seconds_to_resolve', async () => {
    const incidents = (await loadVendor('pagerduty-csv')).data.incidents ?? [];
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

  it('refuses the file, naming the config that fixes it, when urgency is not mapped to priority', async () => {
    const dir = tempFolder({ 'incidents.csv': CSV }, { datasets: { incidents: { preset: 'pagerduty-csv' } } });
    const { files } = await loadFolder(dir);
    expect(files[0]?.fatal).toBe(true);
    expect(messages(files)).toEqual([
      "incidents.csv:1: -: PagerDuty's incident CSV has no priority column, only urgency (high/low); say which urgency is P1. " +
        'Add to the config: { "datasets": { "incidents": { "columns": { "urgency": "priority" } } }, "priorities": { "high": "P1", "low": "P3" } }',
    ]);
  });

  it('does not guess P1 from the default names: urgency mapped without saying which value is P1 is refused', async () => {
    // The default names read High as P2: no incident would be P1, and the P1 measures would be silently empty.
    const dir = tempFolder({ 'incidents.csv': CSV }, { datasets: { incidents: { preset: 'pagerduty-csv', columns: { urgency: 'priority' } } } });
    const { files } = await loadFolder(dir);
    expect(files[0]?.fatal).toBe(true);
    expect(messages(files)[0]).toContain('say which urgency is P1');
  });

  it('reads a priority column when the export has one, without asking for an urgency mapping', async () => {
    const csv = 'incident_number,created_on,urgency,priority\n7,2025-05-01T10:00:00-07:00,high,P2\n';
    const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, { datasets: { incidents: { preset: 'pagerduty-csv' } } }));
    expect(messages(files)).toEqual([]);
    expect(data.incidents?.map((i) => [i.incident_id, i.priority, iso(i.opened_at)])).toEqual([['7', 'P2', '2025-05-01T17:00:00.000Z']]);
  });
});
