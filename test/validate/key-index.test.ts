import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../src/validate/key-index.js';

describe('KeyIndex', () => {
  it('gives the first line of each key, and nothing for a key never added', () => {
    const index = new KeyIndex();
    index.set('INC-1', 2).set('INC-2', 3).set('INC-1', 9);
    expect(index.get('INC-1')).toBe(2); // added again on line 9: the first line stays
    expect(index.get('INC-2')).toBe(3);
    expect(index.get('INC-3')).toBeUndefined();
    expect(index.has('INC-2')).toBe(true);
    expect(index.has('inc-2')).toBe(false); // keys match exactly, case included
    expect(index.size).toBe(2);
  });

  it('tells apart keys that share a prefix, multi-byte keys and keys with a lone surrogate', () => {
    const index = new KeyIndex();
    const keys = ['A', 'AB', 'ABC', '', '事件-1', '事件-12', 'INC-é', 'INC-e', '\ud800', '\ud800x', 'x\udc00'];
    keys.forEach((key, i) => index.set(key, i + 2));
    keys.forEach((key, i) => expect(index.get(key), key).toBe(i + 2));
    for (const absent of ['ABCD', '事件', '事件-123', 'INC-', '\udc00', 'x']) expect(index.has(absent), absent).toBe(false);
  });

  it('keeps every key through its doublings (5,000 keys: the first room of 1,024 doubles three times)', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 5000; i++) index.set(`INC-${i}`, i + 2);
    expect(index.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(index.get(`INC-${i}`)).toBe(i + 2);
    expect(index.get('INC-5000')).toBeUndefined();
  });

  it('answers as a Map of first lines does, for any keys (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 3000 }), fc.array(fc.string({ unit: 'binary', maxLength: 6 })), (added, asked) => {
        const index = new KeyIndex();
        const map = new Map<string, number>();
        added.forEach((key, line) => {
          index.set(key, line);
          if (!map.has(key)) map.set(key, line);
        });
        expect(index.size).toBe(map.size);
        for (const key of [...added, ...asked]) expect(index.get(key)).toBe(map.get(key));
      }),
      { numRuns: 200 },
    );
  });
});
