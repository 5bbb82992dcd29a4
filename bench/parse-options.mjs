#!/usr/bin/env node
// Which csv-parse options cost what: each variant parses the same slices of the medium incidents and
// survey files in this process, interleaved, three times; the median rate is printed as a table.
//   node bench/parse-options.mjs [--scale medium] [--mib 40]
// "reader" is src/load/csv-reader.ts's readCsv itself: csv-parse plus its on_record row builder,
// line tracker and async iteration.
import { closeSync, openSync, readSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { READER_OPTIONS, countRecords } from './count-records.mjs';
import { dataDirOf } from './generate.mjs';
import { importStages } from './lib/bundle-src.mjs';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'medium' }, mib: { type: 'string', default: '40' }, reps: { type: 'string', default: '3' } } });

/** The first `bytes` of a file, cut after its last complete line. */
function slice(path, bytes, dir) {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(path, 'r');
  const read = readSync(fd, buffer, 0, bytes, 0);
  closeSync(fd);
  const end = buffer.lastIndexOf(10, read - 1) + 1;
  const out = join(dir, path.split('/').pop());
  writeFileSync(out, buffer.subarray(0, end));
  return out;
}

async function forAwait(path, options) {
  let records = 0;
  const parser = parse(options);
  (await import('node:fs')).createReadStream(path).pipe(parser);
  for await (const _record of parser) records++;
  return records;
}

const { readCsv } = await importStages();
const VARIANTS = {
  'reader options, data events (bench (a))': (path) => countRecords(path),
  'reader options, for await': (path) => forAwait(path, READER_OPTIONS),
  'reader options + on_record (info per record)': (path) => countRecords(path, { ...READER_OPTIONS, on_record: (record) => record }),
  'record_delimiter detected instead of listed': (path) => countRecords(path, { ...READER_OPTIONS, record_delimiter: [] }),
  'relax_column_count off': (path) => countRecords(path, { ...READER_OPTIONS, relax_column_count: false }),
  'columns: true (objects)': (path) => countRecords(path, { ...READER_OPTIONS, columns: true }),
  'columns: function (objects, trimmed names)': (path) => countRecords(path, { ...READER_OPTIONS, columns: (header) => header.map((h) => h.trim()) }),
  'cast: true': (path) => countRecords(path, { ...READER_OPTIONS, cast: true }),
  'info: true': (path) => countRecords(path, { ...READER_OPTIONS, info: true }),
  'readCsv (the reader)': async (path) => {
    let rows = 0;
    for await (const _row of readCsv(path)) rows++;
    return rows + 1;
  },
};

const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-parse-'));
try {
  const files = ['incidents.csv', 'survey.csv'].map((name) => slice(join(dataDirOf(values.scale), name), Number(values.mib) * 1048576, dir));
  const rates = {};
  for (let rep = 0; rep < Number(values.reps); rep++) {
    for (const [name, run] of Object.entries(VARIANTS)) {
      for (const file of files) {
        const started = performance.now();
        const records = await run(file);
        const rate = records / ((performance.now() - started) / 1000);
        ((rates[name] ??= {})[file] ??= []).push(rate);
      }
    }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = Object.values(rates)[0];
  const lines = ['| variant | incidents rows/s | × (a) | survey rows/s | × (a) |', '|---|--:|--:|--:|--:|'];
  for (const [name, byFile] of Object.entries(rates)) {
    const cells = files.map((file) => `${Math.round(median(byFile[file])).toLocaleString('en-US')} | ${(median(byFile[file]) / median(base[file])).toFixed(2)}`);
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
