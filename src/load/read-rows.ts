/** The one entry point of the load stage: the rows of a dataset's file, whatever its format. */
import type { CsvReadOptions } from './csv-reader.js';
import { readCsv } from './csv-reader.js';
import type { DatasetSource } from './discover.js';
import { readJson } from './json-reader.js';
import type { LoadedRow } from './loaded-row.js';
import { readNdjson } from './ndjson-reader.js';

/** Options for any format; the CSV ones are ignored for JSON and NDJSON. */
export interface ReadRowsOptions extends Omit<CsvReadOptions, 'displayName'> {
  /** Largest JSON document (default 256 MiB). */
  readonly maxJsonBytes?: number;
}

/**
 * The rows of `source`, each with its line (CSV/NDJSON: physical start line; JSON: 0-based array
 * index) and, for a record that could not be taken as is, a defect (see `rowDefectProblem`).
 * Throws InputError for a file that cannot be read at all: missing, unreadable, empty (0 bytes, or
 * only a byte-order mark and whitespace), not UTF-8, malformed CSV quoting, invalid JSON. A CSV with
 * a header and no rows is valid and yields nothing.
 */
export function readRows(source: Pick<DatasetSource, 'path' | 'displayName' | 'format'>, options: ReadRowsOptions = {}): AsyncIterable<LoadedRow> {
  const { maxJsonBytes, ...csvOptions } = options;
  switch (source.format) {
    case 'csv':
      return readCsv(source.path, { ...csvOptions, displayName: source.displayName });
    case 'json':
      return readJson(source.path, { displayName: source.displayName, ...(maxJsonBytes === undefined ? {} : { maxFileBytes: maxJsonBytes }) });
    case 'ndjson':
      return readNdjson(source.path, { displayName: source.displayName, ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }) });
    default: {
      const unknownFormat: never = source.format;
      throw new Error(`unknown input format: ${String(unknownFormat)}`);
    }
  }
}
