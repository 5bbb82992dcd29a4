/**
 * The built command on BambooHR's API custom report saved as JSON (fixtures/vendors/bamboohr/api-report):
 * one object with `title`, `fields` and `employees`, read for people through preset "bamboohr" only. Any
 * other reading of a document of two arrays is refused, and so is a document without `employees`.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli } from '../helpers/run-cli.js';

const FIXTURE = 'fixtures/vendors/bamboohr/api-report';
const REPORT = ['--period', '2025', '--format', 'json', '--fail-on', 'never'];
const TWO_ARRAYS = 'expected one array of records, found several array properties: fields, employees. Keep only the array that holds the records, or export it alone.';

interface JsonReport {
  inputs: Array<{ dataset: string; file: string; rows: number; accepted: number; rejected: number; warnings: number }>;
  metrics: Array<{ measures: Array<{ id: string; value: number | null; n: number; details: unknown[] }> }>;
}

/** A data folder holding the fixture's report as `name`, with `config` when given. */
function folderWithReport(name: string, config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-bamboohr-api-'));
  copyFileSync(join(ROOT, FIXTURE, 'custom-report.json'), join(dir, name));
  if (config !== undefined) writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify(config));
  return dir;
}

describe('BambooHR API custom report (JSON) through preset bamboohr', () => {
  it('validate reads the employees array: 6 rows accepted, the one warning on its index in that array', () => {
    const validate = runCli(['validate', '--data', FIXTURE]);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/^Valid: 1 file, 1 warning\.$/m);
    expect(validate.stdout).toMatch(/^custom-report\.json \(people\) +6 +6 +0 +1$/m);
    // Lena Novak, a Recruiter, is element 4 of `employees`; the ten elements of `fields` before it are not counted.
    expect(validate.stdout).toContain('custom-report.json:4: title: warning: 1 title is not in the level map, so read as other (outside ops): "Recruiter" (line 4).');
  });

  it('report: ops_retention_12m from the hire and termination dates of the report, 0000-00-00 read as none', () => {
    const report = runCli(['report', '--data', FIXTURE, ...REPORT]);
    expect(report.code, report.stderr).toBe(0);
    const parsed = JSON.parse(report.stdout) as JsonReport;
    expect(parsed.inputs).toEqual([{ dataset: 'people', file: 'custom-report.json', rows: 6, accepted: 6, rejected: 0, warnings: 1 }]);
    // T = 2025-12-31, so the people in ops on T − 12 months = 2024-12-31 (hired by then, not gone by then):
    //   1001 Garcia (ops2, hired 2021-03-15, terminationDate 0000-00-00)         in, still in ops at T
    //   1002 Baker (ops1_senior, hired 2019-11-02, left 2025-06-30)              in, gone by T
    //   1003 Okafor (manager, hired 2018-01-10, 0000-00-00)                      in, still in ops at T
    //   1004 Tanaka (ops2): hireDate 2025-02-03, after it (originalHireDate 2020-02-03 would count her: 3 of 4)
    //   1005 Novak (Recruiter): not in ops;  1006 Ortiz (ops1): left 2024-10-31, before it
    // → 2 of 3 = 0.666667, and 1002 is the one who left.
    const measure = parsed.metrics.flatMap((metric) => metric.measures).find((m) => m.id === 'ops_retention_12m');
    expect(measure).toMatchObject({ value: 0.666667, n: 3, details: [{ employeeId: '1002', note: 'left ops on 2025-06-30' }] });
  });

  it('without the preset, or through another, the report is refused as a document of two arrays (exit 2)', () => {
    const plain = runCli(['validate', '--data', folderWithReport('people.json')]);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toContain(`people.json:0: -: ${TWO_ARRAYS}`);
    const workday = runCli(['validate', '--data', FIXTURE, '--preset', 'people=workday']);
    expect(workday.code).toBe(2);
    expect(workday.stdout).toContain(`custom-report.json:0: -: ${TWO_ARRAYS}`);
    expect(hasStackTrace(plain.stdout + plain.stderr + workday.stdout + workday.stderr)).toBe(false);
  });

  it('a document without the employees array is refused, naming the property it expected (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-bamboohr-api-'));
    writeFileSync(join(dir, 'roster.json'), JSON.stringify({ title: 'Roster', fields: [{ id: 'employeeNumber' }], rows: [{ employeeNumber: '1001' }] }));
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({ datasets: { people: { path: 'roster.json', preset: 'bamboohr' } } }));
    for (const command of ['validate', 'report']) {
      const result = runCli([command, '--data', dir, ...(command === 'report' ? ['--period', '2025'] : [])]);
      expect(result.code, command).toBe(2);
      expect(result.stdout + result.stderr).toContain(
        'roster.json:0: -: expected the records in the array property "employees", as preset "bamboohr" reads them, ' +
          'found no property "employees" (the object has: title, fields, rows).',
      );
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    }
  });
});
