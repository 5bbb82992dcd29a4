/**
 * The JSON text in pieces: joined, the pieces are exactly `JSON.stringify(value, null, 2)` (+ the end),
 * whether a subtree is walked here or written by JSON.stringify; and no piece is long.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonTextPieces, type JsonPieceOptions } from '../../src/reporters/json-pieces.js';
import { DEFAULT_PIECE_LENGTH } from '../../src/reporters/piece-buffer.js';
import { firstDifference } from './first-difference.js';

/** Every container walked here and every text its own piece: the walk's own rules decide everything. */
const WALK_ALL = { smallSubtree: 0, pieceLength: 1 } as const;
const joined = (value: unknown, options?: JsonPieceOptions): string => [...jsonTextPieces(value, options)].join('');

describe('jsonTextPieces, hand-written cases', () => {
  it('writes empty containers as [] and {}, drops undefined members of objects and writes null for them in arrays', () => {
    const value = { a: [], b: {}, c: [undefined, NaN, Infinity, -Infinity, -0], d: undefined, e: [[{}], { f: [] }], g: () => 1 };
    // By hand: d and g have no JSON text and are left out; in the array, undefined and the non-finite
    // numbers are null, -0 is 0; nested empties stay on the line of their key.
    const expected = [
      '{',
      '  "a": [],',
      '  "b": {},',
      '  "c": [',
      '    null,',
      '    null,',
      '    null,',
      '    null,',
      '    0',
      '  ],',
      '  "e": [',
      '    [',
      '      {}',
      '    ],',
      '    {',
      '      "f": []',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(joined(value, WALK_ALL)).toBe(expected);
    expect(joined(value)).toBe(expected);
    expect(JSON.stringify(value, null, 2)).toBe(expected);
  });

  it('escapes quotes, backslashes, newlines and lone surrogates as JSON.stringify does, and keeps → as it is', () => {
    const value = { 'k"ey\n': ['say "hi"', 'C:\\dir', 'line\nbreak\ttab', 'a → b', '\ud800', 'x\udc00y', '\u0001'] };
    const expected = [
      '{',
      '  "k\\"ey\\n": [',
      '    "say \\"hi\\"",',
      '    "C:\\\\dir",',
      '    "line\\nbreak\\ttab",',
      '    "a → b",',
      '    "\\ud800",',
      '    "x\\udc00y",',
      '    "\\u0001"',
      '  ]',
      '}',
    ].join('\n');
    expect(joined(value, WALK_ALL)).toBe(expected);
    // A small subtree is re-indented after every \n of JSON.stringify's text; escaped newlines are not line breaks.
    // The long string makes the root large (walked); `deep` (~150 characters) is small, written by JSON.stringify at depth 1.
    const nested = { long: 'x'.repeat(2000), deep: { deeper: value } };
    expect(joined(nested, { smallSubtree: 1000 })).toBe(JSON.stringify(nested, null, 2));
  });

  it('calls toJSON once, with the member key ("" at the root, the index in arrays), as JSON.stringify does', () => {
    const keyed = (): { calls: string[]; toJSON(key: string): string } => ({ calls: [], toJSON(key) { this.calls.push(key); return `key=${key}`; } });
    const [inObject, inArray, root] = [keyed(), keyed(), keyed()];
    expect(joined({ when: new Date(Date.UTC(2026, 6, 1)), member: inObject, list: [inArray] }, WALK_ALL)).toBe(
      '{\n  "when": "2026-07-01T00:00:00.000Z",\n  "member": "key=member",\n  "list": [\n    "key=0"\n  ]\n}',
    );
    expect(joined(root, WALK_ALL)).toBe('"key="');
    expect([inObject.calls, inArray.calls, root.calls]).toEqual([['member'], ['0'], ['']]);
  });

  it('does not call the toJSON of what a toJSON returned, and writes an invalid Date as null', () => {
    const inner = { toJSON: () => 'inner', x: 1 };
    const value = { outer: { toJSON: () => inner }, bad: new Date(Number.NaN) };
    // By hand: outer becomes `inner` written as an object (its toJSON is a function, so left out): {"x": 1}.
    const expected = '{\n  "outer": {\n    "x": 1\n  },\n  "bad": null\n}';
    expect(joined(value, WALK_ALL)).toBe(expected);
    expect(joined(value)).toBe(expected);
    expect(JSON.stringify(value, null, 2)).toBe(expected);
  });

  it('unwraps Number, String and Boolean objects and refuses BigInt and cycles with a TypeError', () => {
    expect(joined([Object(1), Object('s'), Object(false)], WALK_ALL)).toBe('[\n  1,\n  "s",\n  false\n]');
    expect(() => joined({ n: 1n }, WALK_ALL)).toThrow(TypeError);
    const cycle: { self?: unknown } = {};
    cycle.self = { back: cycle };
    expect(() => joined(cycle, WALK_ALL)).toThrow(TypeError);
    expect(() => joined(cycle)).toThrow(TypeError);
  });

  it('writes a shared (not circular) subtree each time it appears', () => {
    const shared = { x: [1] };
    expect(joined([shared, shared], WALK_ALL)).toBe(JSON.stringify([shared, shared], null, 2));
  });

  it('gives no pieces for a value without JSON text, and puts the end inside the last piece', () => {
    expect([...jsonTextPieces(undefined, { end: '\n' })]).toEqual([]);
    expect([...jsonTextPieces(() => 1)]).toEqual([]);
    expect([...jsonTextPieces('x', { end: '\n' })]).toEqual(['"x"\n']);
    expect([...jsonTextPieces({}, { end: '\n' })]).toEqual(['{}\n']);
  });

  it('cuts a 200,000-element array of objects into many pieces, none longer than 64 KiB', () => {
    const details = Array.from({ length: 200_000 }, (_, i) => ({ employeeId: `E${i}`, note: `step ${i} → "done"`, gone: undefined }));
    const value = { measures: [{ id: 'm', details }] };
    const pieces = [...jsonTextPieces(value, { end: '\n' })];
    expect(firstDifference(pieces.join(''), `${JSON.stringify(value, null, 2)}\n`)).toBeUndefined();
    // Each detail is ~90 characters of text, so the ~18 MB of text needs at least 18e6 / 65,536 ≈ 275 pieces;
    // a piece is cut before the text that would take it past 65,536 code units, and no single text here is that long.
    expect(pieces.length).toBeGreaterThan(250);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(DEFAULT_PIECE_LENGTH);
    expect(Math.min(...pieces.slice(0, -1).map((p) => p.length))).toBeGreaterThan(DEFAULT_PIECE_LENGTH - 200);
  });
});

/** One UTF-16 code unit of any value: control characters, quotes, backslashes and lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const sizes = fc.record({ pieceLength: fc.integer({ min: 1, max: 300 }), smallSubtree: fc.integer({ min: 0, max: 400 }) });

describe('jsonTextPieces, property: joined pieces are JSON.stringify(value, null, 2)', () => {
  it('for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), sizes, (value, options) => {
      expect(joined(value, options)).toBe(JSON.stringify(value, null, 2));
    }), { numRuns: 300 });
  });

  it('for plain data with undefined, NaN, ±Infinity, -0, holes, Dates, boxed values and odd strings', () => {
    const data = fc.anything({
      maxDepth: 4, stringUnit: anyCodeUnit, key: fc.string({ unit: anyCodeUnit, maxLength: 4 }),
      withBoxedValues: true, withDate: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withMap: true, withSet: true,
    });
    fc.assert(fc.property(data, sizes, fc.constantFrom('', '\n'), (value, options, end) => {
      const pieces = [...jsonTextPieces(value, { ...options, end })];
      const text = JSON.stringify(value, null, 2) as string | undefined;
      expect(pieces.join('')).toBe(text === undefined ? '' : text + end);
      expect(pieces.every((p) => p.length > 0)).toBe(true);
    }), { numRuns: 400 });
  });
});
