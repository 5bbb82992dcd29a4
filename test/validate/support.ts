/** Shared test fixtures: configs and in-memory row sources. */
import { resolveConfig } from '../../src/config/resolve-config.js';
import type { Config } from '../../src/core/config.js';
import type { RawRow } from '../../src/core/raw-row.js';

export const configOf = (file: unknown = {}): Config => {
  const resolved = resolveConfig(file);
  if (!('config' in resolved)) throw new Error(JSON.stringify(resolved.problems));
  return resolved.config;
};

/** CSV-like rows: the header is line 1, so the n-th record starts on line n + 1. */
export async function* csvRows(header: readonly string[], ...records: ReadonlyArray<readonly unknown[]>): AsyncIterable<RawRow> {
  for (const [index, values] of records.entries()) {
    yield { line: index + 2, fields: Object.fromEntries(header.map((name, i) => [name, values[i] ?? ''])) };
  }
}

/** JSON-like rows: the line is the array index. */
export async function* jsonRows(...objects: ReadonlyArray<Record<string, unknown>>): AsyncIterable<RawRow> {
  for (const [index, fields] of objects.entries()) yield { line: index, fields };
}

/** The validate option of a CSV: one header, on line 1, for every record. */
export const csvHeader = (keys: readonly string[]) => ({ header: { line: 1, keys: () => keys } });
