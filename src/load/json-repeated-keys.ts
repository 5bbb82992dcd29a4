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

/** A key given again in one object, as the scan finds it. */
interface Repeat {
  readonly field: string;
  readonly path: string;
  times: number;
  readonly first: KeyPlace;
  last: KeyPlace;
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
 * `withLines`, places have a line (a document); without, only a column (one line of NDJSON). A loop, not
 * recursion: any depth JSON.parse took is read. Each key costs a map lookup, and each repeat a path
 * made once per object, whatever the number of keys, repeats or levels.
 */
export function repeatedKeysOfValue(scanner: JsonScanner, withLines: boolean): RepeatedKey[] | undefined {
  // Per open container, by depth: whether it is an object, its member now (key or index), its keys
  // (an object's: where each was first given, or its repeat once given again) and its path in the value.
  const isObject: boolean[] = [];
  const member: (string | number)[] = [];
  const keys: Map<string, KeyPlace | Repeat>[] = [];
  const paths: (string | undefined)[] = [];
  let depth = 0;
  let repeats: Repeat[] | undefined;

  /** The path of the member `key` of the container at depth `at`; containers' paths are made on demand, once. */
  const pathOf = (at: number, key: string): string => {
    if (at === 0) return key;
    let known = at;
    while (known > 1 && paths[known] === undefined) known -= 1;
    for (let d = known; d <= at; d++) paths[d] ??= d === 1 ? String(member[0]) : memberPath(paths[d - 1] as string, member[d - 1] as string | number);
    return memberPath(paths[at] as string, key);
  };
  const readKey = (): void => {
    const at = depth - 1;
    scanner.peek();
    const place: KeyPlace = withLines ? { line: scanner.line, column: scanner.column() } : { column: scanner.column() };
    const key = scanner.string();
    const offsets = keys[at] as Map<string, KeyPlace | Repeat>;
    const seen = offsets.get(key);
    if (seen === undefined) offsets.set(key, place);
    else if ('times' in seen) {
      seen.times += 1;
      seen.last = place;
    } else {
      const repeat: Repeat = { field: String(at === 0 ? key : member[0]), path: pathOf(at, key), times: 2, first: seen, last: place };
      offsets.set(key, repeat);
      (repeats ??= []).push(repeat);
    }
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
        paths[depth] = undefined;
        if (object) keys[depth] = new Map();
        else member[depth] = 0;
        depth += 1;
        if (object) readKey();
        continue;
      }
    } else scanner.scalar();
    // After a value: the next member of its container, or the container's end (and so on up).
    for (;;) {
      if (depth === 0) return repeats?.map(({ field, path, times, first, last }) => ({ field, path, times, first, last }));
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
