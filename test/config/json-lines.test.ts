import { describe, expect, it } from 'vitest';
import { lineOfPath, scanJsonLines } from '../../src/config/json-lines.js';

const TEXT = [
  '{', //                                   1
  '  "timezone": "UTC",', //                2
  '  "levels": { "SRE II": "other" },', //  3
  '  "survey": {', //                       4
  '    "scale": {', //                      5
  '      "min": 1', //                      6
  '    },', //                              7
  '    "minGroupSize": 2', //               8
  '  },', //                                9
  '  "courses": { "automationDesign": [', // 10
  '    "a",', //                            11
  '    "b"', //                             12
  '  ] }', //                               13
  '}',
].join('\n');

describe('scanJsonLines', () => {
  it('finds the line of every member by its JSON path', () => {
    const scan = scanJsonLines(TEXT);
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(Object.fromEntries(scan.lineOf)).toEqual({
      $: 1,
      '$.timezone': 2,
      '$.levels': 3,
      '$.levels["SRE II"]': 3,
      '$.survey': 4,
      '$.survey.scale': 5,
      '$.survey.scale.min': 6,
      '$.survey.minGroupSize': 8,
      '$.courses': 10,
      '$.courses.automationDesign': 10,
      '$.courses.automationDesign[0]': 11,
      '$.courses.automationDesign[1]': 12,
    });
    // A key that is not there is reported on its object's line.
    expect(lineOfPath(scan.lineOf, '$.survey.scale.max')).toBe(5);
    expect(lineOfPath(scan.lineOf, '$.levels["Ops Architect"]')).toBe(3);
  });

  it.each([
    ['{\n  "a": 1,\n}', 3], // trailing comma: the error is at the closing brace
    ['{\n  "a": 1\n  "b": 2\n}', 3], // missing comma
    ['{\n  "a": tru\n}', 2],
    ['{\n  "a": "x\n"}', 2], // a raw newline inside a string
    ['', 1],
    ['{"a": 1} x', 1],
  ])('locates the syntax error of %j on line %i', (text, line) => {
    expect(() => JSON.parse(text)).toThrow(); // the cases really are invalid JSON
    expect(scanJsonLines(text)).toEqual({ ok: false, line });
  });
});
