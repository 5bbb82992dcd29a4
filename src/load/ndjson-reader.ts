/**
 * NDJSON / JSON Lines reader, streamed line by line: memory holds one line at a time (bounded by
 * `maxRecordBytes`). A line that is not valid JSON, or not an object, is yielded with a defect and the
 * rest of the file is still read.
 */
import { jsonRecordRow } from './json-record.js';
import { jsonSyntaxErrorOffset } from './json-syntax-error.js';
import { DEFAULT_MAX_RECORD_BYTES } from './limits.js';
import { loadErrors } from './load-errors.js';
import type { LoadedRow } from './loaded-row.js';
import { asUnreadable, checkStart, closeInput, openInput, restOf, type OpenedInput } from './open-input.js';
import { splitLines } from './split-lines.js';

export interface NdjsonReadOptions {
  /** How the file is named in errors (default: the path). */
  readonly displayName?: string;
  /** Longest line accepted (default 8 MiB). */
  readonly maxRecordBytes?: number;
}

function lineRow(line: number, text: string): LoadedRow {
  try {
    return jsonRecordRow(line, JSON.parse(text));
  } catch {
    const column = (jsonSyntaxErrorOffset(text) ?? 0) + 1;
    return { line, fields: Object.create(null), defect: { kind: 'invalid_json', column } };
  }
}

/** Every byte of the file in order: the start already read, then the rest, streamed. */
async function* bytesOf(input: OpenedInput): AsyncGenerator<Buffer> {
  const rest = restOf(input);
  try {
    yield input.start;
    if (rest !== undefined) yield* rest;
  } finally {
    // Closes the file when the reader stops before the end.
    rest?.destroy();
  }
}

/** The records of an NDJSON file. `RawRow.line` is the physical line (1-based); blank lines are skipped. */
export async function* readNdjson(path: string, options: NdjsonReadOptions = {}): AsyncGenerator<LoadedRow> {
  const file = options.displayName ?? path;
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const input = openInput(path, file);
  try {
    checkStart(input, file);
  } catch (error) {
    closeInput(input);
    throw asUnreadable(error, file);
  }
  const lines = splitLines(bytesOf(input), maxRecordBytes, (line) =>
    loadErrors.recordTooLarge(file, line, maxRecordBytes),
  );
  let line = 0;
  let records = 0;
  try {
    for await (const text of lines) {
      line++;
      const body = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      if (body.trim() === '') continue;
      records++;
      yield lineRow(line, body);
    }
  } catch (error) {
    throw asUnreadable(error, file);
  }
  if (records === 0) throw loadErrors.fileEmpty(file);
}
