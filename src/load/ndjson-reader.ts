/**
 * NDJSON / JSON Lines reader, streamed chunk by chunk: memory holds one chunk's lines at a time (a line
 * is bounded by `maxRecordBytes`). A line that is not valid JSON, or not an object, or that gives a key
 * twice, is yielded with a defect and the rest of the file is still read.
 */
import { jsonRecordRow, withRepeatedKeys } from './json-record.js';
import { repeatedKeysOfRecord } from './json-repeated-keys.js';
import { JsonScanner } from './json-scanner.js';
import { jsonSyntaxErrorOffset } from './json-syntax-error.js';
import { DEFAULT_MAX_RECORD_BYTES } from './limits.js';
import { loadErrors } from './load-errors.js';
import type { LoadedRow } from './loaded-row.js';
import { flatten } from './row-batches.js';
import { asUnreadable, checkedBytes, checkStart, closeInput, openInput, READ_CHUNK_BYTES, restOf, type OpenedInput } from './open-input.js';
import { splitLines } from './split-lines.js';

export interface NdjsonReadOptions {
  /** How the file is named in errors (default: the path). */
  readonly displayName?: string;
  /** Longest line accepted (default 8 MiB). */
  readonly maxRecordBytes?: number;
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The row of one line; an object's text is scanned for keys given twice (their places are columns). */
function lineRow(line: number, text: string): LoadedRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A byte-order mark at the line's start (files joined with `cat`) is said only when it is all that is
    // wrong; otherwise the syntax error after it is, where JSON.parse stops at the mark itself.
    const marked = text.charCodeAt(0) === 0xfeff;
    if (marked && isJson(text.slice(1))) return { line, fields: Object.create(null), defect: { kind: 'invalid_json', column: 1, byteOrderMark: true } };
    const column = marked ? (jsonSyntaxErrorOffset(text.slice(1)) ?? 0) + 2 : (jsonSyntaxErrorOffset(text) ?? 0) + 1;
    return { line, fields: Object.create(null), defect: { kind: 'invalid_json', column } };
  }
  const row = jsonRecordRow(line, value);
  return row.defect === undefined ? withRepeatedKeys(row, repeatedKeysOfRecord(new JsonScanner(text), value as object, false)) : row;
}

/**
 * Every byte of the file in order: the start already read, then the rest, streamed and checked for UTF-8;
 * a file larger than its first read in pieces of READ_CHUNK_BYTES from the start, so a batch of its lines
 * dies young (see there).
 */
async function* bytesOf(input: OpenedInput, file: string): AsyncGenerator<Buffer> {
  const rest = restOf(input);
  if (rest === undefined) {
    yield input.start;
    return;
  }
  try {
    yield* checkedBytes(input.start, rest, file, READ_CHUNK_BYTES);
  } finally {
    // Closes the file when the reader stops before the end.
    rest.destroy();
  }
}

/** The records of an NDJSON file. `RawRow.line` is the physical line (1-based); blank lines are skipped. */
export function readNdjson(path: string, options: NdjsonReadOptions = {}): AsyncGenerator<LoadedRow> {
  return flatten(readNdjsonBatches(path, options));
}

/**
 * The records of an NDJSON file as `readNdjson` gives them, a batch per chunk of lines read. A line
 * above `maxRecordBytes`, or a byte that is not UTF-8 past the first read, is thrown after the batches
 * of the records before its chunk.
 */
export async function* readNdjsonBatches(path: string, options: NdjsonReadOptions = {}): AsyncGenerator<readonly LoadedRow[]> {
  const file = options.displayName ?? path;
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const input = openInput(path, file);
  try {
    checkStart(input, file);
  } catch (error) {
    closeInput(input);
    throw asUnreadable(error, file);
  }
  const batches = splitLines(bytesOf(input, file), maxRecordBytes, (line) =>
    loadErrors.lineTooLarge(file, line, maxRecordBytes),
  );
  let line = 0;
  let records = 0;
  try {
    for await (const texts of batches) {
      const rows: LoadedRow[] = [];
      for (const text of texts) {
        line++;
        const body = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        if (body.trim() === '') continue;
        rows.push(lineRow(line, body));
      }
      records += rows.length;
      if (rows.length > 0) yield rows;
    }
  } catch (error) {
    throw asUnreadable(error, file);
  }
  if (records === 0) throw loadErrors.fileEmpty(file);
}
