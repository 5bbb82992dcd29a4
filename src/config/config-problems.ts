/**
 * Zod issues of the config file turned into problems that read like data errors: the key's JSON path,
 * what was expected, what was found (`$.rca.hours: expected a number, found "48"`).
 */
import type { z } from 'zod/mini';
import type { Problem } from '../core/problems.js';
import { describeFound } from '../validate/parse-result.js';
import { CONFIG_FILE_SCHEMA, KEY_KINDS } from './config-schema.js';
import { memberPath } from '../load/json-scanner.js';

/** Where the problems of one config file are reported. */
export interface ConfigOrigin {
  readonly file: string;
  /** The line of a JSON path in the file, when the text is known. */
  readonly lineOf?: (path: string) => number | undefined;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

export const pathOf = (keys: readonly PropertyKey[]): string =>
  keys.reduce<string>((path, key) => memberPath(path, typeof key === 'number' ? key : String(key)), '$');

/** The schema's nodes, read through `def`, which zod's every API shares (the config schema is zod/mini). */
type SchemaNode = { def?: { type: string; innerType?: unknown; shape?: Record<string, unknown>; valueType?: unknown } };

/** The keys the object at `keys` (a path from the file's top) may have; undefined where keys are the user's (a map). */
function keysAllowedAt(keys: readonly PropertyKey[]): string[] | undefined {
  let node = CONFIG_FILE_SCHEMA as unknown as SchemaNode;
  const unwrap = (): void => {
    while (node.def?.type === 'optional') node = node.def.innerType as SchemaNode;
  };
  for (const key of keys) {
    unwrap();
    if (node.def?.type === 'object') node = node.def.shape?.[String(key)] as SchemaNode;
    else if (node.def?.type === 'record') node = node.def.valueType as SchemaNode;
    else return undefined;
    if (node === undefined) return undefined;
  }
  unwrap();
  return node.def?.type === 'object' ? Object.keys(node.def.shape ?? {}) : undefined;
}

/** A key told apart from an allowed one only by case, `_` or `-` (`timeZone`, `baseline_wave`): what was meant. */
const meantKey = (key: string, allowed: readonly string[]): string | undefined => {
  const bare = (text: string): string => text.toLowerCase().replace(/[-_\s]/g, '');
  return allowed.find((name) => bare(name) === bare(key));
};

const unknownKeyMessage = (parentKeys: readonly PropertyKey[], key: string): string => {
  const kind = KEY_KINDS[pathOf(parentKeys)];
  if (kind !== undefined) return `unknown key; expected ${kind.kind} (${kind.ids.join(', ')})`;
  const allowed = keysAllowedAt(parentKeys);
  if (allowed === undefined) return 'unknown key';
  const meant = meantKey(key, allowed);
  return `unknown key; ${meant === undefined ? '' : `did you mean ${meant}? `}expected one of ${allowed.join(', ')}`;
};

/** One line per issue: `[path, message]`; an issue about several unknown keys gives one line each. */
const describeIssue = (issue: z.core.$ZodIssue): Array<readonly [string, string]> => {
  const path = pathOf(issue.path);
  const found = issue.input === undefined ? 'nothing' : describeFound(issue.input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => [memberPath(path, key), unknownKeyMessage(issue.path, key)] as const);
    case 'invalid_type':
      return [[path, `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${found}`]];
    case 'invalid_value':
      return [[path, `expected one of ${issue.values.map(String).join(', ')}, found ${found}`]];
    // An integer past the safe range (1e20): zod's own check, whose message is only "Invalid input".
    case 'too_big':
    case 'too_small':
      if (issue.origin === 'int') return [[path, `expected an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, found ${found}`]];
      return [[path, `expected ${issue.message}, found ${found}`]];
    default:
      return [[path, `expected ${issue.message}, found ${found}`]];
  }
};

/** All the problems of the file, in line order when the lines are known. */
export const configProblems = (error: z.core.$ZodError, origin: ConfigOrigin): Problem[] =>
  error.issues
    .flatMap(describeIssue)
    .map(([path, message]): Problem => ({ file: origin.file, line: origin.lineOf?.(path) ?? 0, column: path, message, severity: 'error' }))
    .sort((a, b) => a.line - b.line);
