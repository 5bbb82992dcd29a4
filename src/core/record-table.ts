/**
 * Records held in columns rather than as one object each. A record of four fields costs ~64 bytes as an
 * object (its header, a slot per field, a heap number per fractional value, its slot in an array); in
 * columns it costs 1 to 4 bytes per text (a code) and 1 to 8 per number. A million time-allocation rows,
 * or a few hundred thousand job changes and action items, are what a large export holds.
 *
 * The table is read as `Rows`: iterating builds each record afresh (young garbage, which the collector
 * frees cheaply), `filter` keeps the indices of the rows it keeps rather than the records, and `map`
 * changes records as they are read. A small table keeps its records as they came and works as an
 * array does (see RECORDS_KEPT_WHOLE). An array is `Rows` too, so measures and tests may hand arrays
 * around.
 */
import { PackedTexts } from './packed-texts.js';
import { TextCodes } from './text-codes.js';
import { cutTo, emptyCodes, emptyNumbers, grown, holdingCode, holdingNumber, numberAt, setNumber, zeroed, type CodeColumn, type NumberColumn as NarrowNumbers } from './typed-columns.js';

/** What the measures read of a dataset: iterated, counted, filtered; never indexed or changed. */
export interface Rows<R> extends Iterable<R> {
  readonly length: number;
  filter(keep: (row: R) => boolean): Rows<R>;
  map(change: (row: R) => R): Rows<R>;
}

/**
 * How a field is held: `text` as codes (each distinct text once), `key` (texts unique by rule, ids) as
 * UTF-8 bytes packed in one buffer, `number` in 1 to 8 bytes (see NumberColumn in typed-columns.ts;
 * validated numbers are finite), `bool` in a byte (2 for absent).
 */
export type FieldKind = 'text' | 'key' | 'number' | 'bool';
export type FieldKinds<R> = { readonly [K in keyof R]-?: FieldKind };

type Value = string | number | boolean | undefined;

interface Column {
  push(row: number, value: Value): void;
  at(row: number): Value;
  growTo(capacity: number): void;
  /** No row will be added past the first `rows` (see `RecordTable.seal`). */
  seal(rows: number): void;
}

/**
 * A text column: codes while texts repeat, plain strings once they mostly do not. The text itself is held
 * once either way (the string pool gives each repeated text one instance, see string-pool.ts). A string
 * costs an 8-byte slot a row. A code costs 1 to 4 bytes a row (see CodeColumn), and each distinct text
 * an 8-byte slot plus a map entry (~40 bytes) while the file is read, let go when the table is sealed.
 * Columns are either mostly repeats (ids, dates, titles: each text in several rows) or mostly new texts
 * (names, free text), and any share from 1 in 2 to 4 in 5 tells the two apart; a column where more than 4
 * rows in 5 bring a new text is turned into strings, judged at each doubling once a first `UNIQUE_TRIAL`
 * rows have been seen. (At 1 in 8, where the map entries outweigh the saving while reading, a job
 * history's ids and dates, ~4 rows a person, became strings at their first doubling and stayed so for the
 * whole run: 14–17 MiB more live heap at the large bench scale.)
 */
const UNIQUE_TRIAL = 1024;

/** Whether a text column of `rows` rows holding `distinct` texts costs less as strings (see above). */
export const costsLessAsStrings = (rows: number, distinct: number): boolean => rows >= UNIQUE_TRIAL && distinct * 5 > rows * 4;

class TextColumn implements Column {
  private codes: CodeColumn;
  private texts: TextCodes | undefined = new TextCodes();
  private strings: Array<string | undefined> | undefined;

  constructor(capacity: number) {
    this.codes = emptyCodes(capacity);
  }

  push(row: number, value: Value): void {
    const text = value as string | undefined;
    if (this.strings !== undefined) {
      this.strings.push(text);
      return;
    }
    const code = this.texts!.encode(text);
    this.codes = holdingCode(this.codes, code);
    this.codes[row] = code;
  }

  at(row: number): string | undefined {
    return this.strings !== undefined ? this.strings[row] : this.texts!.decode(this.codes[row]!);
  }

  growTo(capacity: number): void {
    if (this.strings !== undefined) return;
    const rows = this.codes.length;
    // texts.size counts the absent code too: an all-absent column never turns into strings.
    if (costsLessAsStrings(rows, this.texts!.size - 1)) {
      const texts = this.texts!;
      this.strings = Array.from(this.codes, (code) => texts.decode(code));
      this.codes = emptyCodes(0);
      this.texts = undefined;
      return;
    }
    this.codes = grown(this.codes, capacity);
  }

  seal(rows: number): void {
    if (this.strings !== undefined) return;
    this.codes = cutTo(this.codes, rows);
    this.texts!.seal();
  }
}

/**
 * Texts that never repeat (a dataset's key): a code would only add a map entry, and each its own string
 * costs ~40 bytes with its slot (an 11-character id); packed, it costs its bytes and at most a 4-byte offset.
 */
class KeyColumn implements Column {
  private readonly texts = PackedTexts.empty();
  /** Rows without a text, packed as '' to keep rows aligned (a key is required, so there are none). */
  private absent: Set<number> | undefined;
  push(row: number, value: Value): void {
    if (value === undefined) (this.absent ??= new Set()).add(row);
    this.texts.push((value as string | undefined) ?? '');
  }
  at(row: number): string | undefined {
    return this.absent?.has(row) === true ? undefined : this.texts.at(row);
  }
  growTo(): void {} // packed texts grow by themselves
  seal(): void {
    this.texts.seal();
  }
}

class NumberColumn implements Column {
  private values: NarrowNumbers;
  constructor(capacity: number) {
    this.values = emptyNumbers(capacity);
  }
  push(row: number, value: Value): void {
    const number = value as number | undefined;
    this.values = holdingNumber(this.values, number);
    setNumber(this.values, row, number);
  }
  at(row: number): number | undefined {
    return numberAt(this.values, row);
  }
  growTo(capacity: number): void {
    this.values = grown(this.values, capacity);
  }
  seal(rows: number): void {
    this.values = cutTo(this.values, rows);
  }
}

const ABSENT_BOOL = 2;

class BoolColumn implements Column {
  private values: Uint8Array;
  constructor(capacity: number) {
    this.values = new Uint8Array(capacity);
  }
  push(row: number, value: Value): void {
    this.values[row] = value === undefined ? ABSENT_BOOL : value ? 1 : 0;
  }
  at(row: number): boolean | undefined {
    const value = this.values[row]!;
    return value === ABSENT_BOOL ? undefined : value === 1;
  }
  growTo(capacity: number): void {
    this.values = grown(this.values, capacity);
  }
  seal(rows: number): void {
    this.values = cutTo(this.values, rows);
  }
}

const COLUMN_OF_KIND: Readonly<Record<FieldKind, new (capacity: number) => Column>> = {
  text: TextColumn,
  key: KeyColumn,
  number: NumberColumn,
  bool: BoolColumn,
};

/**
 * Up to this many records a table keeps them as they came: columns pay off on large files, while on a
 * small one (the demo's largest has ~2,300 rows) building each record afresh in code V8 has not yet
 * optimised cost the demo report ~25 ms, a tenth of its run.
 */
const RECORDS_KEPT_WHOLE = 8192;
/** The columns' first room: a table that outgrows it doubles ~12 times on the way to a million rows. */
const INITIAL_CAPACITY = 256;

/** The stored records a table and the views over it share: as they came while few, else in columns. */
class Store<R> {
  readonly fields: ReadonlyArray<keyof R & string>;
  private columns: readonly Column[] = [];
  private records: R[] | undefined = [];
  count = 0;
  private capacity = 0;
  private sealed = false;

  constructor(
    private readonly kinds: FieldKinds<R>,
    private readonly keptWhole: number,
  ) {
    this.fields = Object.keys(kinds) as Array<keyof R & string>;
  }

  add(record: R): void {
    if (this.sealed) throw new Error('records are added before the table is sealed');
    const row = this.count;
    // Every record of a dataset has one shape (see row-schema), so the first shows a field the columns would lose.
    if (row === 0) this.checkFields(record);
    if (this.records !== undefined) {
      if (row < this.keptWhole) {
        this.records.push(record);
        this.count = row + 1;
        return;
      }
      this.moveToColumns();
    }
    if (row === this.capacity) {
      this.capacity *= 2;
      for (const column of this.columns) column.growTo(this.capacity);
    }
    const values = record as Record<string, Value>;
    for (let i = 0; i < this.fields.length; i++) this.columns[i]!.push(row, values[this.fields[i]!]);
    this.count = row + 1;
  }

  /** No record will be added: the columns are cut to the rows held and let go of what only adding needs. */
  seal(): void {
    this.sealed = true;
    for (const column of this.columns) column.seal(this.count);
  }

  /** The records, while they are kept as they came; undefined once they are in columns. */
  get whole(): readonly R[] | undefined {
    return this.records;
  }

  /** A store of the same fields holding `records` as they are (for the views of a store kept whole). */
  holding(records: R[]): Store<R> {
    const store = new Store(this.kinds, Infinity);
    store.records = records;
    store.count = records.length;
    return store;
  }

  /** Puts the records kept whole into columns, with room to double. */
  private moveToColumns(): void {
    const records = this.records!;
    this.capacity = Math.max(INITIAL_CAPACITY, 2 * records.length);
    this.columns = this.fields.map((field) => new COLUMN_OF_KIND[this.kinds[field]](this.capacity));
    this.records = undefined;
    for (let row = 0; row < records.length; row++) {
      const values = records[row] as Record<string, Value>;
      for (let i = 0; i < this.fields.length; i++) this.columns[i]!.push(row, values[this.fields[i]!]);
    }
  }

  private checkFields(record: R): void {
    const extra = Object.keys(record as object).filter((field) => !(this.fields as readonly string[]).includes(field));
    if (extra.length > 0) throw new Error(`the table holds no column for the field(s) ${extra.join(', ')}`);
  }

  record(row: number): R {
    if (this.records !== undefined) return this.records[row]!;
    const record: Record<string, Value> = {};
    for (let i = 0; i < this.fields.length; i++) record[this.fields[i]!] = this.columns[i]!.at(row);
    return record as R;
  }
}

const same = <R>(row: R): R => row;

/**
 * A dataset's records in columns. The table read from a file is added to; `filter` and `map` give views
 * that share its columns, with the rows they keep and the change they make applied as records are read.
 * A table still small enough to keep its records as they came works as an array does: its views hold
 * the records they keep, and iterating is the array's own.
 */
export class RecordTable<R> implements Rows<R> {
  private constructor(
    private readonly store: Store<R>,
    /**
     * The rows a view reads, in order: indices, or a count of the store's first rows; `undefined` for
     * all of them, however many are added.
     */
    private readonly rows: Uint32Array | number | undefined,
    private readonly change: (row: R) => R,
    /** Only the table read from a file is added to: a view shares its store or holds a snapshot. */
    private readonly appendable: boolean,
  ) {}

  /** `keptWhole`: how many records are kept as they came before the table moves them into columns. */
  static empty<R>(kinds: FieldKinds<R>, keptWhole = RECORDS_KEPT_WHOLE): RecordTable<R> {
    return new RecordTable(new Store(kinds, keptWhole), undefined, same, true);
  }

  static of<R>(kinds: FieldKinds<R>, records: Iterable<R>, keptWhole = RECORDS_KEPT_WHOLE): RecordTable<R> {
    const table = RecordTable.empty(kinds, keptWhole);
    for (const record of records) table.add(record);
    return table;
  }

  get length(): number {
    const { rows } = this;
    return rows === undefined ? this.store.count : typeof rows === 'number' ? rows : rows.length;
  }

  add(record: R): void {
    if (!this.appendable) throw new Error('records are added to the table read, not to a view of it');
    this.store.add(record);
  }

  /**
   * The file is read: no record will be added, and the table lets go of what only adding needs (the room a
   * doubling left in each column, and each text column's map from texts to codes). Adding afterwards throws.
   */
  seal(): void {
    if (!this.appendable) throw new Error('the table read is sealed, not a view of it');
    this.store.seal();
  }

  /** The `i`th record (0 ≤ `i` < `length`), built afresh from the columns once the records are in them. */
  at(i: number): R {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no record at ${i} of ${this.length}`);
    return this.change(this.store.record(this.storeRow(i)));
  }

  [Symbol.iterator](): Iterator<R> {
    const whole = this.store.whole;
    if (whole !== undefined && this.rows === undefined && this.change === same) return whole[Symbol.iterator]();
    return this.read();
  }

  filter(keep: (row: R) => boolean): RecordTable<R> {
    if (this.store.whole !== undefined) return this.snapshot([...this].filter(keep));
    const length = this.length;
    const kept = zeroed(Uint32Array, length);
    let count = 0;
    for (let i = 0; i < length; i++) {
      const row = this.storeRow(i);
      if (keep(this.change(this.store.record(row)))) kept[count++] = row;
    }
    // The first rows kept, as a table read in date order cut at a date: a count does, without indices.
    const isPrefix = count === 0 || kept[count - 1] === count - 1;
    return new RecordTable(this.store, isPrefix ? count : cutTo(kept, count), this.change, false);
  }

  map(change: (row: R) => R): RecordTable<R> {
    if (this.store.whole !== undefined) return this.snapshot([...this].map(change));
    const before = this.change;
    return new RecordTable(this.store, this.rows ?? this.store.count, before === same ? change : (row) => change(before(row)), false);
  }

  private *read(): Generator<R, void, undefined> {
    const length = this.length;
    for (let i = 0; i < length; i++) yield this.change(this.store.record(this.storeRow(i)));
  }

  /** A view holding `records` as they are, of a table kept whole. */
  private snapshot(records: R[]): RecordTable<R> {
    return new RecordTable(this.store.holding(records), undefined, same, false);
  }

  /** The store's row of the view's `i`th. */
  private storeRow(i: number): number {
    return typeof this.rows === 'object' ? this.rows[i]! : i;
  }
}
