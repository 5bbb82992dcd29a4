/**
 * The row schema's input: a row's cells keyed by canonical column, read from the source keys of a header
 * mapping. Files have millions of rows, so no object is made per row: when every column is read from a
 * key of its own name (a file with canonical headers) the row's fields are the input as they are;
 * otherwise one input object per mapping is filled anew for each row (the row schema keeps no part of
 * its input, so reuse is safe).
 */
import type { HeaderMapping } from './headers.js';

/** Fills the input from a row's fields (and its position, for a sequenced dataset) and returns it. */
export type CanonicalRowReader = (fields: Readonly<Record<string, unknown>>, seq: number) => Readonly<Record<string, unknown>>;

export const canonicalRowReader = (sourceOf: HeaderMapping['sourceOf'], sequenced: boolean): CanonicalRowReader => {
  const columns = [...sourceOf.keys()];
  const sources = [...sourceOf.values()];
  // A canonical column no key maps to is then no key of the fields either (a key of a column's own name
  // maps to it, unless the config's column map sends it elsewhere, and then that column's key differs),
  // nor inherited (fields have no prototype, see loaded-row.ts).
  if (!sequenced && columns.every((column, i) => sources[i] === column)) return (fields) => fields;
  const row: Record<string, unknown> = {};
  // Every key is set up front, so the object keeps one shape while it is refilled.
  for (const column of columns) row[column] = undefined;
  if (sequenced) row.seq = undefined;
  return (fields, seq) => {
    for (let i = 0; i < columns.length; i++) row[columns[i] as string] = fields[sources[i] as string];
    if (sequenced) row.seq = seq;
    return row;
  };
};
