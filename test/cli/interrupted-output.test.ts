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
