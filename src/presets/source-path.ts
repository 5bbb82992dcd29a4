/**
 * Reading a value out of a source row by a `SourcePath` (preset.ts): a header, matched as canonical
 * headers are, or a path into a nested JSON record. Header lookups go through an index of the row's
 * keys, rebuilt only when the keys change (CSV rows share one key list).
 */
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

const walk = (start: unknown, steps: readonly Step[]): unknown => {
  let current = start;
  for (const step of steps) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Fields)[step.name];
    if (step.select !== undefined) {
      if (!Array.isArray(current)) return undefined;
      const { key, equals } = step.select;
      const wanted = equals.trim().toLowerCase();
      current = current.find((element) => comparableText(walk(element, key)) === wanted);
    }
  }
  return current;
};

export interface SourceReader {
  /** The value at `path` in `fields`; `undefined` when absent (JSON null counts as absent). */
  readonly read: (fields: Fields, path: SourcePath) => unknown;
  /** True when the row has the header, or the first property of the path (its value may be null). */
  readonly has: (fields: Fields, path: SourcePath) => boolean;
  /**
   * Every key of the row that the header, or the first property of the path, matches (headers alike after
   * normalising, as canonical headers are): more than one means two columns for one source.
   */
  readonly keysOf: (fields: Fields, path: SourcePath) => readonly string[];
  readonly holds: (fields: Fields, condition: Condition) => boolean;
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
  const keyOf = (fields: Fields, path: string): string | undefined => keysAlike(fields, path)?.[0];
  const stepsOf = (path: string): Step[] => {
    let parsed = steps.get(path);
    if (parsed === undefined) {
      parsed = parseSteps(path);
      steps.set(path, parsed);
    }
    return parsed;
  };
  const read = (fields: Fields, path: SourcePath): unknown => {
    const key = keyOf(fields, path);
    const value = key !== undefined ? fields[key] : /[.[]/.test(path) ? walk(fields, stepsOf(path)) : undefined;
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
    const first = stepsOf(path)[0];
    return first === undefined ? [] : (keysAlike(fields, first.name) ?? []);
  };
  const holds = (fields: Fields, condition: Condition): boolean => {
    const text = comparableText(read(fields, condition.source));
    const inList = (list: readonly string[]): boolean => text !== undefined && list.some((item) => item.toLowerCase() === text);
    if (condition.in !== undefined && !inList(condition.in)) return false;
    return condition.notIn === undefined || !inList(condition.notIn);
  };
  return { read, has, keysOf, holds };
}
