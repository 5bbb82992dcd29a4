/**
 * A multi-value field's repeated header (Jira: `Component/s`, `Component/s`, one value a column, filled
 * from the left), for a preset that says its vendor writes them so (DatasetLayout.repeatedHeaders). A
 * canonical column holds one value: a column read from such a header takes its first column's. A row
 * whose later columns hold another value keeps it out of every figure (an incident in two components
 * is compared for recurrence by the first), so such rows are counted, and said once per file, at the
 * header, with the source that would choose the value. Headers the preset does not read (`Labels`) are
 * none of its business.
 */
import type { PlannedColumn } from './column-plan.js';
import { rawCell } from './cell-values.js';
import type { PresetNotes, RepeatedRead } from './preset-notes.js';
import type { SourceReader } from './source-path.js';

type Fields = Readonly<Record<string, unknown>>;

interface Watched {
  readonly column: PlannedColumn;
  /** The index, in the column's sources, of the one whose header is repeated. */
  readonly source: number;
  /** The key of the header's first column, read, and of the later ones, not read. */
  readonly key: string;
  readonly later: readonly string[];
  readonly read: RepeatedRead;
}

export interface RepeatWatch {
  /** Counts the row if a repeated header it is read from holds another value in a later column. */
  readonly check: (fields: Fields, line: number) => void;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The index of the column's source that gives its value in this row, as rawCell picks it; -1 for none. */
const givingSource = (fields: Fields, column: PlannedColumn, reader: SourceReader): number =>
  column.sources.findIndex((source) => rawCell(fields, { ...column, sources: [source] }, reader) !== undefined);

/**
 * The watch over one CSV's repeated headers that the plan reads. `sample`: the header's keys as a row;
 * `repeats`: first key → the keys of the later columns of that name; `before`: for a column and a source
 * path, the sources the preset reads before it (the hint's way to choose the value).
 */
export function watchRepeats(
  columns: readonly PlannedColumn[],
  sample: Fields,
  repeats: ReadonlyMap<string, readonly string[]>,
  reader: SourceReader,
  notes: PresetNotes,
  before: (column: string, path: string) => readonly string[],
  headerLine: number,
): RepeatWatch | undefined {
  const watched: Watched[] = [];
  for (const column of columns) {
    column.sources.forEach((source, index) => {
      for (const path of source.from) {
        const key = reader.keysOf(sample, path)[0];
        const later = key === undefined ? undefined : repeats.get(key);
        if (key === undefined || later === undefined) continue;
        watched.push({
          column, source: index, key, later,
          read: { column: column.column, header: key, columns: 1 + later.length, readFirst: before(column.column, path), line: headerLine },
        });
      }
    });
  }
  if (watched.length === 0) return undefined;
  return {
    check(fields, line) {
      for (const watch of watched) {
        // A source read before the header gave the value: the header is not read in this row.
        const giving = givingSource(fields, watch.column, reader);
        if (giving !== -1 && giving < watch.source) continue;
        const first = textOf(fields[watch.key]);
        const other = watch.later.map((key) => textOf(fields[key])).find((text) => text !== '' && text !== first);
        if (other !== undefined) notes.moreValues(watch.read, line, other);
      }
    },
  };
}
