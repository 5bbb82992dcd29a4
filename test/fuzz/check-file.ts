/**
 * The properties every reader and schema must keep on any file, checked in-process: the file is read
 * and validated as the CLI does it, and the outcome is either a result whose counts reconcile and whose
 * problems all say `file:line`, or one InputError about that file. Anything else (a TypeError, a
 * RangeError, a hang the test timeout catches) is a bug.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Config } from '../../src/core/config.js';
import { formatProblem, InputError } from '../../src/core/problems.js';
import { readRows } from '../../src/load/read-rows.js';
import { validateDataset, type DatasetValidation } from '../../src/validate/index.js';
import type { DatasetName } from '../../src/core/datasets.js';
import type { FuzzFile } from './arbitraries.js';

const EXTENSION = { csv: 'csv', json: 'json', ndjson: 'ndjson' } as const;

/** A scratch folder for one test file; `remove()` in afterAll. */
export function scratchFolder(): { readonly path: (name: string) => string; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-fuzz-'));
  return { path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Object.prototype's own keys, and a probe for the keys an attacker would set through `__proto__`. */
export const prototypeState = (): string => {
  const probe: Record<string, unknown> = {};
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), probe.polluted, probe.x, Object.prototype.toString.name]);
};

export type FileOutcome =
  | { readonly kind: 'validated'; readonly result: DatasetValidation<DatasetName> }
  | { readonly kind: 'refused'; readonly error: InputError };

/** Reads and validates `file` written at `path`, and asserts the properties that hold for any outcome. */
export async function checkFile(file: FuzzFile, path: string, config: Config): Promise<FileOutcome> {
  const name = `${file.dataset}.${EXTENSION[file.format]}`;
  writeFileSync(path, file.bytes);
  const before = prototypeState();
  let outcome: FileOutcome;
  try {
    const result = await validateDataset(file.dataset, name, readRows({ path, displayName: name, format: file.format }), config);
    outcome = { kind: 'validated', result };
  } catch (error) {
    // The only acceptable failure: one clear problem about this file, at a real line.
    if (!(error instanceof InputError)) throw error;
    expect(error.file).toBe(name);
    expect(Number.isInteger(error.line) && error.line >= 0).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
    outcome = { kind: 'refused', error };
  }
  expect(prototypeState()).toBe(before);
  if (outcome.kind === 'validated') {
    const { result } = outcome;
    // Every row read is accepted or rejected: nothing is dropped silently.
    expect(result.rows).toBe(result.accepted + result.rejected);
    // Survey answers are folded into tallies; every other dataset keeps one record per accepted row.
    if (Array.isArray(result.records)) expect(result.accepted).toBe(result.records.length);
    if (result.rejected > 0) expect(result.errors).toBeGreaterThan(0);
    expect(result.errors + result.warnings).toBe(result.problems.length + result.omittedProblems);
    for (const problem of result.problems) {
      expect(Number.isInteger(problem.line) && problem.line >= 0).toBe(true);
      expect(formatProblem(problem).startsWith(`${name}:${problem.line}: `)).toBe(true);
    }
  }
  rmSync(path, { force: true });
  return outcome;
}
