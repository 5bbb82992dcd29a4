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

  it('reads follow-ups: only completed completes one, deleted ones are left out, and no incident.io user id is taken for an owner', async () => {
    const { data } = await loadVendor('incidentio');
    // The fixture's assignees are incident.io users (01USERANA, 01USERBO): no employee id is among them.
    expect([...(data.action_items ?? [])].map((a) => [a.action_id, iso(a.completed_at), a.owner_id])).toEqual([
      ['01HVF1', '2025-04-10T16:20:00.000Z', undefined],
      ['01HVF2', undefined, undefined], // not_doing
      ['01HVF3', undefined, undefined], // outstanding
      ['01HVF5', '2025-05-30T10:00:00.000Z', undefined],
    ]);
    expect([...(data.action_items ?? [])][0]?.incident_id).toBe(data.incidents?.records()[0]?.incident_id);
  });

  it('takes a follow-up\'s completed_at only when it is completed, even though its key is the canonical name', async () => {
    // F2 was dropped ("not_doing") after a completion time was written: not done. The canonical name, the
    // last resort of every column, read that key past the preset's condition and counted it done.
    const followUp = (id: string, status: string) =>
      `{"id":"${id}","incident_id":"01INC","created_at":"2025-04-02T10:00:00Z","status":"${status}","completed_at":"2025-04-05T10:00:00Z"}`;
    const followUps = `{"follow_ups":[${followUp('F1', 'completed')},${followUp('F2', 'not_doing')}]}`;
    const { data } = await loadFolder(tempFolder({ 'action_items.json': followUps }, { datasets: { action_items: { preset: 'incidentio' } } }));
    expect([...(data.action_items ?? [])].map((a) => [a.action_id, iso(a.completed_at)])).toEqual([
      ['F1', '2025-04-05T10:00:00.000Z'],
      ['F2', undefined],
    ]);
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

  it('says which columns the records lack when every incident is left out, as when some are kept', async () => {
    // Both incidents are test incidents: none reaches the figures. Neither gives a postmortem lead or an RCA
    // time, as the same file with one standard incident does not: p1_rca_48h and postmortem_leads_6m are
    // no_data either way, not 0 of the 2.0 cohort leading a postmortem.
    const incident = (id: string, mode: string, extra = '') =>
      `{"id":"${id}","name":"${id}","mode":"${mode}","severity":{"rank":3},"incident_status":{"category":"live"},"created_at":"2026-07-06T10:00:00Z","incident_timestamp_values":[]${extra}}`;
    const absent = async (...incidents: string[]) => {
      const { files } = await loadFolder(tempFolder({ 'incidents.json': `{"incidents":[${incidents.join(',')}]}` }, { datasets: { incidents: { preset: 'incidentio' } } }));
      return [...(files[0]?.absentColumns ?? [])].sort();
    };
    const kept = await absent(incident('REAL', 'standard'), incident('GAME2', 'test'));
    expect(kept).toEqual(['postmortem_lead_id', 'rca_completed_at', 'recurrence_of', 'root_cause_category', 'service']);
    expect(await absent(incident('GAME1', 'test'), incident('GAME2', 'test'))).toEqual(kept);
    // A record left out that gives the column (a key, even an empty one): the file has it.
    expect(await absent(incident('GAME1', 'test'), incident('GAME2', 'test', ',"postmortem_lead_id":""')))
      .toEqual(['rca_completed_at', 'recurrence_of', 'root_cause_category', 'service']);
    // A file with no record says nothing of its columns.
    expect(await absent()).toEqual([]);
  });

  describe('a follow-up of an incident the preset left out', () => {
    // 01REAL is an incident; 01GAME a game day (mode test), left out with its follow-up FT; F9 names an
    // incident that is in no file at all, which stays an error.
    const incident = (id: string, mode: string) =>
      `{"id":"${id}","name":"${id}","mode":"${mode}","severity":{"rank":3},"incident_status":{"category":"live"},"created_at":"2026-07-06T10:00:00Z","incident_timestamp_values":[]}`;
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
      // The same canonical file with a dateFormat of its own (read through the canonical stand-in): the same error.
      const dayFirst = 'action_id,incident_id,created_at\nA1,01GAME,06/07/2026\n';
      const withFormat = await loadFolder(tempFolder(
        { 'incidents.json': incidents, 'action_items.csv': dayFirst },
        { datasets: { incidents: { preset: 'incidentio' }, action_items: { dateFormat: 'dd/MM/yyyy' } } },
      ));
      expect(messages(withFormat.files)).toContain('action_items.csv:2: incident_id: incident_id "01GAME" names a record its preset left out of incidents.json ' +
        '(test or tutorial incidents, and declined, merged or canceled ones): leave this row out too, or read this file with a preset that leaves such rows out');
    });
  });

  describe('what the preset assumes is said, with the config that says otherwise', () => {
    const incident = (id: string, severity: string, category: string, resolvedAt?: string) => JSON.stringify({
      id, reference: `INC-${id}`, name: id, mode: 'standard', severity: JSON.parse(severity), incident_status: { category },
      created_at: '2026-07-06T10:00:00Z',
      incident_timestamp_values: resolvedAt === undefined ? [] : [{ incident_timestamp: { name: 'Resolved at' }, value: { value: resolvedAt } }],
    });
    const folder = (incidents: string[], config: Record<string, unknown> = {}) =>
      loadFolder(tempFolder({ 'incidents.json': `{"incidents":[${incidents.join(',')}]}` }, { ...config, datasets: { incidents: { preset: 'incidentio' } } }));

    it('a severity named otherwise than incident.io\'s own for its rank: read by the default map, and said', async () => {
      // 1 (SEV2 at rank 3) and 2 (SEV3 at rank 2) are read as Critical P1 and Major P2; 3 (Critical at rank 3) is the default.
      const { data, files } = await folder([
        incident('1', '{"name":"SEV2","rank":3}', 'live'), incident('2', '{"name":"SEV3","rank":2}', 'live'), incident('3', '{"name":"Critical","rank":3}', 'live'),
      ]);
      expect(data.incidents?.records().map((i) => i.priority)).toEqual(['P1', 'P2', 'P1']);
      expect(messages(files)).toEqual([
        'incidents.json:0: priority: warning: 2 incidents have severities named otherwise than incident.io\'s own for their rank (like "SEV2" at rank 3, read as Critical, P1): ' +
          'preset "incidentio" reads rank 3 as Critical (P1), rank 2 as Major (P2) and rank 1 as Minor (P3). If your severities differ, say which rank is which priority: ' +
          '{ "priorities": { "rank 4": "P1", "rank 3": "P2", "rank 2": "P3", "rank 1": "P4" } }',
      ]);
    });

    it('a priority read from a column the user mapped is the user\'s word: nothing is said of ranks', async () => {
      const severities = [incident('1', '{"name":"P3","rank":3}', 'live'), incident('2', '{"name":"P1","rank":2}', 'live')];
      const { data, files } = await loadFolder(tempFolder({ 'incidents.json': `{"incidents":[${severities.join(',')}]}` },
        { datasets: { incidents: { preset: 'incidentio', columns: { 'severity.name': 'priority' } } } }));
      expect(data.incidents?.records().map((i) => i.priority)).toEqual(['P3', 'P1']);
      expect(messages(files)).toEqual([]);
    });

    it('a rank the config maps is the user\'s word: nothing is said of it', async () => {
      const { data, files } = await folder([incident('1', '{"name":"SEV2","rank":3}', 'live'), incident('2', '{"name":"SEV1","rank":4}', 'live')],
        { priorities: { 'rank 4': 'P1', 'rank 3': 'P2' } });
      expect(data.incidents?.records().map((i) => i.priority)).toEqual(['P2', 'P1']);
      expect(messages(files)).toEqual([]);
    });

    it('an incident closed (or in learning) with no "Resolved at": unresolved, and said; one still live is not', async () => {
      const { data, files } = await folder([
        incident('1', '{"name":"Critical","rank":3}', 'closed'), incident('2', '{"name":"Critical","rank":3}', 'learning'),
        incident('3', '{"name":"Critical","rank":3}', 'closed', '2026-07-06T12:00:00Z'), incident('4', '{"name":"Critical","rank":3}', 'live'),
      ]);
      expect(data.incidents?.records().map((i) => iso(i.resolved_at))).toEqual([undefined, undefined, '2026-07-06T12:00:00.000Z', undefined]);
      expect(messages(files)).toEqual([
        'incidents.json:0: resolved_at: warning: 2 incidents are closed in incident.io (status category learning or closed) with no "Resolved at" timestamp ' +
          '(like INC-1): they count as unresolved (p1_unresolved; no RCA clock starts at their resolution). If your workflow names that timestamp otherwise, map it: ' +
          '{ "datasets": { "incidents": { "columns": { "incident_timestamp_values[incident_timestamp.name=<its name>].value.value": "resolved_at" } } } }',
      ]);
    });
  });
});
