/**
 * Typed-array columns: grown, gathered and cut without a JavaScript value per element.
 *
 * Columns, packed texts and key indexes fill as a file is read and double when full. A doubling by copy
 * held the old storage and the new at once, then gave the old back to the C allocator, and glibc's
 * allocator answers the return of a large block by serving every later block below that size from its
 * heap, whose freed memory it keeps: on the large bench folder the report's resident memory ended ~35
 * MiB above what it held live for that alone (the same run with `MALLOC_MMAP_THRESHOLD_` fixed lost it).
 * So storage of `IN_PLACE_FROM_BYTES` or more is a resizable `ArrayBuffer`, which reserves address space
 * once and grows into it in place (no copy, no block returned), and cutting it to size when a table is
 * sealed gives its tail's pages back to the system.
 */
import type { Instant } from './datasets.js';

export type TypedColumn = Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array | Int16Array | Int8Array;

/**
 * A column of text codes, as narrow as its highest code allows: a byte while a column has fewer than 256
 * distinct texts (a level, a category, a service), two bytes below 65,536 (dates, titles, most ids of a
 * team), four beyond. Widened as codes grow (see `holdingCode`); readers index it like any array.
 */
export type CodeColumn = Uint8Array | Uint16Array | Uint32Array;

/** The first code a column of each element size cannot hold, by `BYTES_PER_ELEMENT`. */
const CODE_LIMIT: readonly number[] = [0, 0x100, 0x1_0000, 0, 0x1_0000_0000];

/** A code column of `length` codes, the narrowest. */
export const emptyCodes = (length: number): CodeColumn => new Uint8Array(newStorage(length), 0, length);

/** `codes` itself when it can hold `code`, else a copy of it in the narrowest type that can. */
export const holdingCode = (codes: CodeColumn, code: number): CodeColumn => {
  if (code < CODE_LIMIT[codes.BYTES_PER_ELEMENT]!) return codes;
  const type = code < 0x1_0000 ? Uint16Array : Uint32Array;
  const wider = new type(newStorage(codes.length * type.BYTES_PER_ELEMENT), 0, codes.length);
  wider.set(codes);
  return wider;
};

/**
 * A column of numbers, as narrow as its values allow: whole numbers in 1, 2 or 4 bytes while every one
 * fits, others in 8 (NaN where absent). Salaries, hours, scores and row numbers are whole, and a job
 * history's three numbers took 24 of a row's ~40 bytes in doubles. An integer column's lowest value
 * marks an absent number, so it holds only values above it. Widened as values arrive (see
 * `holdingNumber`); read through `numberAt`.
 */
export type NumberColumn = Int8Array | Int16Array | Int32Array | Float64Array;

/** The value marking an absent number in an integer column, by `BYTES_PER_ELEMENT`: its type's lowest. */
const ABSENT_OF_WIDTH: readonly number[] = [0, -0x80, -0x8000, 0, -0x8000_0000];

/** A number column of `length` numbers, the narrowest. */
export const emptyNumbers = (length: number): NumberColumn => new Int8Array(newStorage(length), 0, length);

/** The narrowest integer width (in bytes) holding `value`, or 8 when only a double does (a fraction, -0, NaN, a large number). */
const widthOf = (value: number): number => {
  if (!Number.isInteger(value) || Object.is(value, -0)) return 8;
  if (value > -0x80 && value < 0x80) return 1;
  if (value > -0x8000 && value < 0x8000) return 2;
  return value > -0x8000_0000 && value < 0x8000_0000 ? 4 : 8;
};

/** `numbers` itself when it can hold `value` (undefined: absent), else a copy of it in the narrowest type that can. */
export const holdingNumber = (numbers: NumberColumn, value: number | undefined): NumberColumn => {
  const width = value === undefined ? 1 : widthOf(value);
  if (width <= numbers.BYTES_PER_ELEMENT) return numbers;
  const type = width === 2 ? Int16Array : width === 4 ? Int32Array : Float64Array;
  const wider = new type(newStorage(numbers.length * type.BYTES_PER_ELEMENT), 0, numbers.length);
  const absent = ABSENT_OF_WIDTH[numbers.BYTES_PER_ELEMENT]!;
  const absentThere = type === Float64Array ? NaN : ABSENT_OF_WIDTH[width]!;
  for (let row = 0; row < numbers.length; row++) {
    const held = numbers[row]!;
    wider[row] = held === absent ? absentThere : held;
  }
  return wider;
};

/** Writes `value` (undefined: absent) at `row` of `numbers`, which must hold it (see `holdingNumber`). */
export const setNumber = (numbers: NumberColumn, row: number, value: number | undefined): void => {
  numbers[row] = value !== undefined ? value : numbers instanceof Float64Array ? NaN : ABSENT_OF_WIDTH[numbers.BYTES_PER_ELEMENT]!;
};

/** The number at `row` of `numbers`, undefined where absent. */
export const numberAt = (numbers: NumberColumn, row: number): number | undefined => {
  const value = numbers[row]!;
  if (numbers instanceof Float64Array) return Number.isNaN(value) ? undefined : value;
  return value === ABSENT_OF_WIDTH[numbers.BYTES_PER_ELEMENT] ? undefined : value;
};

/**
 * A column of instants: whole seconds since 2000-01-01T00:00:00Z in 4 bytes while every instant is a
 * whole second from 1932 to 2068 (what exports hold), else milliseconds since 1970 in 8 (NaN where
 * absent). An incident has four instants, mostly absent but for its opening; in doubles they were 32 of
 * a row's ~55 bytes. `INT32_MIN` marks an absent second. Widened as instants arrive (see
 * `holdingInstant`); read through `instantIn` or `instantsIn`, always in milliseconds.
 */
export type InstantColumn = Int32Array | Float64Array;

const SECONDS_ORIGIN = Date.UTC(2000, 0, 1);
const ABSENT_SECOND = -0x8000_0000;

/** An instant column of `length` instants, in seconds. */
export const emptyInstants = (length: number): InstantColumn => new Int32Array(newStorage(4 * length), 0, length);

/** `instant` in seconds from the origin when a second column holds it exactly, else undefined. */
const secondOf = (instant: Instant): number | undefined => {
  const seconds = (instant - SECONDS_ORIGIN) / 1000;
  return Number.isInteger(seconds) && seconds > ABSENT_SECOND && seconds < 0x8000_0000 ? seconds : undefined;
};

/** `instants` itself when it can hold `instant` (undefined: absent), else a copy of it in milliseconds. */
export const holdingInstant = (instants: InstantColumn, instant: Instant | undefined): InstantColumn => {
  if (instants instanceof Float64Array || instant === undefined || secondOf(instant) !== undefined) return instants;
  const wider = new Float64Array(newStorage(8 * instants.length), 0, instants.length);
  for (let row = 0; row < instants.length; row++) wider[row] = instantIn(instants, row);
  return wider;
};

/** Writes `instant` (undefined: absent) at `row` of `instants`, which must hold it (see `holdingInstant`). */
export const setInstant = (instants: InstantColumn, row: number, instant: Instant | undefined): void => {
  if (instants instanceof Float64Array) instants[row] = instant ?? NaN;
  else instants[row] = instant === undefined ? ABSENT_SECOND : secondOf(instant)!;
};

/** The instant at `row` in milliseconds, NaN where absent. */
export const instantIn = (instants: InstantColumn, row: number): number => {
  const held = instants[row]!;
  if (instants instanceof Float64Array) return held;
  return held === ABSENT_SECOND ? NaN : SECONDS_ORIGIN + held * 1000;
};

/**
 * The first `count` instants in milliseconds (NaN where absent), those after `tEnd` made absent: a view of
 * a millisecond column when none is after `tEnd`, else a copy.
 */
export const instantsIn = (instants: InstantColumn, count: number, tEnd: Instant): Float64Array => {
  if (instants instanceof Float64Array) {
    const view = instants.subarray(0, count);
    if (!view.some((instant) => instant > tEnd)) return view;
  }
  const millis = zeroed(Float64Array, count);
  for (let row = 0; row < count; row++) {
    const instant = instantIn(instants, row);
    millis[row] = instant > tEnd ? NaN : instant;
  }
  return millis;
};

export interface TypedColumnType<A extends TypedColumn> {
  new (length: number): A;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}

/** Below this, a copy costs less than a mapping of its own. */
const IN_PLACE_FROM_BYTES = 64 * 1024;
/**
 * Address space reserved for storage that grows in place: 16 times what it first holds and at least 64
 * MiB, which a million-row column of 8 bytes fills 8 times over; past it, the storage moves once to a
 * reservation 16 times larger. Reserving costs no memory, and V8 allows a process 1 TiB of it.
 */
const RESERVED_FACTOR = 16;
const MIN_RESERVED_BYTES = 64 * 1024 * 1024;

/**
 * Each resizable buffer made, weakly: `process.memoryUsage()` counts none of their bytes (Node 20), so
 * the bench's account of what each dataset keeps (bench/stages.mjs) adds them up here.
 */
const resizableBuffers = new Set<WeakRef<ArrayBuffer>>();

/** The bytes of the resizable buffers still alive (as of the last collection). */
export function resizableStorageBytes(): number {
  let bytes = 0;
  for (const ref of resizableBuffers) {
    const buffer = ref.deref();
    if (buffer === undefined) resizableBuffers.delete(ref);
    else bytes += buffer.byteLength;
  }
  return bytes;
}

/**
 * A resizable buffer of `byteLength` bytes (zeros) that may grow to `maxByteLength`, or plain storage on a
 * system that will not reserve the address space (a `ulimit -v`).
 */
const mappedStorage = (byteLength: number, maxByteLength: number): ArrayBuffer | undefined => {
  try {
    return new ArrayBuffer(byteLength, { maxByteLength });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
};

/** Storage of `byteLength` bytes (zeros), resizable when large enough to be worth it. */
export const newStorage = (byteLength: number): ArrayBuffer => {
  if (byteLength < IN_PLACE_FROM_BYTES) return new ArrayBuffer(byteLength);
  const buffer = mappedStorage(byteLength, Math.max(RESERVED_FACTOR * byteLength, MIN_RESERVED_BYTES));
  if (buffer === undefined) return new ArrayBuffer(byteLength);
  resizableBuffers.add(new WeakRef(buffer));
  return buffer;
};

/**
 * Storage of `byteLength` bytes (zeros) that will not grow: when large, a resizable buffer of that maximum,
 * so V8 maps it itself rather than take it from the C allocator. A report makes and drops many such
 * arrays (each measure's view of the incidents' instants, the people's timelines, a filter's rows), and
 * one large block given back to glibc is enough to raise its threshold for good (see above): taken from
 * the C allocator, they left the large bench report's peak ~13 MiB above the same run with the threshold
 * fixed (`MALLOC_MMAP_THRESHOLD_`), which is where it now is without it.
 *
 * Not counted in `resizableStorageBytes`: a WeakRef keeps its target alive until the current job ends, and
 * these arrays are made and dropped by the hundred within one synchronous computation.
 */
export const fixedStorage = (byteLength: number): ArrayBuffer =>
  (byteLength < IN_PLACE_FROM_BYTES ? undefined : mappedStorage(byteLength, byteLength)) ?? new ArrayBuffer(byteLength);

/** An array of `length` zeros of `type`, on `fixedStorage`. */
export const zeroed = <A extends TypedColumn>(type: TypedColumnType<A>, length: number): A =>
  new type(fixedStorage(length * type.BYTES_PER_ELEMENT), 0, length);

/** A Buffer of `length` bytes on `fixedStorage`, for bytes read from a file and let go. */
export const fixedBytes = (length: number): Buffer => Buffer.from(fixedStorage(length), 0, length);

/** `view`'s storage resized to `byteLength` in place, or undefined when it cannot be. */
export const resizedInPlace = (view: ArrayBufferView, byteLength: number): ArrayBuffer | undefined => {
  const buffer = view.buffer;
  if (!(buffer instanceof ArrayBuffer) || !buffer.resizable || view.byteOffset !== 0 || byteLength > buffer.maxByteLength) return undefined;
  buffer.resize(byteLength);
  return buffer;
};

/**
 * Gives back the memory of arrays no longer read, at once rather than at a later collection: a large array
 * on `fixedStorage` or `newStorage` is a mapping of its own, shrunk here to nothing (V8 returns the pages);
 * a small one is left to the collector. The arrays must not be read again.
 */
export const release = (...arrays: ArrayBufferView[]): void => {
  for (const array of arrays) resizedInPlace(array, 0);
};

/** `source` in an array of `capacity` (≥ its length) elements: its own storage grown when it can be, else a copy. */
export const grown = <A extends TypedColumn>(source: A, capacity: number): A => {
  const type = source.constructor as TypedColumnType<A>;
  const byteLength = capacity * type.BYTES_PER_ELEMENT;
  const inPlace = resizedInPlace(source, byteLength);
  if (inPlace !== undefined) return new type(inPlace, 0, capacity);
  const target = new type(newStorage(byteLength), 0, capacity);
  target.set(source);
  return target;
};

/**
 * The first `length` elements of `source`, which no longer grows: resizable storage is cut in place (so
 * `source` itself must not be read afterwards), other storage copied to its exact size.
 */
export const cutTo = <A extends TypedColumn>(source: A, length: number): A => {
  const type = source.constructor as TypedColumnType<A>;
  const inPlace = resizedInPlace(source, length * type.BYTES_PER_ELEMENT);
  return inPlace !== undefined ? new type(inPlace, 0, length) : (source.slice(0, length) as A);
};

/** The elements of `source` at `rows`, in order. */
export const gather = <A extends TypedColumn>(source: A, rows: Uint32Array): A => {
  const target = zeroed(source.constructor as TypedColumnType<A>, rows.length);
  for (let i = 0; i < rows.length; i++) target[i] = source[rows[i]!]!;
  return target;
};

/** The rows of `instants` at or before `tEnd`, of which the caller counted `count`. */
export const keptRows = (instants: Float64Array, tEnd: Instant, count: number): Uint32Array => {
  const rows = zeroed(Uint32Array, count);
  let kept = 0;
  for (let row = 0; row < instants.length; row++) if (instants[row]! <= tEnd) rows[kept++] = row;
  return rows;
};
