import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptTimeZone } from '../../src/cli/local-zone.js';
import { isIcuZoneName, isValidTimeZone } from '../../src/validate/time-zone.js';
import { intlOffsetAt, localOffsetAt, offsetAt, useProcessZone } from '../../src/validate/zone-offsets.js';

// When the CLI makes the configured zone the process's own (TZ), offsets are read from a Date's local
// fields instead of Intl. Both must agree to the millisecond, in the zones with odd offsets and
// transitions, over the whole range a date in an export can take (local mean time before 1900 included:
// New York's was −4:56:02, which minutes alone would get wrong).
const ZONES = ['UTC', 'America/New_York', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Santiago', 'Australia/Lord_Howe', 'Europe/London', 'Asia/Tokyo', 'Africa/Monrovia'];
const SECOND = 1000;
const wholeSecond = fc.integer({ min: Date.UTC(1800, 0, 1) / SECOND, max: Date.UTC(2200, 0, 1) / SECOND }).map((s) => s * SECOND);
const machineZone = process.env.TZ;

afterEach(() => {
  useProcessZone(undefined);
  process.env.TZ = machineZone;
});

describe('offsets read from the process zone', () => {
  it.each(ZONES)('equal the Intl reading in %s, 1800-2200', (zone) => {
    process.env.TZ = zone;
    fc.assert(fc.property(wholeSecond, (t) => {
      expect(localOffsetAt(t)).toBe(intlOffsetAt(t, zone));
    }), { numRuns: 1500 });
  });

  it('keep seconds of local mean time: New York, 1880-01-01T00:00Z is −4:56:02', () => {
    process.env.TZ = 'America/New_York';
    // −(4 h 56 min 2 s) = −(14,400 + 3,360 + 2) s = −17,762,000 ms.
    expect(localOffsetAt(Date.UTC(1880, 0, 1))).toBe(-17_762_000);
  });

  it('serve offsetAt for the declared zone only, and the same figures as Intl', () => {
    process.env.TZ = 'America/New_York';
    useProcessZone('America/New_York');
    // 2026-03-08 07:00Z is 03:00 EDT (−4 h); a minute earlier is 01:59 EST (−5 h).
    expect(offsetAt(Date.UTC(2026, 2, 8, 7, 0), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetAt(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York')).toBe(-5 * 3_600_000);
    // Another zone still goes through Intl: Tokyo is +9 h whatever the process zone.
    expect(offsetAt(Date.UTC(2026, 2, 8, 7, 0), 'Asia/Tokyo')).toBe(9 * 3_600_000);
  });
});

describe('zone names', () => {
  it('knows canonical names and UTC without building a formatter', () => {
    expect(isIcuZoneName('America/New_York')).toBe(true);
    expect(isIcuZoneName('UTC')).toBe(true);
    expect(isIcuZoneName('Etc/UTC')).toBe(true);
  });

  it('leaves aliases and other spellings to Intl, which still accepts them', () => {
    expect(isIcuZoneName('US/Eastern')).toBe(false);
    expect(isValidTimeZone('US/Eastern')).toBe(true);
    expect(isIcuZoneName('america/new_york')).toBe(false);
    expect(isValidTimeZone('america/new_york')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('adoptTimeZone (the CLI)', () => {
  it('sets TZ and reads that zone from Date: Tokyo offsets stay +9 h', () => {
    adoptTimeZone('Asia/Tokyo');
    expect(process.env.TZ).toBe('Asia/Tokyo');
    expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(9);
    expect(offsetAt(Date.UTC(2026, 0, 1), 'Asia/Tokyo')).toBe(9 * 3_600_000);
  });

  it('leaves TZ alone for a name ICU might not take as written (TZ would silently mean UTC)', () => {
    adoptTimeZone('US/Eastern');
    expect(process.env.TZ).toBe(machineZone);
    // Still the right offset, through Intl: 2026-01-01 is EST, −5 h.
    expect(offsetAt(Date.UTC(2026, 0, 1), 'US/Eastern')).toBe(-5 * 3_600_000);
  });
});
