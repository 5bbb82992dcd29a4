/** What the CLI warns of on standard error before a report is trusted (src/report/cautions.ts). */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { reportCautions } from '../../src/report/cautions.js';
import { sampleReport } from '../helpers/sample-report.js';

const report = sampleReport(); // 2026-Q3, as of 2026-09-30, with figures

describe('reportCautions', () => {
  it('says nothing of a past period with figures and no comparison, or one compared with an earlier report', () => {
    expect(reportCautions(report, '2026-11-26')).toEqual([]);
    expect(reportCautions(report, '2026-11-26', '2026-06-30')).toEqual([]);
    // As of today exactly is not after it.
    expect(reportCautions(report, '2026-09-30')).toEqual([]);
  });

  it('warns of an as-of date after today', () => {
    expect(reportCautions(report, '2026-09-29')).toEqual([
      'the report is as of 2026-09-30, after today (2026-09-29): the data can only be today\'s, so work due later counts as not done ' +
        'and the rest of the period holds nothing; pass --as-of 2026-09-29 for a report as of today',
    ]);
  });

  it('warns when no measure has a figure', () => {
    const empty: Report = { ...report, metrics: report.metrics.map((m) => ({ ...m, measures: m.measures.map((x) => ({ ...x, value: null })) })) };
    expect(reportCautions(empty, '2026-11-26')).toEqual([
      'no measure has a figure for 2026-Q3 (2026-07-01 … 2026-09-30): no data falls in it, or the files it needs are missing; check --period',
    ]);
  });

  it('warns of a period not begun, without the --as-of of today that would be refused as before it', () => {
    // Today 2026-06-30: 2026-Q3 begins tomorrow.
    expect(reportCautions(report, '2026-06-30')).toEqual([
      'the period 2026-Q3 begins on 2026-07-01, after today (2026-06-30): nothing in it can have happened yet, and figures as of its ' +
        'end read today\'s data as if it were then; check --period',
    ]);
  });

  it('takes a count of nothing for no figure: any period has one, data or none', () => {
    // As a mistyped year gives it: every measure without a figure but p1_unresolved, 0 P1s unresolved.
    const nothing: Report = { ...report, metrics: report.metrics.map((m) => ({ ...m, measures: m.measures.map((x) => ({ ...x, value: x.unit === 'count' ? 0 : null })) })) };
    expect(nothing.metrics.some((m) => m.measures.some((x) => x.unit === 'count'))).toBe(true);
    expect(reportCautions(nothing, '2026-11-26')).toEqual([
      'no measure has a figure for 2026-Q3 (2026-07-01 … 2026-09-30): no data falls in it, or the files it needs are missing; check --period',
    ]);
    // A count of one is a figure.
    const one: Report = { ...nothing, metrics: nothing.metrics.map((m) => ({ ...m, measures: m.measures.map((x) => (x.unit === 'count' ? { ...x, value: 1 } : x)) })) };
    expect(reportCautions(one, '2026-11-26')).toEqual([]);
  });

  it('warns of a compared report as of a date in this period or after it', () => {
    for (const comparedAsOf of ['2026-07-01', '2026-09-30', '2026-12-31']) {
      expect(reportCautions(report, '2026-11-26', comparedAsOf), comparedAsOf).toEqual([
        `the --compare report is as of ${comparedAsOf}, not before this period (2026-Q3, from 2026-07-01): its changes are not changes since an earlier period`,
      ]);
    }
  });
});
