/**
 * Streaming CSV reader: the file is piped through csv-parse and rows are yielded a batch per chunk of
 * the file, so memory stays flat whatever the file size (one record is bounded by `maxRecordBytes`).
 * A small file of plain CSV is read at once without it (csv-plain-scan.ts).
 *
 * csv-parse choices: `columns: false` and `cast: false` (rows are built from our own header keys and
 * values stay strings — the validator types them), `relax_column_count` (a row with a wrong field
 * count is yielded with a `field_count` defect, not thrown), `relax_quotes: false` (a stray quote is
 * reported, never guessed), `skip_empty_lines` (an empty line is not a record; blank records are
 * dropped too, see csv-row-builder), and CRLF, LF and CR all end a record, even mixed in one file.
 */
import type { CsvHeader } from './csv-header.js';
import { detectDelimiter } from './csv-delimiter.js';
import { createCsvRowBuilder, type CsvRowBuilder } from './csv-row-builder.js';
import { PlainCsvScanner, plainRows } from './csv-plain-scan.js';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_RECORD_BYTES } from './limits.js';
import { loadErrors } from './load-errors.js';
import type { LoadedRow } from './loaded-row.js';
import { flatten } from './row-batches.js';
import { asUnreadable, checkStart, closeInput, openInput, restOf, startText, type OpenedInput } from './open-input.js';

/** Enough of the file to hold the header line of any real export: the delimiter is sniffed there. */
const SNIFF_BYTES = 64 * 1024;

export interface CsvReadOptions {
  /** How the file is named in errors (default: the path). */
  readonly displayName?: string;
  /** Field delimiter; default: the most frequent of `,` `;` tab in the header line. */
  readonly delimiter?: string;
  /** Header rows before the data (default 1): the first names the columns; all go to `onHeader`. */
  readonly headerRows?: number;
  /** Rows dropped after the header rows (default 0); their lines still count. */
  readonly skipRowsAfterHeader?: number;
  /** Called once before the first row (or at the end of a file without rows) with the header. */
  readonly onHeader?: (header: CsvHeader) => void;
  /** Largest record accepted (default 8 MiB): bounds memory when a quote is never closed. */
  readonly maxRecordBytes?: number;
  /** Most fields in a record (default 10,000): a wider record stops the read with an InputError. */
  readonly maxColumns?: number;
}

/**
 * The rows of a CSV file. `RawRow.line` is the physical line where the record starts (the header is
 * line 1); keys are the header names as in the file (trimmed), deduplicated by `columnKeys()`; values
 * are strings exactly as in the file (not trimmed). An error thrown by `onHeader` (say, a missing
 * required column) stops the read and surfaces unchanged.
 */
export function readCsv(path: string, options: CsvReadOptions = {}): AsyncGenerator<LoadedRow> {
  return flatten(readCsvBatches(path, options));
}

/**
 * The rows of a CSV file as `readCsv` gives them, a batch per chunk the parser reads (the whole file at
 * once when it fits in the first read). An error met mid-file (a CSV error, or past the first read a
 * byte that is not UTF-8) is thrown after the batches before it.
 */
export async function* readCsvBatches(path: string, options: CsvReadOptions = {}): AsyncGenerator<readonly LoadedRow[]> {
  const file = options.displayName ?? path;
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const input = openInput(path, file);
  let delimiter: string;
  try {
    checkStart(input, file);
    // An empty delimiter means none was chosen: detect it.
    delimiter = options.delimiter || detectDelimiter(startText(input.start.subarray(0, SNIFF_BYTES)));
  } catch (error) {
    closeInput(input);
    throw asUnreadable(error, file);
  }
  const newBuilder = (): CsvRowBuilder => createCsvRowBuilder({
    headerRows: Math.max(1, options.headerRows ?? 1),
    skipRowsAfterHeader: options.skipRowsAfterHeader ?? 0,
    onHeader: options.onHeader,
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
    tooManyColumns: (line, found) => loadErrors.tooManyColumns(file, line, found, options.maxColumns ?? DEFAULT_MAX_COLUMNS),
  });
  let builder = newBuilder();
  const rest = restOf(input);
  const scanner = PlainCsvScanner.for(delimiter);
  // Plain CSV is read without csv-parse (see csv-plain-scan): at once when the first read holds the
  // whole file, else piece by piece; where the scan declines, csv-parse reads the file.
  let skipRows = 0;
  let parseInput: OpenedInput | undefined = input;
  if (scanner !== undefined && rest === undefined) {
    const plain = input.start.length <= maxRecordBytes ? scanner.scan(startText(input.start), true) : undefined;
    if (plain !== undefined) {
      const { rows, error } = plainRows(plain.records, builder);
      if (rows.length > 0) yield rows;
      if (error !== undefined) throw asUnreadable(error, file);
      parseInput = undefined;
    }
  } else if (scanner !== undefined && rest !== undefined) {
    const { readPlainPieces } = await import('./csv-plain-stream.js');
    const end = yield* readPlainPieces(input.start, rest, scanner, builder, { file, maxRecordBytes });
    if (end === undefined) parseInput = undefined;
    else {
      // Not plain CSV after all: csv-parse reads it from the start, past the rows already given.
      skipRows = end.declinedAfter;
      builder = newBuilder();
      parseInput = openInput(path, file);
    }
  }
  if (parseInput !== undefined) yield* readWithCsvParse(parseInput, builder, { file, delimiter, maxRecordBytes, skipRows });
  // A file of blank lines has no header: it holds nothing.
  if (!builder.sawHeader()) throw loadErrors.fileEmpty(file);
  builder.finish();
}

/** The rows of a file as csv-parse reads them, less the first `skipRows`; csv-parse is loaded here only. */
async function* readWithCsvParse(
  input: OpenedInput,
  builder: CsvRowBuilder,
  options: { readonly file: string; readonly delimiter: string; readonly maxRecordBytes: number; readonly skipRows: number },
): AsyncGenerator<readonly LoadedRow[]> {
  const { file, maxRecordBytes } = options;
  let skip = options.skipRows;
  const unseen = (rows: readonly LoadedRow[]): readonly LoadedRow[] => {
    if (skip === 0) return rows;
    const dropped = Math.min(skip, rows.length);
    skip -= dropped;
    return rows.slice(dropped);
  };
  const { CsvRowParser, csvInputError, csvParseOptions, ParseFailure } = await import('./csv-row-parser.js');
  const parser = new CsvRowParser(csvParseOptions(options.delimiter, maxRecordBytes), builder);
  const rest = restOf(input);
  if (rest === undefined) {
    // The whole file is in memory: csv-parse reads it at once, without a stream.
    const { rows, error } = parser.parseWhole(input.start);
    const kept = unseen(rows);
    if (kept.length > 0) yield kept;
    if (error !== undefined) throw csvInputError(error, file, builder, maxRecordBytes);
    return;
  }
  // The bytes already read go first, then the rest of the file is piped after them. Errors of either
  // stream surface in the iteration below.
  parser.readAfter(input.start, rest, file);
  try {
    // The parser pushes only non-empty arrays of rows, and last a failure when there is one (see CsvRowParser).
    for await (const rows of parser) {
      if (rows instanceof ParseFailure) throw rows.error;
      const kept = unseen(rows as LoadedRow[]);
      if (kept.length > 0) yield kept;
    }
  } catch (error) {
    throw csvInputError(error, file, builder, maxRecordBytes);
  }
}
