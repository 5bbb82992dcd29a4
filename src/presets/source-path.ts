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
   * The members of a nested object that a step's name matches, as the row's own keys are matched. Not
   * memoised (the row's keys are): nested keys vary from record to record (custom field names, ids).
   */
  const membersAlike = (object: Fields, at: string, name: string): Reached[] => {
    const wanted = normal(name);
    const found: Reached[] = [];
    for (const key of Object.keys(object)) {
      if (normaliseHeader(key) === wanted) found.push({ value: object[key], spelling: memberPath(at, key) });
    }
    return found;
  };
  /** Where each key the step matches leads: the row's keys for the first step, an object's members after. */
  const stepTargets = (from: Reached | undefined, fields: Fields, step: Step): Reached[] => {
    if (from === undefined) return (keysAlike(fields, step.name) ?? []).map((key) => ({ value: fields[key], spelling: key }));
    return isObject(from.value) ? membersAlike(from.value, from.spelling, step.name) : [];
  };
  /** The array element a step's `[key=Value]` selects (the first whose key holds the value), or the value itself. */
  const selected = (reached: Reached, step: Step): Reached | undefined => {
    if (step.select === undefined) return reached;
    if (!Array.isArray(reached.value)) return undefined;
    const { key, equals } = step.select;
    const wanted = equals.trim().toLowerCase();
    const at = reached.value.findIndex((element) => comparableText(walk(element, key)) === wanted);
    return at === -1 ? undefined : { value: reached.value[at], spelling: memberPath(reached.spelling, at) };
  };
  /** The value at a path's steps below `start` (an array element), taking the first key each step matches. */
  const walk = (start: unknown, path: readonly Step[]): unknown => {
    let current: Reached | undefined = { value: start, spelling: '' };
    for (const step of path) {
      const first: Reached | undefined = stepTargets(current, {}, step)[0];
      current = first === undefined ? undefined : selected(first, step);
      if (current === undefined) return undefined;
    }
    return current.value;
  };
  /** The value a nested path reaches in the row, by the first key not hidden at each step. */
  const reach = (fields: Fields, path: string, hidden: Hidden): unknown => {
    let current: Reached | undefined;
    for (const step of stepsOf(path)) {
      const first: Reached | undefined = stepTargets(current, fields, step).find((target) => !hidden.has(target.spelling));
      current = first === undefined ? undefined : selected(first, step);
      if (current === undefined) return undefined;
    }
    return current?.value;
  };
  const read = (fields: Fields, path: SourcePath, hidden: Hidden = NOTHING_HIDDEN): unknown => {
    const key = keyOf(fields, path, hidden);
    const value = key !== undefined ? fields[key] : /[.[]/.test(path) ? reach(fields, path, hidden) : undefined;
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
    let current = selected({ value: fields[own[0]!], spelling: own[0]! }, first);
    for (const step of rest) {
      if (current === undefined) break;
      const targets = stepTargets(current, fields, step);
      if (targets.length > 1) return targets.map((target) => target.spelling);
      current = targets[0] === undefined ? undefined : selected(targets[0], step);
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
