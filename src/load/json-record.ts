/** One parsed JSON value (an array element or an NDJSON line) as a row. */
import type { JsonKind, LoadedRow } from './loaded-row.js';

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

/**
 * The row for `value` at `line`. The fields are copied into an object without a prototype, so a key
 * such as `__proto__` (an own property after JSON.parse) stays a plain field and the validator's
 * lookups never reach Object.prototype. A value that is not an object gives empty fields and a
 * `not_an_object` defect.
 */
export function jsonRecordRow(line: number, value: unknown): LoadedRow {
  const kind = jsonKind(value);
  const fields: Record<string, unknown> = Object.create(null);
  if (kind !== 'an object') return { line, fields, defect: { kind: 'not_an_object', found: kind } };
  for (const [key, field] of Object.entries(value as object)) fields[key] = field;
  return { line, fields };
}
