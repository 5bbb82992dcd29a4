#!/usr/bin/env node
// Measurement (a) of the bench: csv-parse alone counting the records of each file, with the parse
// options of src/load/csv-row-parser.ts (a test keeps the two in step) and nothing else — no row building, no
// line tracking (the reader's CsvRowParser), no validation. Prints { file: records } as JSON.
//   node bench/count-records.mjs FILE...
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';

/** csvParseOptions of src/load/csv-row-parser.ts; the bench data is comma-separated. */
export const READER_OPTIONS = {
  bom: true,
  delimiter: ',',
  record_delimiter: ['\r\n', '\n', '\r'],
  columns: false,
  cast: false,
  relax_column_count: true,
  relax_quotes: false,
  skip_empty_lines: true,
  max_record_size: 8 * 1024 * 1024,
};

/** Records of a CSV file, the header included. */
export function countRecords(path, options = READER_OPTIONS) {
  return new Promise((resolve, reject) => {
    let records = 0;
    const parser = parse(options);
    parser.on('data', () => records++);
    parser.on('end', () => resolve(records));
    parser.on('error', reject);
    createReadStream(path).on('error', reject).pipe(parser);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const counts = {};
  for (const file of process.argv.slice(2)) counts[basename(file)] = (await countRecords(file)) - 1;
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}
