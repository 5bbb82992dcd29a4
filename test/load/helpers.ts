/** Small files in a fresh temp folder, and draining a reader into an array. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];
// Registered in every test file that imports this module: its temp folders go when the file is done.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-load-'));
  created.push(dir);
  return dir;
};

/** Writes `content` to `name` in a fresh temp folder and returns its path. */
export const tempFile = (name: string, content: string | Buffer): string => {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
};

export const collect = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
};

/** `fields` as a plain object, for `toEqual` (the readers' fields have no prototype). */
export const plain = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> => ({ ...fields });

/** Awaits `promise` and returns what it rejected with (fails when it resolves). */
export const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};
