import { describe, expect, it } from 'vitest';
import { ABSENT_CODE, TextCodes } from '../../src/core/text-codes.js';

describe('TextCodes', () => {
  it('codes texts from 1 in order of first sight, absent as 0, and decodes them back', () => {
    // b → 1, a → 2, b again → 1, undefined → 0.
    const codes = new TextCodes();
    expect(['b', 'a', 'b', undefined].map((text) => codes.encode(text))).toEqual([1, 2, 1, ABSENT_CODE]);
    expect([0, 1, 2].map((code) => codes.decode(code))).toEqual([undefined, 'b', 'a']);
    expect(codes.size).toBe(3);
  });

  it('finds a text without adding it', () => {
    const codes = new TextCodes();
    codes.encode('a');
    expect(codes.find('a')).toBe(1);
    expect(codes.find('z')).toBe(ABSENT_CODE);
    expect(codes.size).toBe(2);
  });

  it('once sealed, still decodes and finds every text, and refuses new ones', () => {
    const codes = new TextCodes();
    ['x', 'y', 'x'].forEach((text) => codes.encode(text));
    codes.seal();
    expect([1, 2].map((code) => codes.decode(code))).toEqual(['x', 'y']);
    // find makes its map again from the texts: the same codes as before sealing.
    expect(codes.find('y')).toBe(2);
    expect(codes.find('z')).toBe(ABSENT_CODE);
    expect(codes.encode(undefined)).toBe(ABSENT_CODE);
    expect(() => codes.encode('x')).toThrow(/sealed/);
  });
});
