/**
 * No data lost: with --skip-invalid, every rejected row is counted in the report's inputs and listed on
 * standard error (the first 50 problems of a file, then the count of the rest), and rows read =
 * accepted + rejected for every file.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runCli } from '../helpers/run-cli.js';
import { HOSTILE_DATA, reportArgs } from './hostile-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-skip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(HOSTILE_DATA, dir, { recursive: true });
// trainings.csv: 2 good rows and 60 bad ones (lines 4..63: month 13), so 60 problems, 50 shown, 10 counted.
const bad = Array.from({ length: 60 }, (_, i) => `E13,course-${i},2026-13-01`);
writeFileSync(join(dir, 'trainings.csv'), ['employee_id,course,completed_on', 'E13,a,2026-01-05', 'E14,b,2026-01-06', ...bad].join('\n'));
// meetings.csv cannot be read at all: an unterminated quote.
writeFileSync(join(dir, 'meetings.csv'), 'employee_id,date,kind\nE13,2026-08-01,"product_roadmap\n');

const result = runCli([...reportArgs('json', false, dir), '--skip-invalid']);
const report = JSON.parse(result.stdout) as Report;

test('the report is made on the valid rows (exit 1: red flags trip)', () => {
  expect(result.code).toBe(1);
});

test('the inputs count every row: read = accepted + rejected', () => {
  const trainings = report.inputs.find((i) => i.dataset === 'trainings');
  expect(trainings).toMatchObject({ file: 'trainings.csv', rows: 62, accepted: 2, rejected: 60 });
  for (const input of report.inputs) expect(input.rows).toBe(input.accepted + input.rejected);
});

test('every rejected row is listed: the first 50 of the file, then the count of the rest', () => {
  const listed = result.stderr.split('\n').filter((line) => line.startsWith('trainings.csv:'));
  expect(listed).toHaveLength(51);
  expect(listed[0]).toMatch(/^trainings\.csv:4: completed_on: /);
  expect(listed[49]).toMatch(/^trainings\.csv:53: completed_on: /);
  expect(listed[50]).toBe('trainings.csv: … and 10 more problems not shown (all errors; --max-problems 0 shows every one)');
  expect(result.stderr).toContain('ops-metrics: 60 rows rejected');
});

test('an unreadable file is listed too, and its dataset is reported as unread', () => {
  expect(result.stderr).toMatch(/^meetings\.csv:2: -: unterminated quoted field/m);
  expect(report.inputs.find((i) => i.dataset === 'meetings')).toMatchObject({ rows: 0, accepted: 0, rejected: 0 });
});
