import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/problems.js';
import { inPeriod, inPreviousYear, inTrailingYear, resolveWindow } from '../../src/model/window.js';

const resolve = (options: { period?: string; asOf?: string; today?: string; timezone?: string }) =>
  resolveWindow({ today: '2026-11-25', timezone: 'UTC', ...options });

describe('resolveWindow', () => {
  it('reads a quarter: P = the whole quarter, T = its last day, Y and Y₋₁ 12 and 24 months back', () => {
    const w = resolve({ period: '2026-Q3' });
    expect(w.period).toEqual({ label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(w.asOf).toBe('2026-09-30');
    expect(w.yearStartExclusive).toBe('2025-09-30');
    expect(w.previousYearStartExclusive).toBe('2024-09-30');
    expect(w.isFullQuarter).toBe(true);
  });

  it('reads a quarter case-insensitively', () => {
    expect(resolve({ period: '2026-q1' }).period).toEqual({ label: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
  });

  it('reads a year, which is not a quarter', () => {
    const w = resolve({ period: '2026' });
    expect(w.period).toEqual({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(w.asOf).toBe('2026-12-31');
    expect(w.isFullQuarter).toBe(false);
  });

  it('--as-of alone: the quarter holding the date, cut at it', () => {
    const w = resolve({ asOf: '2026-08-15' });
    expect(w.period).toEqual({ label: '2026-Q3', start: '2026-07-01', end: '2026-08-15' });
    expect(w.asOf).toBe('2026-08-15');
    expect(w.isFullQuarter).toBe(false);
    expect(w.yearStartExclusive).toBe('2025-08-15');
  });

  it('--as-of with surrounding spaces (pasted from a cell) is the date they surround, as --period is', () => {
    const w = resolve({ asOf: ' 2026-08-15 ' });
    expect(w.asOf).toBe('2026-08-15');
    expect(w.period).toEqual({ label: '2026-Q3', start: '2026-07-01', end: '2026-08-15' });
  });

  it('--as-of on the last day of a quarter leaves the quarter whole', () => {
    const w = resolve({ asOf: '2026-09-30' });
    expect(w.period.end).toBe('2026-09-30');
    expect(w.isFullQuarter).toBe(true);
  });

  it('both flags: the period is cut at an earlier as-of date', () => {
    const w = resolve({ period: '2026', asOf: '2026-05-20' });
    expect(w.period).toEqual({ label: '2026', start: '2026-01-01', end: '2026-05-20' });
    expect(w.asOf).toBe('2026-05-20');
  });

  it('both flags: an as-of date after the period leaves it whole', () => {
    const w = resolve({ period: '2026-Q2', asOf: '2026-08-01' });
    expect(w.period.end).toBe('2026-06-30');
    expect(w.asOf).toBe('2026-06-30');
    expect(w.isFullQuarter).toBe(true);
  });

  it('an as-of date on the first day of the period is accepted', () => {
    expect(resolve({ period: '2026-Q3', asOf: '2026-07-01' }).period.end).toBe('2026-07-01');
  });

  it('an as-of date before the period is a usage error', () => {
    expect(() => resolve({ period: '2026-Q3', asOf: '2026-06-30' })).toThrow(UsageError);
  });

  it.each(['2026-Q5', '2026Q3', '26-Q3', 'Q3', '2026-07'])('rejects the period %s', (period) => {
    expect(() => resolve({ period })).toThrow(UsageError);
  });

  it.each(['2026-02-30', '2026-13-01', '15/08/2026', '2026-8-15'])('rejects the as-of date %s', (asOf) => {
    expect(() => resolve({ asOf })).toThrow(UsageError);
  });

  it.each([
    // The last complete quarter before today; on a quarter's last day that quarter is not complete yet.
    { today: '2026-11-25', label: '2026-Q3' },
    { today: '2026-10-01', label: '2026-Q3' },
    { today: '2026-09-30', label: '2026-Q2' },
    { today: '2026-01-01', label: '2025-Q4' },
  ])('no flag on $today: $label', ({ today, label }) => {
    expect(resolve({ today }).period.label).toBe(label);
  });

  it('T_end is the last millisecond of T in the configured zone', () => {
    // 2026-09-30 ends at 2026-10-01T00:00 local; New York is UTC−4 in September → 04:00Z.
    expect(resolve({ period: '2026-Q3' }).tEnd).toBe(Date.UTC(2026, 9, 1) - 1);
    expect(resolve({ period: '2026-Q3', timezone: 'America/New_York' }).tEnd).toBe(Date.UTC(2026, 9, 1, 4) - 1);
  });

  it('Y starting on Feb 28 when T is Feb 29', () => {
    const w = resolve({ asOf: '2028-02-29' });
    expect(w.yearStartExclusive).toBe('2027-02-28');
    expect(w.previousYearStartExclusive).toBe('2026-02-28');
  });
});

describe('window membership', () => {
  const w = resolve({ period: '2026-Q3' });

  it('Y = (T − 12 months, T]', () => {
    expect(inTrailingYear(w, '2025-09-30')).toBe(false);
    expect(inTrailingYear(w, '2025-10-01')).toBe(true);
    expect(inTrailingYear(w, '2026-09-30')).toBe(true);
    expect(inTrailingYear(w, '2026-10-01')).toBe(false);
  });

  it('Y₋₁ = (T − 24 months, T − 12 months]', () => {
    expect(inPreviousYear(w, '2024-09-30')).toBe(false);
    expect(inPreviousYear(w, '2024-10-01')).toBe(true);
    expect(inPreviousYear(w, '2025-09-30')).toBe(true);
    expect(inPreviousYear(w, '2025-10-01')).toBe(false);
  });

  it('P = [start, end]', () => {
    expect(inPeriod(w, '2026-06-30')).toBe(false);
    expect(inPeriod(w, '2026-07-01')).toBe(true);
    expect(inPeriod(w, '2026-09-30')).toBe(true);
    expect(inPeriod(w, '2026-10-01')).toBe(false);
  });
});
