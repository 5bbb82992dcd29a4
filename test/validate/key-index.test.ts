import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { PackedTexts, textHash } from '../../src/core/packed-texts.js';
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

  it('gives each key\'s place in the order keys were first added, which a key added again keeps', () => {
    const index = new KeyIndex();
    index.set('E-7', 2).set('E-3', 3).set('E-7', 4).set('E-1', 5);
    expect([index.positionOf('E-7'), index.positionOf('E-3'), index.positionOf('E-1')]).toEqual([0, 1, 2]);
    expect(index.positionOf('E-2')).toBeUndefined();
    index.forgetLines(); // places stay: the roster is looked up by them after the people's file is read
    expect(index.positionOf('E-1')).toBe(2);
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

  it('still says which keys it has once its lines are let go, and refuses to give or add a line after', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 3000; i++) index.set(`INC-${i}`, i + 2);
    index.forgetLines();
    expect(index.has('INC-0')).toBe(true);
    expect(index.has('INC-2999')).toBe(true);
    expect(index.has('INC-3000')).toBe(false);
    expect(() => index.get('INC-0')).toThrow(/let its lines go/);
    expect(() => index.set('INC-3000', 3002)).toThrow(/let its lines go/);
    expect(index.size).toBe(3000);
    expect(index.has('INC-3000')).toBe(false);
  });

  it('keeps multi-byte keys and keys with a lone surrogate through its doublings, their hashes made again from the bytes', () => {
    const index = new KeyIndex();
    const key = (i: number): string => (i % 3 === 0 ? `事件-${i}` : i % 3 === 1 ? `INC-${i}` : `\ud800${i}`);
    for (let i = 0; i < 5000; i++) index.set(key(i), i + 2);
    for (let i = 0; i < 5000; i++) expect(index.get(key(i))).toBe(i + 2);
    expect(index.has('事件-5001')).toBe(false);
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

describe('PackedTexts.hashAt', () => {
  it('gives the hash of the text\'s string, from ASCII bytes, other UTF-8 and a text kept as a string alike', () => {
    const texts = ['', 'INC-0000001', 'é', '事件-12', '😀', 'x\udc00', '\ud800'];
    const packed = PackedTexts.of(texts);
    texts.forEach((text, i) => expect(packed.hashAt(i), JSON.stringify(text)).toBe(textHash(text)));
  });

  it('is drawn afresh for each process, so ids made to collide under plain FNV-1a do not', async () => {
    // Plain FNV-1a (the standard start, no mix): among 2^20 scattered ids, some two share a hash (birthday bound).
    const fnv = (text: string): number => {
      let hash = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      return hash >>> 0;
    };
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined && i < 1 << 20; i++) {
      const id = `x${(Math.imul(i, 0x9e3779b1) >>> 0).toString(36)}`;
      const other = seen.get(fnv(id));
      if (other !== undefined) pair = [other, id];
      else seen.set(fnv(id), id);
    }
    expect(pair).toBeDefined();
    expect(fnv(pair![0])).toBe(fnv(pair![1]));
    // Here they differ (but for a chance of 1 in 2^32), and a module loaded again draws another start.
    expect(textHash(pair![0])).not.toBe(textHash(pair![1]));
    vi.resetModules();
    const again = await import('../../src/core/packed-texts.js');
    expect(again.textHash('INC-0000001')).not.toBe(textHash('INC-0000001'));
    expect(again.textHash('INC-0000001')).toBe(again.textHash('INC-0000001'));
  });
});
