/** fixtures/vendors/opsgenie: a saved alerts API page (`{ "data": [...] }`). */
import { describe, expect, it } from 'vitest';
import { iso, loadVendor, messages } from './vendor-fixture.js';

describe('preset opsgenie', () => {
  it('reads alerts: tiny ids, P1..P5, and the last update of a closed alert as its resolution', async () => {
    const { data, files } = await loadVendor('opsgenie');
    // The one assumption, said once for the file: 1201, 1202 and 1204 are closed, 1203 is open.
    expect(messages(files)).toEqual([
      'alerts.json:0: resolved_at: warning: 3 closed alerts take their last update (updatedAt) as their resolution (like 1201): ' +
        "Opsgenie's alert list has no close time, so a note, tag or acknowledgement after closing moves it later, and the RCA clock " +
        '(rca.clockStartsAt "resolved") with it. If your export has a close time, map it: { "datasets": { "incidents": { "columns": { "<its key>": "resolved_at" } } } }',
    ]);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority, iso(i.opened_at), iso(i.resolved_at), i.service])).toEqual([
      ['1201', 'P2', '2025-05-05T10:00:00.000Z', '2025-05-05T10:42:10.123Z', 'web-7'],
      ['1202', 'P1', '2025-05-06T22:15:30.500Z', '2025-05-07T01:00:00.000Z', 'payments-gateway'],
      // Open: its updatedAt is not a resolution.
      ['1203', 'P3', '2025-05-08T08:00:00.000Z', undefined, 'orders-db'],
      ['1204', 'P5', '2025-05-09T12:00:00.000Z', '2025-05-10T09:00:00.000Z', 'search'],
    ]);
  });
});
