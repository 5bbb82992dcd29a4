/** fixtures/vendors/incidentio: API v2 incidents and follow-ups. */
import { describe, expect, it } from 'vitest';
import { iso, loadVendor, messages } from './vendor-fixture.js';

describe('preset incidentio', () => {
  it('reads incidents: severities by rank, resolution from the timestamp values, test and declined ones left out', async () => {
    const { data, files } = await loadVendor('incidentio');
    expect(messages(files)).toEqual([]);
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
});
