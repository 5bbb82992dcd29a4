/**
 * The wording of figures, targets, statuses, intervals, changes and the gate verdict, shared by every
 * human format (table, markdown, junit, github, html) so they all say the same thing the same way.
 * Plain text only: each format escapes what it embeds.
 */
import type { RedFlagId } from '../core/config.js';
import {
  holds, type ComparisonOp, type MeasureResult, type MeasureStatus, type RedFlagResult, type RedFlagStatus,
  type Report, type Threshold, type Unit,
} from '../core/report.js';

export type AnyStatus = MeasureStatus | RedFlagStatus;

export const STATUS_SYMBOL = {
  met: '✓',
  missed: '✗',
  investigate: '!',
  pending: '…',
  insufficient_data: '?',
  suppressed: '⊘',
  no_data: '–',
  info: '·',
  tripped: '✗',
  clear: '✓',
  off: '–',
} as const satisfies Record<AnyStatus, string>;

export const STATUS_WORD = {
  met: 'met',
  missed: 'missed',
  investigate: 'investigate',
  pending: 'pending',
  insufficient_data: 'insufficient data',
  suppressed: 'suppressed',
  no_data: 'no data',
  info: 'info',
  tripped: 'tripped',
  clear: 'clear',
  off: 'off',
} as const satisfies Record<AnyStatus, string>;

/** `✓ met`, `? insufficient data`. */
export const formatStatus = (status: AnyStatus): string => `${STATUS_SYMBOL[status]} ${STATUS_WORD[status]}`;

/** What each red flag's value counts (metrics.md, "Red-flag values"). */
export const RED_FLAG_UNIT = {
  task_execution: 'ratio',
  year1_turnover: 'ratio',
  coding_frustration: 'score',
  no_improvements: 'count',
  ops1_undervalued: 'score',
  promotion_pay: 'count',
} as const satisfies Record<RedFlagId, Unit>;

const OP_SYMBOL = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' } as const satisfies Record<ComparisonOp, string>;

const NO_VALUE = '—';

/**
 * `x` × 10^`shift` (2: a ratio as a percentage) with `digits` decimals, rounded half away from zero on the
 * figure's own decimal digits: the shortest that read back as `x`, which the JSON and the CSV write. So
 * 0.9005 is `90.1` (%) and 8.35 is `8.4`, as a reader rounds the JSON's figure, where toFixed rounded the
 * double below it (0.900499999…, 8.349999…) to `90.0` and `8.3`. Locale-independent; a figure that shows
 * as zero has no sign ("-0.0" would suggest one the figure does not have).
 */
const fixed = (x: number, digits: number, shift = 0): string => {
  if (!Number.isFinite(x)) return String(x);
  // toExponential() gives the shortest digits that read back as x: "9.005e-1".
  const [mantissa = '0', exponent = '0'] = Math.abs(x).toExponential().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  // |x| × 10^(shift + digits) = all × 10^power.
  const all = BigInt(whole + fraction);
  const power = Number(exponent) - fraction.length + shift + digits;
  let units: bigint;
  if (power >= 0) units = all * 10n ** BigInt(power);
  else {
    const divisor = 10n ** BigInt(-power);
    units = all / divisor + ((all % divisor) * 2n >= divisor ? 1n : 0n);
  }
  const text = units.toString().padStart(digits + 1, '0');
  const shown = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return x < 0 && units !== 0n ? `-${shown}` : shown;
};

/** Decimal places a figure is shown with, unless its target needs more (see `formatValue`). */
const PLACES = 1;
/**
 * The most places shown: figures are rounded to 6 places (src/stats/round.ts), which a ratio shows as a
 * percentage with 4.
 */
const maxPlaces = (unit: Unit): number => (unit === 'ratio' ? 4 : 6);
/** The decimal places a figure moves when shown: a ratio as a percentage. */
const shownShift = (unit: Unit): number => (unit === 'ratio' ? 2 : 0);

/**
 * The most places a target or threshold is shown with: it is configured, not computed, so it may hold
 * more than a figure's 6 (a target of 8.6000001 reads `≥ 8.6000001`, not an `8.6` that an 8.6 missing it
 * would seem to meet).
 */
const maxTargetPlaces = (unit: Unit): number => maxPlaces(unit) + 6;

/** The fewest decimals, from one up to `most`, that `enough` accepts (`most` when none does). */
function fewestPlaces(unit: Unit, enough: (places: number) => boolean, most = maxPlaces(unit)): number {
  let places = PLACES;
  while (places < most && !enough(places)) places++;
  return places;
}

/** A number in its unit with `places` decimals: ratio `96.0%`, score `8.6`, count `3`, rate `5.2`, multiple `2.1×`, null `—`. */
export function formatAmount(value: number | null, unit: Unit, places = PLACES): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case 'ratio': return `${fixed(value, places, 2)}%`;
    case 'score': return fixed(value, places);
    case 'count': return Number.isInteger(value) ? String(value) : fixed(value, places);
    case 'rate': return fixed(value, places);
    case 'multiple': return `${fixed(value, places)}×`;
    default: { const never: never = unit; return never; }
  }
}

/** The number a reader sees when `value` is shown with `places` decimals, in the unit's scale (96.0 for 96.0%). */
const seen = (value: number, unit: Unit, places: number): number =>
  unit === 'count' && Number.isInteger(value) ? value : Number(fixed(value, places, shownShift(unit)));

/**
 * The decimals `value` needs beside `threshold` (a target, or a red flag's threshold, shown as
 * `formatTarget` shows it): one, or as many more as it takes for the figure shown to stand on the same
 * side of the threshold as the figure itself. Rounded to one place, 0.8996 against a target of ≥ 90%
 * would read `89.96%`'s miss as `90.0%`, and 8.46 against ≥ 8.5 as `8.5`: a figure that seems to meet
 * its target beside the word "missed". A figure that meets it exactly keeps one place.
 */
function placesAgainst(value: number, unit: Unit, threshold: Threshold): number {
  const truth = holds(value, threshold.op, threshold.value);
  const bound = seen(threshold.value, unit, maxTargetPlaces(unit));
  return fewestPlaces(unit, (places) => holds(seen(value, unit, places), threshold.op, bound) === truth);
}

/** The fewest decimals (one at least) that show `threshold` exactly: a configured 0.9555 reads `95.55%`, not `95.6%`. */
const placesOf = (threshold: number, unit: Unit): number =>
  fewestPlaces(unit, (places) => seen(threshold, unit, places) === seen(threshold, unit, maxTargetPlaces(unit)), maxTargetPlaces(unit));

/** A figure beside an optional target or threshold: with the places `placesAgainst` gives it. */
export const formatAgainst = (value: number | null, unit: Unit, threshold: Threshold | null | undefined): string =>
  formatAmount(value, unit, value === null || threshold == null || !Number.isFinite(value) ? PLACES : placesAgainst(value, unit, threshold));

/** A measure's figure, beside its target when it has one (see `placesAgainst`). */
export const formatValue = (measure: Pick<MeasureResult, 'value' | 'unit'> & { readonly target?: Threshold | null }): string =>
  formatAgainst(measure.value, measure.unit, measure.target);

/** `≥ 95.0%`, `≥ 95.55%` (as configured); `—` for a measure without a target. */
export const formatTarget = (threshold: Threshold | null, unit: Unit): string =>
  threshold === null ? NO_VALUE : `${OP_SYMBOL[threshold.op]} ${formatAmount(threshold.value, unit, placesOf(threshold.value, unit))}`;

/** `[80.5%, 99.3%]`; `—` when there is none. */
export const formatInterval = (ci95: readonly [number, number] | null, unit: Unit): string =>
  ci95 === null ? NO_VALUE : `[${formatAmount(ci95[0], unit)}, ${formatAmount(ci95[1], unit)}]`;

export const formatN = (n: number | null): string => (n === null ? NO_VALUE : String(n));

/** An input's rejected rows, or `unreadable` for a file found but not read at all (its rows are unknown). */
export const formatRejected = (input: { readonly rejected: number; readonly unreadable?: boolean | undefined }): string =>
  (input.unreadable === true ? 'unreadable' : String(input.rejected));

export const formatRedFlagValue = (flag: Pick<RedFlagResult, 'id' | 'value' | 'threshold'>): string =>
  formatAgainst(flag.value, RED_FLAG_UNIT[flag.id], flag.threshold);

/**
 * A red flag's value with what it is: the title names the failure ("2.0s frustrated with coding
 * expectations"), so a bare 7.2 beside it reads as a level of frustration, where it is a mean score and
 * higher is better (metrics.md, "Red flags").
 */
const RED_FLAG_VALUE_WORDS = {
  task_execution: (value) => `${value} of hours`,
  year1_turnover: (value) => `${value} left`,
  coding_frustration: (value) => `mean score ${value}`,
  no_improvements: (value) => `${value} improvement${value === '1' ? '' : 's'}`,
  ops1_undervalued: (value) => `mean score ${value}`,
  promotion_pay: (value) => `${value} promotion${value === '1' ? '' : 's'}`,
} as const satisfies Record<RedFlagId, (value: string) => string>;

export const describeRedFlagValue = (flag: Pick<RedFlagResult, 'id' | 'value' | 'threshold'>): string =>
  // Without a figure the words would read as one ("— improvements" beside "trips when = 0").
  flag.value === null ? `value ${formatRedFlagValue(flag)}` : RED_FLAG_VALUE_WORDS[flag.id](formatRedFlagValue(flag));

export const formatRedFlagThreshold = (flag: Pick<RedFlagResult, 'id' | 'threshold'>): string =>
  formatTarget(flag.threshold, RED_FLAG_UNIT[flag.id]);

/**
 * The decimals a change of `size` (> 0) needs not to read as none: one, or more up to the unit's most
 * (see maxPlaces), so 90.0% → 89.96% is `-0.04 pp`, not a `-0.0 pp` beside "met → missed".
 */
const deltaPlaces = (size: number, unit: Unit): number =>
  fewestPlaces(unit, (places) => Number(fixed(size, places, shownShift(unit))) !== 0);

// A change of a ratio is in percentage points: 92% → 85% is "-7.0 pp", not "-7.6%".
function formatDelta(delta: number, unit: Unit): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '±';
  const size = Math.abs(delta);
  const places = size === 0 ? PLACES : deltaPlaces(size, unit);
  switch (unit) {
    case 'ratio': return `${sign}${fixed(size, places, 2)} pp`;
    case 'multiple': return `${sign}${fixed(size, places)}×`;
    case 'count': return `${sign}${Number.isInteger(size) ? String(size) : fixed(size, places)}`;
    case 'score':
    case 'rate': return `${sign}${fixed(size, places)}`;
    default: { const never: never = unit; return never; }
  }
}

/**
 * The change since the compared report: `+4.0 pp`, `was 92.0%` when there is no figure now, `new` when
 * there was none then, `—` when neither has one, and `` without a comparison. An earlier figure is shown
 * against the measure's target, as every figure is (`was 8.46` beside `missed`, not `was 8.5`).
 */
export function formatChange(measure: Pick<MeasureResult, 'value' | 'unit' | 'previous'> & { readonly target?: Threshold | null }): string {
  const previous = measure.previous;
  if (previous === undefined) return '';
  if (measure.value === null && previous.value === null) return NO_VALUE;
  if (previous.value === null) return 'new';
  if (measure.value === null) return `was ${formatAgainst(previous.value, measure.unit, measure.target)}`;
  // Both figures are rounded to 6 places; rounding the difference the same way drops float noise. Two whole
  // numbers (counts) differ by a whole number exactly: scaled by 10^6 and back, a large one would not.
  const delta = Number.isInteger(measure.value) && Number.isInteger(previous.value) ? measure.value - previous.value
    : Math.round((measure.value - previous.value) * 1e6) / 1e6;
  return formatDelta(delta, measure.unit);
}

/** `met → missed` (or `clear → tripped`) when the status changed since the compared report, else undefined. */
export function statusChange(result: { readonly status: AnyStatus; readonly previous?: { readonly status: AnyStatus } }): string | undefined {
  const previous = result.previous;
  if (previous === undefined || previous.status === result.status) return undefined;
  return `${STATUS_WORD[previous.status]} → ${STATUS_WORD[result.status]}`;
}

/** `since 2026-Q2: -7.0 pp, met → investigate`, for formats without a change column; undefined without a comparison. */
export function formatChangeSince(measure: Pick<MeasureResult, 'value' | 'unit' | 'status' | 'previous'> & { readonly target?: Threshold | null }): string | undefined {
  if (measure.previous === undefined) return undefined;
  const change = statusChange(measure);
  return `since ${measure.previous.period}: ${formatChange(measure)}${change === undefined ? '' : `, ${change}`}`;
}

/**
 * A red flag's change since the compared report: its earlier figure in the flag's own words and its status
 * change (`was 0 promotions, clear → tripped`); `new` when there was no figure then, `—` when neither has
 * one, and `` without a comparison. The figures count different things from flag to flag, so the earlier
 * one is written out rather than subtracted.
 */
export function redFlagChange(flag: Pick<RedFlagResult, 'id' | 'value' | 'threshold' | 'status' | 'previous'>): string {
  const previous = flag.previous;
  if (previous === undefined) return '';
  const figure = previous.value !== null ? `was ${describeRedFlagValue({ ...flag, value: previous.value })}`
    : flag.value === null ? NO_VALUE : 'new';
  const change = statusChange(flag);
  return change === undefined ? figure : `${figure}, ${change}`;
}

/** `since 2026-Q2: was 0 promotions, clear → tripped`; undefined without a comparison. */
export const redFlagChangeSince = (flag: Pick<RedFlagResult, 'id' | 'value' | 'threshold' | 'status' | 'previous'>): string | undefined =>
  flag.previous === undefined ? undefined : `since ${flag.previous.period}: ${redFlagChange(flag)}`;

/**
 * A history in words, each quarter's figure with its status, for formats without a chart or a sparkline:
 * `by quarter: 2025-Q4 100.0% met; 2026-Q1 no figure, no data; 2026-Q3 88.9% investigate`. Undefined when
 * there is no history, or no quarter has a figure (a flag switched off): nothing to show.
 */
export function quarterlyText<S extends AnyStatus>(
  history: ReadonlyArray<{ readonly period: string; readonly value: number | null; readonly status: S }> | undefined,
  figure: (value: number) => string,
): string | undefined {
  if (history === undefined || history.every((h) => h.value === null)) return undefined;
  const points = history.map((h) => `${h.period} ${h.value === null ? 'no figure,' : figure(h.value)} ${STATUS_WORD[h.status] ?? h.status}`);
  return `by quarter: ${points.join('; ')}`;
}

/** A measure's history in words (`quarterlyText`), each figure as beside its target. */
export const measureQuarterly = (m: Pick<MeasureResult, 'history' | 'unit' | 'target'>): string | undefined =>
  quarterlyText(m.history, (value) => formatAgainst(value, m.unit, m.target));

/** A red flag's history in words (`quarterlyText`), each figure as beside its threshold. */
export const redFlagQuarterly = (f: Pick<RedFlagResult, 'history' | 'id' | 'threshold'>): string | undefined =>
  quarterlyText(f.history, (value) => formatRedFlagValue({ ...f, value }));

const listed = (singular: string, plural: string, ids: readonly string[]): string =>
  `${ids.length === 1 ? singular : plural}: ${ids.join(', ')}`;

/**
 * The one-line verdict every human format ends with, e.g.
 * `Gate FAILED (--fail-on red-flag): red flags tripped: promotion_pay, year1_turnover`. A flag of
 * severity `warn` that tripped fails no gate, but the verdict says it tripped rather than deny it.
 */
export function gateLine(report: Pick<Report, 'gate'> & { readonly redFlags?: readonly Pick<RedFlagResult, 'id' | 'status' | 'severity'>[] }): string {
  const { failOn, failed, trippedRedFlags, failedMeasures } = report.gate;
  const warned = (report.redFlags ?? []).filter((f) => f.status === 'tripped' && f.severity === 'warn').map((f) => f.id);
  const head = `Gate ${failed ? 'FAILED' : 'PASSED'} (--fail-on ${failOn})`;
  const reasons: string[] = [];
  if (trippedRedFlags.length > 0) reasons.push(listed('red flag tripped', 'red flags tripped', trippedRedFlags));
  if (failedMeasures.length > 0) reasons.push(listed('measure failed', 'measures failed', failedMeasures));
  const warnings = warned.length === 0 ? '' : `; ${listed('red flag of severity warn tripped', 'red flags of severity warn tripped', warned)}`;
  const none = warned.length === 0 ? 'no red flag tripped' : 'no red flag of severity error tripped';
  if (failOn === 'never') {
    return reasons.length === 0 ? `${head}: never fails; ${none}${warnings}` : `${head}: never fails; ${reasons.join('; ')}${warnings}`;
  }
  if (reasons.length > 0) return `${head}: ${reasons.join('; ')}${warnings}`;
  return failOn === 'missed' ? `${head}: ${none}, no measure missed${warnings}` : `${head}: ${none}${warnings}`;
}
