/**
 * What the readers yield: a RawRow, plus — when the reader could not take the record as it is — a
 * defect describing why. A defect is not fatal: the rest of the file is still read, and the validator
 * turns the defect into row problems with `rowDefectProblems()`.
 */
import type { Problem } from '../core/problems.js';
import type { RawRow } from '../core/raw-row.js';
import type { KeyPlace, RepeatedKey } from './json-repeated-keys.js';

/** JSON type names as a person would say them. */
export type JsonKind = 'an array' | 'a string' | 'a number' | 'true/false' | 'null';

export type RowDefect =
  /** A CSV record with more or fewer fields than the header. Extra fields are kept as `column_N`. */
  | { readonly kind: 'field_count'; readonly expected: number; readonly found: number }
  /** A JSON array element or NDJSON line that is valid JSON but not an object; `fields` is empty. */
  | { readonly kind: 'not_an_object'; readonly found: JsonKind }
  /** An NDJSON line that is not valid JSON; `fields` is empty. `column` is 1-based. */
  | { readonly kind: 'invalid_json'; readonly column: number; readonly byteOrderMark?: boolean }
  /** A JSON object with more keys than the limit (DEFAULT_MAX_COLUMNS); `fields` is empty. */
  | { readonly kind: 'too_many_fields'; readonly limit: number }
  /**
   * A JSON object that gives a key twice or more in one of its objects. `fields` are as JSON.parse made
   * them (the last value of each such key), so the row's other problems can still be found; the row is
   * rejected all the same. A preset that cannot map them (a wide survey's record) gives no fields.
   */
  | { readonly kind: 'repeated_keys'; readonly keys: readonly RepeatedKey[] };

/**
 * A record as read. `fields` has no prototype: a key that is not in the file is `undefined`, and
 * keys such as `__proto__` or `constructor` are plain own properties.
 */
export interface LoadedRow extends RawRow {
  readonly defect?: RowDefect;
  /**
   * Keys of the source record that mean one column (a preset's reading, see presets/source-conflicts.ts):
   * the row is rejected with one problem per conflict, as a canonical record with two such keys is.
   */
  readonly conflicts?: ReadonlyArray<{ readonly column: string; readonly sources: readonly string[] }>;
  /** A value of the source record its preset could not read (see UnreadSource): the row is rejected. */
  readonly unreadSource?: UnreadSource;
}

/**
 * A source value a preset could not read, which fills the canonical columns `fills`: a wide survey's
 * response date gives each answer's responded_on, and its wave unless the config sets one. The problem
 * is the source's (on its column, as the file names it), said once however many rows the record gives:
 * `problems` are on the record's first row only, and the columns they fill report nothing of their own
 * (`wave: expected text, found nothing` would send the user looking for a column the file need not have).
 */
export interface UnreadSource {
  readonly fills: readonly string[];
  readonly problems?: ReadonlyArray<{ readonly column: string; readonly message: string }>;
}

/**
 * A row without a defect, made by a constructor rather than as the literal `{ line, fields }`, for
 * memory's sake. V8 watches each object literal's allocation site and, once nearly all of its objects
 * outlive a young-generation collection (as the rows of a large batch do: a whole small file is one),
 * allocates that site's objects straight in the old generation for the rest of the run. Rows live for one
 * batch; in the old generation each stayed until the next full collection and kept its fields and their
 * strings alive through the young collections too. On the medium bench this struck some runs: up to
 * ~100 MiB of garbage per large file, and peaks of 640–680 MiB instead of ~480. V8 does not allocate
 * objects made by `new` that way.
 */
class PlainRow implements LoadedRow {
  constructor(
    readonly line: number,
    readonly fields: Readonly<Record<string, unknown>>,
  ) {}
}

/** The row of a record taken as it is (a row with a defect is rare, and built as a literal). */
export const plainRow = (line: number, fields: Readonly<Record<string, unknown>>): LoadedRow => new PlainRow(line, fields);

const describePlace = (place: KeyPlace): string =>
  place.line === undefined ? `at column ${place.column}` : `on line ${place.line} at column ${place.column}`;

/** A path as shown: a very long one (a key nested thousands deep) keeps its two ends. */
const MAX_PATH_SHOWN = 120;
const shownPath = (path: string): string =>
  path.length <= MAX_PATH_SHOWN ? path : `${path.slice(0, MAX_PATH_SHOWN / 2)}...${path.slice(-MAX_PATH_SHOWN / 2)}`;

const describeRepeat = (repeat: RepeatedKey): string =>
  `the key "${shownPath(repeat.path)}" is given ${repeat.times === 2 ? 'twice' : `${repeat.times} times`} in this record ` +
  `(first ${describePlace(repeat.first)}, ${repeat.times === 2 ? 'again' : 'last'} ${describePlace(repeat.last)}); ` +
  'JSON keeps the last, so which value was meant is unclear';

const describeDefect = (defect: Exclude<RowDefect, { kind: 'repeated_keys' }>): string => {
  switch (defect.kind) {
    case 'field_count':
      return `expected ${defect.expected} fields as in the header, found ${defect.found}`;
    case 'not_an_object':
      return `expected an object (a record), found ${defect.found}`;
    case 'invalid_json':
      // A mark at a line's start is invisible: files joined with `cat` each bring their own.
      return defect.byteOrderMark === true
        ? 'not valid JSON: the line starts with a byte-order mark (U+FEFF), as when files are joined; remove it'
        : `not valid JSON: syntax error at column ${defect.column}`;
    case 'too_many_fields':
      return `expected at most ${defect.limit} fields, found more`;
    default: {
      const unknownKind: never = defect;
      return unknownKind;
    }
  }
};

/**
 * The row problems of a defect: one, or one per repeated key (on the record's key it concerns). Every
 * defect is an error: a record with a wrong field count may hold its values under the wrong columns, a
 * repeated key leaves its value in doubt, and the other kinds hold no fields at all.
 */
export const rowDefectProblems = (file: string, line: number, defect: RowDefect): Problem[] =>
  defect.kind === 'repeated_keys'
    ? defect.keys.map((repeat) => ({ file, line, column: shownPath(repeat.field), message: describeRepeat(repeat), severity: 'error' }))
    : [{ file, line, column: '-', message: describeDefect(defect), severity: 'error' }];
