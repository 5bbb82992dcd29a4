/**
 * Zod issues of the config file turned into problems that read like data errors: the key's JSON path,
 * what was expected, what was found (`$.rca.hours: expected a number, found "48"`).
 */
import type { z } from 'zod/mini';
import type { Problem } from '../core/problems.js';
import { describeFound } from '../validate/parse-result.js';
import { KEY_KINDS } from './config-schema.js';
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

const unknownKeyMessage = (parentPath: string): string => {
  const kind = KEY_KINDS[parentPath];
  return kind === undefined ? 'unknown key' : `unknown key; expected ${kind.kind} (${kind.ids.join(', ')})`;
};

/** One line per issue: `[path, message]`; an issue about several unknown keys gives one line each. */
const describeIssue = (issue: z.core.$ZodIssue): Array<readonly [string, string]> => {
  const path = pathOf(issue.path);
  const found = issue.input === undefined ? 'nothing' : describeFound(issue.input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => [memberPath(path, key), unknownKeyMessage(path)] as const);
    case 'invalid_type':
      return [[path, `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${found}`]];
    case 'invalid_value':
      return [[path, `expected one of ${issue.values.map(String).join(', ')}, found ${found}`]];
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
