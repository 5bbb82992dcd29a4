/**
 * Every reader and the validation behind it, fuzzed in-process on generated and mutated files: CSV,
 * JSON and NDJSON of every dataset. See check-file.ts for the properties; this file adds the ones that
 * need to know how the file was made (no row lost from an undamaged file).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import type { Config } from '../../src/core/config.js';
import {
  csvStyle, datasetTable, deeplyNested, FILE_ARBITRARIES, jsonStyle, writeCsv, writeJson, writeNdjson, type Table,
} from './arbitraries.js';
import { checkFile, scratchFolder } from './check-file.js';
import { countCase, flushCounts, FUZZ_RUNS, runs } from './fuzz-runs.js';

const scratch = scratchFolder();
afterAll(() => {
  scratch.remove();
  flushCounts();
});

const resolved = resolveConfig({});
if (!('config' in resolved)) throw new Error('the default config does not resolve');
const config: Config = resolved.config;

// A property's cases run one after another; checkFile removes each file when it is done.
let caseNumber = 0;
const nextPath = (): string => scratch.path(`case-${++caseNumber}`);

describe.each(['csv', 'json', 'ndjson'] as const)('%s reader', (format) => {
  test('any file: a result whose counts reconcile, or one InputError; Object.prototype untouched', async () => {
    await fc.assert(
      fc.asyncProperty(FILE_ARBITRARIES[format], async (file) => {
        countCase(`${format} reader`);
        await checkFile(file, nextPath(), config);
      }),
      runs(FUZZ_RUNS),
    );
  });
});

/** Rows that are not blank: the CSV reader skips blank records by design (inputs.md). */
const nonBlankRows = (table: Table): number => table.rows.filter((row) => row.some((cell) => cell.trim() !== '')).length;

describe('no row is lost from an undamaged file', () => {
  test('CSV written by the rules: one row read per non-blank record', async () => {
    const style = csvStyle.filter((s) => s.quoting !== 'raw');
    // A header with no name at all is no header (the next record would be taken for it), and one that
    // holds another candidate delimiter makes detection a guess: a real export's header names hold neither.
    // A one-column header holds no delimiter at all, so it is detected as `,` whatever the file uses (every
    // dataset has at least two required columns).
    const table = datasetTable().filter((t) =>
      t.header.length >= 2 && t.header.some((h) => h.trim() !== '') && t.header.every((h) => !/[,;\t]/.test(h)));
    await fc.assert(
      fc.asyncProperty(table, style, async (t, s) => {
        countCase('csv reader');
        const outcome = await checkFile({ dataset: t.dataset, format: 'csv', bytes: Buffer.from(writeCsv(t, s)) }, nextPath(), config);
        expect(outcome.kind === 'validated' ? outcome.result.rows : outcome.error.code).toBe(nonBlankRows(t));
      }),
      runs(FUZZ_RUNS),
    );
  });

  test('JSON array and NDJSON: one row per object', async () => {
    const style = jsonStyle.filter((s) => s.wrap === 'array' || s.wrap === 'object');
    await fc.assert(
      fc.asyncProperty(datasetTable().filter((t) => t.rows.length > 0), style, fc.boolean(), async (t, s, lines) => {
        countCase(lines ? 'ndjson reader' : 'json reader');
        const bytes = Buffer.from(lines ? writeNdjson(t, s) : writeJson(t, s));
        const outcome = await checkFile({ dataset: t.dataset, format: lines ? 'ndjson' : 'json', bytes }, nextPath(), config);
        expect(outcome.kind === 'validated' ? outcome.result.rows : outcome.error.code).toBe(t.rows.length);
      }),
      runs(FUZZ_RUNS),
    );
  });
});

describe('pathological documents', () => {
  // 100,000 levels: far beyond any export; JSON.parse must not take the process down with it.
  test.each([
    ['json', 'array'], ['json', 'object'], ['ndjson', 'array'], ['ndjson', 'object'],
  ] as const)('%s nested 100,000 deep (%s): refused or rejected cleanly', async (format, kind) => {
    const outcome = await checkFile({ dataset: 'people', format, bytes: Buffer.from(deeplyNested(100_000, kind)) }, nextPath(), config);
    // 1 record (the outer value), not an object of people: rejected, never accepted.
    if (outcome.kind === 'validated') expect([outcome.result.rows, outcome.result.accepted]).toEqual([1, 0]);
  });
});
