import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/validate/temporal-values.js';
import { dateInZone, endOfDayInstant, localTimeToInstant, offsetAt, startOfDayInstant } from '../../src/validate/time-zone.js';

// Zones with DST gaps at midnight, half-hour DST (Lord Howe), quarter-hour offsets, and none.
const ZONES = ['UTC', 'America/New_York', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Santiago', 'Australia/Lord_Howe', 'Europe/London'];
const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2090, 0, 1) });

describe('time-zone properties', () => {
  it('an instant lies within the day dateInZone gives it', () => {
    fc.assert(fc.property(instant, zone, (t, z) => {
      const day = dateInZone(t, z);
      expect(startOfDayInstant(day, z)).toBeLessThanOrEqual(t);
      expect(endOfDayInstant(day, z)).toBeGreaterThanOrEqual(t);
    }));
  });

  it('the wall-clock time of an instant maps back to it, or to the earlier instant of a repeated hour', () => {
    fc.assert(fc.property(instant, zone, (t, z) => {
      const wall = new Date(t + offsetAt(t, z));
      const back = localTimeToInstant({
        year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
        hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(), millisecond: wall.getUTCMilliseconds(),
      }, z);
      expect(back).toBeLessThanOrEqual(t);
      expect(back + offsetAt(back, z)).toBe(wall.getTime());
    }));
  });

  it('an ISO string with Z reads back as its instant whatever the configured zone', () => {
    fc.assert(fc.property(instant, zone, (t, z) => {
      expect(parseTimestamp(new Date(t).toISOString(), z)).toEqual({ ok: true, value: t });
    }));
  });
});
