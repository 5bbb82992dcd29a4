// Runs one Node command in a child process and measures it: wall time (taken here), peak RSS and CPU
// time. With GNU time (`/usr/bin/time -v`, Debian package `time`) the figures come from the kernel's
// rusage of the child; without it, a preloaded probe reports `process.resourceUsage()` from inside
// the child, so the bench also runs on a fresh CI machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PROBE = pathToFileURL(new URL('./rss-probe.mjs', import.meta.url).pathname).href;

/** `gnu-time` when /usr/bin/time is GNU time (BusyBox's has no -v), else `probe`. */
export function detectMeter() {
  if (!existsSync(GNU_TIME)) return 'probe';
  const check = spawnSync(GNU_TIME, ['-v', process.execPath, '-e', ''], { encoding: 'utf8' });
  return check.status === 0 && /Maximum resident set size/.test(check.stderr) ? 'gnu-time' : 'probe';
}

/** The fields of `time -v`'s report that the bench uses. */
export function parseGnuTime(text) {
  const field = (label) => {
    const match = text.match(new RegExp(`${label}[^:]*:\\s*([\\d.]+)`));
    return match ? Number(match[1]) : undefined;
  };
  return { maxRssKiB: field('Maximum resident set size'), userMs: field('User time') * 1000, systemMs: field('System time') * 1000, exitCode: field('Exit status') };
}

const scratch = mkdtempSync(join(tmpdir(), 'ops-metrics-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

/**
 * Runs `node ...args` and resolves { wallMs, cpuMs, maxRssKiB, exitCode, stdout, stderr }. The exit
 * code is the child's own (0, 1 and 2 are all outcomes for ops-metrics; the caller judges).
 */
export function measureNode(args, { meter, cwd, env = process.env } = {}) {
  const report = join(scratch, `usage-${++runs}.txt`);
  const [command, commandArgs, childEnv] = meter === 'gnu-time'
    ? [GNU_TIME, ['-v', '-o', report, process.execPath, ...args], env]
    : [process.execPath, ['--import', PROBE, ...args], { ...env, OPS_BENCH_PROBE_OUT: report }];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let usage;
      try {
        const text = readFileSync(report, 'utf8');
        usage = meter === 'gnu-time' ? parseGnuTime(text) : JSON.parse(text);
      } catch {
        usage = { maxRssKiB: undefined, userMs: undefined, systemMs: undefined, exitCode: code };
      }
      rmSync(report, { force: true });
      resolve({
        wallMs,
        cpuMs: usage.userMs === undefined ? undefined : usage.userMs + usage.systemMs,
        maxRssKiB: usage.maxRssKiB,
        exitCode: code ?? usage.exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
