/** One parsed JSON value (an array element or an NDJSON line) as a row. */
import type { RepeatedKey } from './json-repeated-keys.js';
import { DEFAULT_MAX_COLUMNS } from './limits.js';
import { plainRow, type JsonKind, type LoadedRow } from './loaded-row.js';

export const jsonKind = (value: unknown): JsonKind | 'an object' => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    default:
      return 'an object';
  }
};

/** More than `max` own keys? Counting stops at max + 1. */
const hasMoreKeys = (value: object, max: number): boolean => {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key) && ++count > max) return true;
  return false;
};

/**
 * The row for `value` at `line`. The fields are copied into an object without a prototype, so a key
 * such as `__proto__` (an own property after JSON.parse) stays a plain field and the validator's
 * lookups never reach Object.prototype. A value that is not an object gives empty fields and a
 * `not_an_object` defect; an object with more than `maxFields` keys, a `too_many_fields` defect (copying
 * a million keys costs seconds, and no export of these datasets is that wide).
 */
export function jsonRecordRow(line: number, value: unknown, maxFields = DEFAULT_MAX_COLUMNS): LoadedRow {
  const kind = jsonKind(value);
  // Made from a literal, as in csv-row-builder: fast mode where `Object.create(null)` is a hash table.
  const fields: Record<string, unknown> = Object.setPrototypeOf({}, null);
  if (kind !== 'an object') return { line, fields, defect: { kind: 'not_an_object', found: kind } };
  if (hasMoreKeys(value as object, maxFields)) return { line, fields, defect: { kind: 'too_many_fields', limit: maxFields } };
  for (const [key, field] of Object.entries(value as object)) fields[key] = field;
  return plainRow(line, fields);
}

/**
 * The row of a record whose text gives `repeated` keys twice or more (see json-repeated-keys.ts): its
 * fields as JSON.parse left them, with a `repeated_keys` defect. Readers scan a record's text only once
 * `jsonRecordRow` has taken it without a defect, so a record too wide to copy is not scanned either.
 */
export const withRepeatedKeys = (row: LoadedRow, repeated: readonly RepeatedKey[] | undefined): LoadedRow =>
  repeated === undefined ? row : { line: row.line, fields: row.fields, defect: { kind: 'repeated_keys', keys: repeated } };
