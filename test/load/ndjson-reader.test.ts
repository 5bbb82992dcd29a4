import { describe, expect, it } from 'vitest';
import { readNdjson } from '../../src/load/ndjson-reader.js';
import { rowDefectProblems } from '../../src/load/loaded-row.js';
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

  it('says of a line that starts with a byte-order mark (files joined with cat) that it does, not where the syntax fails', async () => {
    // The file's own mark, on line 1, is read as ever; the second file's, on line 2, is a line's first character.
    const rows = await rowsOf('\uFEFF{"id":"a"}\n\uFEFF{"id":"b"}\n');
    expect(rows.map((r) => [r.line, plain(r.fields), r.defect])).toEqual([
      [1, { id: 'a' }, undefined],
      [2, {}, { kind: 'invalid_json', column: 1, byteOrderMark: true }],
    ]);
    // A mark on a line that is not JSON without it either: the syntax error is said, as on any line.
    const both = await rowsOf('{"id":"a"}\n\uFEFF{"id":"b"\n');
    // The mark is column 1, `{"id":"b"` columns 2-10: the line ends where a `}` should be, column 11.
    expect(both[1]!.defect).toEqual({ kind: 'invalid_json', column: 11 });
    expect(rowDefectProblems('data.ndjson', 2, rows[1]!.defect!).map((p) => p.message)).toEqual([
      'not valid JSON: the line starts with a byte-order mark (U+FEFF), as when files are joined; remove it',
    ]);
  });

  it('refuses a line above the size limit, naming its line', async () => {
    const error = await rejection(rowsOf(`{"id":"a"}\n{"id":"${'x'.repeat(100)}"}\n`, { maxRecordBytes: 50 }));
    expect(error).toMatchObject({ code: 'record_too_large', line: 2 });
    expect((error as Error).message).toMatch(/^line 2 is larger than 50\b/);
    // An NDJSON line has no quotes to close: the advice is NDJSON's own.
    expect((error as { hint: string }).hint).toMatch(/^NDJSON holds one record a line/);
  });

  it('keeps multi-byte characters intact across read chunks', async () => {
    // 70 000 × "é" (2 bytes each) spans several 64 KiB chunks
    const name = 'é'.repeat(70_000);
    const rows = await rowsOf(`{"name":"${name}"}\n`);
    expect(rows[0]?.fields['name']).toBe(name);
  });

  it('yields a record that gives a key twice with its fields and a repeated_keys defect, in the first line or a later one', async () => {
    // line 1: `{"incident_id":"INC-1",` is 23 characters, so the first "priority" is at column 24;
    // line 3 writes its second "priority" with a unicode escape; line 2 has none and comes as it is.
    const rows = await rowsOf([
      '\uFEFF{"incident_id":"INC-1","priority":"P1","priority":"P3"}',
      '{"incident_id":"INC-2","priority":"P2","Priority":"P4"}',
      String.raw`{"priority":"P1","pri\u006frity":"P3","incident_id":"INC-3"}`,
    ].join('\n'));
    expect(rows.map((r) => [r.line, plain(r.fields), r.defect])).toEqual([
      [1, { incident_id: 'INC-1', priority: 'P3' }, { kind: 'repeated_keys', keys: [{ field: 'priority', path: 'priority', times: 2, first: { column: 24 }, last: { column: 40 } }] }],
      [2, { incident_id: 'INC-2', priority: 'P2', Priority: 'P4' }, undefined],
      [3, { priority: 'P3', incident_id: 'INC-3' }, { kind: 'repeated_keys', keys: [{ field: 'priority', path: 'priority', times: 2, first: { column: 2 }, last: { column: 18 } }] }],
    ]);
  });

  it('looks for repeated keys in nested objects too, and not in a line that is no record', async () => {
    const rows = await rowsOf('{"id":"a","priority":{"summary":"P1","summary":"P2"}}\n[{"a":1,"a":2}]\n{"id":"b","priority":{"summary":"P1"}}\n');
    expect(rows.map((r) => [r.line, r.defect])).toEqual([
      [1, { kind: 'repeated_keys', keys: [{ field: 'priority', path: 'priority.summary', times: 2, first: { column: 23 }, last: { column: 38 } }] }],
      [2, { kind: 'not_an_object', found: 'an array' }],
      [3, undefined],
    ]);
  });

  it.each([['0 bytes', ''], ['blank lines', '\n  \n\r\n']])('refuses an empty file (%s)', async (_, content) => {
    expect(await rejection(rowsOf(content))).toMatchObject({ code: 'file_empty' });
  });
});
