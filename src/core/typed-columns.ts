/**
 * Typed-array columns: grown, gathered and cut without a JavaScript value per element.
 */
import type { Instant } from './datasets.js';

export type TypedColumn = Float64Array | Uint32Array | Uint8Array;

/** `source` copied into an array of `capacity` elements. */
export const grown = <A extends TypedColumn>(source: A, capacity: number): A => {
  const target = new (source.constructor as new (length: number) => A)(capacity);
  target.set(source);
  return target;
};

/** The elements of `source` at `rows`, in order. */
export const gather = <A extends TypedColumn>(source: A, rows: Uint32Array): A => {
  const target = new (source.constructor as new (length: number) => A)(rows.length);
  for (let i = 0; i < rows.length; i++) target[i] = source[rows[i]!]!;
  return target;
};

/** The rows of `instants` at or before `tEnd`, of which the caller counted `count`. */
export const keptRows = (instants: Float64Array, tEnd: Instant, count: number): Uint32Array => {
  const rows = new Uint32Array(count);
  let kept = 0;
  for (let row = 0; row < instants.length; row++) if (instants[row]! <= tEnd) rows[kept++] = row;
  return rows;
};

/** The first `count` instants of `source` with those after `tEnd` made absent; `source` itself when none is. */
export const clampedAt = (source: Float64Array, count: number, tEnd: Instant): Float64Array => {
  let first = 0;
  while (first < count && !(source[first]! > tEnd)) first++;
  if (first === count) return source;
  const clamped = source.slice(0, count);
  for (let row = first; row < count; row++) if (clamped[row]! > tEnd) clamped[row] = NaN;
  return clamped;
};
