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
 */
import { Parser, type Options } from 'csv-parse';
import type { TransformCallback } from 'node:stream';
import type { CsvRowBuilder } from './csv-row-builder.js';
import type { LoadedRow } from './loaded-row.js';

export class CsvRowParser extends Parser {
  readonly #builder: CsvRowBuilder;
  #rows: LoadedRow[] = [];
  /** The first error thrown by the builder: it ends the read once csv-parse is done with the chunk. */
  #failure: unknown = undefined;

  constructor(options: Options, builder: CsvRowBuilder) {
    super(options);
    this.#builder = builder;
  }

  /** csv-parse pushes each record (an array of strings) here, then `null` at the end of the file. */
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (!Array.isArray(record)) {
      // After a failure the read ends with the error, not with the end of the file.
      if (this.#failure !== undefined) return false;
      this.#pushRows();
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
    super._transform(chunk, encoding, (error) => this.#endChunk(error, callback));
  }

  override _flush(callback: TransformCallback): void {
    super._flush((error) => this.#endChunk(error, callback));
  }

  #endChunk(error: Error | null | undefined, callback: TransformCallback): void {
    // The builder's error came first: csv-parse went on to the end of the chunk after it.
    if (this.#failure !== undefined) return callback(this.#failure as Error);
    if (error) return callback(error);
    this.#pushRows();
    callback();
  }

  #pushRows(): void {
    if (this.#rows.length === 0) return;
    super.push(this.#rows);
    this.#rows = [];
  }
}
