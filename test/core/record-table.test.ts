import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costsLessAsStrings, RecordTable, type FieldKinds } from '../../src/core/record-table.js';

interface Row { id: string; note: string | undefined; hours: number; done: number | undefined; critical: boolean | undefined }
const KINDS: FieldKinds<Row> = { id: 'text', note: 'text', hours: 'number', done: 'number', critical: 'bool' };
/** Tables that hold every record in columns from the first (a file's table keeps its first 8,192 whole). */
const IN_COLUMNS = 0;
/** The same rows with `id` held as a key (packed bytes) and `note` too, absent texts included. */
const PACKED: FieldKinds<Row> = { ...KINDS, id: 'key', note: 'key' };
const row = (id: string, extra: Partial<Row> = {}): Row => ({ id, note: undefined, hours: 1, done: undefined, critical: undefined, ...extra });

describe('RecordTable: building and reading', () => {
  it('hands back every record as it was added, absent fields included', () => {
    const rows = [
      row('a', { note: 'x', hours: 2.5, done: -0, critical: true }),
      row('b', { hours: 0, critical: false }),
      row('c', { note: '', hours: 1e-9, done: 1_782_864_000_000 }),
    ];
    const table = RecordTable.of(KINDS, rows, IN_COLUMNS);
    expect(table.length).toBe(3);
    expect([...table]).toStrictEqual(rows);
    // -0 is kept as -0 (a Float64Array holds it), not read back as 0.
    expect(Object.is([...table][0]!.done, -0)).toBe(true);
  });

  it('gives the record at an index, kept whole or in columns, and refuses one outside the table', () => {
    const rows = [row('a', { note: 'x' }), row('b', { hours: 7, done: 3 }), row('c', { critical: false })];
    for (const keptWhole of [IN_COLUMNS, 8192]) {
      const table = RecordTable.of(KINDS, rows, keptWhole);
      expect(table.at(1)).toStrictEqual(rows[1]);
      expect(table.at(2)).toStrictEqual(rows[2]);
      expect(() => table.at(3)).toThrow(RangeError);
      expect(() => table.at(-1)).toThrow(RangeError);
      // A view reads its own rows: here 'c' is the view's first.
      expect(table.filter((r) => r.id !== 'a').map((r) => ({ ...r, hours: r.hours * 2 })).at(1)).toStrictEqual({ ...rows[2], hours: 2 });
    }
  });

  it('grows past its first capacity of 256 rows', () => {
    // 1,000 rows: two doublings (256 → 512 → 1,024).
    const rows = Array.from({ length: 1000 }, (_, i) => row(`E${i % 7}`, { hours: i / 4 }));
    expect([...RecordTable.of(KINDS, rows, IN_COLUMNS)]).toStrictEqual(rows);
  });

  it('turns a text column whose texts mostly differ into plain strings, and still reads every row', () => {
    // 3,000 distinct ids: at the doubling from 1,024 rows, 1,024 distinct texts × 5 > 1,024 rows × 4, so
    // the column becomes strings; `note` (2 distinct texts) stays coded. Both read back exactly.
    const rows = Array.from({ length: 3000 }, (_, i) => row(`INC-${i}`, { note: i % 2 === 0 ? 'even' : undefined }));
    expect([...RecordTable.of(KINDS, rows, IN_COLUMNS)]).toStrictEqual(rows);
  });

  it('holds texts as strings only where more than 4 rows in 5 bring a new one, judged from 1,024 rows on', () => {
    // 1,024 rows: 820 distinct × 5 = 4,100 > 1,024 × 4 = 4,096, strings; 819 × 5 = 4,095, codes.
    expect(costsLessAsStrings(1024, 820)).toBe(true);
    expect(costsLessAsStrings(1024, 819)).toBe(false);
    // A job history's ids or dates, ~4 rows a person: 262 distinct in 1,024 rows stay codes (at 1 in 8,
    // as the rule once was, 262 × 8 > 1,024 made them strings).
    expect(costsLessAsStrings(1024, 262)).toBe(false);
    // Before 1,024 rows nothing is judged: 1,023 distinct in 1,023 rows stay codes.
    expect(costsLessAsStrings(1023, 1023)).toBe(false);
    // Unique texts in a large column: strings.
    expect(costsLessAsStrings(400_000, 400_000)).toBe(true);
  });

  it('reads back a column that repeats each text 4 times as codes, through and after sealing', () => {
    // 4,000 rows, ids E0..E999 each 4 times in a row, as a job history lists a person's changes.
    const rows = Array.from({ length: 4000 }, (_, i) => row(`E${Math.floor(i / 4)}`, { note: `2026-0${1 + (i % 9)}-01` }));
    const table = RecordTable.of(KINDS, rows, IN_COLUMNS);
    table.seal();
    expect([...table]).toStrictEqual(rows);
  });

  it('reads back a text column whose codes outgrow a byte and then two bytes', () => {
    // 140,000 rows, texts T0..T69999 each twice (1 new text in 2 rows: codes, not strings): code 256
    // needs two bytes, code 65,536 four.
    const rows = Array.from({ length: 140_000 }, (_, i) => row(`T${i >> 1}`, { hours: i }));
    const table = RecordTable.of(KINDS, rows, IN_COLUMNS);
    table.seal();
    const read = [...table];
    expect(read.length).toBe(140_000);
    expect([read[511]!.id, read[512]!.id, read[131_071]!.id, read[131_072]!.id, read[139_999]!.id]).toEqual(['T255', 'T256', 'T65535', 'T65536', 'T69999']);
    expect(read).toStrictEqual(rows);
  });

  it('holds key columns packed, absent and empty texts apart, multi-byte and lone surrogates exactly', () => {
    // 2,000 rows: past the packed storage's first 1,024 texts, so it grows once.
    const rows = Array.from({ length: 2000 }, (_, i) => row(i % 5 === 0 ? `事件-${i}` : `INC-${i}`, {
      note: i % 3 === 0 ? undefined : i % 3 === 1 ? '' : `\ud800 ${i}`,
    }));
    expect([...RecordTable.of(PACKED, rows, IN_COLUMNS)]).toStrictEqual(rows);
  });

  it('keeps its first records as they came, then moves them into columns and reads every one back', () => {
    // Kept whole up to 100 records: the 101st moves the 100 into columns (room for 256), then it doubles
    // to 512 and 1,024 on the way to 1,000 records.
    const rows = Array.from({ length: 1000 }, (_, i) => row(`E${i % 13}`, { hours: i / 8, critical: i % 2 === 0 }));
    const table = RecordTable.of(KINDS, rows, 100);
    expect([...table]).toStrictEqual(rows);
    // While whole, a record read is the very record added; from columns, an equal one built afresh.
    const small = RecordTable.of(KINDS, rows.slice(0, 3), 100);
    expect([...small][1]).toBe(rows[1]);
    expect([...table][1]).not.toBe(rows[1]);
    // hours = i / 8 ≥ 124.5 for i = 996..999; 996 = 13 × 76 + 8, so ids E8, E9, E10, E11.
    expect([...table.filter((r) => r.hours >= 124.5)].map((r) => r.id)).toEqual(['E8', 'E9', 'E10', 'E11']);
  });

  it('reads every row the same once sealed, its columns cut to their rows, and refuses more', () => {
    // 300 rows: the columns grew 256 → 512; sealing cuts them to 300. `note` stays coded (3 texts).
    const rows = Array.from({ length: 300 }, (_, i) => row(`E${i % 5}`, { note: ['a', 'b', undefined][i % 3], hours: i, critical: i % 2 === 0 }));
    const table = RecordTable.of(KINDS, rows, IN_COLUMNS);
    const view = table.filter((r) => r.hours % 2 === 1);
    table.seal();
    expect([...table]).toStrictEqual(rows);
    expect([...view]).toStrictEqual(rows.filter((r) => r.hours % 2 === 1));
    expect(() => table.add(row('late'))).toThrow(/sealed/);
    expect(() => view.seal()).toThrow();
    // A table still holding its records as they came seals too.
    const small = RecordTable.of(KINDS, rows.slice(0, 3));
    small.seal();
    expect([...small]).toStrictEqual(rows.slice(0, 3));
    expect(() => small.add(row('late'))).toThrow(/sealed/);
  });

  it('refuses rows added to a view', () => {
    const table = RecordTable.of(KINDS, [row('a')], IN_COLUMNS);
    expect(() => table.filter(() => true).add(row('b'))).toThrow(/view/);
    expect(() => table.map((r) => r).add(row('b'))).toThrow(/view/);
  });
});

describe('RecordTable: views', () => {
  const rows = [row('a', { hours: 1 }), row('b', { hours: 5 }), row('c', { hours: 2 }), row('d', { hours: 7 })];

  it('filters like an array, keeping the order', () => {
    const table = RecordTable.of(KINDS, rows, IN_COLUMNS);
    const long = table.filter((r) => r.hours > 1.5);
    expect(long.length).toBe(3);
    expect([...long].map((r) => r.id)).toEqual(['b', 'c', 'd']);
    // A filter of a filter reads the rows both keep.
    expect([...long.filter((r) => r.hours < 6)].map((r) => r.id)).toEqual(['b', 'c']);
    // The first rows only (a table in date order cut at a date), and none at all.
    expect([...table.filter((r) => r.id < 'c')].map((r) => r.id)).toEqual(['a', 'b']);
    expect([...table.filter(() => false)]).toEqual([]);
  });

  it('maps each record as it is read, and a filter sees the mapped record', () => {
    const table = RecordTable.of(KINDS, rows, IN_COLUMNS);
    const doubled = table.map((r) => ({ ...r, hours: r.hours * 2 }));
    // 1, 5, 2, 7 doubled: 2, 10, 4, 14; kept where ≥ 5: b (10), d (14).
    expect([...doubled.filter((r) => r.hours >= 5)].map((r) => [r.id, r.hours])).toEqual([['b', 10], ['d', 14]]);
    // Maps compose in order: +1 then ×10 gives 20, 60, 30, 80.
    expect([...table.map((r) => ({ ...r, hours: r.hours + 1 })).map((r) => ({ ...r, hours: r.hours * 10 }))].map((r) => r.hours))
      .toEqual([20, 60, 30, 80]);
  });

  it('keeps a view to the rows there were when it was made', () => {
    const table = RecordTable.of(KINDS, rows, IN_COLUMNS);
    const all = table.map((r) => r);
    table.add(row('e'));
    expect(all.length).toBe(4);
    expect(table.length).toBe(5);
  });

  it('gives what an array gives for any records, filter and map (property)', () => {
    const record = fc.record({
      id: fc.string(),
      note: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
      hours: fc.double({ noNaN: true }),
      // Mostly whole numbers, at and around the edges of each integer width the column may take (and
      // the values marking an absent number), then now and again a fraction, -0 or any double.
      done: fc.option(fc.oneof(
        { arbitrary: fc.integer({ min: -40_000, max: 40_000 }), weight: 4 },
        { arbitrary: fc.constantFrom(-128, -127, 127, 128, -32_768, -32_767, 32_767, -(2 ** 31), -(2 ** 31) + 1, 2 ** 31 - 1, 2 ** 31, -0, 0.5), weight: 2 },
        { arbitrary: fc.integer(), weight: 1 },
        { arbitrary: fc.double({ noNaN: true }), weight: 1 },
      ), { nil: undefined }),
      critical: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 1500 }), fc.double({ noNaN: true }), (generated, bound) => {
        // fast-check's records have no prototype; the table's are plain objects.
        const records: Row[] = generated.map((r) => ({ ...r }));
        const table = RecordTable.of(KINDS, records, IN_COLUMNS);
        expect([...RecordTable.of(PACKED, records, IN_COLUMNS)]).toStrictEqual(records);
        // Kept whole, or moved into columns part way: the same records.
        expect([...RecordTable.of(KINDS, records)]).toStrictEqual(records);
        expect([...RecordTable.of(KINDS, records, records.length >> 1)]).toStrictEqual(records);
        const keep = (r: Row): boolean => r.hours >= bound;
        const change = (r: Row): Row => ({ ...r, note: r.note === undefined ? 'none' : r.note });
        expect([...table]).toStrictEqual(records);
        expect([...table.filter(keep)]).toStrictEqual(records.filter(keep));
        expect([...table.filter(keep).map(change)]).toStrictEqual(records.filter(keep).map(change));
        expect(table.filter(keep).length).toBe(records.filter(keep).length);
      }),
      { numRuns: 200 },
    );
  });
});
