/** The readers' batch path: batches that flatten to the rows, and errors after the batches before them. */
import { describe, expect, it } from 'vitest';
import { READ_CHUNK_BYTES, START_BYTES } from '../../src/load/open-input.js';
import { readRowBatches, readRows } from '../../src/load/read-rows.js';
import { flatten } from '../../src/load/row-batches.js';
import { collect, tempFile } from './helpers.js';

const source = (path: string, format: 'csv' | 'json' | 'ndjson') => ({ path, displayName: 'the-file', format });

/** The lines of each batch read before the batches end or fail, and the failure. */
async function linesUntilFailure(batches: AsyncIterable<ReadonlyArray<{ readonly line: number }>>) {
  const read: number[][] = [];
  try {
    for await (const batch of batches) read.push(batch.map((row) => row.line));
  } catch (error) {
    return { read, error };
  }
  return { read, error: undefined };
}

describe('flatten', () => {
  it('gives the rows of every batch in order, then the error that ended them', async () => {
    const failure = new Error('stop');
    async function* batches(): AsyncGenerator<readonly string[]> {
      yield ['a', 'b'];
      yield ['c'];
      throw failure;
    }
    const seen: string[] = [];
    await expect((async () => {
      for await (const row of flatten(batches())) seen.push(row);
    })()).rejects.toBe(failure);
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});

describe('readRowBatches', () => {
  it('slices JSON records into batches of 4096, lines running on across them', async () => {
    const records = Array.from({ length: 4097 }, (_, i) => ({ id: String(i) }));
    const { read, error } = await linesUntilFailure(readRowBatches(source(tempFile('a.json', JSON.stringify(records)), 'json')));
    expect(error).toBeUndefined();
    // 4097 records: indexes 0..4095 in the first batch, index 4096 alone in the second.
    expect(read.map((lines) => lines.length)).toEqual([4096, 1]);
    expect(read[0]?.[0]).toBe(0);
    expect(read[1]).toEqual([4096]);
  });

  it('hands over the NDJSON records before a line above the limit, then refuses that line', async () => {
    // line 1 a | 2 blank | 3 b | 4 a 111-byte record (limit 50) | 5 c, never read
    const text = `{"id":"a"}\n\n{"id":"b"}\n{"id":"${'x'.repeat(100)}"}\n{"id":"c"}\n`;
    const { read, error } = await linesUntilFailure(readRowBatches(source(tempFile('a.ndjson', text), 'ndjson'), { maxRecordBytes: 50 }));
    expect(read).toEqual([[1, 3]]);
    expect(error).toMatchObject({ code: 'record_too_large', line: 4 });
  });

  it('hands over the CSV rows before an unterminated quote, then refuses the file', async () => {
    // 1 header | 2 ok | 3 ok | 4 a record whose quote never closes
    const { read, error } = await linesUntilFailure(readRowBatches(source(tempFile('a.csv', 'a,b\n1,x\n2,y\n3,"never closed\n'), 'csv')));
    expect(read).toEqual([[2, 3]]);
    expect(error).toMatchObject({ code: 'csv_unterminated_quote', line: 4 });
  });

  it('streams a CSV larger than the first read in several non-empty batches holding every row once', async () => {
    // Header `id,pad` then rows `<n>,<50 x>`: each row is at least 53 bytes, so START_BYTES / 53 rows
    // plus 1000 more fill more than the first read, and the rest comes in later chunks.
    const count = Math.ceil(START_BYTES / 53) + 1000;
    const text = `id,pad\n${Array.from({ length: count }, (_, i) => `${i},${'x'.repeat(50)}\n`).join('')}`;
    const path = tempFile('big.csv', text);
    const { read, error } = await linesUntilFailure(readRowBatches(source(path, 'csv')));
    expect(error).toBeUndefined();
    expect(read.length).toBeGreaterThan(1);
    expect(read.every((lines) => lines.length > 0)).toBe(true);
    // Row n is on line n + 2 (the header is line 1).
    expect(read.flat()).toEqual(Array.from({ length: count }, (_, i) => i + 2));
    expect((await collect(readRows(source(path, 'csv')))).map((row) => row.line)).toEqual(read.flat());
  });

  it('hands over the first read in batches of a 16 KiB chunk each, not one batch of a MiB', async () => {
    // Rows of exactly 64 bytes (`<7-digit n>,<55 x>\n`): any 16 KiB of the file holds 256 line ends, so
    // no chunk completes more than 256 rows. Parsed whole, the first MiB would be one batch of ~16,383.
    const count = 2 * Math.ceil(START_BYTES / 64);
    const text = `id,pad\n${Array.from({ length: count }, (_, i) => `${String(i).padStart(7, '0')},${'x'.repeat(55)}\n`).join('')}`;
    const { read, error } = await linesUntilFailure(readRowBatches(source(tempFile('even.csv', text), 'csv')));
    expect(error).toBeUndefined();
    expect(READ_CHUNK_BYTES).toBe(16 * 1024);
    expect(Math.max(...read.map((lines) => lines.length))).toBe(256);
    expect(read.flat()).toEqual(Array.from({ length: count }, (_, i) => i + 2));
  });

  it('hands over an NDJSON file\'s first read in batches of a 16 KiB chunk each too', async () => {
    // Lines of exactly 64 bytes (`{"id":"` 7, the 7-digit n, `","pad":"` 9, 38 x, `"}` 2 and the LF): a
    // 16 KiB chunk ends 256 of them, so no batch holds more than 256 lines. The first MiB handed on whole,
    // as before, was one batch of 16,384.
    const count = 2 * Math.ceil(START_BYTES / 64);
    const line = (i: number): string => `{"id":"${String(i).padStart(7, '0')}","pad":"${'x'.repeat(38)}"}\n`;
    expect(line(0)).toHaveLength(64);
    const text = Array.from({ length: count }, (_, i) => line(i)).join('');
    const { read, error } = await linesUntilFailure(readRowBatches(source(tempFile('even.ndjson', text), 'ndjson')));
    expect(error).toBeUndefined();
    expect(READ_CHUNK_BYTES).toBe(16 * 1024);
    expect(Math.max(...read.map((lines) => lines.length))).toBe(256);
    expect(read.flat()).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });
});
