/**
 * `report --output` stopped while it writes: Ctrl-C (SIGINT), a CI job's timeout (SIGTERM) or a closed
 * terminal (SIGHUP) leaves the report that was there as it was and nothing beside it, and the run dies of
 * that signal, as the shell and CI would see it without the clean-up. The built CLI is held at one point
 * of its write by test/helpers/pause-output.cjs until the test has sent the signal, so the signal finds it
 * there every time, whatever the machine's speed. A write that fails midway is the other way a run stops.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENDING_SIGNALS } from '../../src/cli/remove-on-signal.js';
import { demoWithSparseFile } from '../helpers/large-demo.js';
import { BIN, hasStackTrace, ROOT, runCli } from '../helpers/run-cli.js';

const PAUSE = fileURLToPath(new URL('../helpers/pause-output.cjs', import.meta.url));
// The demo's JSON report with a trend of 8 quarters (~65 KiB) is more than one piece (64 KiB): the run
// is held with the rest still to write.
const REPORT = ['report', '--data', 'fixtures/demo', '--period', '2026-Q3', '--trend', '8', '--format', 'json', '--fail-on', 'never'];
const OLD_REPORT = 'the last quarter\'s report\n';
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' };

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** The CLI run with `args`, held at `pauseAt` (see pause-output.cjs), sent `signal` there, then let go. */
function signalledWhileHeld(args: readonly string[], pauseAt: 'write' | 'rename', signal: NodeJS.Signals): Promise<Ended> {
  const child = spawn(process.execPath, ['--require', PAUSE, BIN, ...args], { cwd: ROOT, env: { ...ENV, PAUSE_OUTPUT_AT: pauseAt } });
  // A run that died at the signal has closed its standard input.
  child.stdin.on('error', () => {});
  let stderr = '';
  let sent = false;
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    if (sent || !stderr.includes('paused\n')) return;
    sent = true;
    child.kill(signal);
    child.stdin.end('go');
  });
  return new Promise((resolve) => child.on('close', (code, ended) => resolve({ code, signal: ended, stderr })));
}

/** A folder holding the last report, and the path of the report in it. */
function folderWithOldReport(): string {
  const output = join(mkdtempSync(join(tmpdir(), 'ops-metrics-interrupted-')), 'report.json');
  writeFileSync(output, OLD_REPORT);
  return output;
}

describe('report --output stopped by a signal', () => {
  it.each(ENDING_SIGNALS)('halfway through the write, %s leaves the old report, removes the temporary file and ends the run by the same signal', async (signal) => {
    const output = folderWithOldReport();
    const ended = await signalledWhileHeld([...REPORT, '--output', output], 'write', signal);
    expect(ended.stderr).toBe('paused\n');
    expect(ended).toMatchObject({ code: null, signal });
    expect(readdirSync(join(output, '..'))).toEqual(['report.json']);
    expect(readFileSync(output, 'utf8')).toBe(OLD_REPORT);
  });

  it('once the report has taken its name, SIGTERM still ends the run by that signal, with the report whole', async () => {
    const output = folderWithOldReport();
    const ended = await signalledWhileHeld([...REPORT, '--output', output], 'rename', 'SIGTERM');
    expect(ended.stderr).toBe('paused\n');
    // Not lost when the handlers go after the rename: the run does not end as if never stopped.
    expect(ended).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(readdirSync(join(output, '..'))).toEqual(['report.json']);
    expect(readFileSync(output, 'utf8')).toBe(runCli(REPORT).stdout);
  });
});

describe('report --output of a large folder (run in a worker thread), stopped by a signal', () => {
  // A worker is sent no signals: the main thread, which only passes its output on, keeps the guard, and
  // stops the worker before it removes the file. The worker runs beside it, so it may have finished the
  // few writes left, and put the report in place, by the time the signal is handled (the test lets it go
  // as it sends the signal): the report there is then the old one or the whole new one, never a part.
  it.each(ENDING_SIGNALS)('halfway through the write, %s leaves a whole report, removes the temporary file and ends the run by the same signal', async (signal) => {
    // command-worker.ts runs a report in a worker from 64 MiB of input; --names makes the report more
    // than one piece.
    const data = demoWithSparseFile(65 * 1024 * 1024);
    const output = folderWithOldReport();
    const args = ['report', '--data', data, ...REPORT.slice(3), '--skip-invalid', '--names', '--output', output];
    const ended = await signalledWhileHeld(args, 'write', signal);
    expect(ended.stderr).toContain('paused\n');
    expect(ended).toMatchObject({ code: null, signal });
    expect(readdirSync(join(output, '..'))).toEqual(['report.json']);
    const whole = runCli(args.slice(0, -2)).stdout;
    // More than one piece (64 KiB), so the run was held with the rest still to write.
    expect(whole.length).toBeGreaterThan(64 * 1024);
    expect([OLD_REPORT, whole]).toContain(readFileSync(output, 'utf8'));
  });
});

describe('report --output of a large folder whose worker ends mid-write', () => {
  const CRASH = fileURLToPath(new URL('../helpers/crash-in-worker.cjs', import.meta.url));
  const largeFolder = (): string => demoWithSparseFile(65 * 1024 * 1024);
  const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

  it('leaves the old report, removes the temporary file the worker left, and says why with exit code 2', () => {
    const output = folderWithOldReport();
    const result = spawnSync(process.execPath, ['--require', CRASH, BIN, 'report', '--data', largeFolder(), ...REPORT.slice(3), '--skip-invalid', '--names', '--output', output], { cwd: ROOT, env: ENV, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('ops-metrics: internal error: the worker ended mid-write (run with --debug for the stack trace)\n');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readdirSync(join(output, '..'))).toEqual(['report.json']);
    expect(readFileSync(output, 'utf8')).toBe(OLD_REPORT);
  });

  it('leaves alone a temporary file of the same name that another run made (the report is then written in place)', () => {
    // `exec` keeps the shell's pid, so the file the shell makes has the name the run would use.
    const output = folderWithOldReport();
    const cli = [process.execPath, '--require', CRASH, BIN, 'report', '--data', largeFolder(), ...REPORT.slice(3), '--skip-invalid', '--names', '--output', output].map(quote).join(' ');
    const result = spawnSync('sh', ['-c', `echo "another run's" > ${quote(join(output, '..'))}/.report.json.$$.tmp && exec ${cli}`], { cwd: ROOT, env: ENV, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('ops-metrics: internal error: the worker ended mid-write');
    const left = readdirSync(join(output, '..')).sort();
    expect(left).toHaveLength(2);
    expect(left[0]).toMatch(/^\.report\.json\.\d+\.tmp$/);
    expect(readFileSync(join(output, '..', left[0]!), 'utf8')).toBe("another run's\n");
  });
});

describe('report --output whose write fails midway', () => {
  // `ulimit -f` (blocks of 512 bytes): the file may grow to 20 KiB, so the first 64 KiB piece is cut
  // short and the next write fails (EFBIG).
  it.skipIf(process.platform === 'win32')('leaves the old report, removes the temporary file, and says why with exit code 2', () => {
    const output = folderWithOldReport();
    const cli = [process.execPath, BIN, ...REPORT, '--output', output].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
    const result = spawnSync('sh', ['-c', `ulimit -f 40 && exec ${cli}`], { cwd: ROOT, env: ENV, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot write the report to ${output}`);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readdirSync(join(output, '..'))).toEqual(['report.json']);
    expect(readFileSync(output, 'utf8')).toBe(OLD_REPORT);
  });
});
