import { describe, expect, it } from 'vitest';
import type { MeasureId } from '../../src/core/report.js';
import { promotionSurvival } from '../../src/metrics/promotion-survival.js';
import retention from '../../src/metrics/retention.js';
import { evaluateMeasure, evaluateMetric } from '../../src/report/evaluate.js';
import { change, contextFor, measureOf, orgOf, person, promotedPerson, testConfig } from '../helpers/org.js';

const measure = (id: MeasureId) => measureOf(retention, id);

/*
 * The main organisation, reported for 2026-Q3 (T = 2026-09-30; T − 24 months = 2024-09-30; T − 12 months = 2025-09-30):
 *   E1 promoted 2024-01-15, still on the track.
 *   E2 promoted 2024-03-01, terminated 2026-02-28: the day before the 24-month anniversary (2026-03-01) → left before it.
 *      Day 729 (2024-03-01 → 2025-03-01 = 365, → 2026-02-28 = 364).
 *   E3 promoted 2024-06-01, moved to ops1_senior on 2026-06-01: ON the anniversary → stayed. Day 730.
 *   E4 promoted 2024-09-30 = T − 24 months → in the 2-year base; still on the track (censored at day 730).
 *   E5 promoted 2024-10-01 → only in the 1-year base; still on the track (censored at day 729).
 *   E6 hired straight into ops2 (history starts at ops2): a 2.0 start, not a promotion.
 *   E7 roster only (ops2 from title_start_date): not a promotion.
 *   E8 promoted 2025-09-30 = T − 12 months → in the 1-year base; terminated 2026-09-29, the day before the anniversary. Day 364.
 *   E9 promoted 2025-10-01 → in neither base; still on the track (censored at day 364).
 */
const main = () =>
  orgOf(
    [
      promotedPerson('E1', '2024-01-15'),
      promotedPerson('E2', '2024-03-01', { termination: '2026-02-28' }),
      promotedPerson('E3', '2024-06-01', { after: [['2026-06-01', 'ops1_senior']] }),
      promotedPerson('E4', '2024-09-30'),
      promotedPerson('E5', '2024-10-01'),
      promotedPerson('E8', '2025-09-30', { termination: '2026-09-29' }),
      promotedPerson('E9', '2025-10-01'),
    ],
    [
      person({ employee_id: 'E6', level: 'ops2' }),
      person({ employee_id: 'E7', level: 'ops2', title_start_date: '2023-01-01' }),
    ],
    [change('E6', '2023-01-01', 'ops2')],
  );

describe('retention_2y / retention_1y', () => {
  it('retention_2y: E1, E2, E3, E4 in the base; E2 left the day before the anniversary → 3/4 = 0.75, missed', () => {
    const r = evaluateMeasure(measure('retention_2y'), contextFor(main()));
    expect(r.value).toBe(0.75);
    expect(r.n).toBe(4);
    expect(r.status).toBe('missed');
    // Wilson 3/4: [0.300642, 0.954413].
    expect(r.ci95![0]).toBeCloseTo(0.300642, 5);
    expect(r.ci95![1]).toBeCloseTo(0.954413, 5);
    expect(r.details).toEqual([{ employeeId: 'E2', note: 'left ops on 2026-02-28, day 729 after the 2.0 start on 2024-03-01' }]);
  });

  it('retention_1y: E1–E5 and E8; E8 left the day before its anniversary → 5/6 = 0.833333, investigate (not missed)', () => {
    // E2 left at day 729 and E3 at day 730: both after their first anniversary.
    const r = evaluateMeasure(measure('retention_1y'), contextFor(main()));
    expect(r.value).toBeCloseTo(0.833333, 6);
    expect(r.n).toBe(6);
    expect(r.status).toBe('investigate');
    expect(r.ci95![0]).toBeCloseTo(0.436497, 5);
    expect(r.details.map((d) => d.employeeId)).toEqual(['E8']);
  });

  it('names a move back to the traditional track as such', () => {
    // E3 promoted 2024-06-01 moves to ops1_senior on 2026-05-31, the day before its anniversary → 0 of 1.
    const data = orgOf([promotedPerson('E3', '2024-06-01', { after: [['2026-05-31', 'ops1_senior']] })]);
    const r = evaluateMeasure(measure('retention_2y'), contextFor(data));
    expect(r.value).toBe(0);
    expect(r.details).toEqual([{ employeeId: 'E3', note: 'moved to ops1_senior on 2026-05-31, day 729 after the 2.0 start on 2024-06-01' }]);
  });

  it('the metric status is the worst of retention_2y (missed) and retention_1y (investigate): missed', () => {
    expect(evaluateMetric(retention, contextFor(main())).status).toBe('missed');
  });

  it('a config target override moves the boundary: retention_1y ≥ 0.8 → met', () => {
    const config = testConfig({ targets: { retention_1y: 0.8 } });
    const r = evaluateMeasure(measure('retention_1y'), contextFor(main(), { config }));
    expect(r.target).toEqual({ op: '>=', value: 0.8 });
    expect(r.status).toBe('met');
  });

  it('all stayed → 1.0, met, with Wilson [0.206549, 1] for 1 of 1', () => {
    const r = evaluateMeasure(measure('retention_2y'), contextFor(orgOf([promotedPerson('E1', '2024-01-15')])));
    expect(r.value).toBe(1);
    expect(r.status).toBe('met');
    expect(r.ci95![0]).toBeCloseTo(0.206549, 5);
    expect(r.ci95![1]).toBe(1);
  });

  it('Feb 29: the base is s ≤ T − 24 months taken literally', () => {
    // As of 2026-02-28: T − 24 months = 2024-02-28. s = 2024-02-28 is in; s = 2024-02-29 is not → 1/1.
    const data = orgOf([promotedPerson('A', '2024-02-28'), promotedPerson('B', '2024-02-29')]);
    const r = evaluateMeasure(measure('retention_2y'), contextFor(data, { asOf: '2026-02-28' }));
    expect(r.value).toBe(1);
    expect(r.n).toBe(1);
  });

  it('no promotion old enough → insufficient_data, n 0', () => {
    const r = evaluateMeasure(measure('retention_2y'), contextFor(orgOf([promotedPerson('E9', '2025-10-01')])));
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBe(0);
    expect(r.value).toBeNull();
    expect(r.reason).toBe('no promotion to 2.0 on or before 2024-09-30');
  });

  it('without job_history no 2.0 start is a promotion → insufficient_data, and the reason says why', () => {
    const people = [person({ employee_id: 'E1', level: 'ops2', title_start_date: '2023-01-01' })];
    const r = evaluateMeasure(measure('retention_1y'), contextFor({ people }));
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBe(0);
    expect(r.reason).toBe('no promotion to 2.0 is known: without job_history.csv the level before the roster title is unknown');
    // Found but unreadable (under --skip-invalid): said as such, not as a missing file.
    const unusable = new Map([['job_history', 'hr/history.csv could not be read']] as const);
    const found = evaluateMeasure(measure('retention_1y'), { ...contextFor({ people }), unusable });
    expect(found.reason).toBe('no promotion to 2.0 is known: hr/history.csv could not be read, so the level before the roster title is unknown');
  });

  it('without people → no_data', () => {
    const r = evaluateMeasure(measure('retention_2y'), contextFor({}));
    expect(r.status).toBe('no_data');
    expect(r.n).toBeNull();
  });
});

describe('km_retention_1y / km_retention_2y', () => {
  /*
   * All 7 promotions of the main organisation, days from s to leaving (x) or to T (censored, c):
   *   E8 364x, E9 364c, E2 729x, E5 729c, E3 730x, E4 730c, E1 989c (2024-01-15 → 2026-09-30 = 731 + 258).
   * Exits count before censorings at every one of these ties:
   *   day 364: 1 exit of 7 → S = 6/7 = 0.857143; then 5 at risk.
   *   day 729: 1 exit of 5 → S = 6/7 × 4/5 = 24/35 = 0.685714; then 3 at risk.
   *   day 730: 1 exit of 3 → S = 24/35 × 2/3 = 16/35 = 0.457143; then 1 at risk.
   * S(365) = 0.857143: by day 365, 1 exit (E8), 1 censored (E9), 5 at risk.
   * S(730) = 0.457143: by day 730, 3 exits, 3 censored, 1 at risk.
   */
  it('km_retention_1y = S(365) = 6/7, info, n = 7 promotions, with the risk set at day 365', () => {
    const r = evaluateMeasure(measure('km_retention_1y'), contextFor(main()));
    expect(r.value).toBeCloseTo(6 / 7, 6);
    expect(r.status).toBe('info');
    expect(r.n).toBe(7);
    expect(r.ci95).toBeNull();
    expect(r.survival).toMatchObject({ atDay: 365, atRisk: 5, events: 1, censored: 1, censoredAt: [364, 729, 730, 989] });
    expect(r.survival!.curve.map(([d]) => d)).toEqual([0, 364, 729, 730]);
    expect(r.details).toEqual([
      { note: 'by day 365: 1 exit, 1 censored, 5 still at risk after it' },
      { employeeId: 'E8', note: 'left ops on 2026-09-29, day 364 after the 2.0 start on 2025-09-30' },
    ]);
  });

  it('km_retention_2y = S(730) = 16/35', () => {
    const r = evaluateMeasure(measure('km_retention_2y'), contextFor(main()));
    expect(r.value).toBeCloseTo(16 / 35, 6);
    expect(r.n).toBe(7);
    expect(r.survival).toMatchObject({ atDay: 730, atRisk: 1, events: 3, censored: 3 });
    expect(r.details[0]).toEqual({ note: 'by day 730: 3 exits, 3 censored, 1 still at risk after it' });
    expect(r.details.slice(1).map((d) => d.employeeId)).toEqual(['E2', 'E3', 'E8']);
  });

  it('with no exit S is 1.0', () => {
    const r = evaluateMeasure(measure('km_retention_1y'), contextFor(orgOf([promotedPerson('E9', '2026-09-01')])));
    expect(r.value).toBe(1);
    expect(r.n).toBe(1);
  });

  it('no promotion → insufficient_data, n 0', () => {
    const r = evaluateMeasure(measure('km_retention_2y'), contextFor(orgOf([], [person({ employee_id: 'E7', level: 'ops2' })])));
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBe(0);
  });

  it('a promotion dated after the termination_date is an exit on day 0, never a stay to T', () => {
    // E1 promoted 2024-01-15, still on the track: censored at day 989 (2024-01-15 → 2026-09-30).
    // R1 terminated 2023-06-30, though the history shows ops2 from 2024-06-01: not on the track on any day,
    // so an exit on day 0 (not a stay censored at T, day 851).
    // S(365) = 1 − 1/2 = 0.5 (2 at risk at day 0, 1 exit); retention_1y: both in the base, R1 left → 1/2.
    const org = orgOf([promotedPerson('E1', '2024-01-15'), promotedPerson('R1', '2024-06-01', { termination: '2023-06-30' })]);
    expect(promotionSurvival(contextFor(org))!.subjects).toEqual([
      { id: 'E1', days: 989, exited: false },
      { id: 'R1', days: 0, exited: true },
    ]);
    const km = evaluateMeasure(measure('km_retention_1y'), contextFor(org));
    expect(km.value).toBe(0.5);
    expect(km.details[1]).toEqual({ employeeId: 'R1', note: 'left ops on 2023-06-30, before the 2.0 start on 2024-06-01' });
    const kept = evaluateMeasure(measure('retention_1y'), contextFor(org));
    expect(kept.value).toBe(0.5);
    expect(kept.n).toBe(2);
  });

  it('promotionSurvival exposes the subjects (for year1_turnover), sorted by id', () => {
    const km = promotionSurvival(contextFor(main()))!;
    expect(km.subjects).toEqual([
      { id: 'E1', days: 989, exited: false },
      { id: 'E2', days: 729, exited: true },
      { id: 'E3', days: 730, exited: true },
      { id: 'E4', days: 730, exited: false },
      { id: 'E5', days: 729, exited: false },
      { id: 'E8', days: 364, exited: true },
      { id: 'E9', days: 364, exited: false },
    ]);
    expect(1 - km.fit.survivalAt(365)).toBeCloseTo(1 / 7, 6);
    expect(promotionSurvival(contextFor(orgOf([])))).toBeUndefined();
  });
});

describe('ops_retention_12m', () => {
  /*
   * T = 2026-09-30, T − 12 months = 2025-09-30.
   *   O1 hired 2020, still in ops → in base, stays.
   *   O2 hired 2025-09-30 (on the date) → in base, stays.
   *   O3 hired 2025-10-01 → not in base.
   *   O4 terminated 2025-09-30 → exited by the date → not in base.
   *   O5 terminated 2026-09-30 = T → in base; someone terminated on T is not in ops at T.
   *   O6 moved to `other` on 2026-01-01 → in base, left ops.
   *   O7 roster only, ops2 since 2026-03-01: level unknown on 2025-09-30, its first known level (ops2) stands
   *      for it → in base, stays.
   * 3 of 5 = 0.6, info; Wilson 3/5 = [0.230724, 0.882379].
   */
  const people = [
    person({ employee_id: 'O1' }),
    person({ employee_id: 'O2', hire_date: '2025-09-30' }),
    person({ employee_id: 'O3', hire_date: '2025-10-01' }),
    person({ employee_id: 'O4', termination_date: '2025-09-30' }),
    person({ employee_id: 'O5', termination_date: '2026-09-30' }),
    person({ employee_id: 'O6', level: 'other' }),
    person({ employee_id: 'O7', level: 'ops2', title_start_date: '2026-03-01' }),
  ];
  const job_history = [change('O6', '2020-01-01', 'ops1'), change('O6', '2026-01-01', 'other')];

  it('3 of 5 still in ops → 0.6, info', () => {
    const r = evaluateMeasure(measure('ops_retention_12m'), contextFor({ people, job_history }));
    expect(r.value).toBe(0.6);
    expect(r.n).toBe(5);
    expect(r.status).toBe('info');
    expect(r.ci95![0]).toBeCloseTo(0.230724, 5);
    expect(r.ci95![1]).toBeCloseTo(0.882379, 5);
    expect(r.details).toEqual([
      { employeeId: 'O5', note: 'left ops on 2026-09-30' },
      { employeeId: 'O6', note: 'left ops on 2026-01-01' },
    ]);
  });

  it('before a job history that starts after the hire date, the first known level stands for the unknown one', () => {
    /*
     * T = 2026-09-30, T − 12 months = 2025-09-30. Both hired 2024-01-01; their history starts 2025-10-01
     * (an HRIS migration that wrote everyone's title of that day).
     *   L1 first known title ops1 → taken as in ops on 2025-09-30 → in base; ops1 at T → stays.
     *   L2 first known title other (a product manager) → not in ops on 2025-09-30 → not in base
     *      (before: counted in ops as "hired, not exited", then as not in ops at T).
     *   L3 roster only, other since 2026-01-01 (title_start_date) → the same: not in base.
     * 1 of 1 = 1.0.
     */
    const late = [
      person({ employee_id: 'L1', hire_date: '2024-01-01' }),
      person({ employee_id: 'L2', hire_date: '2024-01-01', level: 'other' }),
      person({ employee_id: 'L3', hire_date: '2024-01-01', level: 'other', title_start_date: '2026-01-01' }),
    ];
    const history = [change('L1', '2025-10-01', 'ops1'), change('L2', '2025-10-01', 'other')];
    const r = evaluateMeasure(measure('ops_retention_12m'), contextFor({ people: late, job_history: history }));
    expect([r.value, r.n, r.details]).toEqual([1, 1, []]);
  });

  it('no one in ops a year ago → insufficient_data, n 0', () => {
    const r = evaluateMeasure(measure('ops_retention_12m'), contextFor({ people: [person({ employee_id: 'N', hire_date: '2026-01-01' })] }));
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBe(0);
  });
});
