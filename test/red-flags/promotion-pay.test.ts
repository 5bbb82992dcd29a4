import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobChange } from '../../src/core/datasets.js';
import promotionPay, { PromotionRows } from '../../src/red-flags/promotion-pay.js';
import { evaluateRedFlag } from '../../src/report/evaluate.js';
import { change, contextFor, person, testConfig } from '../helpers/org.js';

// T = 2026-09-30, so Y = (2025-09-30, 2026-09-30]. Thresholds: base 8%, total comp 12%.
const pay = (base_salary: number | undefined, total_comp: number | undefined): Partial<JobChange> => ({ base_salary, total_comp });

/** E1 at ops1 since 2024 on 100 000 / 120 000, promoted to ops2 on `on` with `after`. */
const promotedE1 = (on: string, after: Partial<JobChange>, before: Partial<JobChange> = pay(100_000, 120_000)) => ({
  people: [person({ employee_id: 'E1', level: 'ops2' })],
  job_history: [change('E1', '2024-01-01', 'ops1', before), change('E1', on, 'ops2', after)],
});

describe('promotion_pay red flag', () => {
  it.each([
    // 108 000 / 100 000 − 1 = 8% (not below 8%); 134 400 / 120 000 − 1 = 12% (not below 12%).
    { name: 'rises of exactly 8% and 12% are clear', after: pay(108_000, 134_400), value: 0, note: undefined },
    // 107 990 / 100 000 − 1 = 7.99% < 8%.
    { name: 'a base rise of 7.99% trips', after: pay(107_990, 134_400), value: 1, note: 'promoted 2026-03-01: base +7.99% (< 8%), total comp +12.0%' },
    // 134 280 / 120 000 − 1 = 11.9% < 12%, base fine.
    { name: 'a total comp rise of 11.9% trips', after: pay(108_000, 134_280), value: 1, note: 'promoted 2026-03-01: base +8.0%, total comp +11.9% (< 12%)' },
    // Only base known after: judged on base alone, 105 000 → +5%.
    { name: 'one known pair is enough to judge', after: pay(105_000, undefined), value: 1, note: 'promoted 2026-03-01: base +5.0% (< 8%), total comp unknown' },
    // A pay cut: 95 000 → −5%.
    { name: 'a pay cut trips', after: pay(95_000, 126_000), value: 1, note: 'promoted 2026-03-01: base -5.0% (< 8%), total comp +5.0% (< 12%)' },
    // 104 949.99 / 100 000 − 1 = 4.949999 %: shown as 4.9 %, rounded once (rounded to 6 places first it is
    // 0.04950, which would show as 5.0 %); 130 000 / 120 000 − 1 = 8.33 % (< 12%).
    { name: 'a rise is shown rounded once', after: pay(104_949.99, 130_000), value: 1, note: 'promoted 2026-03-01: base +4.9% (< 8%), total comp +8.3% (< 12%)' },
  ])('$name', ({ after, value, note }) => {
    const result = evaluateRedFlag(promotionPay, contextFor(promotedE1('2026-03-01', after)));
    expect(result).toMatchObject({ status: value > 0 ? 'tripped' : 'clear', value, threshold: { op: '>', value: 0 } });
    expect(result.evidence).toEqual(note === undefined ? [] : [{ employeeId: 'E1', note }]);
  });

  it('judges a rise rounded to 6 places, as every figure is', () => {
    // 107 999.99 / 100 000 − 1 = 0.0799999 (7.99999 %), 0.080000 rounded: not below 8 %, so clear;
    // 107 999.9 / 100 000 − 1 = 0.079999, below 8 %: trips, shown to the digit that tells it from 8 %.
    const clear = evaluateRedFlag(promotionPay, contextFor(promotedE1('2026-03-01', pay(107_999.99, 134_400))));
    expect(clear).toMatchObject({ status: 'clear', value: 0, evidence: [] });
    const low = evaluateRedFlag(promotionPay, contextFor(promotedE1('2026-03-01', pay(107_999.9, 134_400))));
    expect(low.evidence).toEqual([{ employeeId: 'E1', note: 'promoted 2026-03-01: base +7.9999% (< 8%), total comp +12.0%' }]);
  });

  it.each([
    // Exactly T − 12 months: outside the half-open Y, so no promotion is judged.
    { on: '2025-09-30', status: 'insufficient_data', value: null },
    // One day later: inside Y, base +5% trips.
    { on: '2025-10-01', status: 'tripped', value: 1 },
    { on: '2026-09-30', status: 'tripped', value: 1 },
  ])('a promotion on $on is judged as $status', ({ on, status, value }) => {
    const result = evaluateRedFlag(promotionPay, contextFor(promotedE1(on, pay(105_000, 140_000))));
    expect(result).toMatchObject({ status, value });
  });

  it('compares with the immediately preceding row, even one on the promotion date', () => {
    // E1: ops1 90 000 (2024), ops1 100 000 adjustment on 2026-03-01, then ops2 104 000 the same day.
    // Against the adjustment row: +4% < 8% (against the 2024 row it would be +15.6%).
    // E2: ops1 90 000 (2024), ops1 100 000 (2025-06-01), ops2 105 000 (2026-03-01): +5% against the 2025 row.
    // E3: ops1 100 000 (2024); ops2 100 000 entered on 2026-03-01, then corrected to 110 000 in a later row of
    // the same date: the correction wins, +10%, clear.
    const ctx = contextFor({
      people: ['E1', 'E2', 'E3'].map((employee_id) => person({ employee_id, level: 'ops2' })),
      job_history: [
        change('E1', '2024-01-01', 'ops1', pay(90_000, undefined)),
        change('E1', '2026-03-01', 'ops1', pay(100_000, undefined)),
        change('E1', '2026-03-01', 'ops2', pay(104_000, undefined)),
        change('E2', '2024-01-01', 'ops1', pay(90_000, undefined)),
        change('E2', '2025-06-01', 'ops1', pay(100_000, undefined)),
        change('E2', '2026-03-01', 'ops2', pay(105_000, undefined)),
        change('E3', '2024-01-01', 'ops1', pay(100_000, undefined)),
        change('E3', '2026-03-01', 'ops2', pay(100_000, undefined)),
        change('E3', '2026-03-01', 'ops2', pay(110_000, undefined)),
      ],
    });
    const result = evaluateRedFlag(promotionPay, ctx);
    expect(result).toMatchObject({ status: 'tripped', value: 2 });
    expect(result.evidence).toEqual([
      { employeeId: 'E1', note: 'promoted 2026-03-01: base +4.0% (< 8%), total comp unknown' },
      { employeeId: 'E2', note: 'promoted 2026-03-01: base +5.0% (< 8%), total comp unknown' },
    ]);
    expect(result.reason).toBe('3 promotions to 2.0 in the trailing year judged against a base rise of 8% and a total comp rise of 12%');
  });

  it('takes both rise thresholds from the config', () => {
    // +5% base and +10% total comp: below 8% / 12%, not below a configured 5% / 10%.
    const data = promotedE1('2026-03-01', pay(105_000, 132_000));
    expect(evaluateRedFlag(promotionPay, contextFor(data)).value).toBe(1);
    const config = testConfig({ thresholds: { ...testConfig().thresholds, promotion_pay: { base: 0.05, totalComp: 0.1 } } });
    const result = evaluateRedFlag(promotionPay, contextFor(data, { config }));
    expect(result).toMatchObject({ status: 'clear', value: 0, evidence: [] });
    expect(result.reason).toContain('a base rise of 5% and a total comp rise of 10%');
  });

  it('counts promotions not judged in its reason', () => {
    // E1 judged (+5%, trips); E2's pay is unknown on both rows.
    const ctx = contextFor({
      people: ['E1', 'E2'].map((employee_id) => person({ employee_id, level: 'ops2' })),
      job_history: [
        change('E1', '2024-01-01', 'ops1', pay(100_000, undefined)), change('E1', '2026-03-01', 'ops2', pay(105_000, undefined)),
        change('E2', '2024-01-01', 'ops1'), change('E2', '2026-03-01', 'ops2'),
      ],
    });
    const result = evaluateRedFlag(promotionPay, ctx);
    expect(result).toMatchObject({ status: 'tripped', value: 1 });
    expect(result.reason).toMatch(/^1 promotion to 2.0 in the trailing year judged .*; 1 not judged \(pay unknown\)$/);
  });

  const NONE = 'no promotion to 2.0 in the trailing year';
  const UNKNOWN = '1 promotion to 2.0 in the trailing year, none with base or total comp known before and after ' +
    '(job_history needs base_salary or total_comp on the promotion row and the row before it; a preset that does not read pay needs them mapped under "columns")';
  it.each([
    { name: 'no pay figures on either row', data: promotedE1('2026-03-01', pay(undefined, undefined), pay(undefined, undefined)), reason: UNKNOWN },
    // A base of 0 before gives no rise to judge; total comp is unknown after.
    { name: 'a zero base before and no total comp after', data: promotedE1('2026-03-01', pay(105_000, undefined), pay(0, 120_000)), reason: UNKNOWN },
    {
      name: 'a direct hire into 2.0 (not a promotion)',
      data: { people: [person({ employee_id: 'E1', level: 'ops2' })], job_history: [change('E1', '2026-03-01', 'ops2', pay(100_000, 120_000))] },
      reason: NONE,
    },
    // Without history rows for the person, the level before the roster title is unknown: no promotion.
    { name: 'no history rows for the person', data: { people: [person({ employee_id: 'E1', level: 'ops2', title_start_date: '2026-03-01' })], job_history: [] }, reason: NONE },
  ])('is insufficient_data with $name', ({ data, reason }) => {
    const result = evaluateRedFlag(promotionPay, contextFor(data));
    expect(result).toMatchObject({ status: 'insufficient_data', value: null, evidence: [] });
    expect(result.reason).toBe(reason);
  });

  it('is no_data without job_history', () => {
    const result = evaluateRedFlag(promotionPay, contextFor({ people: [person({ employee_id: 'E1', level: 'ops2' })] }));
    expect(result.status).toBe('no_data');
    expect(result.reason).toContain('job_history.csv');
  });
});

describe('promotion_pay: the rows compared, kept as the history is read', () => {
  /** The rule as metrics.md states it, on a person's whole history sorted by (date, file order). */
  const sortedPair = (rows: readonly JobChange[], start: string) => {
    const sorted = [...rows].sort((a, b) => (a.effective_date < b.effective_date ? -1 : a.effective_date > b.effective_date ? 1 : a.seq - b.seq));
    const afterIndex = sorted.findLastIndex((r) => r.effective_date === start);
    const after = sorted[afterIndex];
    const before = sorted.slice(0, Math.max(afterIndex, 0)).findLast((r) => r.level !== 'ops2');
    return after !== undefined && before !== undefined ? { before, after } : undefined;
  };

  it('picks the same two rows as sorting the whole history, whatever the order rows come in', () => {
    // Up to 8 rows over 4 dates around the promotion date 2026-03-01, on or off the track, in any order
    // of reading, each with its own position in the file.
    const dates = ['2025-01-01', '2026-02-28', '2026-03-01', '2026-04-01'];
    const rowArb = fc.record({ date: fc.constantFrom(...dates), onTrack: fc.boolean() });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 8 }), fc.func(fc.integer()), (specs, order) => {
        const rows = specs.map((spec, i) => change('E1', spec.date, spec.onTrack ? 'ops2' : 'ops1', { seq: i, base_salary: 1000 + i }));
        const read = [...rows].sort((a, b) => order(a.seq) - order(b.seq) || a.seq - b.seq);
        const kept = new PromotionRows('2026-03-01');
        for (const row of read) kept.add(row);
        expect(kept.pair()).toEqual(sortedPair(rows, '2026-03-01'));
      }),
      { numRuns: 2000 },
    );
  });
});
