/**
 * Parsers of the value types of inputs.md. Each takes a trimmed, non-empty cell (empty cells are
 * absent and handled before) and returns a value or what was expected and what was found.
 */
import { matchKey } from '../core/config.js';
import type { QuestionId } from '../core/datasets.js';
import { LEVEL_CODES, type LevelCode } from '../core/levels.js';
import type { Priority } from '../core/priorities.js';
import { fail, ok, type ParseResult } from './parse-result.js';

export { parseDate, parseTimestamp, EXPECTED_DATE, EXPECTED_TIMESTAMP } from './temporal-values.js';
export { dateInZone, startOfDayInstant, endOfDayInstant } from './time-zone.js';

export const EXPECTED_NUMBER = 'a number with . as the decimal separator';
export const EXPECTED_SHARE = 'a share between 0 and 1, or a percentage like 37.5%';
export const EXPECTED_BOOL = 'true/false, yes/no, y/n or 1/0';

// Digits with an optional `.` fraction and exponent (`1e3` is accepted); no thousands separators, hex,
// `NaN` or `Infinity`.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A currency sign, or digits grouped in threes by a comma, space, apostrophe or dot: a spreadsheet's or HRIS
 * report's formatted amount (`$104,100.00`, `104.100,00`). Which separator is the decimal one depends on the
 * locale, so the tool does not guess; the hint says what to export, without the value (pay is personal). The
 * first group is one to three digits, not a lone 0: `0,125` and `1234,567` are decimals, which dropping the
 * "separator" would read as 125 and 1234567.
 */
const FORMATTED_AMOUNT = /\p{Sc}|(?:^|\D)(?:[1-9]\d{0,2})[,.\s'’]\d{3}(?:\D|$)/u;
const PLAIN_NUMBER_HINT = 'it reads as a formatted amount: export plain numbers, without a currency sign or thousands separators (104100.00, not $104,100.00)';

/** A decimal number; `-0` becomes 0 and a value that overflows to Infinity (`1e400`) is refused. */
export const parseNumber = (text: string): ParseResult<number> => {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return fail(EXPECTED_NUMBER, text, FORMATTED_AMOUNT.test(trimmed) ? PLAIN_NUMBER_HINT : undefined);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return fail('a finite number', text);
  return ok(value + 0); // -0 + 0 is +0
};

/** A lower bound of a number column (`ColumnSpec.min` / `exclusiveMin`). */
export interface NumberBounds {
  readonly min?: number | undefined;
  readonly exclusiveMin?: boolean | undefined;
  readonly max?: number | undefined;
}

export const checkBounds = (value: number, bounds: NumberBounds, found: unknown): ParseResult<number> => {
  const { min, max, exclusiveMin = false } = bounds;
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    return fail(`a number from ${min} to ${max}`, found);
  }
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
    return fail(`a number ${exclusiveMin ? '>' : '>='} ${min}`, found);
  }
  if (max !== undefined && value > max) return fail(`a number <= ${max}`, found);
  return ok(value);
};

/**
 * A share as a fraction: a number in 0..1, or a percentage `37.5%`; in a column declared as percent, a
 * number in (1, 100] is read as a percentage too (a number in 0..1 stays a fraction).
 */
export const parseShare = (text: string, percentColumn = false): ParseResult<number> => {
  const isPercent = text.endsWith('%');
  const number = parseNumber(isPercent ? text.slice(0, -1) : text);
  if (!number.ok) return fail(EXPECTED_SHARE, text);
  const value = number.value;
  if (isPercent) return value >= 0 && value <= 100 ? ok(value / 100) : fail('a percentage from 0% to 100%', text);
  if (value >= 0 && value <= 1) return ok(value);
  if (percentColumn && value > 1 && value <= 100) return ok(value / 100);
  return fail(percentColumn ? 'a share between 0 and 1, or a percentage up to 100' : EXPECTED_SHARE, text);
};

const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true], ['yes', true], ['y', true], ['1', true],
  ['false', false], ['no', false], ['n', false], ['0', false],
]);

export const parseBool = (text: string): ParseResult<boolean> => {
  const value = BOOL_WORDS.get(matchKey(text));
  return value === undefined ? fail(EXPECTED_BOOL, text) : ok(value);
};

export const parseId = (text: string): ParseResult<string> => {
  const id = text.trim();
  return id === '' ? fail('a non-empty id', text) : ok(id);
};

/** A title and its level code by the level map; a title the map does not know is `other`, never an error. */
export const parseTitle = (text: string, levels: ReadonlyMap<string, LevelCode>): ParseResult<{ title: string; level: LevelCode }> => {
  const title = text.trim();
  return ok({ title, level: levels.get(matchKey(title)) ?? 'other' });
};

/** The level codes, for a text that may be one. */
export const LEVEL_CODE_SET: ReadonlySet<string> = new Set(LEVEL_CODES);

/** A survey respondent's level: a title of the level map (it wins), or a level code; else `other`. */
export const parseRespondentLevel = (text: string, levels: ReadonlyMap<string, LevelCode>): ParseResult<LevelCode> => {
  const key = matchKey(text);
  const byTitle = levels.get(key);
  if (byTitle !== undefined) return ok(byTitle);
  return ok(LEVEL_CODE_SET.has(key) ? (key as LevelCode) : 'other');
};

/** A priority by the priorities map; an unknown name is an error, since P1 figures depend on it. */
export const parsePriority = (text: string, priorities: ReadonlyMap<string, Priority>): ParseResult<Priority> => {
  const priority = priorities.get(matchKey(text));
  return priority !== undefined
    ? ok(priority)
    : fail('a priority the priorities map knows (P1..P5, SEV1, High, ...)', text, 'map it under "priorities" in the config');
};

/**
 * A question id: a text of `survey.questions`, else the lower-cased cell, which is a canonical id or a
 * question the metrics do not use (surveys ask others; not an error).
 */
export const parseQuestion = (text: string, questions: ReadonlyMap<string, QuestionId>): ParseResult<string> => {
  const key = matchKey(text);
  return ok(questions.get(key) ?? key);
};

/** One of a column's declared values, matched case-insensitively and stored lower-case. */
export const parseEnum = (text: string, values: readonly string[]): ParseResult<string> => {
  const key = matchKey(text);
  return values.includes(key) ? ok(key) : fail(`one of ${values.join(', ')}`, text);
};
