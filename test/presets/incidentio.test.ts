/** fixtures/vendors/incidentio: API v2 incidents and follow-ups. */
import { describe, expect, it } from 'vitest';
import { iso, loadFolder, loadVendor, messages, tempFolder } from './vendor-fixture.js';

describe('preset incidentio', () => {
  it('reads incidents: severities by rank, resolution from the timestamp values, test and declined ones left out', async () => {
    const { data, files } = await loadVendor('incidentio');
    // Left out, but never unsaid: one warning per file counts them.
    expect(messages(files)).toEqual([
      'incidents.json:2: -: warning: 2 records left out by preset "incidentio" (test or tutorial incidents, and declined, merged or canceled ones), ' +
        'the first on this line: they are not rows of incidents and count in no figure',
      'follow-ups.json:3: -: warning: 1 record left out by preset "incidentio" (deleted follow-ups), on this line: it is not a row of action_items and counts in no figure',
    ]);
    expect(files.map((f) => [f.rows, f.accepted, f.rejected, f.warnings])).toEqual([[3, 3, 0, 1], [4, 4, 0, 1]]);
    // INC-43 (mode test) and INC-44 (declined) are not incidents; rank 3 → P1, rank 1 → P3.
    expect(data.incidents?.records().map((i) => [i.title, i.priority, iso(i.opened_at), iso(i.resolved_at)])).toEqual([
      ['Checkout errors for EU customers', 'P1', '2025-04-01T09:12:33.801Z', '2025-04-01T11:02:00.000Z'],
      ['Slow dashboard loads', 'P3', '2025-04-03T15:00:00.123Z', undefined],
      ['Queue backlog in notifications', 'P1', '2025-04-20T22:00:00.000Z', '2025-04-21T01:30:00.000Z'],
    ]);
  });

  it('reads follow-ups: only completed completes one, deleted ones are left out', async () => {
    const { data } = await loadVendor('incidentio');
    expect([...(data.action_items ?? [])].map((a) => [a.action_id, iso(a.completed_at), a.owner_id])).toEqual([
      ['01HVF1', '2025-04-10T16:20:00.000Z', '01USERANA'],
      ['01HVF2', undefined, '01USERBO'], // not_doing
      ['01HVF3', undefined, undefined], // outstanding
      ['01HVF5', '2025-05-30T10:00:00.000Z', '01USERANA'],
    ]);
    expect([...(data.action_items ?? [])][0]?.incident_id).toBe(data.incidents?.records()[0]?.incident_id);
  });

  it('reports a follow-up that gives its status twice rather than leave it out by its last status', async () => {
    const followUp = (id: string, status: string) => `{"id":"${id}","incident_id":"01INC","created_at":"2025-04-02T10:00:00Z","status":"${status}"}`;
    const followUps = `{"follow_ups":[${followUp('F1', 'completed')},${followUp('F2', 'outstanding').replace('}', ',"status":"deleted"}')},${followUp('F3', 'deleted')}]}`;
    const { data, files } = await loadFolder(tempFolder({ 'action_items.json': followUps }, { datasets: { action_items: { preset: 'incidentio' } } }));
    // F3 is deleted, and left out; F2 says outstanding and deleted: which is meant is unclear, so it is reported.
    expect([...(data.action_items ?? [])].map((a) => a.action_id)).toEqual(['F1']);
    expect(messages(files)).toEqual([
      expect.stringMatching(/^action_items\.json:1: status: the key "status" is given twice in this record /),
      'action_items.json:2: -: warning: 1 record left out by preset "incidentio" (deleted follow-ups), on this line: it is not a row of action_items and counts in no figure',
    ]);
    expect(files.map((f) => [f.rows, f.accepted, f.rejected])).toEqual([[2, 1, 1]]);
  });

  describe('a follow-up of an incident the preset left out', () => {
    // 01REAL is an incident; 01GAME a game day (mode test), left out with its follow-up FT; F9 names an
    // incident that is in no file at all, which stays an error.
    const incident = (id: string, mode: string) =>
      `{"id":"${id}","name":"${id}","mode":"${mode}","severity":{"rank":3},"incident_status":{"category":"closed"},"created_at":"2026-07-06T10:00:00Z","incident_timestamp_values":[]}`;
    const followUp = (id: string, incidentId: string) => `{"id":"${id}","incident_id":"${incidentId}","status":"outstanding","created_at":"2026-07-06T13:00:00Z"}`;
    const incidents = `{"incidents":[${incident('01REAL', 'standard')},${incident('01GAME', 'test')}]}`;
    const followUps = (...items: string[]) => `{"follow_ups":[${items.join(',')}]}`;

    it('is left out too, counted in a warning of its own', async () => {
      const { data, files } = await loadFolder(tempFolder(
        { 'incidents.json': incidents, 'follow-ups.json': followUps(followUp('F1', '01REAL'), followUp('FT', '01GAME'), followUp('FT2', ' 01GAME ')) },
        { datasets: { incidents: { preset: 'incidentio' }, action_items: { path: 'follow-ups.json', preset: 'incidentio' } } },
      ));
      expect([...(data.action_items ?? [])].map((a) => a.action_id)).toEqual(['F1']);
      expect(messages(files)).toEqual([
        'incidents.json:1: -: warning: 1 record left out by preset "incidentio" (test or tutorial incidents, and declined, merged or canceled ones), ' +
          'on this line: it is not a row of incidents and counts in no figure',
        'follow-ups.json:1: -: warning: 2 records left out by preset "incidentio" (its incident_id names a record left out of incidents.json: ' +
          'test or tutorial incidents, and declined, merged or canceled ones), the first on this line: they are not rows of action_items and count in no figure',
      ]);
      expect(files.map((f) => [f.rows, f.accepted, f.rejected, f.warnings])).toEqual([[1, 1, 0, 1], [1, 1, 0, 1]]);
    });

    it('a follow-up naming an incident in no file is still an error', async () => {
      const { files } = await loadFolder(tempFolder(
        { 'incidents.json': incidents, 'follow-ups.json': followUps(followUp('F9', '01NONE')) },
        { datasets: { incidents: { preset: 'incidentio' }, action_items: { path: 'follow-ups.json', preset: 'incidentio' } } },
      ));
      expect(messages(files)).toContain('follow-ups.json:0: incident_id: incident_id "01NONE" is not in incidents.json');
    });

    it('in a file read without the preset, is an error that says the incident was left out, and why', async () => {
      const canonical = 'action_id,incident_id,created_at\nA1,01GAME,2026-07-06T13:00:00Z\n';
      const { files } = await loadFolder(tempFolder(
        { 'incidents.json': incidents, 'action_items.csv': canonical },
        { datasets: { incidents: { preset: 'incidentio' } } },
      ));
      expect(messages(files)).toContain('action_items.csv:2: incident_id: incident_id "01GAME" names a record its preset left out of incidents.json ' +
        '(test or tutorial incidents, and declined, merged or canceled ones): leave this row out too, or read this file with a preset that leaves such rows out');
    });
  });
});
