import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, dateOfDay, dayNumber, daysBetween, isWithin, quarterBounds, quarterLabel } from '../../src/model/calendar.js';

describe('addMonths (date-fns semantics, never the machine zone)', () => {
  it.each([
    // The day is clamped to the end of a shorter month.
    { date: '2026-01-31', months: 1, expected: '2026-02-28' },
    { date: '2024-01-31', months: 1, expected: '2024-02-29' },
    { date: '2026-03-31', months: 6, expected: '2026-09-30' },
    // Feb 29 + 12 months lands on Feb 28 of a common year, and on Feb 29 again after 48 months.
    { date: '2024-02-29', months: 12, expected: '2025-02-28' },
    { date: '2024-02-29', months: 24, expected: '2026-02-28' },
    { date: '2024-02-29', months: 48, expected: '2028-02-29' },
    // Backwards, as T − 12 months and T − 24 months are computed.
    { date: '2026-03-31', months: -1, expected: '2026-02-28' },
    { date: '2025-02-28', months: -12, expected: '2024-02-28' },
    { date: '2026-09-30', months: -24, expected: '2024-09-30' },
    // Across a year end.
    { date: '2025-11-15', months: 3, expected: '2026-02-15' },
  ])('$date + $months months = $expected', ({ date, months, expected }) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    { date: '2026-02-28', days: 1, expected: '2026-03-01' },
    { date: '2024-02-28', days: 1, expected: '2024-02-29' },
    { date: '2026-01-01', days: -1, expected: '2025-12-31' },
    // Across a daylight-saving change of the machine zone (Pacific/Chatham moves on 2026-04-05).
    { date: '2026-04-04', days: 2, expected: '2026-04-06' },
  ])('$date + $days days = $expected', ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    { from: '2025-01-01', to: '2026-01-01', expected: 365 },
    { from: '2024-01-01', to: '2025-01-01', expected: 366 },
    { from: '2026-04-04', to: '2026-04-06', expected: 2 },
    { from: '2026-01-02', to: '2026-01-01', expected: -1 },
    { from: '2026-01-01', to: '2026-01-01', expected: 0 },
  ])('$from → $to = $expected days', ({ from, to, expected }) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('isWithin', () => {
  it('includes both ends', () => {
    expect(isWithin('2026-01-01', '2026-01-01', '2026-01-31')).toBe(true);
    expect(isWithin('2026-01-31', '2026-01-01', '2026-01-31')).toBe(true);
    expect(isWithin('2025-12-31', '2026-01-01', '2026-01-31')).toBe(false);
    expect(isWithin('2026-02-01', '2026-01-01', '2026-01-31')).toBe(false);
  });
});

describe('quarters', () => {
  it.each([
    { year: 2026, quarter: 1, start: '2026-01-01', end: '2026-03-31' },
    { year: 2024, quarter: 1, start: '2024-01-01', end: '2024-03-31' },
    { year: 2026, quarter: 2, start: '2026-04-01', end: '2026-06-30' },
    { year: 2026, quarter: 3, start: '2026-07-01', end: '2026-09-30' },
    { year: 2026, quarter: 4, start: '2026-10-01', end: '2026-12-31' },
  ])('$year-Q$quarter = [$start, $end]', ({ year, quarter, start, end }) => {
    expect(quarterBounds(year, quarter)).toEqual({ start, end });
  });

  it.each([
    { date: '2026-01-01', label: '2026-Q1' },
    { date: '2026-03-31', label: '2026-Q1' },
    { date: '2026-04-01', label: '2026-Q2' },
    { date: '2026-12-31', label: '2026-Q4' },
  ])('$date is in $label', ({ date, label }) => {
    expect(quarterLabel(date)).toBe(label);
  });
});

describe('addMonths agrees with date-fns addMonths', () => {
  it('on every day of 2023-2025 and month offsets from -30 to +30', async () => {
    const { addMonths: addMonthsFns } = await import('date-fns/addMonths');
    const { tz } = await import('@date-fns/tz');
    const utc = tz('UTC');
    const { addMonths: ours, addDays: plusDays } = await import('../../src/model/calendar.js');
    for (let date = '2023-01-01'; date <= '2025-12-31'; date = plusDays(date, 1)) {
      for (let n = -30; n <= 30; n += 7) {
        const expected = addMonthsFns(Date.parse(`${date}T00:00:00Z`), n, { in: utc }).toISOString().slice(0, 10);
        if (ours(date, n) !== expected) throw new Error(`${date} + ${n} months: ${ours(date, n)} ≠ ${expected}`);
      }
    }
  });
});

describe('day numbers', () => {
  it.each([
    { date: '1970-01-01', day: 0 },
    { date: '1969-12-31', day: -1 },
    // 30 years of 365 days and 7 leap days (1972 … 1996) to 2000-01-01, then January's 31 and February's 29.
    { date: '2000-03-01', day: 30 * 365 + 7 + 31 + 29 },
    // 54 years and 13 leap days (1972 … 2020) to 2024-01-01, then January's 31 and 28 days of February.
    { date: '2024-02-29', day: 54 * 365 + 13 + 31 + 28 },
    // 1,970 years before 1970: 1970 × 365 plus the leap days of years 0 … 1968: 493 years divisible by 4,
    // less the 15 centuries not divisible by 400 (100, 200, 300, 500 … 1900).
    { date: '0000-01-01', day: -(1970 * 365 + 493 - 15) },
    // 8,030 years to 10000-01-01, with 2,007 years divisible by 4 (1972 … 9996) less 60 centuries not
    // divisible by 400 (2100 … 9900 but 2400 … 9600), then one day back.
    { date: '9999-12-31', day: 8030 * 365 + 2007 - 60 - 1 },
  ])('$date is day $day', ({ date, day }) => {
    expect(dayNumber(date)).toBe(day);
    expect(dateOfDay(day)).toBe(date);
  });

  it('agree with Date.UTC and round-trip on every date of years 0100-9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (instant) => {
        const date = instant.toISOString().slice(0, 10);
        const day = Math.floor(instant.getTime() / 86_400_000);
        expect(dayNumber(date)).toBe(day);
        expect(dateOfDay(day)).toBe(date);
      }),
      { numRuns: 5000 },
    );
  });

  it('count on by one across every day of years 0000-0001, which Date.UTC reads as 1900-1901', () => {
    let day = dayNumber('0000-01-01');
    for (let date = '0000-01-01'; date <= '0001-12-31'; date = dateOfDay(++day)) expect(dayNumber(date)).toBe(day);
    // Year 0 is a leap year (divisible by 400): 366 days, then 365.
    expect(day - dayNumber('0000-01-01')).toBe(366 + 365);
  });
});
