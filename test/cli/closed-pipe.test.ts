/**
 * `ops-metrics ... | head -c 100`: the reader closes the pipe after the first bytes. The rest of the
 * output is dropped, with no crash and no stack trace, and the run ends with the exit code its own work
 * earns. Run through a shell pipe, since a child's standard output from Node's spawn is a socket whose buffer
 * would hold the whole report, where a shell pipe holds 64 KiB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoWithSparseFile } from '../helpers/large-demo.js';
import { BIN, hasStackTrace, ROOT } from '../helpers/run-cli.js';

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/** The CLI's exit code and standard error when `head -c 100` reads its output. */
function pipedToHead(args: readonly string[]): { code: number; stderr: string } {
  const codeFile = join(mkdtempSync(join(tmpdir(), 'ops-metrics-pipe-')), 'code');
  const cli = `${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
  const result = spawnSync('sh', ['-c', `(${cli}; echo $? > ${quote(codeFile)}) | head -c 100 > /dev/null`], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' },
  });
  return { code: Number(readFileSync(codeFile, 'utf8')), stderr: result.stderr };
}

// The HTML report of the demo with a trend of 8 quarters (~80 KiB) is longer than a pipe holds (64 KiB),
// so the CLI is still writing when head has gone.
const HTML_REPORT = ['report', '--data', 'fixtures/demo', '--period', '2026-Q3', '--trend', '8', '--format', 'html'];

describe('a reader that closes the pipe early', () => {
  it('stops a long report quietly, with exit code 0 under --fail-on never', () => {
    const { code, stderr } = pipedToHead([...HTML_REPORT, '--fail-on', 'never']);
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('keeps the exit code the report earns without a pipe (1: the demo trips a red flag)', () => {
    const { code, stderr } = pipedToHead(HTML_REPORT);
    expect(hasStackTrace(stderr)).toBe(false);
    const unpiped = spawnSync(process.execPath, [BIN, ...HTML_REPORT], { cwd: ROOT, stdio: 'ignore' });
    expect(unpiped.status).toBe(1);
    expect(code).toBe(1);
  });
});

describe('a reader that closes the pipe early on a report of a large folder', () => {
  // From 64 MiB of input besides the survey, every file is read on one thread with the young generation
  // capped (heap-growth.ts): the same output path, on a run set up another way.
  const large = (): string => demoWithSparseFile(65 * 1024 * 1024);

  it('drops the rest: the run ends with the exit code it earns', () => {
    const dir = large();
    const args = ['report', '--data', dir, ...HTML_REPORT.slice(3), '--skip-invalid'];
    const { code, stderr } = pipedToHead(args);
    expect(hasStackTrace(stderr)).toBe(false);
    // What the run says of its input, and nothing of the closed pipe.
    expect(stderr).toBe([
      'requirements.json:1: -: invalid JSON: syntax error at line 1, column 1. Check the file with a JSON validator; NDJSON files must be named .ndjson or .jsonl.',
      `ops-metrics: 0 rows rejected, 1 file not used, 0 warnings in the input (\`ops-metrics validate --data ${dir}\` lists them)`,
      '',
    ].join('\n'));
    expect(code).toBe(1);
    expect(pipedToHead([...args, '--fail-on', 'never']).code).toBe(0);
  });
});

/**
 * The CLI's exit code when standard error (and output) goes to a reader that has already gone: `true`
 * exits without reading, well before Node has started, so every write fails with EPIPE.
 */
function errorsToGoneReader(args: readonly string[]): number {
  const codeFile = join(mkdtempSync(join(tmpdir(), 'ops-metrics-pipe-')), 'code');
  const cli = `${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
  spawnSync('sh', ['-c', `(${cli} 2>&1; echo $? > ${quote(codeFile)}) | true`], {
    cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' },
  });
  return Number(readFileSync(codeFile, 'utf8'));
}

describe('a reader of standard error that has gone', () => {
  it('keeps exit code 2 for invalid input, not the 1 of a failed gate', () => {
    expect(errorsToGoneReader(['validate', '--data', 'fixtures/invalid/multiple-defects-two-files'])).toBe(2);
    expect(errorsToGoneReader(['report', '--data', 'fixtures/invalid/multiple-defects-two-files', '--period', '2026-Q3'])).toBe(2);
  });

  it('keeps exit code 0 when the gate passes and the rejected rows are listed there', () => {
    expect(errorsToGoneReader(['report', '--data', 'fixtures/invalid/multiple-defects-two-files', '--period', '2026-Q3', '--skip-invalid', '--fail-on', 'never'])).toBe(0);
  });

  it('keeps exit code 2 for a usage error', () => {
    expect(errorsToGoneReader(['report', '--period', '2026-Q5'])).toBe(2);
  });
});
