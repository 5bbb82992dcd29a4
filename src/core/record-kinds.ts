/**
 * How each dataset's records are held in a `RecordTable`: a field per column of `DATASETS`, held by its
 * value type (its key packed, see KeyColumn), and the fields validation adds (a title's level code next to it, a row's position in its
 * file), in the order of the records validation makes (see row-schema).
 */
import { DATASETS, SEQUENCED_DATASETS, type ColumnSpec, type RecordOf, type ValueType } from './datasets.js';
import type { FieldKind, FieldKinds } from './record-table.js';

/** The datasets kept as records (survey answers are folded, incidents have their own columns). */
export type TabledDataset = Exclude<keyof RecordOf, 'survey' | 'incidents'>;

const KIND_OF_TYPE: Readonly<Record<ValueType, FieldKind>> = {
  id: 'text',
  string: 'text',
  date: 'text', // ISO dates compare as strings, and a few thousand distinct dates make cheap codes
  timestamp: 'number',
  number: 'number',
  share: 'number',
  bool: 'bool',
  title: 'text',
  respondent_level: 'text',
  priority: 'text',
  question: 'text',
  enum: 'text',
};

/**
 * The keys every other file refers to: the roster's person ids. Compact records pool them like any
 * shared text (see recordSink) and hold them as text, so each person's id is one string for the whole
 * run, in every table, the model and the details; packed, the model decoded a second string for each
 * person (100,000 at the large bench scale, ~2.3 MiB).
 */
export const POOLED_KEYS: Partial<Record<TabledDataset, string>> = { people: 'employee_id' };

export function fieldKinds<D extends TabledDataset>(dataset: D): FieldKinds<RecordOf[D]> {
  const columns = DATASETS[dataset].columns as Record<string, ColumnSpec>;
  const kinds: Record<string, FieldKind> = {};
  const packedKey = POOLED_KEYS[dataset] === undefined ? DATASETS[dataset].key : undefined;
  for (const [column, spec] of Object.entries(columns)) {
    kinds[column] = column === packedKey ? 'key' : KIND_OF_TYPE[spec.type];
    if (spec.type === 'title') kinds.level = 'text';
  }
  if (SEQUENCED_DATASETS.has(dataset)) kinds.seq = 'number';
  return kinds as FieldKinds<RecordOf[D]>;
}
