/**
 * `--trend N`: the same report computed for each of the last N calendar quarters, kept on every measure
 * and red flag as `history` (oldest first, the chosen period last). The computation of each quarter is passed in, so
 * this stays pure: the CLI supplies `computeFor`, which loads nothing new and only moves the window.
 *
 * A year period (`2026`) has no quarter of its own: its trend ends at the quarter holding its last day
 * (`2026-Q4`, or the quarter of the as-of date when the year is cut short), and every point of the
 * history, the last included, is a quarter's figure, never the year's. The period labels in `history`
 * say so to every reader.
 */
import { UsageError } from '../core/problems.js';
import type { MeasureStatus, MetricResult, RedFlagStatus, Report } from '../core/report.js';
import { quarterLabel } from '../model/calendar.js';
import { resolveWindow, type ReportWindow } from '../model/window.js';

const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/;
const YEAR_LABEL = /^(\d{4})$/;

/**
 * The `n` quarters that end at `label`, oldest first: `previousQuarters('2026-Q2', 3)` is
 * `['2025-Q4', '2026-Q1', '2026-Q2']`. A year label ends at its fourth quarter.
 */
export function previousQuarters(label: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a trend needs a whole number of quarters >= 1, got ${n}`);
  const end = endQuarterOf(label);
  // Count quarters from year 0 so stepping back across a year boundary is plain arithmetic.
  const endIndex = end.year * 4 + (end.quarter - 1);
  return Array.from({ length: n }, (_, i) => {
    const index = endIndex - (n - 1 - i);
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
}

function endQuarterOf(label: string): { year: number; quarter: number } {
  const quarter = QUARTER_LABEL.exec(label);
  if (quarter) return { year: Number(quarter[1]), quarter: Number(quarter[2]) };
  const year = YEAR_LABEL.exec(label);
  if (year) return { year: Number(year[1]), quarter: 4 };
  throw new RangeError(`not a period label (2026-Q3 or 2026): ${JSON.stringify(label)}`);
}

/** The quarters of a trend of `quarters` points for a period ending on `periodEnd`, oldest first. */
export const trendQuarters = (periodEnd: string, quarters: number): string[] => previousQuarters(quarterLabel(periodEnd), quarters);

/**
 * The windows of a run: the report's own, then each quarter of a trend of `quarters` points (none for
 * fewer than 2). No quarter reaches past the report's as-of date: the quarter that holds it is cut there,
 * as `--period 2026-Q3 --as-of 2026-08-15` is, so a year cut short ends its trend at a cut quarter and
 * nothing dated after `T_end` is counted in any point.
 */
export function runWindows(main: ReportWindow, quarters: number | undefined, today: string): ReportWindow[] {
  const labels = trendLabels(main.period.end, quarters);
  return [main, ...labels.map((label) => resolveWindow({ period: label, asOf: main.asOf, today, timezone: main.timezone }))];
}

/**
 * The quarters of a trend of `quarters` points for a period ending on `periodEnd` (none for fewer than
 * 2). The first is checked here, so the message is about --trend, not a period the user never typed.
 */
export function trendLabels(periodEnd: string, quarters: number | undefined): string[] {
  if (quarters === undefined || quarters <= 1) return [];
  const labels = trendQuarters(periodEnd, quarters);
  const first = labels[0]!;
  if (!/^\d{4}-/.test(first)) {
    throw new UsageError(`--trend ${quarters}: the quarters would start in ${first}, before the year 1000 that dates can hold`);
  }
  return labels;
}

/**
 * The figures of each quarter of `labels` but `mainLabel` (the report's own, whose figures its report
 * gives): each quarter's report is computed by `computeFor` and let go once its figures are taken, since
 * it holds a detail per person for each measure (~15 MiB at the large bench scale) which the history does
 * not show. The CLI computes these before the report itself, so no quarter makes its details on top of
 * the report's.
 */
export function quarterFigures(labels: readonly string[], mainLabel: string, computeFor: (periodLabel: string) => Report): ReadonlyMap<string, QuarterFigures> {
  return new Map(labels.filter((label) => label !== mainLabel).map((label) => [label, figuresOf(computeFor(label))]));
}

/**
 * `report` with `history` set on every measure and red flag: the last `quarters` quarters ending at the
 * quarter that holds the period's last day. When the period is that quarter, its own figures are the last
 * point (nothing is computed twice); every other quarter's are `figures`' (see quarterFigures).
 */
export function withHistory(report: Report, quarters: number, figures: ReadonlyMap<string, QuarterFigures>): Report {
  const labels = trendQuarters(report.period.end, quarters);
  const byQuarter = labels.map((label) => {
    const quarter = label === report.period.label ? figuresOf(report) : figures.get(label);
    if (quarter === undefined) throw new Error(`no figures of ${label} for the trend`);
    return { label, figures: quarter };
  });
  // A quarter whose report lacks the measure or flag has no figure for it; it keeps its place in the series.
  const historyOf = <S extends string>(id: string, pick: (figures: QuarterFigures) => ReadonlyMap<string, Figure<S>>) =>
    byQuarter.map(({ label, figures: quarter }) => ({ period: label, ...(pick(quarter).get(id) ?? { value: null, status: 'no_data' as const }) }));
  return {
    ...report,
    metrics: report.metrics.map(
      (metric): MetricResult => ({
        ...metric,
        measures: metric.measures.map((measure) => ({ ...measure, history: historyOf(measure.id, (f) => f.measures) })),
      }),
    ),
    redFlags: report.redFlags.map((flag) => ({ ...flag, history: historyOf(flag.id, (f) => f.redFlags) })),
  };
}

/** `withHistory` with every other quarter's report made by `computeFor` (see quarterFigures). */
export const withTrend = (report: Report, quarters: number, computeFor: (periodLabel: string) => Report): Report =>
  withHistory(report, quarters, quarterFigures(trendQuarters(report.period.end, quarters), report.period.label, computeFor));

interface Figure<S extends string> { readonly value: number | null; readonly status: S }
export interface QuarterFigures {
  readonly measures: ReadonlyMap<string, Figure<MeasureStatus>>;
  readonly redFlags: ReadonlyMap<string, Figure<RedFlagStatus>>;
}

/** Each measure's and red flag's value and status: all a quarter gives the history. */
const figuresOf = (report: Report): QuarterFigures => ({
  measures: new Map(report.metrics.flatMap((metric) => metric.measures.map((m) => [m.id, { value: m.value, status: m.status }] as const))),
  redFlags: new Map(report.redFlags.map((f) => [f.id, { value: f.value, status: f.status }] as const)),
});
