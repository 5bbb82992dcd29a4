/**
 * `report` and `validate` on a large folder run in a worker thread with a bounded young generation
 * (src/cli/command-worker.ts). It must be invisible to the user: the same standard output, standard error,
 * exit code and --output file as the same command line run on the main thread, in the configured zone
 * whatever the machine's.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { COMMAND_WORKER_MIN_BYTES, runInWorker } from '../../src/cli/command-worker.js';
import { TOOL_VERSION } from '../../src/cli/version.js';
import { demoWithSparseFile } from '../helpers/large-demo.js';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';

const MARKER = join(ROOT, 'test', 'helpers', 'thread-marker.cjs');

const BUNDLE = join(ROOT, 'dist', 'cli.cjs');
const DEMO = join(ROOT, 'fixtures', 'demo');
const NOW = Date.parse('2026-11-25T12:00:00Z');

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The sources report version 0.0.0-dev, the build the package's: read as the build's. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const asBuilt = (text: string): string => text.replaceAll(`"version": "${TOOL_VERSION}"`, `"version": "${PACKAGE_VERSION}"`);

/** `argv` run in-process on the main thread, as the test suite's sources (no worker: no bundle). */
async function onMainThread(argv: readonly string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { cwd: ROOT, env: {}, isTty: false, progressStream: undefined, now: () => NOW, out: (t) => { out += t; }, err: (t) => { err += t; } };
  const code = await main(argv, io);
  return { code, out: asBuilt(out), err };
}

const collected = (): { stream: PassThrough; text: () => string } => {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; });
  return { stream, text: () => text };
};

/** `argv` run by runInWorker in a worker running the built bundle. */
async function inWorker(argv: readonly string[], output?: string): Promise<Run> {
  const out = collected();
  const err = collected();
  const code = await runInWorker(BUNDLE, { argv, now: NOW, isTty: false, progress: false }, { out: out.stream, err: err.stream, output });
  return { code, out: out.text(), err: err.text() };
}

const report = (data: string, ...rest: string[]): string[] => ['report', '--data', data, '--period', '2026-Q3', ...rest];

/** The demo with two trainings whose completion dates cannot be read (lines 2 and 3). */
function demoWithBadTrainings(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-run-worker-'));
  for (const name of readdirSync(DEMO)) copyFileSync(join(DEMO, name), join(dir, name));
  writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\nE001,Automation design,2026-02-30\nE002,Automation design,someday\n');
  return dir;
}

describe('runInWorker', () => {
  // The demo's zone is America/New_York and the suite runs in Pacific/Chatham (UTC+12:45/+13:45): a
  // worker reading offsets from its Date would move every wall-clock time in the files by ~17 hours.
  it('gives the JSON report, its warnings and exit code exactly as the main thread does', async () => {
    const argv = report(DEMO, '--format', 'json', '--fail-on', 'never');
    const [worker, inline] = await Promise.all([inWorker(argv), onMainThread(argv)]);
    expect(worker).toEqual(inline);
    expect(worker.code).toBe(0);
    expect((JSON.parse(worker.out) as { period: { label: string } }).period.label).toBe('2026-Q3');
  });

  it('keeps standard output and error in the order written, as one terminal or `2>&1` shows them', async () => {
    // The problems and the summary line, then the report: each in its place among the others.
    const argv = report(demoWithBadTrainings(), '--format', 'json', '--skip-invalid', '--fail-on', 'never');
    const both = collected();
    await runInWorker(BUNDLE, { argv, now: NOW, isTty: false, progress: false }, { out: both.stream, err: both.stream, output: undefined });
    let inline = '';
    const io: Io = { cwd: ROOT, env: {}, isTty: false, progressStream: undefined, now: () => NOW, out: (t) => { inline += t; }, err: (t) => { inline += t; } };
    await main(argv, io);
    expect(both.text()).toBe(asBuilt(inline));
    expect(both.text()).toMatch(/^trainings\.csv:2: [^\n]*\ntrainings\.csv:3: [^\n]*\nops-metrics: 2 rows rejected[^\n]*\n\{\n/);
  });

  it('passes on a failed gate (exit 1) and the table as the main thread writes them', async () => {
    const argv = report(DEMO, '--format', 'table');
    const [worker, inline] = await Promise.all([inWorker(argv), onMainThread(argv)]);
    // The demo trips promotion_pay, and the gate fails on a red flag by default.
    expect(worker.code).toBe(1);
    expect(worker).toEqual(inline);
  });

  it('passes on invalid input as exit 2 with every problem as file:line: column: message', async () => {
    const argv = report(demoWithBadTrainings(), '--format', 'json');
    const [worker, inline] = await Promise.all([inWorker(argv), onMainThread(argv)]);
    expect(worker.code).toBe(2);
    expect(worker.out).toBe('');
    expect(worker.err).toMatch(/^trainings\.csv:2: completed_on: .*\ntrainings\.csv:3: completed_on: /m);
    expect(worker).toEqual(inline);
  });

  it('gives validate\'s listing, text and JSON, and its exit code as the main thread does', async () => {
    const invalid = demoWithBadTrainings();
    for (const [data, code] of [[DEMO, 0], [invalid, 2]] as const) {
      for (const format of ['text', 'json']) {
        const argv = ['validate', '--data', data, '--format', format];
        const [worker, inline] = await Promise.all([inWorker(argv), onMainThread(argv)]);
        expect(worker.code).toBe(code);
        expect(worker).toEqual(inline);
      }
    }
  });

  it('passes on the error of a worker that cannot start, rather than waiting for it', async () => {
    const sink = (): PassThrough => new PassThrough().resume();
    const run = runInWorker(join(ROOT, 'dist', 'no-such-bundle.cjs'), { argv: ['report'], now: NOW, isTty: false, progress: false }, { out: sink(), err: sink(), output: undefined });
    await expect(run).rejects.toThrow(/Cannot find module/);
  });

  it('writes --output as the main thread does, and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-run-worker-out-'));
    const [workerFile, inlineFile] = [join(dir, 'worker.json'), join(dir, 'inline.json')];
    const worker = await inWorker(report(DEMO, '--format', 'json', '--fail-on', 'never', '--output', workerFile), workerFile);
    const inline = await onMainThread(report(DEMO, '--format', 'json', '--fail-on', 'never', '--output', inlineFile));
    expect([worker.code, worker.out]).toEqual([0, '']);
    expect(worker).toEqual(inline);
    expect(readFileSync(workerFile, 'utf8')).toBe(asBuilt(readFileSync(inlineFile, 'utf8')));
    expect(readdirSync(dir).sort()).toEqual(['inline.json', 'worker.json']);
  });
});

describe('report and validate: a large folder is run in a worker', () => {
  const withRunElsewhere = async (command: 'report' | 'validate', dir: string) => {
    const runElsewhere = vi.fn(() => Promise.resolve(1 as const));
    const limitHeapGrowth = vi.fn(() => Promise.resolve());
    let out = '';
    // With the bundle a survey file of 2 MiB or more is read by a worker of its own (survey-worker.ts).
    const io: Io = { cwd: ROOT, env: {}, isTty: false, progressStream: undefined, now: () => NOW, out: (t) => { out += t; }, err: () => {}, runElsewhere, limitHeapGrowth, workerScript: BUNDLE };
    const argv = command === 'report' ? report(dir, '--format', 'json') : ['validate', '--data', dir];
    const code = await main([...argv, '--output', join(dir, 'r.json')], io);
    return { code, out, runElsewhere, limitHeapGrowth };
  };

  it.each(['report', 'validate'] as const)('%s from 64 MiB of input: handed over before any file is read, with the clock and --output of this run', async (command) => {
    expect(COMMAND_WORKER_MIN_BYTES).toBe(64 * 1024 * 1024);
    const dir = demoWithSparseFile(COMMAND_WORKER_MIN_BYTES);
    const { code, out, runElsewhere, limitHeapGrowth } = await withRunElsewhere(command, dir);
    // The worker's exit code is the run's; nothing was read or tuned here.
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(runElsewhere.mock.calls).toEqual([[{ now: NOW, output: join(dir, 'r.json') }]]);
    expect(limitHeapGrowth).not.toHaveBeenCalled();
  });

  it('report --compare: the earlier report is left to the worker, which reads it before any data file', async () => {
    // Read on the main thread, its garbage would stay there for the whole run. Not there at all: still
    // handed over, and the worker refuses it (below).
    const dir = demoWithSparseFile(COMMAND_WORKER_MIN_BYTES);
    const runElsewhere = vi.fn(() => Promise.resolve(0 as const));
    const io: Io = { cwd: ROOT, env: {}, isTty: false, progressStream: undefined, now: () => NOW, out: () => {}, err: () => {}, runElsewhere };
    expect(await main(report(dir, '--compare', join(dir, 'no-such-report.json')), io)).toBe(0);
    expect(runElsewhere).toHaveBeenCalledTimes(1);
    const cli = runCli(report(dir, '--compare', join(dir, 'no-such-report.json')));
    expect([cli.code, cli.stdout, cli.stderr]).toEqual([2, '', `ops-metrics: --compare: cannot read ${join(dir, 'no-such-report.json')}: file not found\n`]);
  });

  it.each(['report', 'validate'] as const)('%s below it: run here', async (command) => {
    // The demo's own files add ~290 KiB: requirements of 64 MiB less 1 MiB keep the folder under the line.
    const { runElsewhere, limitHeapGrowth } = await withRunElsewhere(command, demoWithSparseFile(COMMAND_WORKER_MIN_BYTES - 1024 * 1024));
    expect(runElsewhere).not.toHaveBeenCalled();
    expect(limitHeapGrowth).toHaveBeenCalledTimes(1);
  });

  it.each(['report', 'validate'] as const)('%s with a large survey alone: run here, the survey read by a worker of its own', async (command) => {
    // A second worker for the rest would only add a heap (a folder holding little but its survey: 97–98
    // MiB on the main thread, 111–113 through the command's worker).
    const { runElsewhere } = await withRunElsewhere(command, demoWithSparseFile(2 * COMMAND_WORKER_MIN_BYTES, 'survey.csv'));
    expect(runElsewhere).not.toHaveBeenCalled();
  });

  it('through the built command: run in the worker, with the same output, problems and exit code as on the main thread', async () => {
    const dir = demoWithSparseFile(COMMAND_WORKER_MIN_BYTES);
    for (const argv of [report(dir, '--format', 'json', '--fail-on', 'never', '--skip-invalid'), report(dir, '--format', 'table'), ['validate', '--data', dir, '--format', 'json']]) {
      // thread-marker.cjs: each worker says what it was started for, on standard error before anything else.
      const cli = spawnSync(process.execPath, ['--require', MARKER, BIN, ...argv], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'Pacific/Chatham' } });
      const marked = 'worker: ops-metrics/run\n';
      expect(cli.stderr.startsWith(marked)).toBe(true);
      const inline = await onMainThread(argv);
      expect({ code: cli.status, out: cli.stdout, err: cli.stderr.slice(marked.length) }).toEqual(inline);
    }
  });
});
