/**
 * Time-zone arithmetic on IANA zone names, without the machine's zone ever taking part: offsets come from
 * zone-offsets.ts (Intl or Date, memoised), and wall-clock fields are turned into instants with `Date.UTC`.
 */
import type { Instant, IsoDate } from '../core/datasets.js';
import { DAY_MS } from '../core/durations.js';
import { offsetAt } from './zone-offsets.js';

export { offsetAt };

let icuZoneNames: ReadonlySet<string> | undefined;

/**
 * True when ICU knows `timeZone` exactly as written: its canonical names (`Intl.supportedValuesOf`, which
 * costs ~2 ms where the first `Intl.DateTimeFormat` costs ~25) and `UTC`. Aliases (`US/Eastern`,
 * `Asia/Kolkata` in some ICU versions) and other spellings are valid zones too, but not in this list.
 */
export const isIcuZoneName = (timeZone: string): boolean => {
  icuZoneNames ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
  return icuZoneNames.has(timeZone);
};

/** True when `timeZone` is an IANA name this runtime knows (`UTC`, `America/New_York`, ...). */
export const isValidTimeZone = (timeZone: string): boolean => {
  if (isIcuZoneName(timeZone)) return true;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** Wall-clock fields of a local time (month 1-12). */
export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/**
 * The instant a wall-clock time in `timeZone` denotes, by the "compatible" rule of Temporal and TZDate:
 * - a time that does not exist (in a spring-forward gap, e.g. 02:30 on 2026-03-08 in America/New_York)
 *   is read with the offset in force before the gap, i.e. shifted forward by the gap's length
 *   (02:30 EST does not exist → 03:30 EDT = 07:30Z);
 * - a time that exists twice (in a fall-back overlap) takes the earlier instant.
 * Assumes at most one transition within a day either side, which holds for every real zone.
 */
export const localTimeToInstant = (local: LocalTime, timeZone: string): Instant => {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const earlier = wall - offsetBefore;
  if (offsetBefore === offsetAfter) return earlier;
  if (offsetAt(earlier, timeZone) === offsetBefore) return earlier;
  const later = wall - offsetAfter;
  if (offsetAt(later, timeZone) === offsetAfter) return later;
  return earlier; // in the gap: the offset before it, so the time moves forward by the gap
};

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD` of a UTC calendar day held in a Date. */
export const isoDateOfUtc = (date: Date): IsoDate =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;

/** The calendar date of an instant in a zone. */
export const dateInZone = (instant: Instant, timeZone: string): IsoDate =>
  isoDateOfUtc(new Date(instant + offsetAt(instant, timeZone)));

const dayFields = (date: IsoDate): { year: number; month: number; day: number } => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

/** The first instant of a calendar day in a zone (01:00 where midnight falls in a gap). */
export const startOfDayInstant = (date: IsoDate, timeZone: string): Instant =>
  localTimeToInstant({ ...dayFields(date), hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);

/** The last millisecond of a calendar day in a zone; days of 23 or 25 hours come out right. */
export const endOfDayInstant = (date: IsoDate, timeZone: string): Instant => {
  const { year, month, day } = dayFields(date);
  const next = isoDateOfUtc(new Date(Date.UTC(year, month - 1, day + 1)));
  return startOfDayInstant(next, timeZone) - 1;
};
