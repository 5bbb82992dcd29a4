/**
 * CSV (RFC 4180, CRLF line ends): one row per measure and per red flag, raw figures (0.96, not 96%) for
 * spreadsheets and BI tools. Every cell goes through `csvCell`, which also defuses formula-like cells —
 * by the letter of cli.md, so a negative figure reads `'-0.15` and the target op `=` reads `'=`.
 *
 * With `--trend`, the report's own rows come first, unchanged, and then each earlier quarter's, oldest
 * first: the same columns in long form, so a pivot table or a `period` filter reads the history. A
 * quarter's history keeps only its value and status, so its `n`, interval and comparison cells are empty.
 */
import type { MeasureResult, MetricResult, RedFlagResult, Report } from '../core/report.js';
import { parsePeriod } from '../model/window.js';
import { csvCell } from './escape.js';
import type { Reporter } from './types.js';

const HEADER = [
  'period', 'as_of', 'kind', 'metric', 'id', 'label', 'value', 'target_op', 'target', 'status', 'n',
  'ci95_low', 'ci95_high', 'previous_value', 'previous_status',
] as const;
type Column = (typeof HEADER)[number];
type Row = Readonly<Record<Column, string>>;

// String(x) is locale-independent and round-trips the figure exactly; a missing figure is an empty cell.
const num = (x: number | null | undefined): string => (x === null || x === undefined ? '' : String(x));

const measureRow = (report: Report, metric: MetricResult, m: MeasureResult): Row => ({
  period: report.period.label,
  as_of: report.asOf,
  kind: 'measure',
  metric: metric.id,
  id: m.id,
  label: m.label,
  value: num(m.value),
  target_op: m.target?.op ?? '',
  target: num(m.target?.value),
  status: m.status,
  n: num(m.n),
  ci95_low: num(m.ci95?.[0]),
  ci95_high: num(m.ci95?.[1]),
  previous_value: num(m.previous?.value),
  previous_status: m.previous?.status ?? '',
});

const redFlagRow = (report: Report, f: RedFlagResult): Row => ({
  period: report.period.label,
  as_of: report.asOf,
  kind: 'red_flag',
  metric: '',
  id: f.id,
  label: f.title,
  value: num(f.value),
  target_op: f.threshold.op,
  target: num(f.threshold.value),
  status: f.status,
  n: '',
  ci95_low: '',
  ci95_high: '',
  previous_value: num(f.previous?.value),
  previous_status: f.previous?.status ?? '',
});

type HistoryPoint = NonNullable<MeasureResult['history'] | RedFlagResult['history']>[number];

/** A row of an earlier quarter: the report's row for the same measure or flag, with that quarter's figures. */
const earlierRow = (row: Row, point: HistoryPoint, asOf: string): Row => ({
  ...row, period: point.period, as_of: asOf, value: num(point.value), status: point.status,
  n: '', ci95_low: '', ci95_high: '', previous_value: '', previous_status: '',
});

/**
 * The rows of the trend's quarters other than the report's own period, oldest first. A quarter's as-of date
 * is its last day, or the report's as-of date when that comes first (a cut quarter, as the trend computed it).
 */
function historyRows(report: Report, rows: ReadonlyArray<{ row: Row; history: readonly HistoryPoint[] | undefined }>): Row[] {
  const quarters = [...new Set(rows.flatMap(({ history }) => history?.map((point) => point.period) ?? []))]
    .filter((period) => period !== report.period.label)
    .sort();
  return quarters.flatMap((quarter) => {
    const end = parsePeriod(quarter)?.end ?? report.asOf;
    const asOf = end < report.asOf ? end : report.asOf;
    return rows.flatMap(({ row, history }) => {
      const point = history?.find((p) => p.period === quarter);
      return point === undefined ? [] : [earlierRow(row, point, asOf)];
    });
  });
}

const line = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export const csvReporter: Reporter = (report) => {
  const current = [
    ...report.metrics.flatMap((metric) => metric.measures.map((m) => ({ row: measureRow(report, metric, m), history: m.history }))),
    ...report.redFlags.map((f) => ({ row: redFlagRow(report, f), history: f.history })),
  ];
  const rows = [...current.map(({ row }) => row), ...historyRows(report, current)];
  return [line(HEADER), ...rows.map((row) => line(HEADER.map((column) => row[column])))].join('');
};
