/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`). Dates are plain strings so they compare correctly and
 * never pass through the machine's time zone.
 */
import type { IsoDate } from '../core/datasets.js';

const DAY_MS = 86_400_000;

/** The instant a date begins in UTC (its start in any zone lies within ±14 h of it). */
export const toUtcMs = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

const fromUtcMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * date-fns `addMonths(d, n)` on a calendar date: the same day n months on, clamped to the end of a shorter
 * month (Jan 31 + 1 month = Feb 28 or 29). Written out rather than called: cohorts ask for it for every
 * person and record, and date-fns' zone-aware dates cost a hundred times more. A test checks it against
 * date-fns over thousands of dates.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromUtcMs(toUtcMs(date) + days * DAY_MS);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);

/** Inclusive test of a date against `[start, end]`. */
export const isWithin = (date: IsoDate, start: IsoDate, end: IsoDate): boolean => date >= start && date <= end;

export const minDate = (a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined =>
  a === undefined ? b : b === undefined ? a : a < b ? a : b;

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** The calendar quarter holding a date: `2025-Q1`. */
export const quarterLabel = (date: IsoDate): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export const quarterBounds = (year: number, quarter: number): { start: IsoDate; end: IsoDate } => {
  const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(addMonths(start, 3), -1) };
};
