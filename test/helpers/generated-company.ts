/**
 * The benchmark's generated company (bench/generate.mjs) at the small scale, in a folder of its own for a
 * describe block: six years of incidents, quarterly survey waves, careers with promotions. Tests that
 * compare two ways of making a report run on it beside the demo, whose data is far smaller.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Generates the company before the block's tests and removes it after; the folder is `dir()`. */
export function useGeneratedCompany(prefix: string): { readonly dir: () => string } {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    const { generate } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as {
      generate: (scale: string, options: { out: string }) => unknown;
    };
    generate('small', { out: dir });
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => {
      if (dir === undefined) throw new Error('the generated company is made before the tests run');
      return dir;
    },
  };
}
