/**
 * CSV files larger than the first read (1 MiB), read as plain CSV piece by piece: the rows must be
 * exactly those csv-parse gives, and a file that turns out not to be plain CSV must give every row once
 * (csv-parse takes over from the start, past the rows already given) and csv-parse's own error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/core/problems.js';
import { readCsv } from '../../src/load/csv-reader.js';
import { PlainCsvScanner } from '../../src/load/csv-plain-scan.js';
import { createCsvRowBuilder } from '../../src/load/csv-row-builder.js';
import { csvInputError, CsvRowParser, csvParseOptions } from '../../src/load/csv-row-parser.js';
import type { LoadedRow } from '../../src/load/loaded-row.js';
import { START_BYTES } from '../../src/load/open-input.js';
import { tempFile } from './helpers.js';

const MAX = 8 * 1024 * 1024;

/** What csv-parse alone makes of the whole file: its rows and its error as the reader reports it. */
function csvParseRead(path: string): { rows: LoadedRow[]; error: unknown } {
  const builder = createCsvRowBuilder({ headerRows: 1, skipRowsAfterHeader: 0, onHeader: undefined, maxColumns: 10_000, tooManyColumns: () => new Error('too many') });
  const { rows, error } = new CsvRowParser(csvParseOptions(',', MAX), builder).parseWhole(readFileSync(path));
  return { rows: [...rows], error: error === undefined ? undefined : csvInputError(error, 't.csv', builder, MAX) };
}

async function readerRead(path: string): Promise<{ rows: LoadedRow[]; error: unknown }> {
  const rows: LoadedRow[] = [];
  try {
    for await (const row of readCsv(path, { displayName: 't.csv' })) rows.push(row);
  } catch (error) {
    return { rows, error };
  }
  return { rows, error: undefined };
}

const plainFields = (rows: readonly LoadedRow[]) => rows.map((row) => ({ line: row.line, fields: { ...row.fields }, defect: row.defect }));

/**
 * ~2.4 MiB: quoted fields with commas, doubled quotes and CRLF inside, multi-byte characters (so some
 * fall across a piece boundary), empty lines, CRLF and LF mixed, a short row, a trailing record without
 * a break.
 */
function largeCsv(rows: number): string {
  const lines = ['id,name,note'];
  for (let i = 0; i < rows; i++) {
    if (i % 997 === 0) lines.push('');
    if (i % 1499 === 0) lines.push(`E${i},"Zoë ""Z"" Ødegård","line one\r\nline two, still ${i}"`);
    else if (i % 2003 === 0) lines.push(`E${i},short`);
    else lines.push(`E${i},Émilie ${'é'.repeat(i % 7)} Ñandú,note ${i} ${'x'.repeat(i % 40)}`);
  }
  return lines.map((line, i) => line + (i % 3 === 0 ? '\r\n' : '\n')).join('') + 'E-last,no,break';
}

describe('a large plain CSV file, read piece by piece', () => {
  it('gives exactly the rows csv-parse gives', async () => {
    const path = tempFile('t.csv', largeCsv(40_000));
    expect(readFileSync(path).length).toBeGreaterThan(2 * START_BYTES);
    const expected = csvParseRead(path);
    expect(expected.error).toBeUndefined();
    const actual = await readerRead(path);
    expect(actual.error).toBeUndefined();
    expect(actual.rows.length).toBe(expected.rows.length);
    expect(plainFields(actual.rows)).toEqual(plainFields(expected.rows));
  });

  it('hands over to csv-parse at a stray quote past the first MiB: every row once, then csv-parse\'s error', async () => {
    const text = largeCsv(30_000);
    // A quote inside an unquoted field, on a line ~80% into the file.
    const cut = text.indexOf('\nE24000,') + 1;
    const path = tempFile('t.csv', `${text.slice(0, cut)}E24000,bad"quote,x\n${text.slice(cut)}`);
    const expected = csvParseRead(path);
    expect(expected.error).toBeInstanceOf(InputError);
    const actual = await readerRead(path);
    expect(actual.error).toEqual(expected.error);
    expect((actual.error as InputError).code).toBe('csv_bad_quote');
    // The rows before the error are rows of the file before the bad line, each once and in order: a
    // prefix of them, since csv-parse holds back the rows of the piece it fails in (the file is refused
    // whole anyway). Most came from the plain read before the hand-over.
    const before = csvParseRead(tempFile('t.csv', text.slice(0, cut)));
    expect(before.rows.at(-1)?.fields.id).toBe('E23999');
    expect(plainFields(actual.rows)).toEqual(plainFields(before.rows.slice(0, actual.rows.length)));
    expect(actual.rows.length).toBeGreaterThan(20_000);
  });

  it('hands over at a quote never closed: csv-parse reports where the record starts', async () => {
    const text = largeCsv(20_000);
    const path = tempFile('t.csv', `${text}\nE-open,"never closed,x\nE-after,a,b\n`);
    const expected = csvParseRead(path);
    const actual = await readerRead(path);
    expect((actual.error as InputError).code).toBe('csv_unterminated_quote');
    expect(actual.error).toEqual(expected.error);
  });
});

describe('a record longer than many pieces', () => {
  // One quoted cell of ~3 MiB holding doubled quotes and line breaks, between ordinary rows: the cell is
  // ~192 pieces of the file long, and was scanned from its start again with each of them.
  const cell = 'ab""c\nd'.repeat(450_000);
  const text = ['id,name,note', 'E1,a,b', `E2,"${cell}",c`, ...Array.from({ length: 1000 }, (_, i) => `E${i + 3},n${i},x`)].join('\n') + '\n';

  it('gives exactly the rows csv-parse gives, the rows after it included', async () => {
    const path = tempFile('long.csv', text);
    const expected = csvParseRead(path);
    expect(expected.error).toBeUndefined();
    const actual = await readerRead(path);
    expect(actual.error).toBeUndefined();
    expect(actual.rows.length).toBe(1002);
    expect(plainFields(actual.rows)).toEqual(plainFields(expected.rows));
    expect(actual.rows[1]!.fields.name).toBe(cell.replaceAll('""', '"'));
  });

  it('is scanned a few times over as it grows, not once a piece', async () => {
    const scans = vi.spyOn(PlainCsvScanner.prototype, 'scan');
    try {
      await readerRead(tempFile('long.csv', text));
      // ~192 pieces of 16 KiB: a scan each before; with pending doubled between scans of the unfinished
      // record, the scans of it are about log2(192) ≈ 8, and the rest are the pieces of ordinary rows.
      expect(scans.mock.calls.length).toBeLessThan(20);
    } finally {
      scans.mockRestore();
    }
  });
});
