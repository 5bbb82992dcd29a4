/** fixtures/vendors/pagerduty-api: a saved REST API v2 `GET /incidents` page of the same five incidents as the CSV. */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/datasets.js';
import { iso, loadFolder, loadVendor, messages, tempFolder } from './vendor-fixture.js';

const incident = (number: number, priority: unknown) => ({
  id: `P${number}`, incident_number: number, title: `incident ${number}`, created_at: '2025-05-01T10:00:00Z', resolved_at: null,
  urgency: 'high', priority, service: { id: 'PS1', summary: 'search' },
});

const withoutService = ({ service: _service, ...rest }: ReturnType<typeof incident>) => rest;

describe('preset pagerduty-api', () => {
  it('reads the incidents array: numbers, priority names, service summaries, null while open', async () => {
    const { data, files } = await loadVendor('pagerduty-api');
    expect(messages(files)).toEqual([]);
    const incidents = data.incidents?.records() ?? [];
    expect(incidents.map((i) => [i.incident_id, i.priority, i.service, iso(i.resolved_at)])).toEqual([
      ['1041', 'P1', 'checkout-api', '2025-03-09T10:10:12.000Z'],
      ['1042', 'P3', 'orders-db', '2025-03-12T17:00:00.000Z'],
      ['1043', 'P1', 'payments-gateway', undefined],
      ['1044', 'P1', 'search', '2025-11-02T09:30:00.000Z'],
      ['1045', 'P3', 'search', '2025-11-03T16:45:00.000Z'],
    ]);
  });

  it('gives the same records as the PagerDuty CSV of the same incidents (titles aside: the CSV keeps CRLF in a quoted newline)', async () => {
    const withoutTitle = ({ title: _title, ...rest }: Incident) => rest;
    const api = await loadVendor('pagerduty-api');
    const csv = await loadVendor('pagerduty-csv');
    expect(api.data.incidents?.records().map(withoutTitle)).toEqual(csv.data.incidents?.records().map(withoutTitle));
  });

  it('rejects an incident that gives a key twice, nested ones too, and keeps its number as rejected', async () => {
    // Incident 7's priority object names its summary twice; incident 7 again is then a duplicate of a rejected row.
    const repeated = JSON.stringify({ incidents: [incident(7, { summary: 'P2' }), incident(8, { summary: 'P1' }), incident(7, { summary: 'P3' })] })
      .replace('"summary":"P2"', '"summary":"P2","summary":"P1"');
    const dir = tempFolder({ 'incidents.json': repeated }, { datasets: { incidents: { preset: 'pagerduty-api' } } });
    const { data, files } = await loadFolder(dir);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority])).toEqual([['8', 'P1']]);
    expect(messages(files)).toEqual([
      // The document is one line: the columns are the offsets of the two keys, plus one.
      `incidents.json:0: priority: the key "priority.summary" is given twice in this record (first on line 1 at column ${repeated.indexOf('"summary":"P2"') + 1}, ` +
        `again on line 1 at column ${repeated.indexOf('"summary":"P1"') + 1}); ` +
        'JSON keeps the last, so which value was meant is unclear',
      'incidents.json:2: incident_id: duplicate incident_id "7" (first in record 0, which was rejected)',
    ]);
  });

  it('reads a priority and a service whose keys are spelled in another case, as the top-level keys are', async () => {
    const records = [
      { ...incident(7, undefined), PRIORITY: { summary: 'P1' } },
      { ...incident(8, { Summary: 'P1' }), service: { SUMMARY: 'checkout-api' } },
      { ...withoutService(incident(9, { 'Name ': 'P3' })), Service: { Summary: 'orders-db' } },
    ];
    const dir = tempFolder({ 'incidents.json': JSON.stringify({ incidents: records }) }, { datasets: { incidents: { preset: 'pagerduty-api' } } });
    const { data, files } = await loadFolder(dir);
    expect(messages(files)).toEqual([]);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority, i.service])).toEqual([
      ['7', 'P1', 'search'],
      ['8', 'P1', 'checkout-api'],
      ['9', 'P3', 'orders-db'],
    ]);
  });

  it('rejects an incident whose priority object has two keys for its summary, as two top-level keys are', async () => {
    // Incident 7 says P1 and P3: which is meant is unclear, whichever comes first. Incident 8's two agree, and are still two.
    const records = [incident(7, { Summary: 'P1', summary: 'P3' }), incident(8, { summary: 'P1', SUMMARY: 'P1' }), incident(9, { summary: 'P2' }), incident(7, { summary: 'P2' })];
    const dir = tempFolder({ 'incidents.json': JSON.stringify({ incidents: records }) }, { datasets: { incidents: { preset: 'pagerduty-api' } } });
    const { data, files } = await loadFolder(dir);
    const both = (a: string, b: string): string =>
      `columns "${a}" and "${b}" both mean "priority"; keep one: delete or rename the other in the file (or in the config's "columns" map, if it names one of them)`;
    expect(messages(files)).toEqual([
      `incidents.json:0: priority: ${both('priority.Summary', 'priority.summary')}`,
      `incidents.json:1: priority: ${both('priority.summary', 'priority.SUMMARY')}`,
      // The rejected incident keeps its number: a later one with it is a duplicate.
      'incidents.json:3: incident_id: duplicate incident_id "7" (first in record 0, which was rejected)',
    ]);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority])).toEqual([['9', 'P2']]);
  });

  it('a resolved incident without resolved_at takes its last status change as its resolution, with a warning; one with neither is told, not counted open silently', async () => {
    // PagerDuty's incident object lists status and last_status_change_at (export-formats.md §1.1b); a page
    // saved without resolved_at (or with it null) made each resolved P1 an open one in p1_unresolved.
    const at = (number: number, fields: Record<string, unknown>) => ({ ...incident(number, { summary: 'P1' }), ...fields });
    const { resolved_at: _none, ...absent } = at(3, { status: 'resolved', last_status_change_at: '2025-05-01T12:30:00Z' });
    const dir = tempFolder({
      'incidents.json': JSON.stringify({ incidents: [
        at(1, { status: 'resolved', resolved_at: '2025-05-01T11:00:00Z', last_status_change_at: '2025-05-01T11:00:00Z' }),
        at(2, { status: 'resolved', last_status_change_at: '2025-05-01T12:00:00Z' }),
        absent,
        // Acknowledged: its last status change is the acknowledgement, no resolution.
        at(4, { status: 'acknowledged', last_status_change_at: '2025-05-01T10:05:00Z' }),
        at(5, { status: 'resolved' }),
      ], more: false }),
    }, { datasets: { incidents: { preset: 'pagerduty-api' } } });
    const { data, files } = await loadFolder(dir);
    expect(data.incidents?.records().map((i) => [i.incident_id, iso(i.resolved_at)])).toEqual([
      ['1', '2025-05-01T11:00:00.000Z'],
      ['2', '2025-05-01T12:00:00.000Z'],
      ['3', '2025-05-01T12:30:00.000Z'],
      ['4', undefined],
      ['5', undefined],
    ]);
    expect(messages(files)).toEqual([
      'incidents.json:1: resolved_at: warning: 2 resolved incidents have no resolved_at, so their last status change (last_status_change_at) is taken as their resolution (like 2): ' +
        'a resolved PagerDuty incident changes status no more. If your export has the resolution time under another key, map it: ' +
        '{ "datasets": { "incidents": { "columns": { "<its key>": "resolved_at" } } } }',
      'incidents.json:4: resolved_at: warning: 1 incident is resolved in PagerDuty with neither resolved_at nor last_status_change_at (like 5): ' +
        'it counts as unresolved (p1_unresolved; no RCA clock starts at its resolution). If your export has the resolution time under another key, map it: ' +
        '{ "datasets": { "incidents": { "columns": { "<its key>": "resolved_at" } } } }',
    ]);
  });

  it('reads a service reference whose summary is null as no service, not as the reference object', async () => {
    // PagerDuty's types: any field may be null unless required. Incident 7's service reference has a null
    // summary: its canonical equivalent is an empty service cell (no service), so the incident is read with
    // no service. It must not be rejected ("service: expected text, found an object") for PagerDuty's own
    // service object found at the canonical name, which left the report without a figure (exit 2).
    const page = JSON.stringify({ incidents: [{ ...incident(7, { summary: 'P1' }), service: { id: 'PS1', type: 'service_reference', summary: null } }, incident(8, { summary: 'P2' })], more: false });
    const { data, files } = await loadFolder(tempFolder({ 'incidents.json': page }, { datasets: { incidents: { preset: 'pagerduty-api' } } }));
    expect(messages(files)).toEqual([]);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority, i.service])).toEqual([['7', 'P1', undefined], ['8', 'P2', 'search']]);
  });

  describe('an incident whose priority is null (an account with priorities off)', () => {
    const page = (...incidents: unknown[]) => JSON.stringify({ incidents, limit: 25, more: false });
    const withUrgency = (number: number, urgency: string | undefined) => {
      const { urgency: _urgency, ...rest } = incident(number, null);
      return urgency === undefined ? rest : { ...rest, urgency };
    };

    it('is read with an unknown priority, never refused, and one warning counts such incidents with the config that reads urgency', async () => {
      const dir = tempFolder(
        { 'incidents.json': page(incident(7, { summary: 'P2' }), incident(8, null), withUrgency(9, 'low'), withUrgency(10, undefined)) },
        { datasets: { incidents: { preset: 'pagerduty-api' } } },
      );
      const { data, files } = await loadFolder(dir);
      expect(data.incidents?.records().map((i) => [i.incident_id, i.priority])).toEqual([['7', 'P2'], ['8', 'unknown'], ['9', 'unknown'], ['10', 'unknown']]);
      // 8 and 9 have an urgency the config could read; 10 has none, and is told so rather than asked for that config.
      expect(messages(files)).toEqual([
        'incidents.json:1: priority: warning: 2 incidents, the first on this line, have no priority: PagerDuty gives an incident no priority (null) ' +
          'where the account has priorities turned off, only urgency (high/low); say which urgency is P1. Until then their priority is unknown, ' +
          'and the P1 measures (p1_rca_48h, p1_unresolved) are not computed, since any of them could be a P1. Add to the config: { "priorities": { "high": "P1", "low": "P3" } }',
        expect.stringMatching(/^incidents\.json:3: priority: warning: 1 incident, on this line, has no priority: PagerDuty gives this incident neither a priority nor an urgency; /),
      ]);
      expect(files.map((f) => [f.rows, f.accepted, f.rejected, f.warnings])).toEqual([[4, 4, 0, 2]]);
    });

    it('takes its urgency once the config says which urgency is P1; a priority the incident has still wins', async () => {
      const dir = tempFolder(
        { 'incidents.json': page(incident(7, { summary: 'P2' }), incident(8, null), withUrgency(9, 'low'), withUrgency(10, undefined)) },
        { priorities: { high: 'P1', low: 'P3' }, datasets: { incidents: { preset: 'pagerduty-api' } } },
      );
      const { data, files } = await loadFolder(dir);
      // 7 has P2 of its own (its urgency, high, is not read); 8 is high → P1, 9 low → P3; 10 has no urgency either.
      expect(data.incidents?.records().map((i) => [i.incident_id, i.priority])).toEqual([['7', 'P2'], ['8', 'P1'], ['9', 'P3'], ['10', 'unknown']]);
      // 10 has neither: the config's word on urgency cannot read it, and the warning says so rather than ask for that word again.
      expect(messages(files)).toEqual([
        'incidents.json:3: priority: warning: 1 incident, on this line, has no priority: PagerDuty gives this incident neither a priority nor an urgency; ' +
          'map a column that holds its priority, if the export has one. Until then its priority is unknown, and the P1 measures (p1_rca_48h, p1_unresolved) ' +
          'are not computed, since any of them could be a P1. Add to the config: { "datasets": { "incidents": { "columns": { "<column holding priority>": "priority" } } } }',
      ]);
    });
  });
});
