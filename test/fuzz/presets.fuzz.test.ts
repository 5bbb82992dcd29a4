/**
 * Every vendor preset, fuzzed through the whole load stage (config, discovery, reader, preset, validator)
 * in-process: each vendor's sample export (fixtures/vendors/<preset>/, and another export of it in a folder
 * of its own inside, such as bamboohr/api-report) with its files mutated byte by byte and hostile values
 * spliced in. Whatever the damage, loading ends with located problems and rows
 * that reconcile, or one InputError; it never throws anything else and never touches Object.prototype.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { loadInputs } from '../../src/cli/load-inputs.js';
import { formatProblem, InputError } from '../../src/core/problems.js';
import { ROOT } from '../helpers/run-cli.js';
import { mutatedBytes } from './arbitraries.js';
import { prototypeState } from './check-file.js';
import { countCase, flushCounts, FUZZ_PRESET_RUNS, runs } from './fuzz-runs.js';

const VENDORS = join(ROOT, 'fixtures', 'vendors');
const CONFIG = 'ops-metrics.config.json';
const foldersIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const vendors = foldersIn(VENDORS).flatMap((vendor) => [vendor, ...foldersIn(join(VENDORS, vendor)).map((inner) => `${vendor}/${inner}`)]);

const root = mkdtempSync(join(tmpdir(), 'ops-metrics-preset-fuzz-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  flushCounts();
});

describe.each(vendors)('preset %s', (vendor) => {
  // A folder of its own for each export, the inner ones too: each test mutates only its own files.
  const dir = join(root, vendor.replaceAll('/', '--'));
  cpSync(join(VENDORS, vendor), dir, { recursive: true });
  const files = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== CONFIG).map((entry) => entry.name).sort();
  const originals = new Map(files.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

  test('mutated exports: located problems, rows reconcile, or one InputError', async () => {
    const damage = fc.tuple(...files.map((name) => mutatedBytes(originals.get(name) ?? '')));
    await fc.assert(
      fc.asyncProperty(damage, async (contents) => {
        countCase(`preset ${vendor}`);
        files.forEach((name, i) => writeFileSync(join(dir, name), contents[i]!));
        const before = prototypeState();
        let loaded;
        try {
          loaded = await loadInputs({ dataDir: dir, configFlag: undefined, cwd: dir });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          return;
        } finally {
          expect(prototypeState()).toBe(before);
        }
        if (loaded.kind !== 'loaded') return;
        for (const file of loaded.files) {
          expect(file.rows).toBe(file.accepted + file.rejected);
          for (const p of file.problems) expect(formatProblem(p)).toMatch(/^[^:]+:\d+: /);
        }
      }),
      runs(FUZZ_PRESET_RUNS),
    );
  });
});
