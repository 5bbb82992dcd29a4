/**
 * Every dataset's schema and cross-row checks, fuzzed with generated rows of any JavaScript values (what
 * a JSON reader can hand over, and more): strings, -0, NaN, ±Infinity, huge and tiny numbers, booleans,
 * null, nested objects and arrays, and keys such as `__proto__` and `constructor`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { DATASET_NAMES, DATASETS } from '../../src/core/datasets.js';
import type { RawRow } from '../../src/core/raw-row.js';
import { validateDataset } from '../../src/validate/index.js';
import { hostileString } from './arbitraries.js';
import { prototypeState } from './check-file.js';
import { countCase, flushCounts, FUZZ_RUNS, runs } from './fuzz-runs.js';

afterAll(flushCounts);

const resolved = resolveConfig({ timezone: 'America/St_Johns', survey: { scale: { min: 1, max: 5 } } });
if (!('config' in resolved)) throw new Error('the test config does not resolve');
const config = resolved.config;

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString() },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1e-7, 2 ** 53 + 1) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }) },
);

const rowOf = (dataset: (typeof DATASET_NAMES)[number]): fc.Arbitrary<Record<string, unknown>> => {
  const keys = [...Object.keys(DATASETS[dataset].columns), '__proto__', 'constructor', 'toString', 'Hire Date', 'EMPLOYEE-ID'];
  return fc.array(fc.tuple(fc.constantFrom(...keys), anyValue), { maxLength: 14 }).map((entries) => {
    // As the readers build them: no prototype, so `__proto__` is a plain key.
    const fields: Record<string, unknown> = Object.create(null);
    for (const [key, value] of entries) fields[key] = value;
    return fields;
  });
};

async function* rawRows(rows: readonly Record<string, unknown>[]): AsyncIterable<RawRow> {
  for (const [index, fields] of rows.entries()) yield { line: index, fields };
}

describe('validateDataset on generated rows', () => {
  test('never throws; every row is accepted or rejected; every problem has a line', async () => {
    const input = fc.constantFrom(...DATASET_NAMES).chain((dataset) => fc.tuple(fc.constant(dataset), fc.array(rowOf(dataset), { maxLength: 12 })));
    await fc.assert(
      fc.asyncProperty(input, async ([dataset, rows]) => {
        countCase('schemas (generated rows)');
        const before = prototypeState();
        const result = await validateDataset(dataset, `${dataset}.json`, rawRows(rows), config);
        expect(result.rows).toBe(rows.length);
        expect(result.accepted + result.rejected).toBe(rows.length);
        for (const p of result.problems) expect(Number.isInteger(p.line) && p.line >= 0 && p.line < Math.max(rows.length, 1)).toBe(true);
        // Accepted numbers are finite and never -0: the JSON report must not depend on how a zero was written.
        for (const record of Array.isArray(result.records) ? result.records : []) {
          for (const value of Object.values(record as object)) {
            if (typeof value === 'number') expect(Number.isFinite(value) && !Object.is(value, -0)).toBe(true);
          }
        }
        expect(prototypeState()).toBe(before);
      }),
      runs(FUZZ_RUNS),
    );
  });
});
