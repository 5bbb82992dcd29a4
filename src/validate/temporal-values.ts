/**
 * `date` and `timestamp` cells. Their shape is read by iso-text.ts and their instant made with `Date.UTC`
 * (this runs for every row of every file); zone offsets come from time-zone.ts, never from the machine's zone.
 */
import type { Instant, IsoDate } from '../core/datasets.js';
import { readIsoDate, readIsoDateTime } from './iso-text.js';
import { fail, ok, type ParseResult } from './parse-result.js';
import { dateInZone, localTimeToInstant } from './time-zone.js';

export const EXPECTED_DATE = 'a date YYYY-MM-DD';
export const EXPECTED_TIMESTAMP = 'an ISO 8601 timestamp like 2026-03-01T14:05:00Z';

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isRealDate = (year: number, month: number, day: number): boolean =>
  year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 &&
  day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));

/** True for a real calendar date written `YYYY-MM-DD` (year 1000-9999). */
export const isIsoDate = (text: string): boolean => {
  const date = readIsoDate(text);
  return date !== undefined && isRealDate(date.year, date.month, date.day);
};

/**
 * A date-time cell: its instant, the expectation it misses (a string), or undefined when it is not a
 * date-time at all (a number or a string rather than a result object: this runs for millions of cells).
 */
const readDateTime = (text: string, timeZone: string): Instant | string | undefined => {
  const fields = readIsoDateTime(text);
  if (fields === undefined) return undefined;
  const { year, month, day, hour, minute, second, millisecond, zone, offsetHours, offsetMinutes } = fields;
  if (!isRealDate(year, month, day)) return 'a real calendar date (year 1000-9999)';
  if (hour > 23 || minute > 59 || second > 59) return 'a time of day 00:00:00-23:59:59';
  if (zone === 'local') return localTimeToInstant(fields, timeZone);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (zone === 'Z') return wall;
  if (offsetHours > 23 || offsetMinutes > 59) return 'a UTC offset ±HH:MM';
  return wall - (zone === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
};

/**
 * A timestamp: ISO 8601 with `Z` or an offset (`+05:45`, `-03:30`, `+0530`, `+05`); without one, or a bare
 * date (its midnight), it is read in `timeZone` (gap and overlap rules in time-zone.ts).
 */
export const parseTimestamp = (text: string, timeZone: string): ParseResult<Instant> => {
  const date = readIsoDate(text);
  if (date !== undefined) {
    const { year, month, day } = date;
    if (!isRealDate(year, month, day)) return fail('a real calendar date (year 1000-9999)', text);
    return ok(localTimeToInstant({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone));
  }
  const parsed = readDateTime(text, timeZone);
  if (parsed === undefined) return fail(EXPECTED_TIMESTAMP, text);
  return typeof parsed === 'number' ? ok(parsed) : fail(parsed, text);
};

/** A calendar date `YYYY-MM-DD`; a full timestamp gives its calendar date in `timeZone`. */
export const parseDate = (text: string, timeZone: string): ParseResult<IsoDate> => {
  const date = readIsoDate(text);
  if (date !== undefined) {
    return isRealDate(date.year, date.month, date.day) ? ok(text) : fail('a real calendar date YYYY-MM-DD (year 1000-9999)', text);
  }
  const parsed = readDateTime(text, timeZone);
  if (parsed === undefined) return fail(EXPECTED_DATE, text);
  return typeof parsed === 'number' ? ok(dateInZone(parsed, timeZone)) : fail(parsed, text);
};
