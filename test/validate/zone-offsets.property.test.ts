import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intlOffsetAt, offsetAt } from '../../src/validate/zone-offsets.js';
import { localTimeToInstant, type LocalTime } from '../../src/validate/time-zone.js';

// The memoised offsets must equal the plain Intl reading at the start of each instant's 15-minute bucket
// (the computation before the per-day cache), in zones with DST gaps at midnight (Santiago), half-hour DST
// (Lord Howe), quarter-hour offsets (Chatham, Kathmandu), southern-hemisphere DST, and none.
const ZONES = ['UTC', 'America/New_York', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Santiago', 'Australia/Lord_Howe', 'Europe/London', 'Asia/Tokyo'];
const BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const zone = fc.constantFrom(...ZONES);
const anyInstant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2090, 0, 1) });
// Uniform instants rarely land on a transition day: also draw instants within two days of known 2024-2027
// transitions of these zones (any zone may be paired with any of them).
const TRANSITION_DAYS = [
  Date.UTC(2026, 2, 8), Date.UTC(2026, 10, 1), // New York
  Date.UTC(2026, 3, 5), Date.UTC(2026, 8, 27), // Chatham, Lord Howe (April), Santiago (April)
  Date.UTC(2026, 8, 6), Date.UTC(2026, 9, 4), // Santiago (September), Lord Howe (October)
  Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25), // London
  Date.UTC(2024, 3, 6), Date.UTC(2024, 8, 7), Date.UTC(2027, 3, 3), Date.UTC(2027, 8, 4), // Santiago
];
const nearTransition = fc.tuple(fc.constantFrom(...TRANSITION_DAYS), fc.integer({ min: -2 * DAY_MS, max: 3 * DAY_MS }))
  .map(([day, delta]) => day + delta);
const instant = fc.oneof(anyInstant, nearTransition);

const referenceOffset = (t: number, z: string): number => intlOffsetAt(Math.floor(t / BUCKET_MS) * BUCKET_MS, z);

/** localTimeToInstant's rule, computed with the reference offsets only. */
const referenceInstant = (local: LocalTime, z: string): number => {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  const before = referenceOffset(wall - DAY_MS, z);
  const after = referenceOffset(wall + DAY_MS, z);
  const earlier = wall - before;
  if (before === after || referenceOffset(earlier, z) === before) return earlier;
  const later = wall - after;
  return referenceOffset(later, z) === after ? later : earlier;
};

const wallFields = (wall: number): LocalTime => {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
  };
};

describe('memoised zone offsets', () => {
  it('equal the Intl reading at the start of the 15-minute bucket', () => {
    fc.assert(fc.property(instant, zone, (t, z) => {
      expect(offsetAt(t, z)).toBe(referenceOffset(t, z));
    }), { numRuns: 2000 });
  });

  it('give localTimeToInstant the instant the reference offsets give, gaps and overlaps included', () => {
    fc.assert(fc.property(instant, zone, (t, z) => {
      const local = wallFields(t); // read as a wall-clock time: near transitions it falls in gaps and overlaps
      expect(localTimeToInstant(local, z)).toBe(referenceInstant(local, z));
    }), { numRuns: 2000 });
  });

  it('hold across a transition inside a day: New York 2026-03-08 07:00Z, EST before and EDT after', () => {
    // 02:00 EST (-5 h) = 07:00Z becomes 03:00 EDT (-4 h): the day's start and end disagree, so buckets decide.
    expect(offsetAt(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetAt(Date.UTC(2026, 2, 8, 7, 0), 'America/New_York')).toBe(-4 * 3_600_000);
  });
});
