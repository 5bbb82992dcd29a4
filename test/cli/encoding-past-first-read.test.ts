/**
 * The built command on a people file larger than its first read (1 MiB) with one Latin-1 name deep in
 * it: the file is refused as a whole at that name's line, exit 2, and the rows before it make no report.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A data folder with a people.csv of 30,000 valid people (~1.6 MB), the 25,000th named `José Ramos` with
 * `é` as `e` gives it. Header on line 1, person i on line i + 1: José is on line 25,001, past the first
 * MiB (the header is 38 bytes and each row 52, so his row starts at byte 38 + 24,999 × 52 = 1,299,986).
 */
function peopleFolder(e: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-utf8-'));
  dirs.push(dir);
  const row = (i: number): string => `E${String(i).padStart(5, '0')},Person ${String(i).padStart(5, '0')},Ops Engineer 2.0,Ops,2022-01-10\n`;
  const people = (from: number, to: number): Buffer => Buffer.from(Array.from({ length: to - from + 1 }, (_, i) => row(from + i)).join(''));
  writeFileSync(join(dir, 'people.csv'), Buffer.concat([
    Buffer.from('employee_id,name,title,team,hire_date\n'), people(1, 24_999),
    Buffer.from('E25000,Jos'), e, Buffer.from(' Ramos,Ops Engineer 2.0,Ops,2022-01-10\n'),
    people(25_001, 30_000),
  ]));
  return dir;
}

const LATIN1_E = Buffer.from([0xe9]);
const PROBLEM = 'people.csv:25001: -: the file is not UTF-8: byte 0xE9 on this line is not UTF-8 text (a Latin-1 or Windows-1252 file?); ' +
  'only UTF-8 is read. Export or save the file as UTF-8 (with or without a byte-order mark).';
const problemLines = (text: string): string[] => text.split('\n').filter((line) => /^\S+:\d+: /.test(line));

describe('a people file with a Latin-1 name past its first MiB', () => {
  it('is read whole when the name is UTF-8 (the rows are valid)', () => {
    const result = runCli(['validate', '--data', peopleFolder(Buffer.from('é', 'utf8')), '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ datasets: [{ file: 'people.csv', rows: 30_000, accepted: 30_000 }] });
  });

  it('validate: exit 2, one located problem, no stack trace', () => {
    const result = runCli(['validate', '--data', peopleFolder(LATIN1_E)]);
    expect(result.code).toBe(2);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(problemLines(result.stdout + result.stderr)).toEqual([PROBLEM]);
  });

  it('report: exit 2 and nothing written, although the 24,999 people before José were read', () => {
    const dir = peopleFolder(LATIN1_E);
    const output = join(dir, 'report.json');
    const result = runCli(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--output', output]);
    expect(result.code).toBe(2);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(problemLines(result.stderr)).toEqual([PROBLEM]);
    expect(result.stderr).toContain('Nothing was reported');
    expect(existsSync(output)).toBe(false);
  });

  it('report --skip-invalid: the file is unreadable, none of its rows counted', () => {
    const result = runCli(['report', '--data', peopleFolder(LATIN1_E), '--period', '2026-Q3', '--format', 'json', '--skip-invalid']);
    expect(problemLines(result.stderr)).toEqual([PROBLEM]);
    const report = JSON.parse(result.stdout) as { inputs: Array<{ dataset: string; rows: number; accepted: number; unreadable?: boolean }> };
    expect(report.inputs.find((input) => input.dataset === 'people')).toMatchObject({ rows: 0, accepted: 0, unreadable: true });
  });
});
