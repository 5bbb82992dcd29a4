import { chmodSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/load/read-rows.js';
import { collect, plain, rejection, tempDir, tempFile } from './helpers.js';

const source = (path: string, format: 'csv' | 'json' | 'ndjson') => ({ path, displayName: 'the-file', format });

describe('readRows', () => {
  it('dispatches on the format', async () => {
    const csv = await collect(readRows(source(tempFile('a.csv', 'id\n1\n'), 'csv')));
    const json = await collect(readRows(source(tempFile('a.json', '[{"id":"1"}]'), 'json')));
    const ndjson = await collect(readRows(source(tempFile('a.ndjson', '{"id":"1"}\n'), 'ndjson')));
    expect([csv, json, ndjson].map((rows) => rows.map((r) => [r.line, plain(r.fields)]))).toEqual([[[2, { id: '1' }]], [[0, { id: '1' }]], [[1, { id: '1' }]]]);
  });

  it('passes CSV options through', async () => {
    const rows = await collect(readRows(source(tempFile('a.csv', 'a|b\n1|2\n'), 'csv'), { delimiter: '|' }));
    expect(plain(rows[0]?.fields ?? {})).toEqual({ a: '1', b: '2' });
  });

  it.each(['csv', 'json', 'ndjson'] as const)('refuses an empty %s file, naming it by its display name', async (format) => {
    expect(await rejection(collect(readRows(source(tempFile('empty', ''), format))))).toMatchObject({ code: 'file_empty', file: 'the-file', message: 'file is empty' });
  });

  it.each(['csv', 'json', 'ndjson'] as const)('refuses a folder given as a %s file', async (format) => {
    const error = await rejection(collect(readRows(source(tempDir(), format))));
    expect(error).toMatchObject({ code: 'file_unreadable', file: 'the-file', message: 'cannot read the file: is a folder, not a file' });
  });

  it('refuses a missing file', async () => {
    const error = await rejection(collect(readRows(source(`${tempDir()}/missing.csv`, 'csv'))));
    expect(error).toMatchObject({ code: 'file_unreadable', message: 'cannot read the file: file not found' });
  });

  // root can read a file without permission, so the case only shows as a normal user
  it.skipIf(process.getuid?.() === 0)('refuses a file without read permission', async () => {
    const path = tempFile('locked.csv', 'id\n1\n');
    chmodSync(path, 0o000);
    const error = await rejection(collect(readRows(source(path, 'csv'))));
    expect(error).toMatchObject({ code: 'file_unreadable', message: 'cannot read the file: permission denied' });
  });
});
