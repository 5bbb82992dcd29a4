/**
 * The P1 measures when some incident's priority is `unknown` (an export without a priority, none mapped
 * to P1): no figure, insufficient_data with the reason, while the incident measures that do not depend on
 * the priority are computed as usual. P = 2026-Q3, T = 2026-09-30, zone UTC.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/datasets.js';
import exceptionHandling from '../../src/metrics/exception-handling.js';
import { evaluateMeasure, evaluateMetric } from '../../src/report/evaluate.js';
import { actionItem, at, contextFor, incident, measureOf } from '../helpers/org.js';

const rca = measureOf(exceptionHandling, 'p1_rca_48h');
const unresolved = measureOf(exceptionHandling, 'p1_unresolved');

const reasonFor = (unknown: number, total: number): string =>
  `priority unknown for ${unknown} of ${total} incidents: their export gives them no priority (no column of it, or an empty one), ` +
  'and nothing in the config says which of them are P1 (the warning on the incidents file says what to add)';

// K1: a P1 resolved 08-01 10:00, RCA at 08-02 → RCA due 08-03 10:00 in P, on time.
// K2: a P1 opened 08-05, never resolved → counted by p1_unresolved.
// Alone: p1_rca_48h = 1/1, p1_unresolved = 1.
const known: Incident[] = [
  incident({ incident_id: 'K1', priority: 'P1', opened_at: at('2026-08-01T08:00:00Z'), resolved_at: at('2026-08-01T10:00:00Z'), rca_completed_at: at('2026-08-02T10:00:00Z') }),
  incident({ incident_id: 'K2', priority: 'P1', opened_at: at('2026-08-05T08:00:00Z') }),
];
const unknownAt = (id: string, opened: string): Incident => incident({ incident_id: id, priority: 'unknown', opened_at: at(opened) });

describe('p1_rca_48h and p1_unresolved with an unknown priority', () => {
  it('computes both from the known incidents alone (the baseline of the cases below)', () => {
    expect(evaluateMeasure(rca, contextFor({ incidents: known })).value).toBe(1);
    expect(evaluateMeasure(unresolved, contextFor({ incidents: known })).value).toBe(1);
  });

  it('gives no figure when every incident is unknown', () => {
    // Three unknown incidents opened in P: any of them may be an unresolved P1.
    const incidents = [unknownAt('U1', '2026-07-02T00:00:00Z'), unknownAt('U2', '2026-08-02T00:00:00Z'), unknownAt('U3', '2026-09-02T00:00:00Z')];
    for (const measure of [rca, unresolved]) {
      const result = evaluateMeasure(measure, contextFor({ incidents }));
      expect(result).toMatchObject({ value: null, status: 'insufficient_data', reason: reasonFor(3, 3) });
    }
  });

  it('gives no figure when any one incident of the data is unknown, even beside known P1s', () => {
    // K1, K2 known; U1 unknown, opened 08-10 in P: 1 of 3. A wrong figure is worse than none.
    const incidents = [...known, unknownAt('U1', '2026-08-10T00:00:00Z')];
    expect(evaluateMeasure(rca, contextFor({ incidents }))).toMatchObject({ value: null, status: 'insufficient_data', reason: reasonFor(1, 3) });
    expect(evaluateMeasure(unresolved, contextFor({ incidents }))).toMatchObject({ value: null, status: 'insufficient_data', reason: reasonFor(1, 3) });
  });

  it('counts an unknown incident opened before P too: every incident of the data cut at T', () => {
    // U0 opened 2026-05-01, before P = (2026-06-30, 2026-09-30]: still in the data, so still no figure.
    const incidents = [...known, unknownAt('U0', '2026-05-01T00:00:00Z')];
    expect(evaluateMeasure(rca, contextFor({ incidents })).reason).toBe(reasonFor(1, 3));
    expect(evaluateMeasure(unresolved, contextFor({ incidents })).status).toBe('insufficient_data');
  });

  it('ignores an unknown incident opened after T: the as-of cut removes it first', () => {
    // U9 opened 2026-10-15 > T = 2026-09-30 → not in the data; K1, K2 give the baseline figures 1 and 1.
    const incidents = [...known, unknownAt('U9', '2026-10-15T00:00:00Z')];
    expect(evaluateMeasure(rca, contextFor({ incidents }))).toMatchObject({ value: 1, n: 1, status: 'met' });
    expect(evaluateMeasure(unresolved, contextFor({ incidents }))).toMatchObject({ value: 1, status: 'info' });
  });
});

describe('exception_handling with every priority unknown', () => {
  it('still computes the action items and the recurrence drop', () => {
    const day = (date: string): number => at(`${date}T12:00:00Z`);
    // Recurrence, Y₋₁ = (2024-09-30, 2025-09-30]: A1, A2 (A2 repeats A1, api/db, 31 days later) → 1/2 = 0.5.
    // Y = (2025-09-30, 2026-09-30]: B1, B2, B3, B4 on other services, no repeat → 0/4 = 0. 1 − 0 / 0.5 = 1 → met.
    const incidents = [
      incident({ incident_id: 'A1', priority: 'unknown', opened_at: day('2024-11-01'), service: 'api', root_cause_category: 'db' }),
      incident({ incident_id: 'A2', priority: 'unknown', opened_at: day('2024-12-02'), service: 'api', root_cause_category: 'db' }),
      ...['B1', 'B2', 'B3', 'B4'].map((id, i) => incident({ incident_id: id, priority: 'unknown', opened_at: day(`2026-0${i + 1}-15`), service: `s${i}` })),
    ];
    // Action item X: created 08-01, due 08-31, done 08-20 → 1/1 on time → met.
    const action_items = [actionItem({ action_id: 'X', created_at: at('2026-08-01T09:00:00Z'), completed_at: at('2026-08-20T00:00:00Z') })];
    const result = evaluateMetric(exceptionHandling, contextFor({ incidents, action_items }));
    expect(result.measures.map((m) => [m.id, m.status, m.value])).toEqual([
      ['p1_rca_48h', 'insufficient_data', null],
      ['p1_unresolved', 'insufficient_data', null],
      ['action_items_30d', 'met', 1],
      ['recurrence_reduction_yoy', 'met', 1],
    ]);
    // 6 unknown incidents in all (A1, A2, B1..B4).
    expect(result.measures[0]?.reason).toBe(reasonFor(6, 6));
  });
});
