/**
 * The offset of an IANA zone at an instant, without the machine's zone ever taking part: it comes from
 * `Intl.DateTimeFormat(..., { timeZone }).formatToParts` (or, when the CLI has made the zone the process's
 * own, from a Date's local fields), which is slow (a few microseconds a call), so offsets are memoised in
 * two layers:
 * - per zone and UTC day: the offsets at the day's start and at the next day's start; when they agree the
 *   whole day has that offset (no zone changes offset twice within one day and back), so a file of
 *   timestamps spread over years costs one `formatToParts` per day it touches;
 * - on the few days that hold a transition, per 15-minute bucket of UTC time: the transitions of the tz
 *   database fall on a quarter hour of UTC (a few pre-1970 changes of local mean time aside), so an offset
 *   read at the start of a bucket holds for the whole bucket.
 * The result is the same as reading every instant's offset at the start of its 15-minute bucket.
 */
import type { Instant } from '../core/datasets.js';
import { DAY_MS } from '../core/durations.js';

const BUCKET_MS = 15 * 60_000;
/** A day's entry in the per-day cache when its offset changes during the day. */
const CHANGES_WITHIN_DAY = Number.NaN;

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The zone's offset from UTC (ms, east positive) at an instant whose seconds are whole, from Intl alone. */
export const intlOffsetAt = (instant: Instant, timeZone: string): number => {
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - (fields.year ?? 0) : (fields.year ?? 0);
  const wall = new Date(0);
  wall.setUTCFullYear(year, (fields.month ?? 1) - 1, fields.day ?? 1);
  wall.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, 0);
  return wall.getTime() - instant;
};

/**
 * The zone the process's local time is set to (see `useProcessZone`), whose offsets can be read from a
 * Date's local fields: V8 takes them from the same ICU tz data as Intl, without Intl's start-up (the first
 * `Intl.DateTimeFormat` of a process loads ICU's locale data, ~25 ms; a Date's local time loads only the zone).
 */
let processZone: string | undefined;

/** The process's local offset (ms, east positive) at an instant: exact to the millisecond, like `intlOffsetAt`. */
export const localOffsetAt = (instant: Instant): number => {
  const local = new Date(instant);
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads years 0-99 as 1900-1999.
  wall.setUTCFullYear(local.getFullYear(), local.getMonth(), local.getDate());
  wall.setUTCHours(local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds());
  return wall.getTime() - instant;
};

/** One zone's memoised offsets. */
class ZoneOffsets {
  /** UTC day number → offset at 00:00Z of that day. */
  private readonly atDayStart = new Map<number, number>();
  /** UTC day number → the day's offset, or CHANGES_WITHIN_DAY. */
  private readonly ofDay = new Map<number, number>();
  /** 15-minute bucket number → offset at its start, for days that hold a transition. */
  private readonly ofBucket = new Map<number, number>();

  private readonly read: (instant: Instant) => number;

  constructor(timeZone: string) {
    this.read = timeZone === processZone ? localOffsetAt : (instant) => intlOffsetAt(instant, timeZone);
  }

  offsetAt(instant: Instant): number {
    const day = Math.floor(instant / DAY_MS);
    let offset = this.ofDay.get(day);
    if (offset === undefined) {
      const start = this.offsetAtDayStart(day);
      offset = start === this.offsetAtDayStart(day + 1) ? start : CHANGES_WITHIN_DAY;
      this.ofDay.set(day, offset);
    }
    return Number.isNaN(offset) ? this.offsetOfBucket(Math.floor(instant / BUCKET_MS)) : offset;
  }

  private offsetAtDayStart(day: number): number {
    return remembered(this.atDayStart, day, () => this.read(day * DAY_MS));
  }

  private offsetOfBucket(bucket: number): number {
    return remembered(this.ofBucket, bucket, () => this.read(bucket * BUCKET_MS));
  }
}

/** The value cached under `key`, computed and cached on first use. */
function remembered(cache: Map<number, number>, key: number, compute: () => number): number {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

const zones = new Map<string, ZoneOffsets>();
// Nearly every lookup is for the configured zone: remember the last one to skip the map.
let lastZone: ZoneOffsets | undefined;
let lastZoneName = '';

/** The offset from UTC (ms, east positive) of `timeZone` at `instant`. */
export const offsetAt = (instant: Instant, timeZone: string): number => {
  if (timeZone !== lastZoneName || lastZone === undefined) {
    let zone = zones.get(timeZone);
    if (zone === undefined) {
      zone = new ZoneOffsets(timeZone);
      zones.set(timeZone, zone);
    }
    lastZone = zone;
    lastZoneName = timeZone;
  }
  return lastZone.offsetAt(instant);
};

/**
 * Declares that the process's local time zone is `timeZone` (the CLI has set `TZ`; see
 * src/cli/local-zone.ts): offsets in it are read from Date. Undefined goes back to Intl.
 */
export const useProcessZone = (timeZone: string | undefined): void => {
  processZone = timeZone;
  zones.clear();
  lastZone = undefined;
};
