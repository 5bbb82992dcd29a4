/**
 * The reporting window of metrics.md, "Time": the period P, the as-of date T, the end of T's day in the
 * configured zone, and the trailing years Y = (T − 12 months, T] and Y₋₁ = (T − 24 months, T − 12 months].
 */
import type { Instant, IsoDate } from '../core/datasets.js';
import { UsageError } from '../core/problems.js';
import type { Period } from '../core/report.js';
import { endOfDayInstant } from '../validate/time-zone.js';
import { addDays, addMonths, quarterBounds } from './calendar.js';

export interface ReportWindow {
  readonly period: Period;
  /** T = P.end. */
  readonly asOf: IsoDate;
  /** The last millisecond of T in the configured zone: nothing later is counted. */
  readonly tEnd: Instant;
  /** Y is `(yearStartExclusive, asOf]`. */
  readonly yearStartExclusive: IsoDate;
  /** Y₋₁ is `(previousYearStartExclusive, yearStartExclusive]`. */
  readonly previousYearStartExclusive: IsoDate;
  /** Whether P is a whole calendar quarter (not cut short by an as-of date). */
  readonly isFullQuarter: boolean;
  readonly timezone: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface NamedPeriod { label: string; start: IsoDate; end: IsoDate; isQuarter: boolean }

/** `2026-Q3` or `2026` (case-insensitive), years 1000–9999 as dates are; undefined when the text is neither. */
export function parsePeriod(text: string): NamedPeriod | undefined {
  const quarter = /^([1-9]\d{3})-[Qq]([1-4])$/.exec(text.trim());
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return { label: `${year}-Q${q}`, ...quarterBounds(year, q), isQuarter: true };
  }
  const year = /^([1-9]\d{3})$/.exec(text.trim());
  if (year) return { label: year[1]!, start: `${year[1]}-01-01`, end: `${year[1]}-12-31`, isQuarter: false };
  return undefined;
}

const quarterOf = (date: IsoDate): NamedPeriod =>
  parsePeriod(`${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`)!;

// Built from its fields, so an impossible month (2026-13-01) is rejected rather than throwing a RangeError.
const isRealDate = (text: string): boolean => {
  if (!ISO_DATE.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * Resolves `--period` / `--as-of` (metrics.md, "Time" and "Settled details"). `today` is the caller's
 * clock, passed in so this stays pure: with neither flag the period is the last complete quarter before it.
 */
export function resolveWindow(options: { period?: string | undefined; asOf?: string | undefined; today: IsoDate; timezone: string }): ReportWindow {
  const { named, end } = periodBounds(options);
  const { timezone } = options;
  return {
    period: { label: named.label, start: named.start, end },
    asOf: end,
    tEnd: endOfDayInstant(end, timezone),
    yearStartExclusive: addMonths(end, -12),
    previousYearStartExclusive: addMonths(end, -24),
    isFullQuarter: named.isQuarter && end === named.end,
    timezone,
  };
}

/**
 * The named period and its end (cut at the as-of date), by calendar dates alone: no zone's rules are
 * asked, so the CLI can check `--period` and `--as-of` before it knows the configured zone (and before
 * asking any zone would bring ICU's zone data into memory). Throws the usage errors resolveWindow does.
 */
export function periodBounds(options: { period?: string | undefined; asOf?: string | undefined; today: IsoDate }): { named: NamedPeriod; end: IsoDate } {
  const { period: periodText, today } = options;
  // Surrounding spaces (a value pasted from a spreadsheet cell) are no part of the date, as of a period.
  const asOfText = options.asOf?.trim();
  if (asOfText !== undefined && !isRealDate(asOfText)) {
    // A text of the right shape is a day its month does not hold (2026-02-30): say that, not the shape.
    const expected = /^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? 'a real calendar date YYYY-MM-DD (year 1000-9999)' : 'a date YYYY-MM-DD';
    throw new UsageError(`--as-of: expected ${expected}, found "${asOfText}"`);
  }
  let named: NamedPeriod;
  if (periodText !== undefined) {
    const parsed = parsePeriod(periodText);
    if (!parsed) throw new UsageError(`--period: expected a quarter like 2026-Q3 or a year like 2026, found "${periodText}"`);
    named = parsed;
  } else if (asOfText !== undefined) {
    named = quarterOf(asOfText);
  } else {
    named = quarterOf(addDays(quarterOf(today).start, -1));
  }
  let end = named.end;
  if (asOfText !== undefined) {
    if (asOfText < named.start) {
      throw new UsageError(`--as-of ${asOfText} is before the period ${named.label}, which starts on ${named.start}`);
    }
    if (asOfText < end) end = asOfText;
  }
  return { named, end };
}

/** Inclusive test of a date against Y. */
export const inTrailingYear = (w: ReportWindow, date: IsoDate): boolean => date > w.yearStartExclusive && date <= w.asOf;
export const inPreviousYear = (w: ReportWindow, date: IsoDate): boolean =>
  date > w.previousYearStartExclusive && date <= w.yearStartExclusive;
export const inPeriod = (w: ReportWindow, date: IsoDate): boolean => date >= w.period.start && date <= w.period.end;
