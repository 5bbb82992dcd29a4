import { describe, expect, it } from 'vitest';
import {
  dateInZone, endOfDayInstant, isValidTimeZone, localTimeToInstant, offsetAt, startOfDayInstant,
} from '../../src/validate/time-zone.js';

const local = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  ({ year, month, day, hour, minute, second: 0, millisecond: 0 });
const utc = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;

describe('offsetAt', () => {
  it.each([
    // zone, instant, offset in minutes
    ['UTC', '2026-06-01T00:00:00Z', 0],
    ['America/New_York', '2026-01-15T12:00:00Z', -300], // EST
    ['America/New_York', '2026-07-15T12:00:00Z', -240], // EDT
    ['Asia/Kathmandu', '2026-07-15T12:00:00Z', 345], // +05:45 all year
    ['Pacific/Chatham', '2026-01-15T12:00:00Z', 825], // +13:45 in the southern summer
    ['Pacific/Chatham', '2026-07-15T12:00:00Z', 765], // +12:45 in winter
    ['America/St_Johns', '2026-01-15T12:00:00Z', -210], // -03:30
  ])('%s at %s is %i minutes', (zone, iso, minutes) => {
    expect(offsetAt(utc(iso), zone)).toBe(minutes * 60_000);
  });

  it('changes exactly at the transition instant (New York, 2026-03-08 07:00Z)', () => {
    expect(offsetAt(utc('2026-03-08T06:59:59.999Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(offsetAt(utc('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
  });
});

describe('localTimeToInstant', () => {
  it('reads ordinary wall-clock times with the offset in force', () => {
    expect(localTimeToInstant(local(2026, 3, 8, 1, 59), 'America/New_York')).toBe(utc('2026-03-08T06:59:00Z')); // EST
    expect(localTimeToInstant(local(2026, 3, 8, 3, 0), 'America/New_York')).toBe(utc('2026-03-08T07:00:00Z')); // EDT
    expect(localTimeToInstant(local(2026, 3, 1, 0, 0), 'Asia/Kathmandu')).toBe(utc('2026-02-28T18:15:00Z'));
    expect(localTimeToInstant(local(2026, 1, 15, 12, 0), 'Pacific/Chatham')).toBe(utc('2026-01-14T22:15:00Z'));
    expect(localTimeToInstant(local(2026, 6, 15, 12, 0), 'Pacific/Chatham')).toBe(utc('2026-06-14T23:15:00Z'));
  });

  it('shifts a time in a spring-forward gap forward by the gap (compatible rule)', () => {
    // 02:30 does not exist on 2026-03-08 in New York: read with EST (-5) it is 07:30Z, shown as 03:30 EDT.
    expect(localTimeToInstant(local(2026, 3, 8, 2, 30), 'America/New_York')).toBe(utc('2026-03-08T07:30:00Z'));
    // Chatham jumps 02:45 → 03:45 on 2026-09-27; 03:00 read with +12:45 is 14:15Z the day before.
    expect(localTimeToInstant(local(2026, 9, 27, 3, 0), 'Pacific/Chatham')).toBe(utc('2026-09-26T14:15:00Z'));
  });

  it('takes the earlier instant of a time that occurs twice (fall back)', () => {
    // 01:30 on 2026-11-01 in New York happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(localTimeToInstant(local(2026, 11, 1, 1, 30), 'America/New_York')).toBe(utc('2026-11-01T05:30:00Z'));
    // Chatham repeats 02:45-03:45 on 2026-04-05; 03:00 first happens at +13:45 = 13:15Z the day before.
    expect(localTimeToInstant(local(2026, 4, 5, 3, 0), 'Pacific/Chatham')).toBe(utc('2026-04-04T13:15:00Z'));
  });
});

describe('calendar days in a zone', () => {
  it('dateInZone takes the local calendar date, not the UTC one', () => {
    // 02:00Z on 1 March is 21:00 EST on 28 February.
    expect(dateInZone(utc('2026-03-01T02:00:00Z'), 'America/New_York')).toBe('2026-02-28');
    expect(dateInZone(utc('2026-03-01T02:00:00Z'), 'UTC')).toBe('2026-03-01');
    // 11:30Z is 00:15 the next day at +12:45.
    expect(dateInZone(utc('2026-06-14T11:30:00Z'), 'Pacific/Chatham')).toBe('2026-06-15');
  });

  it('gives the first and last millisecond of 23- and 25-hour days', () => {
    expect(startOfDayInstant('2026-03-08', 'America/New_York')).toBe(utc('2026-03-08T05:00:00Z'));
    expect(endOfDayInstant('2026-03-08', 'America/New_York')).toBe(utc('2026-03-09T04:00:00Z') - 1);
    expect(startOfDayInstant('2026-11-01', 'America/New_York')).toBe(utc('2026-11-01T04:00:00Z'));
    expect(endOfDayInstant('2026-11-01', 'America/New_York')).toBe(utc('2026-11-02T05:00:00Z') - 1);
    expect(endOfDayInstant('2026-12-31', 'UTC')).toBe(utc('2027-01-01T00:00:00Z') - 1);
  });

  it('starts a day whose midnight falls in a gap at the first existing instant', () => {
    // Chile springs forward at 24:00 on Saturday 2026-09-05: Sunday starts at 01:00 -03 = 04:00Z.
    expect(startOfDayInstant('2026-09-06', 'America/Santiago')).toBe(utc('2026-09-06T04:00:00Z'));
  });
});

describe('isValidTimeZone', () => {
  it.each([['UTC', true], ['America/New_York', true], ['Asia/Kathmandu', true], ['Mars/Olympus', false], ['EST5EDT4', false]])(
    '%s → %s', (zone, valid) => expect(isValidTimeZone(zone)).toBe(valid),
  );
});
