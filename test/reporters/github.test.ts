import { describe, expect, test } from 'vitest';
import type { FailOn } from '../../src/core/config.js';
import type { Report } from '../../src/core/report.js';
import { githubReporter } from '../../src/reporters/github.js';
import { sampleReport } from '../helpers/sample-report.js';
import { comparedReport, namedReport, OPTIONS } from './reports.js';

const lines = (report: Report): string[] => githubReporter(report, OPTIONS).trimEnd().split('\n');
const withFailOn = (report: Report, failOn: FailOn): Report => ({ ...report, gate: { ...report.gate, failOn } });

/** Every measure that has a target marked missed: 19 of them. */
const allMissed = (report: Report): Report => ({
  ...report,
  metrics: report.metrics.map((metric) => ({
    ...metric,
    measures: metric.measures.map((m) => (m.target === null ? m : { ...m, status: 'missed' as const })),
  })),
});

describe('github', () => {
  test('snapshot', async () => {
    await expect(githubReporter(sampleReport(), OPTIONS)).toMatchFileSnapshot('./__snapshots__/sample.github.txt');
  });

  test('error-level trips are errors; warn-level trips and misses the gate ignores are warnings; the gate is a notice', () => {
    expect(lines(sampleReport())).toEqual([
      '::error title=Red flag task_execution%3A 2.0 engineers still doing task execution::31.0%25 of hours (threshold > 25.0%25, '
        + 'severity error); employees: E051, E058. Fix: Move routine execution to automation or technicians; protect design time in planning.',
      '::warning title=Red flag coding_frustration%3A 2.0s frustrated with coding expectations::mean score 5.4 (threshold < 6.0, '
        + 'severity warn). Fix: Pair 2.0s with automation engineers and fund coding training.',
      '::warning title=Measure investigate%3A retention_1y::Promoted 2.0s who stayed 1+ year: 85.0%25 (target ≥ 90.0%25, n 20); '
        + 'employees: E017, E023, E031',
      '::warning title=Measure missed%3A process_designers_1y::2.0s who designed a critical process within a year: 62.5%25 '
        + '(target ≥ 80.0%25, n 8); employees: E012, E019, E027',
      '::warning title=Measure missed%3A requirements_incorporated_per_year::Requirements incorporated per 2.0 per year: 1.5 '
        + '(target ≥ 2.0, n 11)',
      '::notice title=ops-metrics gate::2026-Q3 (2026-07-01 … 2026-09-30): Gate FAILED (--fail-on red-flag): red flag tripped: task_execution; red flag of severity warn tripped: coding_frustration',
    ]);
  });

  // comparedReport also has a trend (withHistory): 80 % of each value in 2025-Q4, no figure in 2026-Q1, 90 %
  // in 2026-Q2, each quarter with the report's status.
  test('with a comparison and a trend, a miss states its change and its figures by quarter', () => {
    // process_designers_1y, 62.5% missed: 0.625 × 0.8 = 50.0%, × 0.9 = 56.25% → 56.3%.
    expect(lines(comparedReport())).toContain('::warning title=Measure missed%3A process_designers_1y::2.0s who designed a critical '
      + 'process within a year: 62.5%25 (target ≥ 80.0%25, n 8; since 2026-Q2: -17.5 pp, met → missed; by quarter: 2025-Q4 50.0%25 missed; '
      + '2026-Q1 no figure, missed; 2026-Q2 56.3%25 missed; 2026-Q3 62.5%25 missed); employees: E012, E019, E027');
  });

  test('with a comparison and a trend, a tripped red flag states what it was, that it tripped since, and its quarters', () => {
    // task_execution: 22.0% of hours in 2026-Q2's report (clear), 31.0% now; its trend 24.8%, —, 27.9%, 31.0%.
    expect(lines(comparedReport()).find((l) => l.startsWith('::error title=Red flag task_execution'))).toContain(
      '31.0%25 of hours (threshold > 25.0%25, severity error; since 2026-Q2: was 22.0%25 of hours, clear → tripped; by quarter: '
      + '2025-Q4 24.8%25 tripped; 2026-Q1 no figure, tripped; 2026-Q2 27.9%25 tripped; 2026-Q3 31.0%25 tripped); employees: E051, E058.');
  });

  test('under --fail-on missed, misses are errors', () => {
    const out = lines(withFailOn(sampleReport(), 'missed'));
    expect(out.filter((l) => l.startsWith('::error '))).toHaveLength(4);
    expect(out).toContain('::error title=Measure missed%3A process_designers_1y::2.0s who designed a critical process within a year: '
      + '62.5%25 (target ≥ 80.0%25, n 8); employees: E012, E019, E027');
  });

  test('under --fail-on never, nothing is an error', () => {
    const out = lines(withFailOn(sampleReport(), 'never'));
    expect(out.filter((l) => l.startsWith('::error '))).toEqual([]);
    expect(out.filter((l) => l.startsWith('::warning '))).toHaveLength(5);
  });

  test('at most 10 per level, then a notice with how many more', () => {
    // --fail-on red-flag: 19 missed measures + 1 warn-level trip = 20 warnings → 10 shown, 10 more; 1 error.
    const redFlag = lines(allMissed(sampleReport()));
    expect(redFlag.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(redFlag.filter((l) => l.startsWith('::error '))).toHaveLength(1);
    expect(redFlag).toContain('::notice title=ops-metrics::10 more warnings not shown; see the full report');
    // --fail-on missed: 1 tripped error flag + 19 missed = 20 errors → 10 shown, 10 more; 1 warning.
    const missed = lines(withFailOn(allMissed(sampleReport()), 'missed'));
    expect(missed.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(missed[10]).toBe('::notice title=ops-metrics::10 more errors not shown; see the full report');
    expect(missed.filter((l) => l.startsWith('::warning '))).toHaveLength(1);
    expect(missed.some((l) => l.includes('more warnings'))).toBe(false);
  });

  test('properties and data are escaped', () => {
    const report = sampleReport();
    const [first, ...rest] = report.redFlags;
    const escaped = { ...report, redFlags: [{ ...first!, title: 'a: b, 100%', fix: 'up 5%\nthen ::error::x' }, ...rest] };
    expect(lines(escaped)[0]).toBe('::error title=Red flag task_execution%3A a%3A b%2C 100%25::31.0%25 of hours (threshold > 25.0%25, '
      + 'severity error); employees: E051, E058. Fix: up 5%25 then ::error::x');
  });

  test('employee ids only, even when the report has names', () => {
    expect(githubReporter(namedReport(), OPTIONS)).not.toContain('Name Of');
  });
});
