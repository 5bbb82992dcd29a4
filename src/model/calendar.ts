/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`). Dates are plain strings so they compare correctly and
 * never pass through the machine's time zone.
 */
import type { IsoDate } from '../core/datasets.js';
import { DAY_MS } from '../core/durations.js';

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

/** The value of the `count` digits of `text` from `at` (the caller knows they are digits). */
const digitsAt = (text: string, at: number, count: number): number => {
  let value = 0;
  for (let i = at; i < at + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
};

/** Days in a 400-year Gregorian cycle; the day number of 0000-03-01, from which the cycles are counted. */
const DAYS_PER_ERA = 146_097;
const MARCH_1ST_YEAR_0 = -719_468;

/**
 * A date as its day number: whole days since 1970-01-01. The model holds dates this way (4 bytes each, and
 * compared as numbers). Counted in 400-year cycles starting on 1 March (H. Hinnant's days_from_civil), so
 * the leap day ends a year: arithmetic alone, exact for every year 0000–9999, and no Date (whose
 * `Date.UTC` reads years below 100 as 1900s) or string is made: it runs for every date a measure asks about.
 */
export function dayNumber(date: IsoDate): number {
  const month = digitsAt(date, 5, 2);
  const year = digitsAt(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digitsAt(date, 8, 2) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra + MARCH_1ST_YEAR_0;
}

/** The date of a day number: `dateOfDay(dayNumber(d)) === d` for every real date d. */
export function dateOfDay(day: number): IsoDate {
  const days = day - MARCH_1ST_YEAR_0;
  const era = Math.floor(days / DAYS_PER_ERA);
  const dayOfEra = days - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

export const quarterBounds = (year: number, quarter: number): { start: IsoDate; end: IsoDate } => {
  const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(addMonths(start, 3), -1) };
};
