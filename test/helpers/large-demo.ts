/**
 * A copy of fixtures/demo made "large" at no cost: one file replaced by a sparse file of `bytes` (NUL
 * bytes, none written). By default the requirements, so that a folder of ONE_THREAD_MIN_BYTES or more of
 * files besides the survey is read as a large one is (src/cli/heap-growth.ts); their NUL bytes are refused
 * whole at the first byte, and `--skip-invalid` reports on the rest.
 */
import { copyFileSync, mkdtempSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

export function demoWithSparseFile(bytes: number, name = 'requirements.json'): string {
  const demo = join(ROOT, 'fixtures', 'demo');
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-large-demo-'));
  for (const file of readdirSync(demo)) copyFileSync(join(demo, file), join(dir, file));
  writeFileSync(join(dir, name), '');
  truncateSync(join(dir, name), bytes);
  return dir;
}
