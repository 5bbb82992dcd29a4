/**
 * JSON document reader. A JSON document cannot be streamed without a streaming parser (which we do not
 * depend on), so it is read and parsed whole; files above `maxFileBytes` (default 256 MiB) are refused
 * with an InputError before reading, which bounds memory. Large exports belong in NDJSON or CSV.
 */
import { closeSync, readFileSync } from 'node:fs';
import { jsonKind, jsonRecordRow, withRepeatedKeys } from './json-record.js';
import { repeatedKeysOfRecord } from './json-repeated-keys.js';
import { JsonScanner } from './json-scanner.js';
import { jsonSyntaxErrorOffset, lineAndColumn } from './json-syntax-error.js';
import { DEFAULT_MAX_JSON_BYTES } from './limits.js';
import { loadErrors } from './load-errors.js';
import type { LoadedRow } from './loaded-row.js';
import { flatten } from './row-batches.js';
import { encodingProblem } from './encoding.js';
import { asUnreadable, openFile } from './open-input.js';

export interface JsonReadOptions {
  /** How the file is named in errors (default: the path). */
  readonly displayName?: string;
  /** Largest JSON document read (default 256 MiB). */
  readonly maxFileBytes?: number;
}

/**
 * The records of a parsed document: the document itself when it is an array, else the single
 * array-valued property of an object (other, non-array properties are metadata such as `limit`).
 */
function recordsOf(document: unknown, file: string): readonly unknown[] {
  if (Array.isArray(document)) return document;
  const kind = jsonKind(document);
  if (kind !== 'an object') throw loadErrors.jsonNoRecords(file, kind);
  const arrayKeys = Object.keys(document as object).filter((key) => Array.isArray((document as Record<string, unknown>)[key]));
  if (arrayKeys.length > 1) throw loadErrors.jsonTwoArrays(file, arrayKeys);
  const [key] = arrayKeys;
  if (key === undefined) throw loadErrors.jsonNoRecords(file, 'an object without an array property');
  return (document as Record<string, unknown[]>)[key] ?? [];
}

function readText(path: string, file: string, maxFileBytes: number): string {
  const input = openFile(path, file);
  try {
    if (input.size > maxFileBytes) throw loadErrors.fileTooLarge(file, input.size, maxFileBytes);
    const bytes = readFileSync(input.fd);
    const problem = encodingProblem(bytes, true);
    if (problem !== undefined) throw loadErrors.notUtf8(file, problem);
    return bytes.toString('utf8');
  } catch (error) {
    throw asUnreadable(error, file);
  } finally {
    closeSync(input.fd);
  }
}

function parseDocument(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { line, column } = lineAndColumn(text, jsonSyntaxErrorOffset(text) ?? 0);
    throw loadErrors.jsonInvalid(file, line, column);
  }
}

/**
 * A scanner at the records array of `text`: the document itself, or the array property of the object
 * holding the records. That object's own keys are checked first: one given twice is refused (an
 * InputError), since JSON.parse kept only its last value, which may be another array of records.
 * Called once `recordsOf` has accepted the document, so the text is valid and holds one such array.
 */
function recordsScanner(text: string, file: string, wrapped: boolean): JsonScanner {
  const scanner = new JsonScanner(text);
  if (!wrapped) return scanner;
  scanner.expect('{');
  const places = new Map<string, { line: number; column: number }>();
  let array: { pos: number; line: number; lineStart: number } | undefined;
  if (scanner.peek() !== '}') {
    for (;;) {
      scanner.peek();
      const place = { line: scanner.line, column: scanner.column() };
      const key = scanner.string();
      const first = places.get(key);
      if (first !== undefined) throw loadErrors.jsonRepeatedKey(file, key, first, place);
      places.set(key, place);
      scanner.expect(':');
      if (scanner.peek() === '[') array = { pos: scanner.pos, line: scanner.line, lineStart: scanner.lineStart };
      scanner.skipValue();
      if (scanner.peek() === '}') break;
      scanner.expect(',');
    }
  }
  if (array === undefined) throw new Error('recordsScanner: no array of records in a document recordsOf accepted');
  scanner.pos = array.pos;
  scanner.line = array.line;
  scanner.lineStart = array.lineStart;
  return scanner;
}

/** Records per batch: the document is in memory anyway, this only spaces out the async steps. */
const RECORDS_PER_BATCH = 4096;

/**
 * The records of a JSON file. `RawRow.line` is the 0-based index in the records array (inputs.md:
 * "for JSON, the array index"); an element that is not an object, or that gives a key twice, is yielded
 * with a defect.
 */
export function readJson(path: string, options: JsonReadOptions = {}): AsyncGenerator<LoadedRow> {
  return flatten(readJsonBatches(path, options));
}

/** The records of a JSON file as `readJson` gives them, in batches of `RECORDS_PER_BATCH`. */
export async function* readJsonBatches(path: string, options: JsonReadOptions = {}): AsyncGenerator<readonly LoadedRow[]> {
  const file = options.displayName ?? path;
  const text = readText(path, file, options.maxFileBytes ?? DEFAULT_MAX_JSON_BYTES);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw loadErrors.fileEmpty(file);
  const document = parseDocument(body, file);
  const records = recordsOf(document, file);
  // The records' text is scanned alongside, one record at a time, for keys given twice.
  const scanner = recordsScanner(body, file, !Array.isArray(document));
  scanner.expect('[');
  for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
    const end = Math.min(start + RECORDS_PER_BATCH, records.length);
    const rows: LoadedRow[] = [];
    for (let index = start; index < end; index++) {
      if (index > 0) scanner.expect(',');
      const row = jsonRecordRow(index, records[index]);
      if (row.defect === undefined) rows.push(withRepeatedKeys(row, repeatedKeysOfRecord(scanner, records[index] as object, true)));
      else {
        scanner.skipValue();
        rows.push(row);
      }
    }
    yield rows;
  }
}
