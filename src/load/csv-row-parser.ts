/**
 * csv-parse's stream parser, emitting arrays of rows instead of records.
 *
 * Each record becomes a row the moment csv-parse pushes it, while the parser's live `info` counters
 * (`lines`, `empty_lines`) still describe that record, so the line tracker reads them there. The
 * `on_record` hook would give the same numbers, but with it csv-parse copies its whole `info` into a
 * fresh object for every record, which costs more than the parsing itself on short rows.
 *
 * The rows of one chunk of the file go out as one array, so the stream and its async iteration do
 * their work once per chunk rather than once per row.
 *
 * Each batch's rows are meant to die young. A row still reachable after two young-generation collections
 * (one every ~16 MB allocated, every ~2 MB in a large folder: see READ_CHUNK_BYTES) is copied to the old
 * generation, where it stays, as garbage, until the next full collection: the first read of a file used
 * to be parsed as one chunk, a batch of 10,000–30,000 rows (one MiB) all reachable while the validator
 * worked through them, and so promoted, fields, strings and all; at the medium bench scale, ~50 MiB of
 * promoted garbage over the files. So the first read is parsed in chunks of the file stream's size
 * (READ_CHUNK_BYTES), and the parser keeps at most one batch ready
 * (`readableHighWaterMark`; the stream default, 16 objects, would parse the whole first read ahead).
 */
import { CsvError, Parser, type Options } from 'csv-parse';
import { pipeline, type Readable, type TransformCallback, type TransformOptions } from 'node:stream';
import type { CsvRowBuilder } from './csv-row-builder.js';
import { loadErrors } from './load-errors.js';
import type { LoadedRow } from './loaded-row.js';
import { asUnreadable, encodingCheck, READ_CHUNK_BYTES, type EncodingCheck } from './open-input.js';

/** csv-parse's options (see csv-reader.ts for each choice). No `on_record`: CsvRowParser builds each row as the record is pushed (see there why). */
export const csvParseOptions = (delimiter: string, maxRecordBytes: number): Options => ({
  bom: true,
  delimiter,
  record_delimiter: ['\r\n', '\n', '\r'],
  columns: false,
  cast: false,
  relax_column_count: true,
  relax_quotes: false,
  skip_empty_lines: true,
  max_record_size: maxRecordBytes,
});

/** The InputError for a csv-parse error, located at the start of the record that failed. */
export function csvInputError(error: unknown, file: string, builder: CsvRowBuilder, maxRecordBytes: number): unknown {
  if (!(error instanceof CsvError)) return asUnreadable(error, file);
  const line = builder.startOfFailed(typeof error['empty_lines'] === 'number' ? error['empty_lines'] : 0);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return loadErrors.unterminatedQuote(file, line);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return loadErrors.badQuote(file, line);
    case 'CSV_MAX_RECORD_SIZE':
      return loadErrors.recordTooLarge(file, line, maxRecordBytes);
    default:
      return loadErrors.csvMalformed(file, line, error.message);
  }
}

/** Batches parsed ahead of the consumer: one, so a batch's rows are not kept waiting (see above). */
const STREAM_OPTIONS: Pick<TransformOptions, 'readableHighWaterMark'> = { readableHighWaterMark: 1 };

/** The failure that ended a file's parsing, as the item after the rows read before it (see CsvRowParser). */
export class ParseFailure {
  constructor(readonly error: Error) {}
}

export class CsvRowParser extends Parser {
  readonly #builder: CsvRowBuilder;
  #rows: LoadedRow[] = [];
  /** The first error thrown by the builder: it ends the read once csv-parse is done with the chunk. */
  #failure: unknown = undefined;
  /** The failure that ended parsing (csv-parse's or the builder's), once it has gone out (see #endChunk). */
  #stoppedBy: Error | undefined = undefined;
  /** Set while `parseWhole` runs: its rows, gathered here instead of pushed to the stream. */
  #gathered: LoadedRow[] | undefined = undefined;
  /**
   * Set by `readAfter`: each chunk is checked for UTF-8 just before it is parsed, so the first problem in
   * the file, a bad byte or a CSV error, is the one reported.
   */
  #encoding: EncodingCheck | undefined = undefined;

  constructor(options: Options, builder: CsvRowBuilder) {
    // csv-parse hands its options to stream.Transform too.
    super(Object.assign({}, options, STREAM_OPTIONS));
    this.#builder = builder;
  }

  /** csv-parse pushes each record (an array of strings) here, then `null` at the end of the file. */
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (!Array.isArray(record)) {
      // The end: the last rows first, and the builder's failure after them when it had one.
      this.#pushRowsAndFailure(undefined);
      return super.push(record, encoding);
    }
    if (this.#failure !== undefined) return true;
    try {
      const row = this.#builder.accept(record as string[], this.info);
      if (row !== null) this.#rows.push(row);
    } catch (error) {
      this.#failure = error;
    }
    return true;
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    // After a failure nothing more is parsed: the read ends with it (see #endChunk).
    if (this.#stoppedBy !== undefined) return callback();
    try {
      this.#encoding?.next(chunk);
    } catch (error) {
      return callback(error as Error);
    }
    super._transform(chunk, encoding, (error) => this.#endChunk(error, callback));
  }

  override _flush(callback: TransformCallback): void {
    if (this.#stoppedBy !== undefined) return callback();
    try {
      this.#encoding?.end();
    } catch (error) {
      return callback(error as Error);
    }
    super._flush((error) => this.#endChunk(error, callback));
  }

  /**
   * The rows of the chunk before a failure go out first: they were read, and their problems are told with
   * the one that ends the read (see RowsReadBefore). A stream that errors drops what it holds, so the
   * failure goes out after them as an item of its own (ParseFailure), and the stream then ends.
   */
  #endChunk(error: Error | null | undefined, callback: TransformCallback): void {
    this.#pushRowsAndFailure(error ?? undefined);
    callback();
  }

  /** The rows gathered, then the failure, the builder's first (csv-parse went on to the end of the chunk after it), once. */
  #pushRowsAndFailure(error: Error | undefined): void {
    this.#pushRows();
    const failure = (this.#failure as Error | undefined) ?? error;
    if (failure === undefined || this.#stoppedBy !== undefined) return;
    this.#stoppedBy = failure;
    if (this.#gathered === undefined) super.push(new ParseFailure(failure));
  }

  #pushRows(): void {
    if (this.#rows.length === 0) return;
    // One at a time: a piece of blank-ish lines can hold more rows than a call takes arguments.
    if (this.#gathered !== undefined) for (const row of this.#rows) this.#gathered.push(row);
    else super.push(this.#rows);
    this.#rows = [];
  }

  /**
   * Parses `start`, then the rest of the file, checking every byte for UTF-8 (`file` names it in the
   * error); errors of either surface when the rows are iterated.
   */
  readAfter(start: Buffer, rest: Readable, file: string): void {
    this.#encoding = encodingCheck(file);
    // Written at once, chunks past the high-water marks wait in the stream's buffer (as views of `start`,
    // not copies) and are parsed one at a time as batches are taken.
    for (let offset = 0; offset < start.length; offset += READ_CHUNK_BYTES) this.write(start.subarray(offset, offset + READ_CHUNK_BYTES));
    pipeline(rest, this, () => {});
  }

  /**
   * Parses a whole file held in memory, without the stream: every row before the first failure, and that
   * failure (csv-parse's or the builder's), if any. csv-parse's transform and flush call back at once.
   */
  parseWhole(bytes: Buffer): { readonly rows: readonly LoadedRow[]; readonly error: unknown } {
    const gathered: LoadedRow[] = [];
    this.#gathered = gathered;
    let error: unknown = undefined;
    const failed = (e: Error | null | undefined): void => {
      if (e) error = e;
    };
    // What a stream passes with a Buffer chunk (csv-parse ignores it).
    this._transform(bytes, 'buffer' as BufferEncoding, failed);
    if (error === undefined) this._flush(failed);
    this.#gathered = undefined;
    return { rows: gathered, error: error ?? this.#stoppedBy };
  }
}
