/**
 * The built entry (dist/cli-entry.cjs) compiles the bundle from the code cache the build made. V8 refuses a
 * cache made under other flags, and the entry sets one (a larger interrupt budget) before compiling: were
 * it set at another moment in the build's training run than in a user's run, every run would silently
 * compile the bundle from source (~50 ms more at start-up).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/run-cli.js';

/** `node [flags] -e <script>` in the project's folder: its standard output, trimmed. */
function nodeSays(flags: readonly string[], script: string): string {
  const result = spawnSync(process.execPath, [...flags, '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

const COMPILED_FROM_CACHE = "process.stdout.write(String(require('./dist/cli-entry.cjs').compiledFromCache))";

describe('the code cache of the bundle', () => {
  it('is accepted by a plain `node` run', () => {
    expect(nodeSays([], COMPILED_FROM_CACHE)).toBe('true');
  });

  it('is refused when node was given its own interrupt budget, which the entry leaves as it is', () => {
    // Had the entry replaced the budget with its own, the flags would be the cache's again and V8 would take it.
    expect(nodeSays(['--interrupt-budget=100000'], COMPILED_FROM_CACHE)).toBe('false');
  });

  it('is not needed: the command works from source under other flags', () => {
    const result = spawnSync(process.execPath, ['--interrupt-budget=100000', BIN, '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
