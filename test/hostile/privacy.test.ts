/**
 * Privacy rules, one test each, on the real command and fixtures/hostile. The fixture's survey has a
 * 2.0 group of 4 respondents (below the default minimum of 5; scores 9, 9, 9, 8 for role scope, mean
 * 8.75; 2, 2, 3, 2 for coding expectations, mean 2.25) and a 1.0 group of 5 (feel_valued 3, 4, 5, 4, 4,
 * mean 4). Every respondent id holds RESPMARK; every person's name holds NAMEMARK.
 */
import { mkdtempSync, readdirSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { MeasureResult, RedFlagResult, Report } from '../../src/core/report.js';
import { runCli } from '../helpers/run-cli.js';
import { FORMATS, HOSTILE_DATA, hostileRun, NAME_MARK, reportArgs, RESPONDENT_MARK } from './hostile-runs.js';

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** The hostile folder with a config of its own. */
function withConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-privacy-'));
  copies.push(dir);
  for (const name of readdirSync(HOSTILE_DATA).filter((n) => n.endsWith('.csv'))) copyFileSync(join(HOSTILE_DATA, name), join(dir, name));
  writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify(config));
  return dir;
}

const measure = (report: Report, id: string): MeasureResult => report.metrics.flatMap((m) => m.measures).find((m) => m.id === id)!;
const flag = (report: Report, id: string): RedFlagResult => report.redFlags.find((f) => f.id === id)!;

const allOutputs = (names: boolean): string[] => FORMATS.map((format) => {
  const result = hostileRun(format, names);
  return result.stdout + result.stderr;
});

describe('a survey group below survey.minGroupSize yields no figure in any format', () => {
  test('JSON: the 2.0 group of 4 is suppressed with no value and no size; the 1.0 group of 5 has its figure', () => {
    const report = JSON.parse(hostileRun('json', true).stdout) as Report;
    for (const id of ['role_scope_score', 'satisfaction_uplift']) {
      expect(measure(report, id)).toMatchObject({ status: 'suppressed', value: null, n: null, ci95: null, details: [] });
    }
    expect(flag(report, 'coding_frustration')).toMatchObject({ status: 'suppressed', value: null, evidence: [] });
    expect(flag(report, 'ops1_undervalued')).toMatchObject({ status: 'tripped', value: 4 });
  });

  test('no format shows the small group\'s means (8.75, 2.25) or its size', () => {
    for (const out of allOutputs(true)) {
      // As numbers of their own: a drawing's coordinate such as 98.8 holds "8.8" but says nothing of the group.
      expect(out).not.toMatch(/(?<![\d.])(8\.75|8\.8\b|2\.25|2\.3\b)/);
      expect(out).not.toMatch(/\b4 (respondents|answers)/);
    }
  });

  test('the same data with survey.minGroupSize 4 does show them: the suppression is what hides them', () => {
    const report = JSON.parse(runCli(reportArgs('json', false, withConfig({ survey: { minGroupSize: 4 } }))).stdout) as Report;
    expect(measure(report, 'role_scope_score')).toMatchObject({ status: 'met', value: 8.75 });
    expect(flag(report, 'coding_frustration')).toMatchObject({ status: 'tripped', value: 2.25 });
  });

  test('survey.minGroupSize cannot be set below 3', () => {
    const result = runCli(reportArgs('json', false, withConfig({ survey: { minGroupSize: 2 } })));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/ops-metrics\.config\.json:1: \$\.survey\.minGroupSize: expected an integer >= 3/);
  });
});

describe('survey answers are never printed one by one', () => {
  test('no respondent id reaches any output, report or validate, text or JSON', () => {
    const validate = ['text', 'json'].map((format) => runCli(['validate', '--data', HOSTILE_DATA, '--format', format]));
    for (const out of [...allOutputs(true), ...allOutputs(false), ...validate.map((r) => r.stdout + r.stderr)]) {
      expect(out).not.toContain(RESPONDENT_MARK);
    }
  });

  test('no answer date of the survey (2026-08-10, 2026-08-11) appears: answers are only ever aggregated', () => {
    for (const out of allOutputs(true)) expect(out).not.toMatch(/2026-08-1[01]/);
  });
});

describe('people\'s names', () => {
  test('without --names, no format carries a name', () => {
    for (const out of allOutputs(false)) expect(out).not.toContain(NAME_MARK);
  });

  test.each(['table', 'markdown', 'html', 'json'] as const)('with --names, %s shows them', (format) => {
    expect(hostileRun(format, true).stdout).toContain(`${NAME_MARK} Grace`);
  });

  test.each(['junit', 'github'] as const)('%s carries employee ids only, even with --names', (format) => {
    const out = hostileRun(format, true).stdout;
    expect(out).toContain('E13');
    expect(out).not.toContain(NAME_MARK);
  });
});
