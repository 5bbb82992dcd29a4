import { describe, expect, test } from 'vitest';
import { junitPieceReporter, junitReporter } from '../../src/reporters/junit.js';
import { DEFAULT_PIECE_LENGTH } from '../../src/reporters/piece-buffer.js';
import { sampleReport } from '../helpers/sample-report.js';
import { comparedReport, namedReport, OPTIONS } from './reports.js';
import { xmlProblems } from './xml-well-formed.js';

const sample = junitReporter(sampleReport(), OPTIONS);

/** The opening tag of the named suite or test case. */
const openTag = (xml: string, element: string, name: string): string | undefined =>
  new RegExp(`<${element} [^>]*name="${name}"[^>]*>`).exec(xml)?.[0];

/** The whole test case element. */
const testCase = (xml: string, name: string): string | undefined =>
  new RegExp(`<testcase [^>]*name="${name}"(?:/>|>[\\s\\S]*?</testcase>)`).exec(xml)?.[0];

describe('junit', () => {
  test('snapshots', async () => {
    await expect(sample).toMatchFileSnapshot('./__snapshots__/sample.junit.xml');
    await expect(junitReporter(comparedReport(), OPTIONS)).toMatchFileSnapshot('./__snapshots__/compared.junit.xml');
  });

  test('with a comparison, each test case states its change', () => {
    const compared = junitReporter(comparedReport(), OPTIONS);
    // retention_1y: 0.92 met → 0.85 investigate.
    expect(testCase(compared, 'retention_1y')).toContain(
      'message="investigate: value 85.0%, target ≥ 90.0%, n 20; since 2026-Q2: -7.0 pp, met → investigate"',
    );
    // retention_2y: 0.95 → 0.96, met both times: it passes, with a note.
    expect(testCase(compared, 'retention_2y')).toContain('<system-out>since 2026-Q2: +1.0 pp; by quarter: ');
    expect(testCase(compared, 'automation_contributors_1y')).toContain(
      '<skipped message="no data: needs automation_contributions.csv (or .json / .ndjson) in the data folder; since 2026-Q2: was 75.0%, met → no data"/>',
    );
  });

  test('with a trend, each test case gives its figures by quarter where a dashboard shows them', () => {
    // comparedReport's history (withHistory): 80 % of the value in 2025-Q4, no figure in 2026-Q1, 90 % in
    // 2026-Q2, the value in 2026-Q3, each with the report's status.
    const trended = junitReporter(comparedReport(), OPTIONS);
    // retention_1y, 85.0% investigate: 0.85 × 0.8 = 68.0%, 0.85 × 0.9 = 76.5%; in the failure's text,
    // under its first line and before the people.
    expect(testCase(trended, 'retention_1y')).toContain(
      '>retention_1y: Promoted 2.0s who stayed 1+ year\nby quarter: 2025-Q4 68.0% investigate; 2026-Q1 no figure, investigate; ' +
        '2026-Q2 76.5% investigate; 2026-Q3 85.0% investigate\n- ',
    );
    // retention_2y, 96.0% met: 76.8%, 86.4%; a pass's note, after the change.
    expect(testCase(trended, 'retention_2y')).toContain(
      '<system-out>since 2026-Q2: +1.0 pp; by quarter: 2025-Q4 76.8% met; 2026-Q1 no figure, met; 2026-Q2 86.4% met; 2026-Q3 96.0% met</system-out>',
    );
    // automation_coverage_growth, pending at 1.6×: 1.28 → 1.3×, 1.44 → 1.4×; a skip's message.
    expect(testCase(trended, 'automation_coverage_growth')).toContain('; by quarter: 2025-Q4 1.3× pending; 2026-Q1 no figure, pending; 2026-Q2 1.4× pending; 2026-Q3 1.6× pending"/>');
    // task_execution, tripped at 31.0% (> 25.0%): 24.8% and 27.9% in the red flag's own words.
    expect(testCase(trended, 'task_execution')).toMatch(/\nby quarter: 2025-Q4 24\.8%[^;]* tripped; 2026-Q1 no figure, tripped; 2026-Q2 27\.9%[^;]* tripped; 2026-Q3 31\.0%[^;]* tripped\n/);
    // Without a trend, none of it.
    expect(sample).not.toContain('by quarter');
  });

  test('well-formed', () => {
    expect(xmlProblems(sample)).toEqual([]);
    expect(xmlProblems(junitReporter(comparedReport(), OPTIONS))).toEqual([]);
  });

  test('counts', () => {
    // Test cases: 19 measures with a target (2+2+3+2+3+3+2+2) + 6 red flags = 25.
    // Failures: retention_1y (investigate), process_designers_1y, requirements_incorporated_per_year (missed),
    // task_execution (tripped, error) = 4. Skipped: satisfaction_uplift (suppressed), automation_contributors_1y
    // (no data), recurrence_reduction_yoy (insufficient data), automation_coverage_growth (pending),
    // ops1_undervalued (suppressed), promotion_pay (off) = 6.
    expect(sample).toContain('<testsuites name="ops-metrics 2026-Q3" tests="25" failures="4" errors="0" skipped="6">');
    expect(sample.match(/<testcase /g)).toHaveLength(25);
    expect(sample.match(/<failure /g)).toHaveLength(4);
    expect(sample.match(/<skipped /g)).toHaveLength(6);
    expect(openTag(sample, 'testsuite', 'retention')).toBe('<testsuite name="retention" tests="2" failures="1" errors="0" skipped="0">');
    expect(openTag(sample, 'testsuite', 'red_flags')).toBe('<testsuite name="red_flags" tests="6" failures="1" errors="0" skipped="2">');
  });

  test('info measures are not test cases', () => {
    expect(testCase(sample, 'km_retention_1y')).toBeUndefined();
    expect(testCase(sample, 'p1_unresolved')).toBeUndefined();
  });

  test('a failure states value, target and n; its body lists the employees', () => {
    const failure = testCase(sample, 'process_designers_1y');
    expect(failure).toContain('<failure type="missed" message="missed: value 62.5%, target ≥ 80.0%, n 8">');
    expect(failure).toContain('\n- E012: no critical design within 12 months of 2025-08-04');
    expect(testCase(sample, 'retention_1y')).toContain('message="investigate: value 85.0%, target ≥ 90.0%, n 20"');
    expect(testCase(sample, 'task_execution')).toContain('message="tripped: 31.0% of hours, threshold &gt; 25.0%"');
  });

  test('what cannot be judged is skipped with its reason', () => {
    expect(testCase(sample, 'automation_coverage_growth')).toContain('<skipped message="pending: due on 2027-08-01"/>');
    expect(testCase(sample, 'promotion_pay')).toContain('<skipped message="off: switched off by the config (severity: off)"/>');
  });

  test('a warn-level trip passes with a note; passing cases are empty', () => {
    expect(testCase(sample, 'coding_frustration')).toBe(
      '<testcase classname="ops-metrics.red_flags" name="coding_frustration">\n'
      + '      <system-out>tripped (severity warn, does not fail the gate): mean score 5.4, threshold &lt; 6.0</system-out>\n'
      + '    </testcase>',
    );
    expect(testCase(sample, 'retention_2y')).toBe('<testcase classname="ops-metrics.retention" name="retention_2y"/>');
  });

  test('the gate verdict is in the red-flag suite', () => {
    expect(sample).toContain('<system-out>Gate FAILED (--fail-on red-flag): red flag tripped: task_execution; red flag of severity warn tripped: coding_frustration</system-out>\n  </testsuite>');
  });

  test('employee ids only, even when the report has names', () => {
    const named = junitReporter(namedReport(), OPTIONS);
    expect(named).toContain('- E017: left the 2.0 track');
    expect(named).not.toContain('Name Of');
  });

  test('written in pieces of at most ~64 KiB that join to the whole text, a large failure included', () => {
    // A missed measure listing 20,000 people: ~50 bytes a line, ~1 MB of failure body.
    const report = sampleReport();
    const metric = report.metrics.find((m) => m.measures.some((x) => x.id === 'process_designers_1y'))!;
    const many = Array.from({ length: 20_000 }, (_, i) => ({ employeeId: `E${String(i).padStart(6, '0')}`, note: `no critical design within 12 months <${i}>` }));
    const big = {
      ...report,
      metrics: report.metrics.map((m) => (m !== metric ? m : {
        ...m, measures: m.measures.map((x) => (x.id === 'process_designers_1y' ? { ...x, details: many } : x)),
      })),
    };
    const pieces = [...junitPieceReporter(big, OPTIONS)];
    const whole = junitReporter(big, OPTIONS);
    expect(pieces.join('')).toBe(whole);
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(DEFAULT_PIECE_LENGTH);
    expect(whole).toContain('\n- E019999: no critical design within 12 months &lt;19999&gt;</failure>');
    expect(xmlProblems(whole)).toEqual([]);
  });
});
