/**
 * Turns computed figures into statuses: the one place where targets, thresholds, `pending`, `no_data`
 * and severities are applied (metrics.md, "Statuses", "Red flags" and "Gate").
 */
import type { Config, FailOn } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import {
  holds, type Detail, type GateResult, type MeasureResult, type MeasureStatus, type MetricResult, type MetricStatus, type RedFlagResult,
  type Threshold,
} from '../core/report.js';
import { columnMapping, type MeasureContext, type MeasureDefinition, type MetricDefinition } from '../metrics/define.js';
import type { RedFlagDefinition } from '../red-flags/define.js';
import { roundFigure } from '../stats/round.js';

export { holds, roundFigure };

/** Why a measure or flag has no data: the files it needs are absent, or were found but cannot be used (unreadable, or rejected whole). */
export const missingFilesReason = (datasets: readonly DatasetName[], unusable: ReadonlyMap<DatasetName, string> = new Map()): string => {
  const found = datasets.flatMap((d) => unusable.get(d) ?? []);
  const absent = datasets.filter((d) => !unusable.has(d));
  return [
    ...(found.length > 0 ? [`${found.join(' and ')} (\`ops-metrics validate\` says why)`] : []),
    ...(absent.length > 0 ? [`needs ${absent.map((d) => `${d}.csv`).join(' and ')} (or .json / .ndjson) in the data folder`] : []),
  ].join('; ');
};

/**
 * Why a measure has no figure when a column it rests on is in no row of its file (see
 * MeasureDefinition.needsColumns), with the config that maps an export's column to it; undefined when every
 * such column is there.
 */
export function absentColumnsReason(def: MeasureDefinition, ctx: MeasureContext): string | undefined {
  const absent = (def.needsColumns?.(ctx.config) ?? []).filter(({ dataset, column }) => ctx.absentColumns?.get(dataset)?.columns.includes(column) === true);
  if (absent.length === 0) return undefined;
  const byFile = absent.map(({ dataset, column }) => `${ctx.absentColumns!.get(dataset)!.file} has no ${column} column`);
  return `${byFile.join(', and ')}, so every row would count as lacking one: no figure rather than a wrong one. ` +
    `If the export has it under another header, map it: ${columnMapping(absent[0]!)}`;
}

const targetOf = (def: MeasureDefinition, config: Config): Threshold | null =>
  def.target === null ? null : { op: def.target.op, value: config.targets[def.id] ?? def.target.value };

/**
 * Each distinct note of a measure held once, and flat. A note built from a template literal is a tree of
 * its pieces (a rope) until something reads it, ~60 bytes more than flat; and many people get the same
 * note ("1 product_roadmap meetings in 2026-07-01..2026-09-30"): a large report's 145,694 notes hold
 * 54,920 distinct texts. Reading a character flattens a rope in place; a repeated note is replaced by
 * the first, and the collector drops the copy and the pieces. The details were just made by
 * the measure, so nothing else holds them yet.
 */
function shareNotes(details: readonly Detail[] | undefined): void {
  if (details === undefined) return;
  const firstOf = new Map<string, string>();
  for (const detail of details) {
    const first = firstOf.get(detail.note);
    if (first === undefined) {
      detail.note.charCodeAt(0);
      firstOf.set(detail.note, detail.note);
    } else {
      (detail as { note: string }).note = first;
    }
  }
}

/**
 * Every value read is finite, but their sums need not be: two rows of 1e308 hours add up to Infinity, and
 * a share of Infinity in Infinity is NaN, which no threshold holds, so a red flag would read "clear" and
 * JSON would write the value as null. Such a figure is no figure.
 */
const NOT_FINITE = 'the figure is not a finite number: the input holds numbers too large to add up';

const isFiniteFigure = (value: number, ci95?: readonly [number, number]): boolean =>
  Number.isFinite(value) && (ci95 === undefined || (Number.isFinite(ci95[0]) && Number.isFinite(ci95[1])));

export function evaluateMeasure(def: MeasureDefinition, ctx: MeasureContext): MeasureResult {
  const target = targetOf(def, ctx.config);
  const label = typeof def.label === 'string' ? def.label : def.label(ctx.config);
  const base = { id: def.id, label, unit: def.unit, target };
  const missing = def.needs.filter((d) => ctx.data[d] === undefined);
  if (missing.length > 0) {
    return { ...base, value: null, status: 'no_data', n: null, ci95: null, details: [], reason: missingFilesReason(missing, ctx.unusable) };
  }
  const columnsReason = absentColumnsReason(def, ctx);
  if (columnsReason !== undefined) return { ...base, value: null, status: 'no_data', n: null, ci95: null, details: [], reason: columnsReason };
  const c = def.compute(ctx);
  shareNotes(c.details);
  const optional = {
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
    ...(c.survival !== undefined ? { survival: c.survival } : {}),
  };
  if (c.value === null) {
    // A suppressed group's size must not leak through n.
    const n = c.status === 'suppressed' || c.status === 'no_data' ? null : (c.n ?? null);
    return { ...base, value: null, status: c.status, n, ci95: null, details: c.details ?? [], ...optional };
  }
  if (!isFiniteFigure(c.value, c.ci95 ?? undefined)) {
    return { ...base, value: null, status: 'insufficient_data', n: c.n ?? null, ci95: null, details: [], ...optional, reason: NOT_FINITE };
  }
  const value = roundFigure(c.value);
  const ci95 = c.ci95 ? ([roundFigure(c.ci95[0]), roundFigure(c.ci95[1])] as const) : null;
  let status: MeasureStatus;
  let dueOn: string | undefined;
  if (target === null) status = 'info';
  else if (holds(value, target.op, target.value)) status = 'met';
  else if (c.pendingUntil !== undefined && ctx.window.asOf < c.pendingUntil) {
    status = 'pending';
    dueOn = c.pendingUntil;
  } else status = def.belowTarget ?? 'missed';
  return {
    ...base, value, status, n: c.n, ci95, details: c.details ?? [], ...optional,
    ...(dueOn !== undefined ? { dueOn, reason: `due on ${dueOn}` } : {}),
  };
}

const METRIC_STATUS_ORDER: readonly MetricStatus[] = [
  'missed', 'investigate', 'pending', 'suppressed', 'insufficient_data', 'no_data', 'met',
];

/** The worst status of the measures that have a target; info measures never change it. */
export function metricStatus(measures: readonly MeasureResult[]): MetricStatus {
  let worst = METRIC_STATUS_ORDER.length - 1;
  for (const m of measures) {
    if (m.target === null || m.status === 'info') continue;
    worst = Math.min(worst, METRIC_STATUS_ORDER.indexOf(m.status));
  }
  return METRIC_STATUS_ORDER[worst]!;
}

export function evaluateMetric(def: MetricDefinition, ctx: MeasureContext): MetricResult {
  const measures = def.measures.map((m) => evaluateMeasure(m, ctx));
  return { id: def.id, title: def.title, status: metricStatus(measures), measures };
}

export function evaluateRedFlag(def: RedFlagDefinition, ctx: MeasureContext): RedFlagResult {
  const severity = ctx.config.severity[def.id];
  const threshold = def.threshold(ctx.config);
  const base = { id: def.id, title: def.title, severity, threshold, fix: def.fix };
  if (severity === 'off') {
    return { ...base, status: 'off', value: null, evidence: [], reason: 'switched off by the config (severity: off)' };
  }
  const missing = def.needs.filter((d) => ctx.data[d] === undefined);
  if (missing.length > 0) return { ...base, status: 'no_data', value: null, evidence: [], reason: missingFilesReason(missing, ctx.unusable) };
  const c = def.evaluate(ctx);
  shareNotes(c.evidence);
  if (c.value === null) return { ...base, status: c.status, value: null, evidence: c.evidence ?? [], reason: c.reason };
  if (!isFiniteFigure(c.value)) return { ...base, status: 'insufficient_data', value: null, evidence: [], reason: NOT_FINITE };
  const value = roundFigure(c.value);
  return {
    ...base,
    status: holds(value, threshold.op, threshold.value) ? 'tripped' : 'clear',
    value,
    evidence: c.evidence,
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
  };
}

export function evaluateGate(failOn: FailOn, metrics: readonly MetricResult[], redFlags: readonly RedFlagResult[]): GateResult {
  const trippedRedFlags = redFlags.filter((f) => f.status === 'tripped' && f.severity === 'error').map((f) => f.id);
  const failedMeasures =
    failOn === 'missed'
      ? metrics.flatMap((m) => m.measures).filter((m) => m.status === 'missed' || m.status === 'investigate').map((m) => m.id)
      : [];
  const failed = failOn !== 'never' && (trippedRedFlags.length > 0 || failedMeasures.length > 0);
  return { failOn, failed, trippedRedFlags, failedMeasures };
}
