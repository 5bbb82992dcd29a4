/** Runs the built command (`bin/ops-metrics.js`, i.e. dist/cli-entry.cjs) as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/ops-metrics.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a run: no colour, the machine's zone UTC, unless `env` says otherwise. */
function runEnv(extra: Record<string, string> | undefined): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', ...extra };
  if (extra?.FORCE_COLOR !== undefined) delete env.NO_COLOR;
  return env;
}

/** `timeoutMs` (default 60 s): a run still going then is killed, and its `code` is null. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; cwd?: string; input?: string; timeoutMs?: number } = {}): CliResult {
  const env = runEnv(options.env);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` without waiting: several runs at once keep both cores busy (the differential tests run hundreds). */
export function runCliAsync(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: runEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => { stdout += text; });
    child.stderr.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** True when the text holds a JavaScript stack trace. */
export const hasStackTrace = (text: string): boolean => /^\s+at .+[(:]\d+/m.test(text);
