import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedTexts } from '../../src/core/packed-texts.js';

const all = (packed: PackedTexts): string[] => Array.from({ length: packed.length }, (_, index) => packed.at(index));

describe('PackedTexts: reading back', () => {
  it('reads back ASCII ids of any vendor, a byte per character', () => {
    // 11 + 8 + 10 + 36 = 65 bytes.
    const ids = ['INC-0000001', 'OPS-1234', 'Q1ABCDEF23', '3f2b8c1e-9a4d-4e6b-8f00-1c2d3e4f5a6b'];
    const packed = PackedTexts.of(ids);
    expect(packed.length).toBe(4);
    expect(all(packed)).toEqual(ids);
    expect(packed.byteLength).toBe(65);
  });

  it('reads back multi-byte UTF-8 exactly', () => {
    // 事 and 件 take 3 bytes each, é 2, the emoji (a surrogate pair) 4: 3+3+2 = 8, 4+2 = 6, 4+2 = 6.
    const ids = ['事件-1', 'INC-é', '🚨-7'];
    const packed = PackedTexts.of(ids);
    expect(all(packed)).toEqual(ids);
    expect(packed.byteLength).toBe(20);
  });

  it('keeps what a decoder might drop or confuse: a leading byte-order mark, NUL, U+FFFD itself', () => {
    // U+FEFF and U+FFFD take 3 bytes each: 3+5 = 8, 1+1 = 2, 3 = 3.
    const ids = ['\uFEFFINC-1', 'a\u0000', '\uFFFD'];
    const packed = PackedTexts.of(ids);
    expect(all(packed)).toEqual(ids);
    expect(packed.byteLength).toBe(13);
  });

  it('holds the empty text, with no bytes', () => {
    const packed = PackedTexts.of(['', 'A', '']);
    expect(all(packed)).toEqual(['', 'A', '']);
    expect(packed.byteLength).toBe(1);
  });

  it('keeps texts with an unpaired surrogate as they are, beside their bytes', () => {
    // UTF-8 would turn each unpaired surrogate into U+FFFD: those three are kept as strings (no bytes),
    // so only 'x' and the well-formed pair (4 bytes) are bytes: 5.
    const ids = ['INC-\uD800', 'x', '\uDC00', '\uD83D\uDEA8', '\uDEA8\uD83D'];
    const packed = PackedTexts.of(ids);
    expect(all(packed)).toEqual(ids);
    expect(packed.byteLength).toBe(5);
  });

  it('refuses an index outside its texts', () => {
    const packed = PackedTexts.of(['a', 'b']);
    expect(() => packed.at(2)).toThrow(RangeError);
    expect(() => packed.at(-1)).toThrow(RangeError);
    expect(() => PackedTexts.empty().at(0)).toThrow('no text at 0 of 0');
  });
});

describe('PackedTexts: growth', () => {
  it('keeps every text as its offsets and bytes double', () => {
    // 3,000 ids of 11 bytes = 33,000 bytes: the offsets grow 1,024 → 2,048 → 4,096 texts, the bytes
    // 16 KiB → 32 KiB → 64 KiB.
    const ids = Array.from({ length: 3000 }, (_, i) => `INC-${String(i + 1).padStart(7, '0')}`);
    const packed = PackedTexts.of(ids);
    expect(packed.length).toBe(3000);
    expect(packed.byteLength).toBe(33_000);
    expect(all(packed)).toEqual(ids);
  });

  it('grows past double at once for a text longer than the room left', () => {
    const long = 'x'.repeat(100_000);
    const packed = PackedTexts.empty(1);
    packed.push('a');
    packed.push(long);
    expect(all(packed)).toEqual(['a', long]);
  });

  it('grows in the middle of a non-ASCII text', () => {
    // Room for one text is 16 bytes: 14 ASCII ones, then 'é事' (2 + 3 bytes) needs 19.
    const packed = PackedTexts.empty(1);
    packed.push('abcdefghijklmn');
    packed.push('é事');
    expect(all(packed)).toEqual(['abcdefghijklmn', 'é事']);
    expect(packed.byteLength).toBe(19);
  });
});

describe('PackedTexts.prefix', () => {
  it('reads the first texts only', () => {
    const prefix = PackedTexts.of(['a', 'bé', 'c']).prefix(2);
    expect(prefix.length).toBe(2);
    expect(all(prefix)).toEqual(['a', 'bé']);
    expect(() => prefix.at(2)).toThrow(RangeError);
  });

  it('is not changed by texts pushed to its source, within its room or past it', () => {
    const source = PackedTexts.empty(1);
    source.push('a');
    source.push('b');
    const prefix = source.prefix(1);
    source.push('c'); // into the shared storage (16 bytes of room), past the prefix's end
    source.push('d'.repeat(40)); // past the room: new storage
    expect(all(prefix)).toEqual(['a']);
    expect(source.length).toBe(4);
  });

  it('leaves its source as it was when pushed to', () => {
    // The prefix shares the source's storage: pushing 'x' to it must not overwrite 'b' there, nor
    // bring along the source's unpaired surrogate kept at index 1.
    const source = PackedTexts.of(['a', '\uD800', 'b']);
    const prefix = source.prefix(1);
    prefix.push('x');
    prefix.push('\uDC00');
    expect(all(prefix)).toEqual(['a', 'x', '\uDC00']);
    expect(all(source)).toEqual(['a', '\uD800', 'b']);
  });
});

describe('PackedTexts: texts of one width', () => {
  it('holds no offsets while every text has as many bytes as the first', () => {
    // 3,000 ids of 11 bytes: 33,000 bytes once sealed, and no offset at 4 bytes each.
    const ids = Array.from({ length: 3000 }, (_, i) => `INC-${String(i).padStart(7, '0')}`);
    const packed = PackedTexts.of(ids);
    packed.seal();
    expect(packed.storageBytes).toBe(33_000);
    expect(all(packed)).toEqual(ids);
    expect(packed.equals(2999, 'INC-0002999')).toBe(true);
    expect(packed.equals(2999, 'INC-000299')).toBe(false);
    expect(packed.hashAt(17)).toBe(PackedTexts.of(['INC-0000017']).hashAt(0));
  });

  it('makes the offsets at the first text of another width, and reads every text back the same', () => {
    // 2,000 ids of 6 bytes, then one of 7 (its offsets: 2,001 of 4 bytes once sealed), then 3 more.
    const ids = [...Array.from({ length: 2000 }, (_, i) => `E-${String(i).padStart(4, '0')}`), 'E-10000', 'E-0001', 'é', '\ud800'];
    const packed = PackedTexts.empty();
    const before = packed.prefix(0);
    ids.slice(0, 2000).forEach((id) => packed.push(id));
    const oneWidth = packed.prefix(2000);
    ids.slice(2000).forEach((id) => packed.push(id));
    expect(all(packed)).toEqual(ids);
    expect(all(oneWidth)).toEqual(ids.slice(0, 2000));
    expect(before.length).toBe(0);
    packed.seal();
    // 2,000 × 6 + 7 + 6 + 2 ('é' in UTF-8) + 0 (the lone surrogate is kept as a string) = 12,015 bytes.
    expect(packed.storageBytes).toBe(12_015 + 4 * 2004);
    expect(all(packed)).toEqual(ids);
  });

  it('gathers texts of one width into texts of that width, without offsets', () => {
    const packed = PackedTexts.of(['AB-1', 'AB-2', 'AB-3', 'AB-4']);
    const gathered = packed.gather(Uint32Array.of(3, 0));
    expect(all(gathered)).toEqual(['AB-4', 'AB-1']);
    expect(gathered.storageBytes).toBe(8);
    gathered.push('AB-10');
    expect(all(gathered)).toEqual(['AB-4', 'AB-1', 'AB-10']);
  });

  it('holds empty texts and texts kept as strings as texts of no bytes', () => {
    const packed = PackedTexts.of(['', '', '\ud800', '']);
    expect(all(packed)).toEqual(['', '', '\ud800', '']);
    expect(packed.byteLength).toBe(0);
    packed.push('x');
    expect(all(packed)).toEqual(['', '', '\ud800', '', 'x']);
  });
});

describe('PackedTexts.seal', () => {
  it('cuts the storage to the texts it holds, which read back the same', () => {
    // 1,000 ids 'ID-0' … 'ID-999': 10 of 4 bytes, 90 of 5, 900 of 6 = 40 + 450 + 5,400 = 5,890 bytes, and
    // 1,000 offsets of 4 bytes = 4,000. Storage doubles as it fills, so before the seal it holds more.
    const ids = Array.from({ length: 1000 }, (_, index) => `ID-${index}`);
    const packed = PackedTexts.of(ids);
    expect(packed.storageBytes).toBeGreaterThan(5890 + 4000);
    packed.seal();
    expect(packed.storageBytes).toBe(5890 + 4000);
    expect(all(packed)).toEqual(ids);
  });

  it('still takes texts pushed after it, and leaves a prefix cut before it as it was', () => {
    const packed = PackedTexts.of(['a', 'bé', '\uD800']);
    const prefix = packed.prefix(2);
    packed.seal();
    packed.push('c');
    expect(all(packed)).toEqual(['a', 'bé', '\uD800', 'c']);
    expect(all(prefix)).toEqual(['a', 'bé']);
  });

  it('holds no storage for no texts', () => {
    const packed = PackedTexts.empty();
    packed.seal();
    expect(packed.storageBytes).toBe(0);
    packed.push('x');
    expect(all(packed)).toEqual(['x']);
  });
});

describe('PackedTexts.gather', () => {
  it('gives the texts at the indexes, in their order, in storage of their exact size', () => {
    // Indexes 4, 1, 2, 0: 'OPS-1234' (8 bytes), '事件-1' (8), '\uD800' (kept as a string, 0), 'INC-1' (5): 21.
    const source = PackedTexts.of(['INC-1', '事件-1', '\uD800', '', 'OPS-1234']);
    const gathered = source.gather(Uint32Array.of(4, 1, 2, 0));
    expect(all(gathered)).toEqual(['OPS-1234', '事件-1', '\uD800', 'INC-1']);
    expect(gathered.byteLength).toBe(21);
    gathered.push('Z'); // from storage with no room left
    expect(all(gathered)).toEqual(['OPS-1234', '事件-1', '\uD800', 'INC-1', 'Z']);
    expect(source.length).toBe(5);
  });

  it('gives no texts for no indexes', () => {
    expect(PackedTexts.of(['a']).gather(new Uint32Array(0)).length).toBe(0);
  });
});

describe('PackedTexts: any text', () => {
  // Single UTF-16 units make unpaired surrogates (and, by chance, pairs); 'binary' makes any code
  // point, 'grapheme' whole characters.
  const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
  const text = fc.oneof(
    fc.string({ unit: utf16Unit }),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary-ascii' }),
  );

  it('reads back texts mostly of one width exactly, whichever text first breaks it (property)', () => {
    const ofWidth = (width: number) => fc.string({ unit: 'binary-ascii', minLength: width, maxLength: width });
    const texts = fc.nat({ max: 12 }).chain((width) => fc.array(fc.oneof({ weight: 9, arbitrary: ofWidth(width) }, { weight: 1, arbitrary: text }), { maxLength: 80 }));
    fc.assert(fc.property(texts, fc.nat({ max: 80 }), (pushed, cut) => {
      const packed = PackedTexts.empty(2);
      const prefix = packed.prefix(0);
      pushed.forEach((t) => packed.push(t));
      expect(all(packed)).toEqual(pushed);
      expect(all(packed.prefix(cut))).toEqual(pushed.slice(0, cut));
      pushed.forEach((t, index) => expect(packed.equals(index, t)).toBe(true));
      packed.seal();
      expect(all(packed)).toEqual(pushed);
      expect(prefix.length).toBe(0);
    }), { numRuns: 300 });
  });

  it('reads back exactly the texts pushed', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (texts, capacity) => {
      const packed = PackedTexts.empty(capacity);
      for (const t of texts) packed.push(t);
      expect(all(packed)).toEqual(texts);
    }), { numRuns: 500 });
  });

  it('prefixes and gathers like slicing and picking from an array', () => {
    const case_ = fc.array(text, { minLength: 1, maxLength: 30 }).chain((texts) => fc.record({
      texts: fc.constant(texts),
      indexes: fc.array(fc.nat({ max: texts.length - 1 }), { maxLength: 30 }),
      cut: fc.nat({ max: texts.length }),
    }));
    fc.assert(fc.property(case_, ({ texts, indexes, cut }) => {
      const packed = PackedTexts.of(texts);
      expect(all(packed.gather(Uint32Array.from(indexes)))).toEqual(indexes.map((index) => texts[index]));
      expect(all(packed.prefix(cut))).toEqual(texts.slice(0, cut));
    }), { numRuns: 300 });
  });
});

describe('PackedTexts.equals', () => {
  it('compares a stored text with a string without decoding it, exactly', () => {
    const texts = PackedTexts.of(['INC-1', '', 'INC-é', '\ud800']);
    expect(texts.equals(0, 'INC-1')).toBe(true);
    expect(texts.equals(0, 'INC-')).toBe(false); // a prefix of the stored text
    expect(texts.equals(0, 'INC-12')).toBe(false); // the stored text is a prefix of it
    expect(texts.equals(1, '')).toBe(true);
    expect(texts.equals(1, 'a')).toBe(false);
    expect(texts.equals(2, 'INC-é')).toBe(true);
    expect(texts.equals(2, 'INC-e')).toBe(false);
    // 'INC-\u00c3\u00a9' is what the UTF-8 bytes of 'INC-é' would read as Latin-1: not equal.
    expect(texts.equals(2, 'INC-\u00c3\u00a9')).toBe(false);
    expect(texts.equals(3, '\ud800')).toBe(true);
    expect(texts.equals(3, '\ufffd')).toBe(false);
  });
});
