/**
 * One column's cell reader: from a raw value (a CSV string, or a JSON number, boolean, null...) to a
 * typed value, `undefined` when absent, or a failure. Built once per column and config, run per row.
 */
import { matchKey, type Config } from '../core/config.js';
import type { ColumnSpec, ValueType } from '../core/datasets.js';
import { PRIORITY_NOT_MAPPED } from '../core/priorities.js';
import { fail, ok, type ParseFailure, type ParseResult } from './parse-result.js';
import {
  checkBounds, EXPECTED_BOOL, EXPECTED_DATE, EXPECTED_NUMBER, EXPECTED_SHARE, EXPECTED_TIMESTAMP, parseBool, parseDate,
  parseEnum, parseId, parseNumber, parsePriority, parseQuestion, parseRespondentLevel, parseShare, parseTimestamp,
  parseTitle, type NumberBounds,
} from './values.js';

/** Reads a raw cell; `ok(undefined)` is an absent optional value. */
export type CellParser = (raw: unknown) => ParseResult<unknown>;

/** Column-specific rules beyond the value type (see column-rules.ts). */
export interface ColumnRules {
  readonly bounds?: NumberBounds;
  /** Answer texts a number column also accepts (survey scores). */
  readonly answers?: ReadonlyMap<string, number>;
  /** Store the text lower-cased (values matched case-insensitively later). */
  readonly lowerCase?: boolean;
  /** A `share` column whose numbers in (1, 100] are percentages. */
  readonly percent?: boolean;
}

const EXPECTED_BY_TYPE: Record<ValueType, string> = {
  id: 'an id',
  string: 'text',
  date: EXPECTED_DATE,
  timestamp: EXPECTED_TIMESTAMP,
  number: EXPECTED_NUMBER,
  share: EXPECTED_SHARE,
  bool: EXPECTED_BOOL,
  title: 'a job title',
  respondent_level: 'a job title or level code',
  priority: 'a priority',
  question: 'a question id or text',
  enum: 'one of the listed values',
};

type TextParser = (text: string) => ParseResult<unknown>;

const numberParser = (rules: ColumnRules): TextParser => (text) => {
  let number = parseNumber(text);
  if (!number.ok && rules.answers !== undefined && rules.answers.size > 0) {
    const answer = rules.answers.get(matchKey(text));
    if (answer === undefined) return fail(`${EXPECTED_NUMBER}, or an answer text of survey.answers`, text);
    number = ok(answer);
  }
  return number.ok ? checkBounds(number.value, rules.bounds ?? {}, text) : number;
};

const textParserFor = (spec: ColumnSpec, rules: ColumnRules, config: Config): TextParser => {
  switch (spec.type) {
    case 'id': return parseId;
    case 'string': return rules.lowerCase === true ? (text) => ok(matchKey(text)) : ok;
    case 'date': return (text) => parseDate(text, config.timezone);
    case 'timestamp': return (text) => parseTimestamp(text, config.timezone);
    case 'number': return numberParser(rules);
    case 'share': return (text) => parseShare(text, rules.percent ?? false);
    case 'bool': return parseBool;
    case 'title': return (text) => parseTitle(text, config.levels);
    case 'respondent_level': return (text) => parseRespondentLevel(text, config.levels);
    case 'priority': return (text) => parsePriority(text, config.priorities);
    case 'question': return (text) => parseQuestion(text, config.survey.questions);
    case 'enum': {
      const values = spec.values ?? [];
      return (text) => parseEnum(text, values);
    }
    default: {
      const unknownType: never = spec.type;
      throw new Error(`no parser for value type ${String(unknownType)}`);
    }
  }
};

/** Types whose cells a JSON number may fill as its decimal text (ids like 42, priority 1, bool 1/0). */
const NUMBER_AS_TEXT: ReadonlySet<ValueType> = new Set([
  'id', 'string', 'title', 'respondent_level', 'priority', 'question', 'enum', 'bool', 'share',
]);

/**
 * Ids are compared exactly, and a JSON number is read as a double: 9007199254740993 arrives as
 * ...992 (another person's id, or a false duplicate), and 1.10 as 1.1. A whole number up to 2^53 − 1
 * reads back to its digits; any other number has lost what the file held, so it is refused rather than
 * compared. What was read is shown, as the file's text is gone.
 */
const idNumberFailure = (raw: number): ParseFailure => Number.isInteger(raw) || !Number.isFinite(raw)
  ? {
    ok: false,
    expected: 'an id',
    found: `a number JSON cannot hold exactly (read as ${raw})`,
    hint: 'a JSON number is an exact id only when whole and at most 9007199254740991: write the id as a string',
  }
  // 1.5 is held exactly, but the file may have said 1.50: JSON keeps a number's value, not its digits.
  : { ok: false, expected: 'an id', found: `a number with a fraction, whose digits JSON does not keep (read as ${raw})`, hint: 'a JSON number is an id only when whole: write the id as a string' };

/** An absent value: the default, or for a required column what was found instead (a CSV's empty cell, a JSON record's null or missing key). */
const absent = (spec: ColumnSpec, found = 'an empty cell'): ParseResult<unknown> =>
  spec.required ? { ok: false, expected: EXPECTED_BY_TYPE[spec.type], found } : ok(spec.default);

/** `absent` for a JSON value that is no text (a missing key, null): a number is then just "a number". */
const absentJson = (spec: ColumnSpec, found: string): ParseResult<unknown> => {
  const result = absent(spec, found);
  return !result.ok && spec.type === 'number' ? { ...result, expected: 'a number' } : result;
};

/** What a problem says was found in a personal cell (see ColumnSpec.personal): that it held a value, not the value. */
export const PERSONAL_VALUE_FOUND = 'a value not shown here, as the column holds personal data (see the line in the file)';

/**
 * A personal column's reader: its failures say where, not what. An empty cell, `null` or a missing key is
 * still said as such; those tell nothing of anyone.
 */
const withoutValues = (parse: CellParser): CellParser => (raw) => {
  const result = parse(raw);
  if (result.ok || raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return result;
  // A hint describes the kind of value (a formatted amount), never the value itself: it stays.
  return { ok: false, expected: result.expected, found: PERSONAL_VALUE_FOUND, ...(result.hint === undefined ? {} : { hint: result.hint }) };
};

export const buildCellParser = (spec: ColumnSpec, rules: ColumnRules, config: Config): CellParser => {
  const parse = buildValueParser(spec, rules, config);
  return spec.personal === true ? withoutValues(parse) : parse;
};

const buildValueParser = (spec: ColumnSpec, rules: ColumnRules, config: Config): CellParser => {
  const parseText = textParserFor(spec, rules, config);
  const expected = EXPECTED_BY_TYPE[spec.type];
  return (raw) => {
    // Only a preset writes this marker (no file can hold it): its export has no priority and none was mapped.
    if (raw === PRIORITY_NOT_MAPPED && spec.type === 'priority') return ok('unknown');
    if (typeof raw === 'string') {
      const text = raw.trim();
      return text === '' ? absent(spec) : parseText(text);
    }
    // What JSON gives other than text: the decimal separator, said to a text that fails, says nothing here.
    if (raw === undefined) return absentJson(spec, 'nothing'); // a JSON record without the key (or a preset path that leads nowhere)
    if (raw === null) return absentJson(spec, 'null');
    if (typeof raw === 'number') {
      // JSON.parse turns 1e400 into Infinity, so a JSON number needs the check too.
      if (spec.type === 'number') {
        // The file holds digits (1e400), not "Infinity": say what was read, not as if it were written.
        return Number.isFinite(raw) ? checkBounds(raw + 0, rules.bounds ?? {}, raw)
          : { ok: false, expected: 'a finite number', found: `a number too large for JSON to hold (read as ${raw})` };
      }
      if (spec.type === 'id' && !Number.isSafeInteger(raw)) return idNumberFailure(raw);
      return NUMBER_AS_TEXT.has(spec.type) ? parseText(String(raw)) : fail(expected, raw);
    }
    if (typeof raw === 'boolean' && spec.type === 'bool') return ok(raw);
    return fail(spec.type === 'number' ? 'a number' : expected, raw);
  };
};
