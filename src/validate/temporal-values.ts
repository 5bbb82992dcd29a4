/**
 * `date` and `timestamp` cells. A checked regular expression and `Date.UTC` do the work (this runs for
 * every row of every file); zone offsets come from time-zone.ts, never from the machine's zone.
 */
import type { Instant, IsoDate } from '../core/datasets.js';
import { fail, ok, type ParseResult } from './parse-result.js';
import { dateInZone, localTimeToInstant } from './time-zone.js';

export const EXPECTED_DATE = 'a date YYYY-MM-DD';
export const EXPECTED_TIMESTAMP = 'an ISO 8601 timestamp like 2026-03-01T14:05:00Z';

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date, `T` or space, HH:MM, optional :SS and fraction (`.` or `,`, any precision), optional Z or ±HH[[:]MM].
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isRealDate = (year: number, month: number, day: number): boolean =>
  year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 &&
  day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));

/** True for a real calendar date written `YYYY-MM-DD` (year 1000-9999). */
export const isIsoDate = (text: string): boolean => {
  const match = DATE_ONLY.exec(text);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
};

/** Milliseconds from a fraction of a second of any precision (microseconds are cut, not rounded). */
const fractionMs = (digits: string | undefined): number =>
  digits === undefined ? 0 : Number(digits.slice(0, 3).padEnd(3, '0'));

type TimestampParse = { readonly instant: Instant } | { readonly expected: string };

/** A date-time cell: its instant, or which expectation it misses. */
const readDateTime = (text: string, timeZone: string): TimestampParse | undefined => {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, offH, offM] = match;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = s === undefined ? 0 : Number(s);
  if (!isRealDate(year, month, day)) return { expected: 'a real calendar date (year 1000-9999)' };
  if (hour > 23 || minute > 59 || second > 59) return { expected: 'a time of day 00:00:00-23:59:59' };
  const millisecond = fractionMs(frac);
  if (zulu !== undefined) return { instant: Date.UTC(year, month - 1, day, hour, minute, second, millisecond) };
  if (sign !== undefined) {
    const offsetHours = Number(offH), offsetMinutes = offM === undefined ? 0 : Number(offM);
    if (offsetHours > 23 || offsetMinutes > 59) return { expected: 'a UTC offset ±HH:MM' };
    const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    return { instant: wall - (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000 };
  }
  return { instant: localTimeToInstant({ year, month, day, hour, minute, second, millisecond }, timeZone) };
};

/**
 * A timestamp: ISO 8601 with `Z` or an offset (`+05:45`, `-03:30`, `+0530`, `+05`); without one, or a bare
 * date (its midnight), it is read in `timeZone` (gap and overlap rules in time-zone.ts).
 */
export const parseTimestamp = (text: string, timeZone: string): ParseResult<Instant> => {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly !== null) {
    const year = Number(dateOnly[1]), month = Number(dateOnly[2]), day = Number(dateOnly[3]);
    if (!isRealDate(year, month, day)) return fail('a real calendar date (year 1000-9999)', text);
    return ok(localTimeToInstant({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone));
  }
  const parsed = readDateTime(text, timeZone);
  if (parsed === undefined) return fail(EXPECTED_TIMESTAMP, text);
  return 'instant' in parsed ? ok(parsed.instant) : fail(parsed.expected, text);
};

/** A calendar date `YYYY-MM-DD`; a full timestamp gives its calendar date in `timeZone`. */
export const parseDate = (text: string, timeZone: string): ParseResult<IsoDate> => {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly !== null) {
    return isRealDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]))
      ? ok(text)
      : fail('a real calendar date YYYY-MM-DD (year 1000-9999)', text);
  }
  const parsed = readDateTime(text, timeZone);
  if (parsed === undefined) return fail(EXPECTED_DATE, text);
  return 'instant' in parsed ? ok(dateInZone(parsed.instant, timeZone)) : fail(parsed.expected, text);
};
