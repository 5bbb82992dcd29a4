/**
 * Keys a JSON record gives more than once in one object. JSON.parse keeps the last value of such a key
 * and says nothing, so the readers scan each record's text for them (after JSON.parse has accepted it).
 * Every object of the record is checked, nested ones too: a preset reads values out of nested objects
 * (`priority.summary`). A record is skimmed first, its keys neither read nor kept but counted; only
 * one whose counts fail is read key by key, and memory then holds the keys of the objects open at one
 * time, never those of the file.
 */
import { memberPath, type JsonScanner } from './json-scanner.js';

/** Where a key is: its line (in a JSON document; NDJSON records are one line each) and 1-based column. */
export interface KeyPlace {
  readonly line?: number;
  readonly column: number;
}

export interface RepeatedKey {
  /** The record's own key the repeated one is, or is inside of: the row's column it concerns. */
  readonly field: string;
  /** The key's path in the record: `priority`, `priority.summary`, `tags[0].name`. */
  readonly path: string;
  /** How many times the key is given in its object (2 or more). */
  readonly times: number;
  readonly first: KeyPlace;
  /** The last one given: the value JSON.parse keeps. */
  readonly last: KeyPlace;
}

interface Repeat {
  /** Which object of the record (counted as they open), so a key repeated in two objects is two repeats. */
  readonly object: number;
  readonly key: string;
  readonly field: string;
  readonly path: string;
  times: number;
  readonly first: number;
  last: number;
}

/** How many keys a parsed object has (JSON.parse makes only own, enumerable ones). */
const keyCount = (value: object): number => Object.keys(value).length;

/** An object or array around the one `noKeyGivenTwice` is in: its parsed value, and its members or elements so far. */
interface Outer {
  readonly value: object;
  readonly count: number;
  readonly isObject: boolean;
}

/**
 * True when no object of the value at the scanner's position (an object or array; `value` is what
 * JSON.parse made of it) gives a key twice: each object's text has as many members as its parsed object
 * has keys. The scanner is then left just after the value. An object of the text is matched with its
 * parsed one by its key (or index) in the one around it, which is exact unless that one gives a key
 * twice, and then its own count fails. Only the keys of members holding an object or array are read.
 */
function noKeyGivenTwice(scanner: JsonScanner, value: object): boolean {
  let current = value;
  let isObject = scanner.peek() === '{';
  let count = 0; // the members of an object so far (its colons), or the index of an array's element
  let outer: Outer[] | undefined;
  scanner.pos += 1;
  for (;;) {
    const mark = scanner.nextMark();
    if (mark === 0x3a) count += 1; // `:`
    else if (mark === 0x2c) { // `,`
      if (!isObject) count += 1;
    } else if (mark === 0x7b || mark === 0x5b) { // `{`, `[`
      const inner: unknown = isObject ? (current as Record<string, unknown>)[scanner.lastString()] : (current as unknown[])[count];
      if (typeof inner !== 'object' || inner === null || Array.isArray(inner) !== (mark === 0x5b)) return false;
      (outer ??= []).push({ value: current, count, isObject });
      current = inner;
      isObject = mark === 0x7b;
      count = 0;
    } else if (mark === 0x7d || mark === 0x5d) { // `}`, `]`
      if (isObject && count !== keyCount(current)) return false;
      const around = outer?.pop();
      if (around === undefined) {
        scanner.pos += 1;
        return true;
      }
      ({ value: current, count, isObject } = around);
    } else return false; // the end of the text: not a value JSON.parse took
    scanner.pos += 1;
  }
}

/**
 * The keys given more than once in the record at the scanner's position, an object JSON.parse made
 * `value` of, as `repeatedKeysOfValue` gives them; the scanner is left just after the record. A record
 * is first skimmed (`noKeyGivenTwice`): only one that fails is read key by key.
 */
export function repeatedKeysOfRecord(scanner: JsonScanner, value: object, withLines: boolean): RepeatedKey[] | undefined {
  scanner.peek();
  const { pos, line, lineStart } = scanner;
  if (noKeyGivenTwice(scanner, value)) return undefined;
  scanner.pos = pos;
  scanner.line = line;
  scanner.lineStart = lineStart;
  return repeatedKeysOfValue(scanner, withLines);
}

/**
 * The keys given more than once in any object of the value at the scanner's position, in the order of
 * their first repeat; undefined when there is none. The scanner is left just after the value. With
 * `withLines`, places have a line (a document); without, only a column (one line of NDJSON, whose
 * scanner starts at offset 0). A loop, not recursion: any depth JSON.parse took is read.
 */
export function repeatedKeysOfValue(scanner: JsonScanner, withLines: boolean): RepeatedKey[] | undefined {
  // Per open container, by depth: whether it is an object, its member now (key or index), the offsets
  // of its keys (objects), and which object of the value it is.
  const isObject: boolean[] = [];
  const member: (string | number)[] = [];
  const keys: Map<string, number>[] = [];
  const objectNumber: number[] = [];
  let depth = 0;
  let objects = 0;
  let repeats: Repeat[] | undefined;

  const noteRepeat = (at: number, key: string, first: number, offset: number): void => {
    const object = objectNumber[at] as number;
    const known = repeats?.find((repeat) => repeat.object === object && repeat.key === key);
    if (known !== undefined) {
      known.times += 1;
      known.last = offset;
      return;
    }
    const field = String(at === 0 ? key : member[0]);
    let path = field;
    for (let d = 1; d <= at; d++) path = memberPath(path, d === at ? key : (member[d] as string | number));
    (repeats ??= []).push({ object, key, field, path, times: 2, first, last: offset });
  };
  const readKey = (): void => {
    const at = depth - 1;
    scanner.peek();
    const offset = scanner.pos;
    const key = scanner.string();
    const offsets = keys[at] as Map<string, number>;
    const first = offsets.get(key);
    if (first === undefined) offsets.set(key, offset);
    else noteRepeat(at, key, first, offset);
    member[at] = key;
    scanner.expect(':');
  };

  for (;;) {
    // A value: a container is opened (and its first member's key read), anything else skipped.
    const char = scanner.peek();
    if (char === '{' || char === '[') {
      scanner.pos += 1;
      const object = char === '{';
      if (scanner.peek() === (object ? '}' : ']')) scanner.pos += 1;
      else {
        isObject[depth] = object;
        if (object) {
          keys[depth] = new Map();
          objectNumber[depth] = objects++;
        } else member[depth] = 0;
        depth += 1;
        if (object) readKey();
        continue;
      }
    } else scanner.scalar();
    // After a value: the next member of its container, or the container's end (and so on up).
    for (;;) {
      if (depth === 0) return repeats?.map((repeat) => repeatedKey(scanner, repeat, withLines));
      if (scanner.peek() === ',') {
        scanner.pos += 1;
        if (isObject[depth - 1]) readKey();
        else member[depth - 1] = (member[depth - 1] as number) + 1;
        break;
      }
      scanner.pos += 1; // `}` or `]`
      depth -= 1;
    }
  }
}

/** A repeat with its offsets as places; the scanner is past both, so their lines are counted back from its own. */
function repeatedKey(scanner: JsonScanner, repeat: Repeat, withLines: boolean): RepeatedKey {
  const { text } = scanner;
  const place = (offset: number): KeyPlace => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const column = offset - lineStart + 1;
    if (!withLines) return { column };
    let line = scanner.line;
    for (let at = scanner.lineStart - 1; at >= lineStart; at = text.lastIndexOf('\n', at - 1)) line -= 1;
    return { line, column };
  };
  return { field: repeat.field, path: repeat.path, times: repeat.times, first: place(repeat.first), last: place(repeat.last) };
}
