import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxErrorOffset, lineAndColumn } from '../../src/load/json-syntax-error.js';

describe('jsonSyntaxErrorOffset', () => {
  it.each([
    ['{"a":}', 5],
    ['[1,2,,3]', 5],
    ['[1,2', 4],
    ['', 0],
    ['{"a":"x\ny"}', 7],
    ['[1] x', 4],
    ['["abc', 5],
    ['[01]', 2],
    ['{"a" 1}', 5],
    ['["\\q"]', 3],
    ['[tru]', 1],
  ])('finds the error in %j at offset %i', (text, offset) => {
    expect(jsonSyntaxErrorOffset(text)).toBe(offset);
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    const valid = fc.json();
    const mangled = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', 'x', '\n')).map(
      ([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)),
    );
    fc.assert(
      fc.property(fc.oneof(valid, mangled), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(jsonSyntaxErrorOffset(text) === undefined).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(jsonSyntaxErrorOffset('['.repeat(100_000))).toBe(100_000);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    // offset 6 is "c": line 3 starts at offset 5 ("ab\n" + "\n")
    expect(lineAndColumn('ab\n\n' + 'xc', 5)).toEqual({ line: 3, column: 2 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
