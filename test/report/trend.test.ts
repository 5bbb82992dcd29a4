import { describe, expect, it } from 'vitest';
import type { MeasureResult, Report } from '../../src/core/report.js';
import { previousQuarters, quarterFigures, withHistory, withTrend } from '../../src/report/trend.js';
import { sampleReport } from '../helpers/sample-report.js';

const measure = (report: Report, id: MeasureResult['id']): MeasureResult =>
  report.metrics.flatMap((m) => m.measures).find((m) => m.id === id)!;

/** The sample report relabelled to `label`, retention_2y set to `value` (null: insufficient data). */
const quarterReport = (label: string, value: number | null): Report => {
  const report = sampleReport();
  return {
    ...report,
    period: { label, start: 'x', end: 'x' },
    metrics: report.metrics.map((metric) => ({
      ...metric,
      measures: metric.measures.map((m) =>
        m.id === 'retention_2y' ? { ...m, value, status: value === null ? 'insufficient_data' : 'met' } : m),
    })),
  };
};

describe('previousQuarters', () => {
  it('lists the quarters ending at the label, oldest first, across a year boundary', () => {
    expect(previousQuarters('2026-Q2', 3)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(previousQuarters('2026-Q1', 5)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(previousQuarters('2026-Q3', 1)).toEqual(['2026-Q3']);
  });

  it('ends a year at its fourth quarter', () => {
    expect(previousQuarters('2026', 2)).toEqual(['2026-Q3', '2026-Q4']);
  });

  it('refuses a count that is not a whole number from 1, and a label that is not a period', () => {
    expect(() => previousQuarters('2026-Q3', 0)).toThrow(RangeError);
    expect(() => previousQuarters('2026-Q3', 1.5)).toThrow(RangeError);
    expect(() => previousQuarters('2026-Q5', 2)).toThrow(RangeError);
    expect(() => previousQuarters('Q3 2026', 2)).toThrow(RangeError);
  });
});

describe('withTrend', () => {
  it('computes each earlier quarter once and uses the report itself for its own quarter', () => {
    const asked: string[] = [];
    const values: Record<string, number | null> = { '2025-Q4': 0.9, '2026-Q1': null, '2026-Q2': 0.94 };
    const report = sampleReport();
    const trended = withTrend(report, 4, (label) => {
      asked.push(label);
      return quarterReport(label, values[label] ?? null);
    });
    expect(asked).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(measure(trended, 'retention_2y').history).toEqual([
      { period: '2025-Q4', value: 0.9, status: 'met' },
      { period: '2026-Q1', value: null, status: 'insufficient_data' }, // a gap keeps its place, never 0
      { period: '2026-Q2', value: 0.94, status: 'met' },
      { period: '2026-Q3', value: 0.96, status: 'met' }, // the report's own figure
    ]);
  });

  it('sets a history on every red flag too, with its status each quarter', () => {
    // task_execution: 0.22 (clear) in 2026-Q2 from the quarter's report, 0.31 (tripped) in 2026-Q3 from the report itself.
    const report = sampleReport();
    const q2 = (label: string): Report => ({
      ...quarterReport(label, 0.5),
      redFlags: report.redFlags.map((f) => (f.id === 'task_execution' ? { ...f, value: 0.22, status: 'clear' as const } : f)),
    });
    const trended = withTrend(report, 2, q2);
    expect(trended.redFlags.find((f) => f.id === 'task_execution')?.history).toEqual([
      { period: '2026-Q2', value: 0.22, status: 'clear' },
      { period: '2026-Q3', value: 0.31, status: 'tripped' },
    ]);
    // A quarter whose report lacks the flag keeps its place, with no figure.
    const without = withTrend(report, 2, (label) => ({ ...quarterReport(label, 0.5), redFlags: [] }));
    expect(without.redFlags.find((f) => f.id === 'promotion_pay')?.history).toEqual([
      { period: '2026-Q2', value: null, status: 'no_data' },
      { period: '2026-Q3', value: null, status: 'off' },
    ]);
  });

  it('sets a history on every measure and changes nothing else', () => {
    const report = sampleReport();
    const before = JSON.stringify(report);
    const trended = withTrend(report, 2, (label) => quarterReport(label, 0.5));
    expect(JSON.stringify(report)).toBe(before);
    const measures = trended.metrics.flatMap((m) => m.measures);
    expect(measures).toHaveLength(27);
    expect(measures.every((m) => m.history?.length === 2)).toBe(true);
    expect(trended.redFlags.map(({ history: _h, ...flag }) => flag)).toEqual(report.redFlags);
    const { metrics: _m, redFlags: _f, ...rest } = trended;
    const { metrics: _r, redFlags: _g, ...original } = report;
    expect(rest).toEqual(original);
    expect(measure(trended, 'role_scope_score').history).toEqual([
      { period: '2026-Q2', value: 8.6, status: 'met' },
      { period: '2026-Q3', value: 8.6, status: 'met' },
    ]);
  });

  it('keeps the place of a quarter whose report lacks the measure, as no data', () => {
    const withoutRetention = (label: string): Report => {
      const q = quarterReport(label, 0.5);
      return { ...q, metrics: q.metrics.filter((m) => m.id !== 'retention') };
    };
    expect(measure(withTrend(sampleReport(), 2, withoutRetention), 'retention_2y').history?.[0]).toEqual({
      period: '2026-Q2', value: null, status: 'no_data',
    });
  });

  it('ends a year period at its last quarter, computed like the others', () => {
    const year = { ...sampleReport(), period: { label: '2026', start: '2026-01-01', end: '2026-12-31' } };
    const asked: string[] = [];
    const trended = withTrend(year, 2, (label) => {
      asked.push(label);
      return quarterReport(label, label === '2026-Q4' ? 0.7 : 0.8);
    });
    expect(asked).toEqual(['2026-Q3', '2026-Q4']);
    // The last point is 2026-Q4's figure, not the year's 0.96.
    expect(measure(trended, 'retention_2y').history?.map((h) => [h.period, h.value])).toEqual([['2026-Q3', 0.8], ['2026-Q4', 0.7]]);
  });

  it('ends a year cut at an as-of date at the quarter holding that date', () => {
    const cut = { ...sampleReport(), period: { label: '2026', start: '2026-01-01', end: '2026-08-15' } };
    const asked: string[] = [];
    withTrend(cut, 2, (label) => { asked.push(label); return quarterReport(label, 0.5); });
    expect(asked).toEqual(['2026-Q2', '2026-Q3']);
  });

  it('uses the report itself for a quarter cut at an as-of date', () => {
    const cut = { ...sampleReport(), period: { label: '2026-Q3', start: '2026-07-01', end: '2026-08-15' } };
    const asked: string[] = [];
    const trended = withTrend(cut, 1, (label) => { asked.push(label); return quarterReport(label, 0.5); });
    expect(asked).toEqual([]);
    expect(measure(trended, 'retention_2y').history).toEqual([{ period: '2026-Q3', value: 0.96, status: 'met' }]);
  });
});

describe('quarterFigures and withHistory', () => {
  it('takes the figures of every quarter but the report\'s own, before the report is made, and gives the same history as withTrend', () => {
    // The CLI computes the other quarters first (each report let go once its figures are taken), then the
    // report, then joins them: the history must be the one withTrend makes from the report itself.
    const values: Record<string, number | null> = { '2025-Q4': 0.9, '2026-Q1': null, '2026-Q2': 0.94 };
    const asked: string[] = [];
    const figures = quarterFigures(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'], '2026-Q3', (label) => {
      asked.push(label);
      return quarterReport(label, values[label] ?? null);
    });
    expect(asked).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']); // never the report's own quarter
    const report = sampleReport();
    const joined = withHistory(report, 4, figures);
    expect(joined).toEqual(withTrend(report, 4, (label) => quarterReport(label, values[label] ?? null)));
    expect(measure(joined, 'retention_2y').history?.map((h) => h.value)).toEqual([0.9, null, 0.94, 0.96]);
  });

  it('refuses to make a history with a quarter missing, rather than show a gap that is not in the data', () => {
    const figures = quarterFigures(['2026-Q2'], '2026-Q3', (label) => quarterReport(label, 0.5));
    expect(() => withHistory(sampleReport(), 3, figures)).toThrow(/no figures of 2026-Q1/);
  });
});
