/** The one entry point of the load stage: the rows of a dataset's file, whatever its format. */
import type { CsvReadOptions } from './csv-reader.js';
import { readCsvBatches } from './csv-reader.js';
import type { DatasetSource } from './discover.js';
import { readJsonBatches, type JsonDocument, type JsonRecordsProperty } from './json-reader.js';
import type { LoadedRow } from './loaded-row.js';
import { readNdjsonBatches } from './ndjson-reader.js';
import { flatten, type RowBatches } from './row-batches.js';

/** Options for any format; the CSV ones are ignored for JSON and NDJSON. */
export interface ReadRowsOptions extends Omit<CsvReadOptions, 'displayName'> {
  /** Largest JSON document (default 256 MiB). */
  readonly maxJsonBytes?: number;
  /** The property of a JSON object document that holds the records (a preset's); see JsonReadOptions. */
  readonly jsonRecordsProperty?: JsonRecordsProperty;
  /** Given a JSON object document's properties beside its records (see JsonReadOptions.onDocument). */
  readonly onJsonDocument?: (document: JsonDocument) => void;
}

type Source = Pick<DatasetSource, 'path' | 'displayName' | 'format'>;

/**
 * The rows of `source`, each with its line (CSV/NDJSON: physical start line; JSON: 0-based array
 * index) and, for a record that could not be taken as is, a defect (see `rowDefectProblems`).
 * Throws InputError for a file that cannot be read at all: missing, unreadable, empty (0 bytes, or
 * only a byte-order mark and whitespace), not UTF-8, malformed CSV quoting, invalid JSON. A CSV with
 * a header and no rows is valid and yields nothing.
 */
export function readRows(source: Source, options: ReadRowsOptions = {}): AsyncIterable<LoadedRow> {
  return flatten(readRowBatches(source, options));
}

/**
 * The rows of `source` as `readRows` gives them, in batches (no batch is empty), for a consumer that
 * loops over each batch synchronously. An error met mid-file is thrown after the batches before it.
 */
export function readRowBatches(source: Source, options: ReadRowsOptions = {}): RowBatches<LoadedRow> {
  const { maxJsonBytes, jsonRecordsProperty, onJsonDocument, ...csvOptions } = options;
  switch (source.format) {
    case 'csv':
      return readCsvBatches(source.path, { ...csvOptions, displayName: source.displayName });
    case 'json':
      return readJsonBatches(source.path, {
        displayName: source.displayName,
        ...(maxJsonBytes === undefined ? {} : { maxFileBytes: maxJsonBytes }),
        ...(jsonRecordsProperty === undefined ? {} : { recordsProperty: jsonRecordsProperty }),
        ...(onJsonDocument === undefined ? {} : { onDocument: onJsonDocument }),
      });
    case 'ndjson':
      return readNdjsonBatches(source.path, { displayName: source.displayName, ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }) });
    default: {
      const unknownFormat: never = source.format;
      throw new Error(`unknown input format: ${String(unknownFormat)}`);
    }
  }
}
