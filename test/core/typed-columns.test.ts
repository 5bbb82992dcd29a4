import { describe, expect, it } from 'vitest';
import { PackedTexts } from '../../src/core/packed-texts.js';
import { cutTo, emptyCodes, fixedBytes, fixedStorage, emptyInstants, emptyNumbers, grown, holdingCode, holdingInstant, holdingNumber, instantIn, instantsIn, newStorage, numberAt, release, resizableStorageBytes, setInstant, setNumber, zeroed, type InstantColumn, type NumberColumn } from '../../src/core/typed-columns.js';
import { KeyIndex } from '../../src/validate/key-index.js';

/** 8,192 doubles are 64 KiB, the size from which storage grows in place. */
const IN_PLACE_ROWS = 8192;

const numbered = (length: number): Float64Array => Float64Array.from({ length }, (_, i) => i + 0.5);

describe('grown and cutTo: storage that grows in place', () => {
  it('keeps a small column in plain storage: it is copied', () => {
    const small = numbered(100);
    const larger = grown(small, 200);
    expect(larger.buffer).not.toBe(small.buffer);
    expect((larger.buffer as ArrayBuffer).resizable).toBe(false);
    expect(Array.from(larger.subarray(0, 100))).toEqual(Array.from(small));
    expect(larger[150]).toBe(0);
  });

  it('moves a column of 64 KiB or more to resizable storage, and then grows it in that storage without a copy', () => {
    const first = grown(numbered(IN_PLACE_ROWS / 2), IN_PLACE_ROWS); // 4,096 values, room for 8,192 = 64 KiB
    expect((first.buffer as ArrayBuffer).resizable).toBe(true);
    first[IN_PLACE_ROWS - 1] = 7;
    const second = grown(first, 4 * IN_PLACE_ROWS);
    expect(second.buffer).toBe(first.buffer);
    expect(second.length).toBe(4 * IN_PLACE_ROWS);
    // What was written stays; the room added reads as zeros.
    expect(second[0]).toBe(0.5);
    expect(second[IN_PLACE_ROWS / 2 - 1]).toBe(IN_PLACE_ROWS / 2 - 0.5);
    expect(second[IN_PLACE_ROWS / 2]).toBe(0);
    expect(second[IN_PLACE_ROWS - 1]).toBe(7);
    expect(second[4 * IN_PLACE_ROWS - 1]).toBe(0);
  });

  it('moves storage once to a larger reservation when it outgrows its own', () => {
    // The reservation is at least 64 MiB: 8 Mi doubles; asking for more than that moves the column.
    const column = grown(new Float64Array(4), IN_PLACE_ROWS);
    column[3] = 3;
    const reserved = (column.buffer as ArrayBuffer).maxByteLength / 8;
    const moved = grown(column, reserved + 1);
    expect(moved.buffer).not.toBe(column.buffer);
    expect(moved[3]).toBe(3);
    expect(moved.length).toBe(reserved + 1);
  });

  it('cuts resizable storage in place and copies plain storage to its exact size', () => {
    const large = grown(numbered(10), 2 * IN_PLACE_ROWS);
    const cut = cutTo(large, 10);
    expect(cut.buffer).toBe(large.buffer);
    expect(cut.buffer.byteLength).toBe(80);
    expect(Array.from(cut)).toEqual(Array.from(numbered(10)));

    const small = new Uint32Array([1, 2, 3, 4]);
    const smallCut = cutTo(small, 2);
    expect(smallCut.buffer).not.toBe(small.buffer);
    expect(Array.from(smallCut)).toEqual([1, 2]);
  });

  it('keeps every type: bytes, codes and instants', () => {
    const bytes = grown(Uint8Array.of(1, 2, 255), 100_000);
    const codes = grown(Uint32Array.of(0xffff_ffff), 100_000);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(codes).toBeInstanceOf(Uint32Array);
    expect([bytes[2], codes[0]]).toEqual([255, 0xffff_ffff]);
    expect(cutTo(bytes, 3)).toBeInstanceOf(Uint8Array);
  });

  it('counts the bytes of the resizable storage alive, as it grows and is cut', () => {
    const before = resizableStorageBytes();
    const column = grown(new Uint32Array(1), 2 * IN_PLACE_ROWS); // 16,384 codes of 4 bytes: 65,536 bytes
    expect(resizableStorageBytes() - before).toBe(65_536);
    const longer = grown(column, 4 * IN_PLACE_ROWS); // in place: 131,072 bytes
    expect(resizableStorageBytes() - before).toBe(131_072);
    cutTo(longer, 1000); // 4,000 bytes
    expect(resizableStorageBytes() - before).toBe(4000);
  });

  it('gives plain storage below 64 KiB and resizable storage from it on', () => {
    expect(newStorage(64 * 1024 - 1).resizable).toBe(false);
    const storage = newStorage(64 * 1024);
    expect(storage.resizable).toBe(true);
    expect(storage.maxByteLength).toBeGreaterThanOrEqual(64 * 1024 * 1024);
  });
});

describe('fixedStorage, zeroed and fixedBytes: storage that does not grow, kept out of the C allocator when large', () => {
  it('gives plain storage below 64 KiB and, from it on, resizable storage of exactly its size', () => {
    expect(fixedStorage(64 * 1024 - 1).resizable).toBe(false);
    const storage = fixedStorage(64 * 1024);
    expect(storage.resizable).toBe(true);
    expect(storage.byteLength).toBe(64 * 1024);
    expect(storage.maxByteLength).toBe(64 * 1024);
  });

  it('makes arrays of zeros of each type at their length, small or large', () => {
    // 20,000 doubles are 160,000 bytes (resizable); 100 doubles, 800 bytes (plain).
    for (const length of [0, 100, 20_000]) {
      const doubles = zeroed(Float64Array, length);
      expect(doubles).toBeInstanceOf(Float64Array);
      expect(doubles.length).toBe(length);
      expect(doubles.every((value) => value === 0)).toBe(true);
    }
    expect(zeroed(Float64Array, 20_000).buffer.resizable).toBe(true);
    expect(zeroed(Int32Array, 20_000).byteLength).toBe(80_000);
    expect(zeroed(Uint8Array, 100).buffer.resizable).toBe(false);
  });

  it('lets cutTo cut a large zeroed array in place, so a filter\'s rows take no copy', () => {
    const rows = zeroed(Uint32Array, 50_000); // 200,000 bytes
    rows.set([7, 8, 9]);
    const cut = cutTo(rows, 3);
    expect(cut.buffer).toBe(rows.buffer);
    expect([...cut]).toEqual([7, 8, 9]);
    expect(cut.buffer.byteLength).toBe(12);
  });

  it('releases a large scratch array\'s storage at once, and leaves a small one to the collector', () => {
    // 30,000 × 4 = 120,000 bytes: a mapping of its own (64 KiB or more), shrunk to nothing. 100 × 4 = 400
    // bytes: plain storage, which cannot shrink, left as it is.
    const large = zeroed(Int32Array, 30_000);
    const alsoLarge = zeroed(Uint8Array, 70_000);
    const small = zeroed(Int32Array, 100);
    large[29_999] = 5;
    release(large, alsoLarge, small);
    expect(large.buffer.byteLength).toBe(0);
    expect(alsoLarge.buffer.byteLength).toBe(0);
    expect(small.buffer.byteLength).toBe(400);
    expect(small).toHaveLength(100);
  });

  it('gives a Buffer of the length asked for, that file bytes can be read into', () => {
    const bytes = fixedBytes(100_000);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.length).toBe(100_000);
    expect((bytes.buffer as ArrayBuffer).resizable).toBe(true);
    bytes.write('café', 99_990, 'utf8');
    expect(bytes.toString('utf8', 99_990, 99_995)).toBe('café');
  });
});

describe('what grows in place reads back the same', () => {
  it('packed texts: 100,000 ids (1.1 MB) read back before and after sealing', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `INC-${String(i).padStart(7, '0')}`);
    const packed = PackedTexts.of(ids);
    expect(packed.at(99_999)).toBe('INC-0099999');
    packed.seal();
    // 100,000 ids of 11 bytes each: 1,100,000 bytes after the cut, and no offsets, as all are one width.
    expect(packed.storageBytes).toBe(1_100_000);
    expect(packed.at(0)).toBe('INC-0000000');
    expect(packed.at(54_321)).toBe('INC-0054321');
    expect(packed.equals(99_999, 'INC-0099999')).toBe(true);
  });

  it('a key index of 100,000 keys finds each with its line, and no other key', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 100_000; i++) index.set(`P${i}`, i + 2);
    expect(index.size).toBe(100_000);
    expect(index.get('P0')).toBe(2);
    expect(index.get('P65535')).toBe(65_537);
    expect(index.get('P99999')).toBe(100_001);
    expect(index.has('P100000')).toBe(false);
    // A key seen again keeps its first line.
    index.set('P7', 999);
    expect(index.get('P7')).toBe(9);
  });
});

describe('holdingCode: code columns as narrow as their codes', () => {
  it('starts at a byte a code and widens at 256 and at 65,536, keeping the codes held', () => {
    const codes = emptyCodes(4);
    expect(codes).toBeInstanceOf(Uint8Array);
    codes[0] = 255;
    // 255 is the highest a byte holds: the same column.
    expect(holdingCode(codes, 255)).toBe(codes);
    const two = holdingCode(codes, 256);
    expect(two).toBeInstanceOf(Uint16Array);
    expect(Array.from(two)).toEqual([255, 0, 0, 0]);
    two[1] = 65_535;
    expect(holdingCode(two, 65_535)).toBe(two);
    const four = holdingCode(two, 65_536);
    expect(four).toBeInstanceOf(Uint32Array);
    expect(Array.from(four)).toEqual([255, 65_535, 0, 0]);
    expect(holdingCode(four, 0xffff_ffff)).toBe(four);
  });

  it('goes from a byte straight to four bytes for a code past two', () => {
    const codes = emptyCodes(2);
    codes[1] = 7;
    const four = holdingCode(codes, 70_000);
    expect(four).toBeInstanceOf(Uint32Array);
    expect(Array.from(four)).toEqual([0, 7]);
  });

  it('keeps a widened column growing in place, as other columns do', () => {
    // 40,000 codes of 2 bytes: 80,000 bytes, resizable storage.
    const wide = holdingCode(emptyCodes(40_000), 300);
    expect((wide.buffer as ArrayBuffer).resizable).toBe(true);
    const grownWide = grown(wide, 80_000);
    expect(grownWide.buffer).toBe(wide.buffer);
  });
});

describe('number columns: as narrow as their values', () => {
  /** A column of `values` written in order, widened as each needs, and what it reads back. */
  const column = (values: ReadonlyArray<number | undefined>): { numbers: NumberColumn; read: Array<number | undefined> } => {
    let numbers = emptyNumbers(values.length);
    values.forEach((value, row) => {
      numbers = holdingNumber(numbers, value);
      setNumber(numbers, row, value);
    });
    return { numbers, read: values.map((_, row) => numberAt(numbers, row)) };
  };
  const typeOf = (values: ReadonlyArray<number | undefined>): string => column(values).numbers.constructor.name;

  it('starts at a byte, and an absent number takes no more', () => {
    expect(typeOf([0, 1, undefined, -1])).toBe('Int8Array');
    expect(column([0, 1, undefined, -1]).read).toEqual([0, 1, undefined, -1]);
  });

  it('widens at each integer type\'s edges: its lowest value marks an absent number, so it is held one type up', () => {
    // Int8: −127..127 held (−128 is the mark); Int16: −32,767..32,767; Int32: −2,147,483,647..2,147,483,647.
    expect([typeOf([127]), typeOf([-127]), typeOf([128]), typeOf([-128])]).toEqual(['Int8Array', 'Int8Array', 'Int16Array', 'Int16Array']);
    expect([typeOf([32_767]), typeOf([-32_767]), typeOf([32_768]), typeOf([-32_768])]).toEqual(['Int16Array', 'Int16Array', 'Int32Array', 'Int32Array']);
    expect([typeOf([2 ** 31 - 1]), typeOf([-(2 ** 31) + 1]), typeOf([2 ** 31]), typeOf([-(2 ** 31)])]).toEqual(['Int32Array', 'Int32Array', 'Float64Array', 'Float64Array']);
    // Each edge value reads back as itself, never as an absent number, alone or beside an absent one.
    for (const edge of [127, -127, 128, -128, 32_767, -32_767, 32_768, -32_768, 2 ** 31 - 1, -(2 ** 31) + 1, 2 ** 31, -(2 ** 31)]) {
      expect(column([edge, undefined]).read).toEqual([edge, undefined]);
    }
  });

  it('holds a fraction, -0 and numbers beyond 32 bits in doubles, exactly', () => {
    const values = [3, 0.5, -0, 2 ** 53, 1e-9];
    const { numbers, read } = column(values);
    expect(numbers).toBeInstanceOf(Float64Array);
    expect(read).toEqual(values);
    expect(Object.is(read[2], -0)).toBe(true);
  });

  it('keeps every value and every absent one through each widening, straight from a byte to doubles too', () => {
    // 5 and an absent number in a byte; 300 widens to 2 bytes, 70,000 to 4, 0.25 to 8.
    const values = [5, undefined, -7, 300, undefined, 70_000, -70_000, undefined, 0.25, undefined, 127];
    const { numbers, read } = column(values);
    expect(numbers).toBeInstanceOf(Float64Array);
    expect(read).toEqual(values);
    expect(column([undefined, 1, undefined, 0.5]).read).toEqual([undefined, 1, undefined, 0.5]);
  });

  it('grows and is cut like any column, its absent marks kept', () => {
    let numbers = holdingNumber(emptyNumbers(2), 1000); // Int16
    setNumber(numbers, 0, 1000);
    setNumber(numbers, 1, undefined);
    numbers = grown(numbers, 100_000);
    setNumber(numbers, 99_999, -5);
    expect([numberAt(numbers, 0), numberAt(numbers, 1), numberAt(numbers, 99_999)]).toEqual([1000, undefined, -5]);
    const cut = cutTo(numbers, 2);
    expect(cut).toBeInstanceOf(Int16Array);
    expect([numberAt(cut, 0), numberAt(cut, 1)]).toEqual([1000, undefined]);
  });
});

describe('instant columns: whole seconds in 4 bytes, else milliseconds in 8', () => {
  const column = (instants: ReadonlyArray<number | undefined>): InstantColumn => {
    let held = emptyInstants(instants.length);
    instants.forEach((instant, row) => {
      held = holdingInstant(held, instant);
      setInstant(held, row, instant);
    });
    return held;
  };
  const read = (held: InstantColumn): number[] => Array.from({ length: held.length }, (_, row) => instantIn(held, row));
  // Seconds are counted from 2000-01-01T00:00:00Z in an Int32Array whose lowest value marks an absent
  // instant: 2000-01-01 + (2^31 − 1) s = 2068-01-19T03:14:07Z, 2000-01-01 − (2^31 − 1) s = 1931-12-13T20:45:53Z.
  const LAST_SECOND = Date.parse('2068-01-19T03:14:07Z');
  const FIRST_SECOND = Date.parse('1931-12-13T20:45:53Z');

  it('holds whole seconds, a Feb 29 and absent instants in seconds, and reads them back in milliseconds', () => {
    const instants = [Date.parse('2024-02-29T23:59:59Z'), undefined, Date.parse('1999-12-31T23:59:59Z'), LAST_SECOND, FIRST_SECOND];
    const held = column(instants);
    expect(held).toBeInstanceOf(Int32Array);
    expect(read(held)).toEqual(instants.map((instant) => instant ?? NaN));
  });

  it('moves to milliseconds for a second past 2068-01-19T03:14:07Z or before 1931-12-13T20:45:53Z', () => {
    expect(column([LAST_SECOND + 1000])).toBeInstanceOf(Float64Array);
    expect(column([FIRST_SECOND - 1000])).toBeInstanceOf(Float64Array);
  });

  it('moves to milliseconds at the first fraction of a second, keeping every instant and absent one before it', () => {
    const instants = [Date.parse('2026-07-01T10:00:00Z'), undefined, Date.parse('2026-09-30T23:59:59.999Z'), undefined, 0];
    const held = column(instants);
    expect(held).toBeInstanceOf(Float64Array);
    expect(read(held)).toEqual(instants.map((instant) => instant ?? NaN));
  });

  it('reads a whole column in milliseconds with those after tEnd absent, either way it is held', () => {
    const tEnd = Date.parse('2026-09-30T23:59:59Z');
    // In seconds: the instant at tEnd stays, the one a second after goes; the count cuts the rest.
    const seconds = column([tEnd - 1000, tEnd, tEnd + 1000, undefined, tEnd]);
    expect(Array.from(instantsIn(seconds, 4, tEnd))).toEqual([tEnd - 1000, tEnd, NaN, NaN]);
    // In milliseconds: the same, 1 ms after tEnd absent; with nothing after tEnd, a view and no copy.
    const millis = column([tEnd + 1, tEnd, 0.5 + 0.5, undefined]);
    expect(Array.from(instantsIn(millis, 4, tEnd))).toEqual([NaN, tEnd, 1, NaN]);
    expect(instantsIn(millis, 4, Infinity).buffer).toBe(millis.buffer);
  });
});
