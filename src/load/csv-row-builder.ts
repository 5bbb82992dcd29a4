/**
 * Turns csv-parse's arrays into rows: the header rows first, then skipped rows, then LoadedRows keyed
 * by the header. It runs as csv-parse pushes each record (see csv-row-parser), so its line count never
 * lags the parser (an error's line is then exact) and blank records are dropped before they are buffered.
 */
import { columnKeys, extendKeys, type CsvHeader } from './csv-header.js';
import { createLineTracker, type ParserLines } from './csv-line-tracker.js';
import { plainRow, type LoadedRow } from './loaded-row.js';

export interface CsvLayout {
  /** Header rows before the data (≥ 1): the first names the columns. */
  readonly headerRows: number;
  /** Rows dropped after the header rows. */
  readonly skipRowsAfterHeader: number;
  readonly onHeader: ((header: CsvHeader) => void) | undefined;
  /** Most fields a record may have; `tooManyColumns` is thrown for a wider one, before any row is built of it. */
  readonly maxColumns: number;
  readonly tooManyColumns: (line: number, found: number) => Error;
}

export interface CsvRowBuilder {
  /** The row for a parsed record, or `null` for a header, skipped or blank record. */
  readonly accept: (record: string[], info: ParserLines) => LoadedRow | null;
  /** Call at the end of the file: announces a header that had fewer rows than expected. */
  readonly finish: () => void;
  readonly sawHeader: () => boolean;
  readonly startOfFailed: (emptyLines: number) => number;
}

/**
 * A record whose fields are all empty or blank is not a row: an empty line, a line of spaces, or
 * the `,,,,` rows spreadsheets leave below the data. Such lines still count for line numbers.
 */
const isBlank = (record: readonly string[]): boolean => record.every((value) => value.trim() === '');

export function createCsvRowBuilder(layout: CsvLayout): CsvRowBuilder {
  const tracker = createLineTracker();
  const headerRows: string[][] = [];
  let headerLine = 1;
  let keys: string[] | undefined;
  let headerLength = 0;
  let rowsToSkip = layout.skipRowsAfterHeader;

  const announceHeader = (): string[] => {
    const header = headerRows[0] ?? [];
    headerLength = header.length;
    const headerKeys = columnKeys(header);
    layout.onHeader?.({ keys: headerKeys, rows: headerRows, line: headerLine });
    return headerKeys;
  };

  const toRow = (line: number, record: readonly string[], rowKeys: readonly string[]): LoadedRow => {
    // No prototype, as `Object.create(null)` would give, but made from a literal: V8 keeps such an object
    // in fast mode (a shape shared by the rows of the file) where `Object.create(null)` makes a hash table,
    // three times the size and slower to fill and to read, for every row of the file.
    const fields: Record<string, string> = Object.setPrototypeOf({}, null);
    for (let i = 0; i < record.length; i++) fields[rowKeys[i] as string] = record[i] as string;
    return record.length === headerLength
      ? plainRow(line, fields)
      : { line, fields, defect: { kind: 'field_count', expected: headerLength, found: record.length } };
  };

  return {
    accept(record, info) {
      const line = tracker.startOf(record, info);
      if (record.length > layout.maxColumns) throw layout.tooManyColumns(line, record.length);
      if (isBlank(record)) return null;
      if (keys === undefined) {
        if (headerRows.length === 0) headerLine = line;
        headerRows.push(record.map((cell) => cell.trim()));
        if (headerRows.length === layout.headerRows) keys = announceHeader();
        return null;
      }
      if (rowsToSkip > 0) {
        rowsToSkip--;
        return null;
      }
      if (record.length > keys.length) keys = extendKeys(keys, record.length);
      return toRow(line, record, keys);
    },
    finish() {
      if (keys === undefined && headerRows.length > 0) keys = announceHeader();
    },
    sawHeader: () => headerRows.length > 0,
    startOfFailed: tracker.startOfFailed,
  };
}
