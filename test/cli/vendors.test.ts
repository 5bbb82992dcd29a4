/**
 * The built command on every fixtures/vendors folder: each validates clean and reports through its
 * preset; a wrong preset is refused with the mismatch message and exit 2; `schema --presets` lists them.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../src/presets/index.js';
import { hasStackTrace, ROOT, runCli } from '../helpers/run-cli.js';

const FOLDERS = readdirSync(`${ROOT}fixtures/vendors`).sort();

describe('vendor exports through their presets', () => {
  it('has one fixture folder per preset', () => {
    expect(FOLDERS).toEqual([...PRESET_NAMES].sort());
  });

  for (const folder of FOLDERS) {
    it(`${folder}: validate exits 0 and report gives JSON`, () => {
      const data = ['--data', `fixtures/vendors/${folder}`];
      const validate = runCli(['validate', ...data]);
      expect(validate.stdout, validate.stdout + validate.stderr).toMatch(/^Valid: \d files?, 0 warnings\.$/m);
      expect(validate.code).toBe(0);
      const report = runCli(['report', ...data, '--period', '2025', '--format', 'json', '--fail-on', 'never']);
      expect(report.code, report.stderr).toBe(0);
      const inputs = (JSON.parse(report.stdout) as { inputs: Array<{ rows: number; rejected: number }> }).inputs;
      expect(inputs.length).toBeGreaterThan(0);
      expect(inputs.every((input) => input.rows > 0 && input.rejected === 0)).toBe(true);
    });
  }

  it('refuses a wrong preset with the mismatch message and exit 2, in validate and in report', () => {
    const args = ['--data', 'fixtures/vendors/pagerduty-csv', '--preset', 'incidents=jira'];
    const validate = runCli(['validate', ...args]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('incidents.csv:1: -: the file does not fit preset "jira" for incidents: no column for incident_id');
    expect(validate.stdout).toContain('It fits preset "pagerduty-csv"');
    const report = runCli(['report', ...args, '--period', '2025']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('the file does not fit preset "jira"');
    expect(hasStackTrace(validate.stdout + validate.stderr + report.stdout + report.stderr)).toBe(false);
  });

  it('refuses an unknown preset as a usage error', () => {
    const result = runCli(['validate', '--data', 'fixtures/vendors/jira', '--preset', 'incidents=servicenow']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ops-metrics: --preset incidents=servicenow: unknown preset "servicenow"; the presets are: pagerduty-csv, /);
  });

  it('schema --presets lists every preset with the columns it expects', () => {
    const result = runCli(['schema', '--presets']);
    expect(result.code).toBe(0);
    for (const name of PRESET_NAMES) expect(result.stdout).toMatch(new RegExp(`^${name} — `, 'm'));
    expect(result.stdout).toMatch(/^ {4}opened_at +created_on$/m);
    const json = JSON.parse(runCli(['schema', '--presets', '--format', 'json']).stdout) as Record<string, { datasets: Record<string, Record<string, string>> }>;
    expect(json['jira']?.datasets['incidents']?.['incident_id']).toBe('Issue key');
  });
});
