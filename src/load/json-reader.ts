/**
 * JSON document reader. A JSON document cannot be streamed without a streaming parser (which we do not
 * depend on), so it is read and parsed whole; files above `maxFileBytes` (default 256 MiB) are refused
 * with an InputError before reading, which bounds memory. Large exports belong in NDJSON or CSV.
 */
import { closeSync, readFileSync } from 'node:fs';
import { jsonKind, jsonRecordRow } from './json-record.js';
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

/** Records per batch: the document is in memory anyway, this only spaces out the async steps. */
const RECORDS_PER_BATCH = 4096;

/**
 * The records of a JSON file. `RawRow.line` is the 0-based index in the records array (inputs.md:
 * "for JSON, the array index"); an element that is not an object is yielded with a defect.
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
  const records = recordsOf(parseDocument(body, file), file);
  for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
    const end = Math.min(start + RECORDS_PER_BATCH, records.length);
    const rows: LoadedRow[] = [];
    for (let index = start; index < end; index++) rows.push(jsonRecordRow(index, records[index]));
    yield rows;
  }
}
