import { describe, expect, it } from 'vitest';
import { readNdjson } from '../../src/load/ndjson-reader.js';
import { collect, plain, rejection, tempFile } from './helpers.js';

const rowsOf = async (content: string, options: Parameters<typeof readNdjson>[1] = {}) =>
  collect(readNdjson(tempFile('data.ndjson', content), options));

describe('readNdjson', () => {
  it('reads one object a line, skips blank lines, and gives physical lines (CRLF too)', async () => {
    // 1 object | 2 blank | 3 spaces | 4 object
    const rows = await rowsOf('\uFEFF{"id":"a"}\r\n\r\n   \r\n{"id":"b","n":2}');
    expect(rows.map((r) => [r.line, plain(r.fields)])).toEqual([[1, { id: 'a' }], [4, { id: 'b', n: 2 }]]);
  });

  it('reports a bad line in the middle and still reads the others', async () => {
    // line 2: `{"id": "b",}` — the `}` is at column 12; line 3 is valid JSON but an array
    const rows = await rowsOf('{"id":"a"}\n{"id": "b",}\n[1,2]\n{"id":"d"}\n');
    expect(rows.map((r) => [r.line, plain(r.fields), r.defect])).toEqual([
      [1, { id: 'a' }, undefined],
      [2, {}, { kind: 'invalid_json', column: 12 }],
      [3, {}, { kind: 'not_an_object', found: 'an array' }],
      [4, { id: 'd' }, undefined],
    ]);
  });

  it('refuses a line above the size limit, naming its line', async () => {
    const error = await rejection(rowsOf(`{"id":"a"}\n{"id":"${'x'.repeat(100)}"}\n`, { maxRecordBytes: 50 }));
    expect(error).toMatchObject({ code: 'record_too_large', line: 2 });
  });

  it('keeps multi-byte characters intact across read chunks', async () => {
    // 70 000 × "é" (2 bytes each) spans several 64 KiB chunks
    const name = 'é'.repeat(70_000);
    const rows = await rowsOf(`{"name":"${name}"}\n`);
    expect(rows[0]?.fields['name']).toBe(name);
  });

  it.each([['0 bytes', ''], ['blank lines', '\n  \n\r\n']])('refuses an empty file (%s)', async (_, content) => {
    expect(await rejection(rowsOf(content))).toMatchObject({ code: 'file_empty' });
  });
});
