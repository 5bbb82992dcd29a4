import { describe, expect, it } from 'vitest';
import { failureMessage, type ParseResult } from '../../src/validate/parse-result.js';
import { isIsoDate, parseDate, parseTimestamp } from '../../src/validate/temporal-values.js';

const utc = (iso: string): number => Date.parse(iso);
const message = (result: ParseResult<unknown>): string => (result.ok ? 'accepted' : failureMessage(result));

describe('parseDate', () => {
  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2024-02-29', '2024-02-29'], // 2024 is a leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400
    ['1000-01-01', '1000-01-01'],
    ['9999-12-31', '9999-12-31'],
  ])('accepts %s', (text, date) => {
    expect(parseDate(text, 'UTC')).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2025-02-29', 'expected a real calendar date YYYY-MM-DD (year 1000-9999), found "2025-02-29"'],
    ['1900-02-29', 'expected a real calendar date YYYY-MM-DD (year 1000-9999), found "1900-02-29"'], // 1900 is not a leap year
    ['2026-02-30', 'expected a real calendar date YYYY-MM-DD (year 1000-9999), found "2026-02-30"'],
    ['2026-13-01', 'expected a real calendar date YYYY-MM-DD (year 1000-9999), found "2026-13-01"'],
    ['0000-00-00', 'expected a real calendar date YYYY-MM-DD (year 1000-9999), found "0000-00-00"'],
    ['0999-12-31', 'expected a real calendar date YYYY-MM-DD (year 1000-9999), found "0999-12-31"'],
    ['31/12/2026', 'expected a date YYYY-MM-DD, found "31/12/2026"'],
    ['2026-2-3', 'expected a date YYYY-MM-DD, found "2026-2-3"'],
    ['+275760-09-13', 'expected a date YYYY-MM-DD, found "+275760-09-13"'],
    ['20260301', 'expected a date YYYY-MM-DD, found "20260301"'],
  ])('rejects %s', (text, expected) => {
    expect(message(parseDate(text, 'UTC'))).toBe(expected);
  });

  it('takes the calendar date of a full timestamp in the configured zone', () => {
    // 02:00Z on 1 March is 21:00 on 28 February in New York (EST, -5).
    expect(parseDate('2026-03-01T02:00:00Z', 'America/New_York')).toEqual({ ok: true, value: '2026-02-28' });
    expect(parseDate('2026-03-01T02:00:00Z', 'UTC')).toEqual({ ok: true, value: '2026-03-01' });
    // Without an offset the wall-clock date is the zone's own.
    expect(parseDate('2026-03-01 23:30', 'America/New_York')).toEqual({ ok: true, value: '2026-03-01' });
    expect(message(parseDate('2026-03-01T25:00:00Z', 'UTC'))).toBe('expected a time of day 00:00:00-23:59:59, found "2026-03-01T25:00:00Z"');
  });

  it('isIsoDate accepts only a real YYYY-MM-DD', () => {
    expect([isIsoDate('2024-02-29'), isIsoDate('2025-02-29'), isIsoDate('2026-03-01T00:00Z')]).toEqual([true, false, false]);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2026-03-01T14:05:00Z', 'UTC', '2026-03-01T14:05:00Z'],
    ['2026-03-01t14:05:00z', 'UTC', '2026-03-01T14:05:00Z'],
    ['2026-03-01T14:05Z', 'UTC', '2026-03-01T14:05:00Z'],
    ['2026-03-01T14:05:00+05:45', 'UTC', '2026-03-01T08:20:00Z'], // 14:05 - 5:45
    ['2026-03-01T14:05:00-03:30', 'UTC', '2026-03-01T17:35:00Z'], // 14:05 + 3:30
    ['2026-03-01T14:05:00+0530', 'UTC', '2026-03-01T08:35:00Z'], // 14:05 - 5:30
    ['2026-03-01T14:05:00+05', 'UTC', '2026-03-01T09:05:00Z'],
    ['2011-05-06T03:30-07', 'UTC', '2011-05-06T10:30:00Z'], // PagerDuty API example
    ['2025-10-09T13:42:00.000+0000', 'UTC', '2025-10-09T13:42:00Z'], // Jira
    ['2023-02-26T00:10:04+00:00', 'America/New_York', '2023-02-26T00:10:04Z'], // an offset beats the zone
    ['2021-08-17T13:28:57.801578Z', 'UTC', '2021-08-17T13:28:57.801Z'], // incident.io microseconds, cut to ms
    ['2026-03-01T14:05:00.5Z', 'UTC', '2026-03-01T14:05:00.500Z'],
    ['2026-03-01 14:05', 'UTC', '2026-03-01T14:05:00Z'],
    ['2026-03-01 14:05', 'Asia/Kathmandu', '2026-03-01T08:20:00Z'], // read at +05:45
    ['2026-03-01T14:05:00', 'America/New_York', '2026-03-01T19:05:00Z'], // EST
    ['2026-03-01', 'America/New_York', '2026-03-01T05:00:00Z'], // a bare date is local midnight
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00Z'], // DST gap: 03:30 EDT
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00Z'], // ambiguous: the earlier (EDT)
    ['2026-01-15T12:00', 'Pacific/Chatham', '2026-01-14T22:15:00Z'], // +13:45
    ['2026-06-15T12:00', 'Pacific/Chatham', '2026-06-14T23:15:00Z'], // +12:45
  ])('%s in %s is %s', (text, zone, iso) => {
    expect(parseTimestamp(text, zone)).toEqual({ ok: true, value: utc(iso) });
  });

  it.each([
    ['2026-03-01T24:00:00Z', 'expected a time of day 00:00:00-23:59:59'],
    ['2026-03-01T12:60Z', 'expected a time of day 00:00:00-23:59:59'],
    ['2026-03-01T12:00:60Z', 'expected a time of day 00:00:00-23:59:59'],
    ['2026-03-01T12:00+24:00', 'expected a UTC offset ±HH:MM'],
    ['2026-03-01T12:00+05:60', 'expected a UTC offset ±HH:MM'],
    ['2026-02-30T12:00:00Z', 'expected a real calendar date (year 1000-9999)'],
    ['2026-02-30', 'expected a real calendar date (year 1000-9999)'],
    ['0000-00-00T00:00:00Z', 'expected a real calendar date (year 1000-9999)'],
    ['+275760-09-13T00:00:00Z', 'expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z'],
    ['03/01/2026 2:05 PM', 'expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z'],
    ['1700000000', 'expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z'],
    ['2026-03-01T14:05:00Z junk', 'expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z'],
    ['2026-03-01T14', 'expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z'],
  ])('rejects %s', (text, expected) => {
    expect(message(parseTimestamp(text, 'UTC'))).toBe(`${expected}, found "${text}"`);
  });
});
