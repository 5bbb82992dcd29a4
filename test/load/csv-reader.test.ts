import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/problems.js';
import type { CsvHeader } from '../../src/load/csv-header.js';
import { readCsv } from '../../src/load/csv-reader.js';
import { collect, plain, rejection, tempFile } from './helpers.js';

const rowsOf = async (content: string | Buffer, options: Parameters<typeof readCsv>[1] = {}) =>
  collect(readCsv(tempFile('data.csv', content), options));

const summary = (rows: Awaited<ReturnType<typeof rowsOf>>) => rows.map((r) => ({ line: r.line, ...plain(r.fields) }));

describe('readCsv: encodings and line endings', () => {
  it('strips a UTF-8 byte-order mark from the first header name', async () => {
    const rows = await rowsOf('\uFEFFid,name\n1,Ann\n');
    expect(rows.map((r) => plain(r.fields))).toEqual([{ id: '1', name: 'Ann' }]);
  });

  it('reads CRLF files with the same lines as LF', async () => {
    const rows = await rowsOf('id,name\r\n1,Ann\r\n2,Bob\r\n');
    expect(summary(rows)).toEqual([{ line: 2, id: '1', name: 'Ann' }, { line: 3, id: '2', name: 'Bob' }]);
  });

  it('ends records at LF, CRLF and CR mixed in one file', async () => {
    // line 1 header (CRLF), line 2 (LF), line 3 (CR), line 4 (no line end)
    const rows = await rowsOf('id\r\n1\n2\r3');
    expect(summary(rows)).toEqual([{ line: 2, id: '1' }, { line: 3, id: '2' }, { line: 4, id: '3' }]);
  });

  it('rejects a UTF-16 file with a clear message', async () => {
    const error = await rejection(rowsOf(Buffer.from('\uFEFFid\n1\n', 'utf16le')));
    expect(error).toMatchObject({ code: 'file_encoding', message: 'the file is UTF-16; only UTF-8 is read' });
  });

  it('rejects a Latin-1 file at the line of its first non-UTF-8 byte, before any row is read', async () => {
    const latin1 = Buffer.concat([Buffer.from('id,title\nE1,Ops\nE2,Op'), Buffer.from([0xe9]), Buffer.from('rations Manager\n')]);
    const error = await rejection(rowsOf(latin1));
    expect(error).toMatchObject({ code: 'file_encoding', line: 3 });
    expect((error as InputError).message).toMatch(/^the file is not UTF-8: byte 0xE9 on this line/);
  });
});

describe('readCsv: quoting and start lines', () => {
  it('keeps commas, doubled quotes and newlines inside quoted fields', async () => {
    const rows = await rowsOf('id,title\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n');
    expect(rows.map((r) => r.fields['title'])).toEqual(['a, b', 'say "hi"', 'two\nlines']);
  });

  it('gives the start line of a multi-line record and the right line to the record after it (LF)', async () => {
    // 1 header | 2-4 record "1" (three lines) | 5 empty | 6 record "2" | 7 record "3" spanning 7-8 | 9 record "4"
    const text = 'id,note\n1,"a\nb\nc"\n\n2,x\n3,"d\ne"\n4,y\n';
    expect((await rowsOf(text)).map((r) => [r.fields['id'], r.line])).toEqual([['1', 2], ['2', 6], ['3', 7], ['4', 9]]);
  });

  it('counts a CRLF inside a quoted field as one line (csv-parse counts it as two)', async () => {
    // same layout as the LF case above, with CRLF everywhere
    const text = 'id,note\r\n1,"a\r\nb\r\nc"\r\n\r\n2,x\r\n3,"d\r\ne"\r\n4,y\r\n';
    const rows = await rowsOf(text);
    expect(rows.map((r) => [r.fields['id'], r.line])).toEqual([['1', 2], ['2', 6], ['3', 7], ['4', 9]]);
    expect(rows[0]?.fields['note']).toBe('a\r\nb\r\nc');
  });

  it('counts leading empty lines before the header', async () => {
    // lines 1-2 empty, header on line 3, record on line 4
    expect((await rowsOf('\n\nid\n7\n')).map((r) => r.line)).toEqual([4]);
  });

  it('drops blank records (spaces only, or only empty fields) but counts their lines', async () => {
    // 1 header | 2 "   " | 3 ",," | 4 record
    const rows = await rowsOf('a,b,c\n   \n,,\n1,2,3\n');
    expect(summary(rows)).toEqual([{ line: 4, a: '1', b: '2', c: '3' }]);
  });
});

describe('readCsv: delimiter', () => {
  it('detects ";" from the header line', async () => {
    const rows = await rowsOf('id;amount\n1;"3,5"\n');
    expect(plain(rows[0]?.fields ?? {})).toEqual({ id: '1', amount: '3,5' });
  });

  it('detects tab, ignoring commas inside quoted header cells', async () => {
    // header: 2 tabs, 2 commas inside quotes (not counted)
    const rows = await rowsOf('"a,b"\t"c,d"\te\n1\t2\t3\n');
    expect(plain(rows[0]?.fields ?? {})).toEqual({ 'a,b': '1', 'c,d': '2', e: '3' });
  });

  it('uses a forced delimiter over the detected one', async () => {
    // the header has 2 commas and 1 ";" — detection would pick ","
    const rows = await rowsOf('a,x;b,y\n1,1;2,2\n', { delimiter: ';' });
    expect(plain(rows[0]?.fields ?? {})).toEqual({ 'a,x': '1,1', 'b,y': '2,2' });
  });
});

describe('readCsv: header', () => {
  it('keeps repeated header names as name_2, name_3 and names empty cells column_N', async () => {
    const rows = await rowsOf('Key, Labels ,Labels,,Labels\nK-1,a,b,c,d\n');
    expect(plain(rows[0]?.fields ?? {})).toEqual({ Key: 'K-1', Labels: 'a', Labels_2: 'b', column_4: 'c', Labels_3: 'd' });
  });

  it('reads a header-only file as zero rows and still announces the header', async () => {
    let header: CsvHeader | undefined;
    const rows = await rowsOf('id,name\r\n', { onHeader: (h) => { header = h; } });
    expect(rows).toEqual([]);
    expect(header).toEqual({ keys: ['id', 'name'], rows: [['id', 'name']], line: 1 });
  });

  it('gives the header\'s own line when blank lines come before it, where its problems are reported', async () => {
    let header: CsvHeader | undefined;
    const rows = await rowsOf('\n\r\n,,\nid,name\n1,a\n', { onHeader: (h) => { header = h; } });
    expect(header).toMatchObject({ keys: ['id', 'name'], line: 4 });
    expect(summary(rows)).toEqual([{ line: 5, id: '1', name: 'a' }]);
  });

  it('exposes extra header rows, keyed by the first, and starts data after them', async () => {
    // Qualtrics shape: ids, question texts, import ids; data on line 4
    const headers: CsvHeader[] = [];
    const text = 'Q1,Q2\nHow satisfied?,Autonomy\n"{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"\n8,6\n';
    const rows = await rowsOf(text, { headerRows: 3, onHeader: (h) => headers.push(h) });
    expect(headers).toEqual([{ keys: ['Q1', 'Q2'], rows: [['Q1', 'Q2'], ['How satisfied?', 'Autonomy'], ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}']], line: 1 }]);
    expect(summary(rows)).toEqual([{ line: 4, Q1: '8', Q2: '6' }]);
  });

  it('drops skipRowsAfterHeader rows but keeps counting their lines', async () => {
    // 1 header | 2, 3 skipped | 4 data
    const rows = await rowsOf('a\nsub\n"multi\nline"\n5\n', { skipRowsAfterHeader: 2 });
    expect(summary(rows)).toEqual([{ line: 5, a: '5' }]);
  });
});

describe('readCsv: onHeader', () => {
  it('stops the read with the error onHeader throws, unchanged', async () => {
    const missing = new InputError('missing_column', 'people.csv', 'missing required column employee_id');
    const error = await rejection(rowsOf('name\nAnn\n', { onHeader: () => { throw missing; } }));
    expect(error).toBe(missing);
  });
});

describe('readCsv: field-count mismatch', () => {
  it('yields short and long rows with a field_count defect, keeping extra fields as column_N', async () => {
    const rows = await rowsOf('a,b\n1\n2,3\n4,5,6\n');
    expect(rows.map((r) => [r.line, plain(r.fields), r.defect])).toEqual([
      [2, { a: '1' }, { kind: 'field_count', expected: 2, found: 1 }],
      [3, { a: '2', b: '3' }, undefined],
      [4, { a: '4', b: '5', column_3: '6' }, { kind: 'field_count', expected: 2, found: 3 }],
    ]);
  });
});

describe('readCsv: fatal errors', () => {
  it('reports an unterminated quote at the line where its record starts', async () => {
    // 1 header | 2 ok | 3-4 ok multi-line | 5 empty | 6 record with an unclosed quote
    const error = await rejection(rowsOf('a,b\n1,x\n2,"y\nz"\n\n3,"never closed\n4,w\n'));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'csv_unterminated_quote', line: 6, message: 'unterminated quoted field in the record starting on line 6' });
  });

  it('gives every row before the record it cannot read, then the error, in a small file and in a streamed one', async () => {
    // The rows before a misplaced quote were read: their problems come out with it, all at once. In a
    // streamed file the last chunk's rows went down with the stream's error.
    const readUntilError = async (content: string) => {
      const lines: number[] = [];
      try {
        for await (const row of readCsv(tempFile('quote.csv', content))) lines.push(row.line);
      } catch (error) {
        return { lines, error };
      }
      return { lines, error: undefined };
    };
    const small = await readUntilError('a,b\n1,x\n2,y\n3,5" monitor\n4,z\n');
    expect(small.lines).toEqual([2, 3]);
    expect(small.error).toMatchObject({ code: 'csv_bad_quote', line: 4 });
    // 3 MB: read in 64 KiB pieces, the quote in the last one, after rows 2..40003.
    const body = Array.from({ length: 40_002 }, (_, i) => `${i},${'x'.repeat(70)}`).join('\n');
    const streamed = await readUntilError(`a,b\n${body}\n7,"never closed\n8,w\n`);
    expect(streamed.lines).toHaveLength(40_002);
    expect(streamed.lines.at(-1)).toBe(40_003);
    expect(streamed.error).toMatchObject({ code: 'csv_unterminated_quote', line: 40_004 });
  });

  it('reports a stray quote inside an unquoted field', async () => {
    const error = await rejection(rowsOf('a,b\n1,5" monitor\n'));
    expect(error).toMatchObject({ code: 'csv_bad_quote', line: 2 });
  });

  it('reports text after a closing quote', async () => {
    const error = await rejection(rowsOf('a,b\n1,ok\n2,"x"y\n'));
    expect(error).toMatchObject({ code: 'csv_bad_quote', line: 3 });
  });

  it('refuses a record above the size limit, naming the line and the limit', async () => {
    const error = await rejection(rowsOf(`a,b\n1,${'x'.repeat(200)}\n`, { maxRecordBytes: 100 }));
    expect(error).toMatchObject({ code: 'record_too_large', line: 2, message: 'the record starting on line 2 is larger than 100 bytes' });
  });

  it('accepts a record just under the size limit', async () => {
    const rows = await rowsOf(`a,b\n1,${'x'.repeat(90)}\n`, { maxRecordBytes: 100 });
    expect(rows).toHaveLength(1);
  });

  it.each([['0 bytes', ''], ['only a BOM', '\uFEFF'], ['only blank lines', '\n \r\n\t\n']])('rejects an empty file (%s)', async (_, content) => {
    expect(await rejection(rowsOf(content))).toMatchObject({ code: 'file_empty', message: 'file is empty' });
  });
});
