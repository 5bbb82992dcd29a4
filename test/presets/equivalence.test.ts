/**
 * The same five incidents read from PagerDuty's CSV, from its API JSON and from a canonical CSV give
 * the same measures: a preset is only a way of reading, never a change of meaning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { resolveWindow } from '../../src/model/window.js';
import { computeReport } from '../../src/report/compute-report.js';
import { loadFolder, loadVendor, tempFolder, VENDORS_DIR, type Loaded } from './vendor-fixture.js';

// The incidents of fixtures/vendors/pagerduty-csv as a user would re-type them: instants in UTC, P1 for high urgency.
const CANONICAL = `incident_id,opened_at,priority,title,service,resolved_at
1041,2025-03-09T07:50:12Z,P1,"Checkout latency, p99 > 2s",checkout-api,2025-03-09T10:10:12Z
1042,2025-03-12T16:15:00Z,P3,Disk full on db-3,orders-db,2025-03-12T17:00:00Z
1043,2025-06-02T21:00:00Z,P1,Payments webhook failures,payments-gateway,
1044,2025-11-02T05:30:00Z,P1,"Search cluster red ""shard unassigned""",search,2025-11-02T09:30:00Z
1045,2025-11-03T16:00:00Z,P3,Certificate expires in 7 days,search,2025-11-03T16:45:00Z
`;

const reportOf = ({ config, data }: Loaded): Report => {
  const window = resolveWindow({ period: '2025', today: '2026-02-01', timezone: config.timezone });
  return computeReport({ data, config, window, inputs: [], failOn: 'red-flag', names: false, toolVersion: 'test' });
};

const measures = (report: Report) => report.metrics.flatMap((metric) => metric.measures);

describe('PagerDuty CSV, PagerDuty API and canonical CSV', () => {
  it('give the same measures and red flags', async () => {
    const csv = reportOf(await loadVendor('pagerduty-csv'));
    const api = reportOf(await loadVendor('pagerduty-api'));
    const canonical = reportOf(await loadFolder(tempFolder({ 'incidents.csv': CANONICAL }, { timezone: 'America/Los_Angeles' })));
    expect(measures(api)).toEqual(measures(csv));
    expect(measures(canonical)).toEqual(measures(csv));
    expect(api.redFlags).toEqual(csv.redFlags);
    expect(canonical.redFlags).toEqual(csv.redFlags);
  });

  it('and the measures are figures, not all empty: P1s are found in each', async () => {
    const csv = measures(reportOf(await loadVendor('pagerduty-csv')));
    // 2025: P1s 1041 and 1044 have their RCA due (resolved + 48 h) in the year, neither has an RCA: 0 of 2.
    // 1043 (P1, opened 2 June) is not resolved.
    expect(csv.find((m) => m.id === 'p1_rca_48h')).toMatchObject({ value: 0, n: 2 });
    expect(csv.find((m) => m.id === 'p1_unresolved')).toMatchObject({ value: 1 });
  });

  it('without the urgency mapping: only the two P1 measures change, to insufficient_data with the reason', async () => {
    const mapped = measures(reportOf(await loadVendor('pagerduty-csv')));
    const csv = readFileSync(join(VENDORS_DIR, 'pagerduty-csv/incidents.csv'), 'utf8');
    const config = { timezone: 'America/Los_Angeles', datasets: { incidents: { preset: 'pagerduty-csv' } } };
    const unmapped = measures(reportOf(await loadFolder(tempFolder({ 'incidents.csv': csv }, config))));
    // All five incidents are opened in 2025, before T = 2025-12-31: 5 of 5 unknown.
    const reason = 'priority unknown for 5 of 5 incidents: their export gives them no priority (no column of it, or an empty one), ' +
      'and nothing in the config says which of them are P1 (the warning on the incidents file says what to add)';
    const P1_MEASURES = ['p1_rca_48h', 'p1_unresolved'];
    for (const id of P1_MEASURES) {
      expect(unmapped.find((m) => m.id === id)).toMatchObject({ value: null, status: 'insufficient_data', reason });
    }
    // recurrence_reduction_yoy, action items, adoption...: exactly as with the mapping.
    const others = (list: ReturnType<typeof measures>) => list.filter((m) => !P1_MEASURES.includes(m.id));
    expect(others(unmapped)).toEqual(others(mapped));
    expect(others(unmapped).length).toBe(mapped.length - 2);
  });
});
