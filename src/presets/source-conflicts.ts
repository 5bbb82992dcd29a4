/**
 * Two source keys that mean one column of a preset's reading, as the canonical reader finds them
 * (validate/headers.ts): keys alike after normalising (`created_at`, `Created At`; `priority`, `Priority`
 * for `priority.summary`, or `summary`, `Summary` inside one `priority` object) for one source, two columns the user's `columns` map sends to one column, or a
 * mapped column beside a column named as the canonical column itself (which the preset does not read
 * otherwise). Reading the first would let the key order decide the value: such a CSV is rejected at its
 * header, such a JSON record on its line. A filter's source given twice is one too: the record is
 * rejected, never left out on a value in doubt. So is a CSV header the preset reads that the file gives
 * twice (`service_name`, `service_name`), unless the preset says its vendor repeats multi-value fields
 * so (see repeated-headers.ts).
 */
import type { DatasetSourceConfig } from '../core/config.js';
import { normaliseHeader, type HeaderMapping } from '../validate/headers.js';
import { userSources, type PlannedColumn } from './column-plan.js';
import type { Condition, DatasetLayout } from './preset.js';
import type { SourceReader } from './source-path.js';

type Fields = Readonly<Record<string, unknown>>;

export type SourceConflict = HeaderMapping['conflicts'][number];

/** The first property of a path, or the header itself. */
const headOf = (path: string): string => normaliseHeader(path.split(/[.[]/)[0] ?? path);

export interface ConflictFinder {
  readonly find: (fields: Fields) => readonly SourceConflict[];
}

/**
 * `repeats`: the CSV header's repeated columns that are conflicts (first key → the later ones' keys); none
 * for a JSON file, or for a preset whose vendor repeats the header of a multi-value field.
 */
export function conflictFinder(
  columns: readonly PlannedColumn[],
  keep: readonly Condition[],
  layout: DatasetLayout,
  source: DatasetSourceConfig | undefined,
  reader: SourceReader,
  repeats: ReadonlyMap<string, readonly string[]> = new Map(),
): ConflictFinder {
  const user = userSources(source);
  const userHeads = new Set([...user.values()].flatMap((sources) => sources.flatMap((s) => s.from.map(headOf))));
  return {
    find(fields) {
      const found = new Map<string, SourceConflict>();
      const add = (column: string, keys: readonly string[]): void => {
        const sources = [...new Set(keys)];
        if (sources.length > 1) found.set(`${column}\u0000${sources.join('\u0000')}`, { column, sources });
        // A header given again: its name once for each column (conflictMessage says so).
        for (const key of sources) {
          const later = repeats.get(key);
          if (later !== undefined) found.set(`${column}\u0000${key}\u0000again`, { column, sources: [key, ...later.map(() => key)] });
        }
      };
      for (const column of columns) {
        for (const planned of column.sources) {
          for (const path of planned.from) add(column.column, reader.keysOf(fields, path));
          if (planned.when !== undefined) add(headOf(planned.when.source), reader.keysOf(fields, planned.when.source));
        }
        const mapped = user.get(column.column);
        if (mapped === undefined) continue;
        // The map replaces the preset's own sources of the column; the canonical name stays a column of its own.
        const presetHeads = new Set((layout.columns[column.column] ?? []).flatMap((s) => (typeof s === 'string' ? [s] : typeof s.from === 'string' ? [s.from] : s.from)).map(headOf));
        const byName = presetHeads.has(column.column) || userHeads.has(column.column) ? [] : reader.keysOf(fields, column.column);
        add(column.column, [...mapped.flatMap((s) => reader.keysOf(fields, s.from[0] ?? '').slice(0, 1)), ...byName]);
      }
      for (const condition of keep) add(headOf(condition.source), reader.keysOf(fields, condition.source));
      return [...found.values()];
    },
  };
}
