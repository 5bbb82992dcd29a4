/**
 * The built command end to end on generated data folders (one to three files of any dataset and format,
 * mutated or not): it always ends with exit 0, 1 or 2 within the spawn's time bound, never prints a stack
 * trace, every problem it prints on exit 2 says `file:line`, and every file's rows reconcile
 * (rows = accepted + rejected). Run `npm run build` first; `npm test` does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { FORMATS } from '../../src/reporters/index.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { FILE_ARBITRARIES, type FuzzFile } from './arbitraries.js';
import { countCase, flushCounts, FUZZ_CLI_RUNS, runs } from './fuzz-runs.js';

const root = mkdtempSync(join(tmpdir(), 'ops-metrics-cli-fuzz-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  flushCounts();
});

/** runCli's time bound: a spawn that takes longer is killed, its exit code is then null and the property fails. */
const TIME_BOUND_MS = 60_000;
const EXIT_CODES = [0, 1, 2];

const folder = fc.array(fc.oneof(FILE_ARBITRARIES.csv, FILE_ARBITRARIES.json, FILE_ARBITRARIES.ndjson), { minLength: 1, maxLength: 3 });

let folders = 0;
function writeFolder(files: readonly FuzzFile[]): string {
  const dir = join(root, `data-${++folders}`);
  mkdirSync(dir);
  // A second file of one dataset is a case too (two files for a dataset is an error), so names are kept apart by format.
  for (const file of files) writeFileSync(join(dir, `${file.dataset}.${file.format}`), file.bytes);
  return dir;
}

/** Problem lines of the text output: everything before the per-dataset summary table. */
const problemLinesOf = (text: string): string[] => {
  const lines = text.split('\n');
  const summary = lines.findIndex((line) => /^file\s+rows\s+accepted/.test(line));
  return lines.slice(0, summary === -1 ? lines.length : summary).filter((line) => line.trim() !== '');
};

// `file:line: column: message` (a column neither empty nor starting or ending with a space), or a file's
// count of problems not shown.
const LOCATED = /^[^\s:][^:]*:\d+: (?:\S|\S.*?\S): |^[^\s:][^:]*: … and \d+ more problems? not shown$/;

describe('the built command on generated data folders', () => {
  test('validate: exit 0 or 2, located problems, rows reconcile', () => {
    fc.assert(fc.property(folder, (files) => {
      countCase('cli validate');
      const dir = writeFolder(files);
      const text = runCli(['validate', '--data', dir], { env: { TZ: 'America/St_Johns' } });
      expect([0, 2]).toContain(text.code);
      expect(hasStackTrace(text.stdout + text.stderr)).toBe(false);
      if (text.code === 2) for (const line of problemLinesOf(text.stdout + text.stderr)) expect(line).toMatch(LOCATED);

      const json = runCli(['validate', '--data', dir, '--format', 'json']);
      expect(json.code).toBe(text.code);
      // A folder whose files cannot be told apart (two files for one dataset) stops before any file is
      // read: one located line per such dataset.
      if (json.stdout === '') {
        expect(json.code).toBe(2);
        for (const line of json.stderr.trimEnd().split('\n')) expect(line).toMatch(LOCATED);
        return;
      }
      const body = JSON.parse(json.stdout) as { datasets: Array<{ rows: number; accepted: number; rejected: number; problems: Array<{ file: string; line: number }> }> };
      for (const d of body.datasets) {
        expect(d.rows).toBe(d.accepted + d.rejected);
        for (const p of d.problems) expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
      }
    }), runs(FUZZ_CLI_RUNS));
  }, 2 * FUZZ_CLI_RUNS * TIME_BOUND_MS);

  test('report: exit 0, 1 or 2 in bounded time, no stack trace; with --skip-invalid the inputs reconcile', () => {
    const options = fc.record({ format: fc.constantFrom(...FORMATS), skip: fc.boolean(), names: fc.boolean() });
    fc.assert(fc.property(folder, options, (files, o) => {
      countCase('cli report');
      const dir = writeFolder(files);
      const args = ['report', '--data', dir, '--period', '2026-Q3', '--format', o.format, ...(o.skip ? ['--skip-invalid'] : []), ...(o.names ? ['--names'] : [])];
      const result = runCli(args, { env: { TZ: 'Pacific/Chatham' } });
      expect(EXIT_CODES).toContain(result.code);
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
      if (result.code === 2) for (const line of problemLinesOf(result.stderr)) expect(line).toMatch(/^ops-metrics: |^[^\s:][^:]*:\d+: |^[^\s:][^:]*: … and \d+ more/);
      if (result.code !== 2 && o.format === 'json') {
        for (const input of (JSON.parse(result.stdout) as { inputs: Array<{ rows: number; accepted: number; rejected: number }> }).inputs) {
          expect(input.rows).toBe(input.accepted + input.rejected);
        }
      }
    }), runs(FUZZ_CLI_RUNS));
  }, FUZZ_CLI_RUNS * TIME_BOUND_MS);
});
