/**
 * Limits that fail cleanly: a record above the size limit, a record with too many fields, a JSON
 * document too large to hold. Each is one located message and exit 2, never an out-of-memory crash
 * or a run that takes minutes.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/problems.js';
import { readCsv } from '../../src/load/csv-reader.js';
import { DEFAULT_MAX_COLUMNS } from '../../src/load/limits.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A data folder holding one file. */
function folderWith(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-limits-'));
  dirs.push(dir);
  writeFileSync(join(dir, name), content);
  return dir;
}

/** `validate` on the folder: exit 2 and exactly one problem line, which must match `message`. */
function expectRefused(dir: string, message: RegExp): void {
  const result = runCli(['validate', '--data', dir]);
  expect(result.code).toBe(2);
  expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  const problems = (result.stdout + result.stderr).split('\n').filter((line) => /^\S+:\d+: /.test(line));
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(message);
}

const TEN_MB = 10 * 1024 * 1024;

describe('the built command', () => {
  test('a CSV field of 10 MB: the record is refused at the line it starts', () => {
    const dir = folderWith('people.csv', `employee_id,title,hire_date\nE1,Ops Engineer,2024-01-01\nE2,"${'x'.repeat(TEN_MB)}",2024-01-01\n`);
    expectRefused(dir, /^people\.csv:3: -: the record starting on line 3 is larger than 8 MiB/);
  });

  test('an NDJSON line of 10 MB: refused at its line', () => {
    const dir = folderWith('people.ndjson', `{"employee_id":"E1"}\n{"name":"${'x'.repeat(TEN_MB)}"}\n`);
    expectRefused(dir, /^people\.ndjson:2: -: line 2 is larger than 8 MiB/);
  });

  test('a CSV header of 100,000 columns: too many fields', () => {
    const header = ['employee_id', 'title', 'hire_date', ...Array.from({ length: 99_997 }, (_, i) => `c${i}`)];
    const dir = folderWith('people.csv', `${header.join(',')}\nE1,Ops Engineer,2024-01-01\n`);
    expectRefused(dir, /^people\.csv:1: -: the record starting on line 1 has 100000 fields, more than the limit of 10000/);
  });

  test('a JSON document above 256 MiB: refused by its size, before it is read', () => {
    const dir = folderWith('people.json', '[');
    // A sparse file: 257 MiB on paper, nothing on disk. The reader must not try to read it.
    const fd = openSync(join(dir, 'people.json'), 'r+');
    ftruncateSync(fd, 257 * 1024 * 1024);
    closeSync(fd);
    expectRefused(dir, /^people\.json:0: -: the JSON file is 257 MiB, above the 256 MiB limit for JSON documents/);
  });
});

describe('the JSON readers', () => {
  test('an object wider than the limit is one rejected row, and the rest of the file is still read', () => {
    const wide = Object.fromEntries(Array.from({ length: DEFAULT_MAX_COLUMNS + 1 }, (_, i) => [`c${i}`, '']));
    const dir = folderWith('people.ndjson', `${JSON.stringify({ ...wide, employee_id: 'E1' })}\n{"employee_id":"E2","title":"Ops Engineer","hire_date":"2024-01-01"}\n`);
    const result = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(result.code).toBe(2);
    const [people] = (JSON.parse(result.stdout) as { datasets: Array<{ rows: number; accepted: number; rejected: number; problems: Array<{ line: number; message: string }> }> }).datasets;
    expect(people).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(people!.problems[0]).toMatchObject({ line: 1, message: `expected at most ${DEFAULT_MAX_COLUMNS} fields, found more` });
  });

  test('a line that gives each of 9,000 keys 50 times is one rejected row with one error per key, the rest still read', () => {
    const keys = Array.from({ length: 9_000 }, (_, i) => `"k${i}":1`).join(',');
    const line = `{"employee_id":"E1",${Array.from({ length: 50 }, () => keys).join(',')}}`;
    const dir = folderWith('people.ndjson', `${line}\n{"employee_id":"E2","title":"Ops Engineer","hire_date":"2024-01-01"}\n`);
    const result = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(result.code).toBe(2);
    const [people] = (JSON.parse(result.stdout) as { datasets: Array<{ rows: number; accepted: number; rejected: number; errors: number; problems: Array<{ line: number; column: string; message: string }> }> }).datasets;
    expect(people).toMatchObject({ rows: 2, accepted: 1, rejected: 1, errors: 9_000 + 2 }); // and the missing title and hire_date
    expect(people!.problems[0]).toMatchObject({ line: 1, column: 'k0', message: expect.stringMatching(/^the key "k0" is given 50 times in this record \(first at column 21, last at column /) });
  });
});

describe('the CSV reader', () => {
  test(`refuses a record wider than maxColumns (default ${DEFAULT_MAX_COLUMNS}), naming its start line`, async () => {
    const dir = folderWith('t.csv', 'a,b,c\n1,2,3\n\n"4\n",5,6,7\n');
    const rows: unknown[] = [];
    let error: unknown;
    try {
      for await (const row of readCsv(join(dir, 't.csv'), { displayName: 't.csv', maxColumns: 3 })) rows.push(row);
    } catch (caught) {
      error = caught;
    }
    // Line 2 is read; the 4-field record starts on line 4 (line 3 is empty).
    expect(rows).toHaveLength(1);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'too_many_columns', file: 't.csv', line: 4 });
  });
});
