import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsWhiteSpace, readIsoDate, readIsoDateTime } from '../../src/validate/iso-text.js';

// The grammar as regular expressions (what temporal-values.ts used before the scanner): the reference.
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** What the reference makes of a text, in the scanner's terms. */
const byRegex = (text: string) => {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, offH, offM] = match;
  return {
    year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: s === undefined ? 0 : Number(s),
    millisecond: frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0')),
    zone: zulu !== undefined ? 'Z' : (sign ?? 'local'),
    offsetHours: offH === undefined ? 0 : Number(offH), offsetMinutes: offM === undefined ? 0 : Number(offM),
  };
};

describe('readIsoDate', () => {
  it('reads the fields of YYYY-MM-DD as written, real or not', () => {
    expect(readIsoDate('2026-03-01')).toEqual({ year: 2026, month: 3, day: 1 });
    expect(readIsoDate('0000-13-45')).toEqual({ year: 0, month: 13, day: 45 });
  });

  it.each(['2026-3-01', '2026-03-1', '2026/03/01', '2026-03-01 ', ' 2026-03-01', '+2026-03-01', '2026-03-0a', '２０２６-03-01', ''])(
    'refuses %j', (text) => {
      expect(readIsoDate(text)).toBeUndefined();
    });
});

describe('readIsoDateTime', () => {
  it.each([
    // text, then the fields: y m d h mi s ms zone offH offM
    ['2026-03-01T14:05', [2026, 3, 1, 14, 5, 0, 0, 'local', 0, 0]],
    ['2026-03-01 14:05:09', [2026, 3, 1, 14, 5, 9, 0, 'local', 0, 0]],
    ['2026-03-01t14:05:09z', [2026, 3, 1, 14, 5, 9, 0, 'Z', 0, 0]],
    // A fraction keeps its first three digits: .801578 is 801 ms, ,5 is 500 ms, .05 is 50 ms.
    ['2021-08-17T13:28:57.801578Z', [2021, 8, 17, 13, 28, 57, 801, 'Z', 0, 0]],
    ['2021-08-17T13:28:57,5+05:45', [2021, 8, 17, 13, 28, 57, 500, '+', 5, 45]],
    ['2021-08-17T13:28:57.05-0330', [2021, 8, 17, 13, 28, 57, 50, '-', 3, 30]],
    ['2011-05-06T03:30-07', [2011, 5, 6, 3, 30, 0, 0, '-', 7, 0]],
    // White space may stand between the time and the zone, and after a time without one.
    ['2026-03-01 14:05 \u00a0Z', [2026, 3, 1, 14, 5, 0, 0, 'Z', 0, 0]],
    ['2026-03-01 14:05\t', [2026, 3, 1, 14, 5, 0, 0, 'local', 0, 0]],
    // Out-of-range values are read as written: the caller judges them.
    ['2026-02-30T25:61:99+24:60', [2026, 2, 30, 25, 61, 99, 0, '+', 24, 60]],
  ] as const)('reads %j', (text, [year, month, day, hour, minute, second, millisecond, zone, offsetHours, offsetMinutes]) => {
    expect(readIsoDateTime(text)).toEqual({ year, month, day, hour, minute, second, millisecond, zone, offsetHours, offsetMinutes });
  });

  it.each([
    '2026-03-01', '2026-03-01T14', '2026-03-01T1405', '2026-03-01T14:5', '2026-03-01X14:05', '2026-03-01T14:05:9',
    '2026-03-01T14:05.5', '2026-03-01T14:05:00.', '2026-03-01T14:05:00.Z', '2026-03-01T14:05Z ', '2026-03-01T14:05ZZ',
    '2026-03-01T14:05+5', '2026-03-01T14:05+05:', '2026-03-01T14:05+05:3', '2026-03-01T14:05+053', '2026-03-01T14:05+05:300',
    '2026-03-01T14:05 +05 ', '2026-03-01T14:05 UTC', '2026-03-01\u00a014:05',
  ])('refuses %j', (text) => {
    expect(readIsoDateTime(text)).toBeUndefined();
  });

  it('agrees with the regular expressions on texts made of their characters', () => {
    const char = fc.constantFrom('0', '1', '2', '5', '9', '-', ':', 'T', 't', ' ', 'Z', 'z', '+', '.', ',', '\u00a0', '\u2028', '\t', 'x');
    // Start from a well-formed text and change some characters, so that near misses are common.
    const edit = fc.tuple(fc.nat(40), fc.constantFrom('cut', 'insert', 'replace'), char);
    const applyEdit = (text: string, [at, kind, c]: [number, string, string]): string => {
      const i = at % (text.length + 1);
      if (kind === 'cut') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + c + text.slice(kind === 'insert' ? i : i + 1);
    };
    const text = fc.tuple(
      fc.constantFrom('2026-03-01T14:05:09.123+05:45', '2026-03-01 14:05', '2026-03-01T14:05:09Z', '2026-03-01T14:05-0330', '2026-03-01'),
      fc.array(edit, { maxLength: 3 }),
    ).map(([start, edits]) => edits.reduce<string>(applyEdit, start));
    fc.assert(fc.property(text, (t) => {
      expect(readIsoDateTime(t)).toEqual(byRegex(t));
      const date = DATE_ONLY.exec(t);
      expect(readIsoDate(t)).toEqual(date === null ? undefined : { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) });
    }), { numRuns: 5000 });
  });
});

describe('isJsWhiteSpace', () => {
  it('is true exactly for the code points /\\s/ matches', () => {
    for (let code = 0; code <= 0xffff; code++) expect(isJsWhiteSpace(code)).toBe(/\s/.test(String.fromCharCode(code)));
  });
});
