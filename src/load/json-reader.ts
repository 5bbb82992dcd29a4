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

/**
 * The property of an object document whose array holds the records, for an export that gives several
 * arrays (BambooHR's custom report: `fields`, then `employees`). `expectedBy` names who says so, for the
 * message of a document without it (`preset "bamboohr"`).
 */
export interface JsonRecordsProperty {
  readonly name: string;
  readonly expectedBy: string;
}

/**
 * What an object document gives beside its records: its other properties, such as the paging fields of a
 * saved API page (`"more": true`), which say whether the file holds every record.
 */
export interface JsonDocument {
  /** The property whose array holds the records. */
  readonly recordsKey: string;
  /** How many records that array holds. */
  readonly records: number;
  /** The object's other properties, as parsed. */
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface JsonReadOptions {
  /** How the file is named in errors (default: the path). */
  readonly displayName?: string;
  /** Largest JSON document read (default 256 MiB). */
  readonly maxFileBytes?: number;
  /** Without it, an object document must hold one array property, which holds the records. */
  readonly recordsProperty?: JsonRecordsProperty;
  /** Given an object document's other properties before its first record; not called for an array document. */
  readonly onDocument?: (document: JsonDocument) => void;
}

/** The records of a parsed document, and the key of the object's property that holds them (none for an array). */
interface Records {
  readonly records: readonly unknown[];
  readonly key: string | undefined;
}

/** What a document without the named property holds instead, in words. */
function insteadOf(object: Record<string, unknown>, name: string): string {
  if (Object.hasOwn(object, name)) return `"${name}" holding ${jsonKind(object[name])}`;
  const keys = Object.keys(object);
  return keys.length === 0 ? 'an empty object' : `no property "${name}" (the object has: ${keys.join(', ')})`;
}

/**
 * The records of a parsed document: the document itself when it is an array, else the array-valued
 * property of an object: the named one when a records property is given (the other properties, arrays or
 * not, are metadata), else the single one (the others are metadata such as `limit`; two arrays are refused,
 * since which holds the records would be a guess).
 */
function recordsOf(document: unknown, file: string, property: JsonRecordsProperty | undefined): Records {
  if (Array.isArray(document)) return { records: document, key: undefined };
  const kind = jsonKind(document);
  if (kind !== 'an object') throw loadErrors.jsonNoRecords(file, kind);
  const object = document as Record<string, unknown>;
  if (property !== undefined) {
    const named = object[property.name];
    if (!Object.hasOwn(object, property.name) || !Array.isArray(named)) {
      throw loadErrors.jsonRecordsMissing(file, property.name, property.expectedBy, insteadOf(object, property.name));
    }
    return { records: named, key: property.name };
  }
  const arrayKeys = Object.keys(object).filter((key) => Array.isArray(object[key]));
  if (arrayKeys.length > 1) throw loadErrors.jsonTwoArrays(file, arrayKeys);
  const [key] = arrayKeys;
  if (key === undefined) throw loadErrors.jsonNoRecords(file, 'an object without an array property');
  return { records: object[key] as unknown[], key };
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
 * A scanner at the records array of `text`: the document itself (`key` undefined), or the value of the
 * object's property `key`. That object's own keys are checked first: one given twice is refused (an
 * InputError), since JSON.parse kept only its last value, which may be another array of records.
 * Called once `recordsOf` has accepted the document, so the text is valid and `key` holds an array.
 */
function recordsScanner(text: string, file: string, key: string | undefined): JsonScanner {
  const scanner = new JsonScanner(text);
  if (key === undefined) return scanner;
  scanner.expect('{');
  const places = new Map<string, { line: number; column: number }>();
  let array: { pos: number; line: number; lineStart: number } | undefined;
  if (scanner.peek() !== '}') {
    for (;;) {
      scanner.peek();
      const place = { line: scanner.line, column: scanner.column() };
      const found = scanner.string();
      const first = places.get(found);
      if (first !== undefined) throw loadErrors.jsonRepeatedKey(file, found, first, place);
      places.set(found, place);
      scanner.expect(':');
      if (found === key) {
        scanner.peek();
        array = { pos: scanner.pos, line: scanner.line, lineStart: scanner.lineStart };
      }
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
  const { records, key } = recordsOf(document, file, options.recordsProperty);
  if (key !== undefined && options.onDocument !== undefined) {
    const { [key]: _records, ...properties } = document as Record<string, unknown>;
    options.onDocument({ recordsKey: key, records: records.length, properties });
  }
  // The records' text is scanned alongside, one record at a time, for keys given twice.
  const scanner = recordsScanner(body, file, key);
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
