/**
 * Reading a value out of a source row by a `SourcePath` (preset.ts): a header, matched as canonical
 * headers are, or a path into a nested JSON record, each of whose keys is matched so too (an export's
 * `"PRIORITY": { "Summary": ... }` is `priority.summary`). Header lookups go through an index of the
 * row's keys, rebuilt only when the keys change (CSV rows share one key list).
 */
import { memberPath } from '../load/json-scanner.js';
import { normaliseHeader } from '../validate/headers.js';
import type { Condition, SourcePath } from './preset.js';

type Fields = Readonly<Record<string, unknown>>;

/** One step of a path: a property, optionally narrowed to the array element whose `key` equals `equals`. */
interface Step {
  readonly name: string;
  readonly select?: { readonly key: readonly Step[]; readonly equals: string };
}

const STEP = /([^.[\]]+)(?:\[([^=\]]+)=([^\]]*)\])?/g;

const parseSteps = (path: string): Step[] =>
  [...path.matchAll(STEP)].map((match) => {
    const [, name = '', key, equals] = match;
    return key === undefined ? { name } : { name, select: { key: parseSteps(key), equals: equals ?? '' } };
  });

/** The text a value compares by: trimmed and lower-cased; numbers and booleans by their JSON text. */
export const comparableText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim().toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

/** A value reached by a path, and how the record spells the way to it (`priority.Summary`, `list[2].value`). */
interface Reached {
  readonly value: unknown;
  readonly spelling: string;
}

/** How many nested keys the reader keeps normalised before it starts again. */
const MEMBER_MEMO_LIMIT = 10_000;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Spellings of keys a lookup skips (see SourceReader.read). */
type Hidden = ReadonlySet<string>;
const NOTHING_HIDDEN: Hidden = new Set();

export interface SourceReader {
  /**
   * The value at `path` in `fields`; `undefined` when absent (JSON null counts as absent). Where several
   * keys match one step, the first not `hidden` is taken (a record with such keys is rejected: see
   * keysOf; `hidden` reads it by each of them in turn).
   */
  readonly read: (fields: Fields, path: SourcePath, hidden?: Hidden) => unknown;
  /** True when the row has the header, or the first property of the path (its value may be null). */
  readonly has: (fields: Fields, path: SourcePath) => boolean;
  /**
   * Every key of the row that the header, or the first property of the path, matches (headers alike after
   * normalising, as canonical headers are): more than one means two columns for one source. When the
   * first property is one key, the keys of the first object inside it that match a step twice, spelled
   * as paths (`priority.summary`, `priority.Summary`): the same doubt, one level down.
   */
  readonly keysOf: (fields: Fields, path: SourcePath) => readonly string[];
  readonly holds: (fields: Fields, condition: Condition, hidden?: Hidden) => boolean;
}

export function createSourceReader(): SourceReader {
  let lastFields: Fields | undefined;
  let lastKeys: readonly string[] = [];
  let index = new Map<string, string[]>();
  const steps = new Map<string, Step[]>();
  const normalised = new Map<string, string>();
  const normal = (text: string): string => {
    let value = normalised.get(text);
    if (value === undefined) {
      value = normaliseHeader(text);
      normalised.set(text, value);
    }
    return value;
  };
  const keysAlike = (fields: Fields, path: string): readonly string[] | undefined => {
    // Several lookups read one row: its keys are compared with the last row's once.
    if (fields !== lastFields) {
      lastFields = fields;
      const keys = Object.keys(fields);
      if (keys.length !== lastKeys.length || keys.some((key, i) => key !== lastKeys[i])) {
        lastKeys = keys;
        index = new Map();
        // Keys that normalise alike are kept together: reading takes the first, and keysOf shows them all
        // (the preset reports such a row rather than read it).
        for (const key of keys) {
          const alike = index.get(normal(key));
          if (alike === undefined) index.set(normal(key), [key]);
          else alike.push(key);
        }
      }
    }
    return index.get(normal(path));
  };
  const keyOf = (fields: Fields, path: string, hidden: Hidden = NOTHING_HIDDEN): string | undefined =>
    keysAlike(fields, path)?.find((key) => !hidden.has(key));
  const stepsOf = (path: string): Step[] => {
    let parsed = steps.get(path);
    if (parsed === undefined) {
      parsed = parseSteps(path);
      steps.set(path, parsed);
    }
    return parsed;
  };
  /**
   * Normalised keys of nested objects: a vendor's objects give the same few keys record after record. The
   * memo is emptied when it grows large (keys that are ids would otherwise fill it).
   */
  const memberNormals = new Map<string, string>();
  const memberNormal = (key: string): string => {
    let value = memberNormals.get(key);
    if (value === undefined) {
      if (memberNormals.size >= MEMBER_MEMO_LIMIT) memberNormals.clear();
      value = normaliseHeader(key);
      memberNormals.set(key, value);
    }
    return value;
  };
  /** The keys of a nested object that a step's name matches, as the row's own keys are matched, in its order. */
  const membersAlike = (object: Fields, name: string): string[] => {
    const wanted = normal(name);
    return Object.keys(object).filter((key) => memberNormal(key) === wanted);
  };
  /** The array element a step's `[key=Value]` selects (the first whose key holds the value), or the value itself. */
  const narrowed = (reached: Reached, step: Step, spell: boolean): Reached | undefined => {
    if (step.select === undefined) return reached;
    if (!Array.isArray(reached.value)) return undefined;
    const { key, equals } = step.select;
    const wanted = equals.trim().toLowerCase();
    const at = reached.value.findIndex((element) => comparableText(reach(element, key, false, NOTHING_HIDDEN)) === wanted);
    return at === -1 ? undefined : { value: reached.value[at], spelling: spell ? memberPath(reached.spelling, at) : '' };
  };
  /**
   * The value `path` reaches from `start` (the row when `top`, else a nested value), by the first key each
   * step matches whose spelling is not hidden. Spellings are made only when some are hidden; without, a
   * key spelled as the path spells it is found in one look-up.
   */
  function reach(start: unknown, path: readonly Step[], top: boolean, hidden: Hidden): unknown {
    const spell = hidden.size > 0;
    let current: Reached = { value: start, spelling: '' };
    let atRow = top;
    for (const step of path) {
      const { value, spelling } = current;
      let key: string | undefined;
      if (atRow) key = keyOf(value as Fields, step.name, hidden);
      else if (!isObject(value)) return undefined;
      else if (!spell && Object.hasOwn(value, step.name)) key = step.name;
      else key = membersAlike(value, step.name).find((member) => !spell || !hidden.has(memberPath(spelling, member)));
      if (key === undefined) return undefined;
      const next = narrowed({ value: (value as Fields)[key], spelling: !spell ? '' : atRow ? key : memberPath(spelling, key) }, step, spell);
      if (next === undefined) return undefined;
      current = next;
      atRow = false;
    }
    return current.value;
  }
  const read = (fields: Fields, path: SourcePath, hidden: Hidden = NOTHING_HIDDEN): unknown => {
    const key = keyOf(fields, path, hidden);
    const value = key !== undefined ? fields[key] : /[.[]/.test(path) ? reach(fields, stepsOf(path), true, hidden) : undefined;
    return value === null ? undefined : value;
  };
  const has = (fields: Fields, path: SourcePath): boolean => {
    if (keyOf(fields, path) !== undefined) return true;
    const first = stepsOf(path)[0];
    return /[.[]/.test(path) && first !== undefined && keyOf(fields, first.name) !== undefined;
  };
  const keysOf = (fields: Fields, path: SourcePath): readonly string[] => {
    const whole = keysAlike(fields, path);
    if (whole !== undefined || !/[.[]/.test(path)) return whole ?? [];
    const [first, ...rest] = stepsOf(path);
    const own = first === undefined ? [] : (keysAlike(fields, first.name) ?? []);
    if (own.length !== 1 || first === undefined) return own;
    // Down the path while each step matches one key: the first that matches more is in doubt.
    let current = narrowed({ value: fields[own[0]!], spelling: own[0]! }, first, true);
    for (const step of rest) {
      if (current === undefined || !isObject(current.value)) break;
      const { value, spelling } = current;
      const members = membersAlike(value, step.name);
      if (members.length > 1) return members.map((member) => memberPath(spelling, member));
      current = members[0] === undefined ? undefined : narrowed({ value: value[members[0]], spelling: memberPath(spelling, members[0]) }, step, true);
    }
    return own;
  };
  const holds = (fields: Fields, condition: Condition, hidden: Hidden = NOTHING_HIDDEN): boolean => {
    const text = comparableText(read(fields, condition.source, hidden));
    const inList = (list: readonly string[]): boolean => text !== undefined && list.some((item) => item.toLowerCase() === text);
    if (condition.in !== undefined && !inList(condition.in)) return false;
    return condition.notIn === undefined || !inList(condition.notIn);
  };
  return { read, has, keysOf, holds };
}
