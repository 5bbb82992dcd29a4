/** The stream parser's pacing: how much of a file it parses before its rows are asked for. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCsvRowBuilder } from '../../src/load/csv-row-builder.js';
import { CsvRowParser, csvParseOptions } from '../../src/load/csv-row-parser.js';
import { DEFAULT_MAX_RECORD_BYTES } from '../../src/load/limits.js';
import { READ_CHUNK_BYTES } from '../../src/load/open-input.js';
import type { LoadedRow } from '../../src/load/loaded-row.js';

const newParser = (): CsvRowParser => new CsvRowParser(csvParseOptions(',', 8 * 1024 * 1024), createCsvRowBuilder({
  headerRows: 1,
  skipRowsAfterHeader: 0,
  onHeader: undefined,
  maxColumns: 10,
  tooManyColumns: (line, found) => new Error(`line ${line}: ${found} columns`),
}));

describe('CsvRowParser.readAfter', () => {
  it('parses a first read of four chunks one chunk at a time, at most one batch ahead of its consumer', async () => {
    // Header `id,pad\n` (7 bytes), then rows of exactly 64 bytes, as many as four chunks hold: 4 × 16 KiB
    // ÷ 64 = 1,024 rows, four chunks and 7 bytes. The first chunk holds the header and 255 whole rows
    // (7 + 255 × 64 = 16,327 bytes; a 256th would end at 16,391, past 16,384).
    expect(READ_CHUNK_BYTES).toBe(16 * 1024);
    const count = (4 * READ_CHUNK_BYTES) / 64;
    const rows = Array.from({ length: count }, (_, i) => `${String(i).padStart(7, '0')},${'x'.repeat(55)}\n`);
    const parser = newParser();
    parser.readAfter(Buffer.from(`id,pad\n${rows.join('')}`), Readable.from([]), 't.csv');
    const batches = parser[Symbol.asyncIterator]() as AsyncIterator<LoadedRow[]>;
    const first = await batches.next();
    expect(first.value?.length).toBe(255);
    // With the stream default of 16 objects, the three other chunks would be parsed and waiting here.
    expect(parser.readableLength).toBeLessThanOrEqual(1);
    let total = first.value?.length ?? 0;
    for (let next = await batches.next(); next.done !== true; next = await batches.next()) total += next.value.length;
    expect(total).toBe(1024);
  });
});

describe("the bench's csv-parse baseline", () => {
  it('counts records with the reader\'s own csv-parse options (bench/count-records.mjs)', async () => {
    // The bench compares the report with csv-parse alone: the comparison is fair only while the two
    // parse with the same options.
    const script = new URL('../../bench/count-records.mjs', import.meta.url).href;
    const { READER_OPTIONS } = (await import(script)) as { READER_OPTIONS: unknown };
    expect(READER_OPTIONS).toEqual(csvParseOptions(',', DEFAULT_MAX_RECORD_BYTES));
  });
});
