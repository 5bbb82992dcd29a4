/**
 * A CSV or NDJSON file larger than its first read (1 MiB) is checked for UTF-8 to its last byte as it
 * streams: a Latin-1 byte deep in the file refuses it at its line, a character or a CRLF split between
 * two chunks is read as one. The file stream reads READ_CHUNK_BYTES (16 KiB) at a time from the end of
 * the first read, and the first read is handed on in pieces of that size too, so chunk boundaries fall at
 * its multiples; the files below place their splits at multiples of 64 KiB, which are boundaries too.
 */
import { describe, expect, it } from 'vitest';
import type { InputError } from '../../src/core/problems.js';
import { readCsv } from '../../src/load/csv-reader.js';
import { readNdjson } from '../../src/load/ndjson-reader.js';
import { READ_CHUNK_BYTES, START_BYTES } from '../../src/load/open-input.js';
import { collect, rejection, tempFile } from './helpers.js';

/** The step of the layouts below: a multiple of READ_CHUNK_BYTES, so each multiple of it is a chunk boundary. */
const CHUNK = 64 * 1024;
const NOT_UTF8 = 'the file is not UTF-8: byte 0xE9 on this line is not UTF-8 text (a Latin-1 or Windows-1252 file?); only UTF-8 is read';

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
/** `count` CSV lines of 16 bytes each, LF included: `E0000002,padxyz`. */
const csvFiller = (from: number, count: number): Buffer =>
  ascii(Array.from({ length: count }, (_, i) => `E${String(from + i).padStart(7, '0')},padxyz\n`).join(''));

/**
 * A 1.2 MiB CSV file, with `é` at the end of line 73,728 as `tail` gives it (0xE9 in Latin-1, C3 A9 in
 * UTF-8) falling on the first byte of a chunk:
 *   line 1 `id,display_name`, lines 2..65,535 filler: bytes 0 .. 1,048,559 (65,535 lines × 16)
 *   line 65,536 `E0065535,Joseph` + é (C3 A9) + LF: 1,048,560 .. 1,048,577; the é is split between the
 *     first read and the stream (C3 at 1,048,575, the first read's last byte)
 *   lines 65,537..69,631 filler: 1,048,578 .. 1,114,097 (4,095 × 16)
 *   line 69,632 `E0069631,abcd` + CRLF: 1,114,098 .. 1,114,112; its CR is the last byte of a streamed
 *     chunk (1,048,576 + 65,536 − 1 = 1,114,111), its LF the first of the next
 *   lines 69,633..73,727 filler: 1,114,113 .. 1,179,632 (4,095 × 16)
 *   line 73,728 `E0073727,Joseph` (15 bytes) + `tail`: the tail at 1,179,648 = 1 MiB + 2 × 64 KiB, the
 *     first byte of a chunk
 */
function largeCsv(tail: Buffer): Buffer {
  const file = Buffer.concat([
    ascii('id,display_name\n'), csvFiller(1, 65_534),
    ascii('E0065535,Joseph'), Buffer.from('é\n', 'utf8'),
    csvFiller(65_536, 4_095),
    ascii('E0069631,abcd\r\n'),
    csvFiller(69_632, 4_095),
    ascii('E0073727,Joseph'), tail, ascii('\n'),
  ]);
  // The layout above, byte by byte where it matters.
  expect(CHUNK % READ_CHUNK_BYTES).toBe(0);
  expect([file[START_BYTES - 1], file[START_BYTES]]).toEqual([0xc3, 0xa9]);
  expect([file[START_BYTES + CHUNK - 1], file[START_BYTES + CHUNK]]).toEqual([0x0d, 0x0a]);
  expect(file.subarray(START_BYTES + 2 * CHUNK - 15, START_BYTES + 2 * CHUNK).toString()).toBe('E0073727,Joseph');
  return file;
}

const LATIN1_E = ascii('\xe9');

describe('a CSV file with a Latin-1 byte past its first read', () => {
  it('reads the same file in UTF-8 to its end: the split é and the split CRLF are whole', async () => {
    const rows = await collect(readCsv(tempFile('people.csv', largeCsv(Buffer.from('é', 'utf8')))));
    // 73,727 records after the header; the last starts on line 73,728.
    expect(rows).toHaveLength(73_727);
    expect(rows.at(-1)).toMatchObject({ line: 73_728, fields: { id: 'E0073727', display_name: 'Josephé' } });
    expect(rows[65_534]?.fields).toMatchObject({ display_name: 'Josephé' });
  });

  it('refuses it at the line of the byte (plain CSV, read piece by piece)', async () => {
    const path = tempFile('people.csv', largeCsv(LATIN1_E));
    const rows: number[] = [];
    const error = await rejection((async () => {
      for await (const row of readCsv(path, { displayName: 'people.csv' })) rows.push(row.line);
    })());
    expect(error).toMatchObject({ code: 'file_encoding', file: 'people.csv', line: 73_728, message: NOT_UTF8 });
    expect((error as InputError).hint).toBe('Export or save the file as UTF-8 (with or without a byte-order mark).');
    // The rows before the byte's chunk were given before the error: the caller refuses the file whole.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)).toBeLessThan(73_728);
  });

  it('refuses it at the same line when csv-parse reads the file (a delimiter of two characters)', async () => {
    const error = await rejection(collect(readCsv(tempFile('people.csv', largeCsv(LATIN1_E)), { displayName: 'people.csv', delimiter: '::' })));
    expect(error).toMatchObject({ code: 'file_encoding', line: 73_728, message: NOT_UTF8 });
  });

  it('reports a CSV error before the byte, and the byte before a CSV error, whichever comes first', async () => {
    // A stray quote on line 3 (in the first read): csv-parse reports it, and reads no further.
    const early = largeCsv(LATIN1_E);
    early.write('"', 16 + 16 + 3, 'latin1'); // line 3 is `E0000002,padxyz`: `E00"...`
    expect(await rejection(collect(readCsv(tempFile('people.csv', early))))).toMatchObject({ code: 'csv_bad_quote', line: 3 });
    // A stray quote after the byte: the byte is met first.
    const late = Buffer.concat([largeCsv(LATIN1_E), ascii('E9,x"y\n')]);
    expect(await rejection(collect(readCsv(tempFile('people.csv', late))))).toMatchObject({ code: 'file_encoding', line: 73_728 });
  });

  it('refuses a byte on the first byte after the first read', async () => {
    // Lines 1..65,536 fill the first read exactly (1 + 65,535 lines of 16 bytes): the é opens line 65,537.
    const file = Buffer.concat([ascii('id,display_name\n'), csvFiller(1, 65_535), LATIN1_E, ascii('ric,x\n')]);
    expect(file[START_BYTES]).toBe(0xe9);
    expect(await rejection(collect(readCsv(tempFile('people.csv', file))))).toMatchObject({ code: 'file_encoding', line: 65_537 });
  });

  it('refuses a character cut at the very end of a large file, as in a small one', async () => {
    // 65,536 lines of 16 bytes fill the first read; the file ends after `x` and C3, the first byte of é, on line 65,537.
    const file = Buffer.concat([ascii('id,display_name\n'), csvFiller(1, 65_535), ascii('E9,x'), Buffer.from([0xc3])]);
    const error = await rejection(collect(readCsv(tempFile('people.csv', file))));
    expect(error).toMatchObject({ code: 'file_encoding', line: 65_537 });
    expect((error as InputError).message).toContain('byte 0xC3');
  });
});

/** `count` NDJSON lines of 16 bytes each, CRLF included: `{"id":"E0001"}` (four digits: the line number modulo 10,000). */
const ndjsonFiller = (from: number, count: number): Buffer =>
  ascii(Array.from({ length: count }, (_, i) => `{"id":"E${String((from + i) % 10_000).padStart(4, '0')}"}\r\n`).join(''));

describe('an NDJSON file with a Latin-1 byte past its first read', () => {
  /**
   * Line 1 is 17 bytes (`{"id":"E00001"}` CRLF), every other line 16, so line n (n ≥ 2) spans bytes
   * 16n − 15 .. 16n: its CR at 16n − 1 and its LF at 16n. Each chunk boundary (a multiple of 16 KiB) thus
   * splits a CRLF, the end of the first read (16 × 65,536) too. Lines 2..73,727 are filler; line
   * 73,728 starts at 1,179,633 with the 15 bytes `{"name":"Joseph`, so its é is at 1,179,648, the first byte
   * of a streamed chunk (1 MiB + 2 × 64 KiB).
   */
  const largeNdjson = (tail: Buffer): Buffer => {
    const file = Buffer.concat([ascii('{"id":"E00001"}\r\n'), ndjsonFiller(2, 73_726), ascii('{"name":"Joseph'), tail, ascii('"}\r\n')]);
    expect([file[START_BYTES - 1], file[START_BYTES], file[START_BYTES + CHUNK - 1], file[START_BYTES + CHUNK]]).toEqual([0x0d, 0x0a, 0x0d, 0x0a]);
    expect(file.subarray(START_BYTES + 2 * CHUNK - 15, START_BYTES + 2 * CHUNK).toString()).toBe('{"name":"Joseph');
    return file;
  };

  it('reads the same file in UTF-8 to its end, each split CRLF one line end', async () => {
    const rows = await collect(readNdjson(tempFile('people.ndjson', largeNdjson(Buffer.from('é', 'utf8')))));
    expect(rows).toHaveLength(73_728);
    expect(rows.at(-1)).toMatchObject({ line: 73_728, fields: { name: 'Josephé' } });
  });

  it('refuses it at the line of the byte', async () => {
    const error = await rejection(collect(readNdjson(tempFile('people.ndjson', largeNdjson(LATIN1_E)), { displayName: 'people.ndjson' })));
    expect(error).toMatchObject({ code: 'file_encoding', file: 'people.ndjson', line: 73_728, message: NOT_UTF8 });
  });
});
