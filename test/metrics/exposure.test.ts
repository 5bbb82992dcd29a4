import { describe, expect, it } from 'vitest';
import { annualise, eligibleEngineers, exposureDays, meanAnnualisedRate } from '../../src/metrics/exposure.js';
import { change, contextFor, person } from '../helpers/org.js';

describe('exposureDays (T = 2026-09-30, Y = 2025-10-01..2026-09-30, 365 days)', () => {
  const { window } = contextFor({});
  it.each([
    // s before Y: every day of Y counts → 365.
    { start: '2020-01-01', days: 365 },
    // s = the first day outside Y (T − 12 months): still all 365 days of Y.
    { start: '2025-09-30', days: 365 },
    // s = the first day of Y → 365.
    { start: '2025-10-01', days: 365 },
    // s = 2026-07-03: Jul 3–31 (29) + Aug (31) + Sep (30) = 90.
    { start: '2026-07-03', days: 90 },
    // s = 2026-07-04 → 89.
    { start: '2026-07-04', days: 89 },
    // s = T → 1 (T itself).
    { start: '2026-09-30', days: 1 },
    // s after T → 0.
    { start: '2026-10-01', days: 0 },
  ])('s = $start → $days days', ({ start, days }) => {
    expect(exposureDays(window, start)).toBe(days);
  });

  it('counts 366 days in a Y holding Feb 29', () => {
    // T = 2024-09-30: Y = 2023-10-01..2024-09-30 holds 2024-02-29 → 366.
    const leap = contextFor({}, { period: '2024-Q3' }).window;
    expect(exposureDays(leap, '2020-01-01')).toBe(366);
    // × 365/366: 5 events in a full leap Y → 4.986339 a year.
    expect(annualise(5, 366)).toBeCloseTo(4.986339, 6);
  });
});

describe('eligibleEngineers (T = 2026-09-30)', () => {
  // E1: ops1 → ops2 on 2024-01-01, on track at T, exposure 365 → eligible.
  // E2: ops2 from 2026-07-03 → exposure 90 → eligible (the boundary).
  // E3: ops2 from 2026-07-04 → exposure 89 → not eligible.
  // E4: ops2 from 2024-01-01, terminated on T → not on the track at T → not eligible.
  // E5: ops2 from 2024-01-01, back to ops1 on 2026-09-01 → off the track at T → not eligible.
  // E6: ops1 only → no 2.0 start → not eligible.
  // E7: roster only (no history rows), ops2 since title_start_date 2025-12-01 → exposure 304 → eligible.
  const people = [
    person({ employee_id: 'E2', level: 'ops2' }),
    person({ employee_id: 'E1', level: 'ops2' }),
    person({ employee_id: 'E3', level: 'ops2' }),
    person({ employee_id: 'E4', level: 'ops2', termination_date: '2026-09-30' }),
    person({ employee_id: 'E5', level: 'ops1' }),
    person({ employee_id: 'E6', level: 'ops1' }),
    person({ employee_id: 'E7', level: 'ops2', title_start_date: '2025-12-01' }),
  ];
  const history = [
    change('E1', '2020-01-01', 'ops1'), change('E1', '2024-01-01', 'ops2'),
    change('E2', '2020-01-01', 'ops1'), change('E2', '2026-07-03', 'ops2'),
    change('E3', '2020-01-01', 'ops1'), change('E3', '2026-07-04', 'ops2'),
    change('E4', '2020-01-01', 'ops1'), change('E4', '2024-01-01', 'ops2'),
    change('E5', '2020-01-01', 'ops1'), change('E5', '2024-01-01', 'ops2'), change('E5', '2026-09-01', 'ops1'),
    change('E6', '2020-01-01', 'ops1'),
  ];

  it('keeps those on the track at T with at least 90 days of Y, sorted by id', () => {
    const { model, window } = contextFor({ people, job_history: history });
    expect(eligibleEngineers(model, window).map((e) => [e.person.id, e.start, e.exposureDays])).toEqual([
      ['E1', '2024-01-01', 365],
      ['E2', '2026-07-03', 90],
      ['E7', '2025-12-01', 304],
    ]);
  });

  it('meanAnnualisedRate: mean of count × 365 ÷ exposure; n = engineers', () => {
    // E1: 3 × 365/365 = 3; E2: 1 × 365/90 = 4.055556; E7: 0 → mean (3 + 4.055556 + 0)/3 = 2.351852.
    const { model, window } = contextFor({ people, job_history: history });
    const counts: Record<string, number> = { E1: 3, E2: 1, E7: 0 };
    const result = meanAnnualisedRate(eligibleEngineers(model, window), (e) => counts[e.person.id] ?? 0, ['thing', 'things']);
    expect(result.value).toBeCloseTo(2.351852, 6);
    expect(result.n).toBe(3);
    // One thing, and three: the noun agrees with the count.
    expect(result.details?.[1]).toEqual({ employeeId: 'E2', note: '1 thing in 90 days on the 2.0 track in the trailing year: 4.06 a year' });
    expect(result.details?.[0]?.note).toBe('3 things in 365 days on the 2.0 track in the trailing year: 3.00 a year');
  });

  it('meanAnnualisedRate: insufficient_data with n 0 when no one is eligible', () => {
    const result = meanAnnualisedRate([], () => 1, ['thing', 'things']);
    expect(result.value).toBeNull();
    expect(result).toMatchObject({ status: 'insufficient_data', n: 0 });
  });
});
