import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/resolve-config.js';
import type { LevelCode } from '../../src/core/levels.js';
import { failureMessage, type ParseResult } from '../../src/validate/parse-result.js';
import {
  checkBounds, parseBool, parseEnum, parseId, parseNumber, parsePriority, parseQuestion, parseRespondentLevel, parseShare,
  parseTitle,
} from '../../src/validate/values.js';

const message = (result: ParseResult<unknown>): string => (result.ok ? 'accepted' : failureMessage(result));
const config = defaultConfig();

const FORMATTED = 'it reads as a formatted amount: export plain numbers, without a currency sign or thousands separators (104100.00, not $104,100.00)';

describe('parseNumber', () => {
  it.each([
    ['42', 42], [' 3.5 ', 3.5], ['+7', 7], ['-2.25', -2.25], ['.5', 0.5], ['5.', 5], ['1e3', 1000], ['2.5E-1', 0.25],
  ])('accepts %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it('turns -0 into 0', () => {
    const result = parseNumber('-0');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each([
    ['1,5', 'expected a number with . as the decimal separator, found "1,5"'],
    ['1 000', `expected a number with . as the decimal separator, found "1 000"; ${FORMATTED}`],
    // A currency sign, or digits grouped in threes: a formatted amount, whichever separator is the decimal one.
    ['$104,100.00', `expected a number with . as the decimal separator, found "$104,100.00"; ${FORMATTED}`],
    ['104.100,00', `expected a number with . as the decimal separator, found "104.100,00"; ${FORMATTED}`],
    ['€95000', `expected a number with . as the decimal separator, found "€95000"; ${FORMATTED}`],
    ["1'234'567", `expected a number with . as the decimal separator, found "1'234'567"; ${FORMATTED}`],
    // A decimal comma is not grouping: no hint.
    ['7,25', 'expected a number with . as the decimal separator, found "7,25"'],
    // Nor is a comma after a lone 0 or after four digits: no amount is grouped so (0,125 is a decimal, and
    // dropping its "separator" as the hint says would read 125).
    ['0,125', 'expected a number with . as the decimal separator, found "0,125"'],
    ['1234,567', 'expected a number with . as the decimal separator, found "1234,567"'],
    ['-0.125.5', 'expected a number with . as the decimal separator, found "-0.125.5"'],
    ['12,345,678', `expected a number with . as the decimal separator, found "12,345,678"; ${FORMATTED}`],
    ['-1 000', `expected a number with . as the decimal separator, found "-1 000"; ${FORMATTED}`],
    ['NaN', 'expected a number with . as the decimal separator, found "NaN"'],
    ['Infinity', 'expected a number with . as the decimal separator, found "Infinity"'],
    ['0x1F', 'expected a number with . as the decimal separator, found "0x1F"'],
    ['--1', 'expected a number with . as the decimal separator, found "--1"'],
    ['', 'expected a number with . as the decimal separator, found ""'],
    ['1e400', 'expected a finite number, found "1e400"'], // overflows to Infinity
  ])('rejects %j', (text, expected) => {
    expect(message(parseNumber(text))).toBe(expected);
  });
});

describe('checkBounds', () => {
  it('applies inclusive and exclusive minimums and a range', () => {
    expect(checkBounds(0, { min: 0 }, '0')).toEqual({ ok: true, value: 0 });
    expect(message(checkBounds(-1, { min: 0 }, '-1'))).toBe('expected a number >= 0, found "-1"');
    expect(message(checkBounds(0, { min: 0, exclusiveMin: true }, 0))).toBe('expected a number > 0, found 0');
    expect(checkBounds(10, { min: 0, max: 10 }, '10')).toEqual({ ok: true, value: 10 });
    expect(message(checkBounds(11, { min: 0, max: 10 }, '11'))).toBe('expected a number from 0 to 10, found "11"');
  });
});

describe('parseShare', () => {
  it.each([
    ['0.375', false, 0.375], ['0', false, 0], ['1', false, 1], ['37.5%', false, 0.375], ['100%', false, 1], ['0%', false, 0],
    ['37.5', true, 0.375], ['0.5', true, 0.5], ['100', true, 1], ['1.5', true, 0.015],
  ])('accepts %j (percent column: %s) as %d', (text, percent, value) => {
    expect(parseShare(text, percent)).toEqual({ ok: true, value });
  });

  it.each([
    ['37.5', false, 'expected a share between 0 and 1, or a percentage like 37.5%, found "37.5"'],
    ['-0.1', false, 'expected a share between 0 and 1, or a percentage like 37.5%, found "-0.1"'],
    ['150%', false, 'expected a percentage from 0% to 100%, found "150%"'],
    ['abc%', false, 'expected a share between 0 and 1, or a percentage like 37.5%, found "abc%"'],
    ['101', true, 'expected a share between 0 and 1, or a percentage up to 100, found "101"'],
  ])('rejects %j (percent column: %s)', (text, percent, expected) => {
    expect(message(parseShare(text, percent))).toBe(expected);
  });
});

describe('parseBool', () => {
  it.each([
    ['true', true], ['TRUE', true], ['Yes', true], ['y', true], ['1', true],
    ['false', false], ['False', false], ['NO', false], ['n', false], ['0', false],
  ])('%j → %s', (text, value) => expect(parseBool(text)).toEqual({ ok: true, value }));

  it.each(['t', 'on', '2', 'ja'])('rejects %j', (text) => {
    expect(message(parseBool(text))).toBe(`expected true/false, yes/no, y/n or 1/0, found "${text}"`);
  });
});

describe('parseId', () => {
  it('trims and refuses blanks', () => {
    expect(parseId(' E-17 ')).toEqual({ ok: true, value: 'E-17' });
    expect(message(parseId('   '))).toBe('expected a non-empty id, found "   "');
  });
});

describe('parseTitle', () => {
  it.each([
    ['Ops Engineer 2.0', 'Ops Engineer 2.0', 'ops2'],
    ['  senior OPERATIONS architect ', 'senior OPERATIONS architect', 'senior_architect'],
    ['Operations Technician', 'Operations Technician', 'technician'],
    ['SRE II', 'SRE II', 'other'], // unknown titles are outside ops, never an error
  ])('%j → %j / %s', (text, title, level) => {
    expect(parseTitle(text, config.levels)).toEqual({ ok: true, value: { title, level } });
  });
});

describe('parseRespondentLevel', () => {
  it.each([
    ['Ops Engineer', 'ops1'], ['OPS2', 'ops2'], ['senior_architect', 'senior_architect'], ['Chef', 'other'],
  ])('%j → %s', (text, level) => expect(parseRespondentLevel(text, config.levels)).toEqual({ ok: true, value: level }));

  it('lets a title of the level map win over a level code of the same spelling', () => {
    const levels = new Map<string, LevelCode>([['manager', 'other']]);
    expect(parseRespondentLevel('Manager', levels)).toEqual({ ok: true, value: 'other' });
  });
});

describe('parsePriority', () => {
  it.each([
    ['P1', 'P1'], ['sev-1', 'P1'], ['SEV 1', 'P1'], ['Critical', 'P1'], ['1', 'P1'],
    ['High', 'P2'], ['sev2', 'P2'], ['medium', 'P3'], ['Low', 'P4'], ['info', 'P5'], ['Lowest', 'P5'],
  ])('%j → %s', (text, priority) => expect(parsePriority(text, config.priorities)).toEqual({ ok: true, value: priority }));

  it('refuses an unknown priority and says where to map it', () => {
    expect(message(parsePriority('urgent', config.priorities))).toBe(
      'expected a priority the priorities map knows (P1..P5, SEV1, High, ...), found "urgent"; map it under "priorities" in the config',
    );
  });
});

describe('parseQuestion', () => {
  const questions = new Map([['how satisfied are you with the scope of your role?', 'role_scope_satisfaction' as const]]);
  it.each([
    ['How satisfied are you with the scope of your role?', 'role_scope_satisfaction'],
    ['Autonomy', 'autonomy'],
    ['coding_expectations', 'coding_expectations'],
    ['Would you recommend us?', 'would you recommend us?'], // not a metric's question: kept, not an error
  ])('%j → %j', (text, id) => expect(parseQuestion(text, questions)).toEqual({ ok: true, value: id }));
});

describe('parseEnum', () => {
  it('matches any case and stores lower case', () => {
    expect(parseEnum('Authored', ['authored', 'improved', 'reviewed'])).toEqual({ ok: true, value: 'authored' });
    expect(message(parseEnum('merged', ['authored', 'improved', 'reviewed']))).toBe(
      'expected one of authored, improved, reviewed, found "merged"',
    );
  });
});
