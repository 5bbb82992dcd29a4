/**
 * Which source fills each canonical column of one file, decided once from its header (or its first
 * JSON record): the user's `columns` map replaces the preset's sources of a column it names; the
 * canonical name itself is always a last resort. A required column no source is present for is
 * missing: the file does not fit the preset.
 */
import type { DatasetSourceConfig } from '../core/config.js';
import { DATASETS, type ColumnSpec, type DatasetName, type ValueType } from '../core/datasets.js';
import { normaliseHeader } from '../validate/headers.js';
import type { MissingColumn } from './mismatch.js';
import type { ColumnSource, ColumnSources, DatasetLayout } from './preset.js';
import type { SourceReader } from './source-path.js';

type Fields = Readonly<Record<string, unknown>>;

/** A source with its paths as a list. */
export interface PlannedSource extends Omit<ColumnSource, 'from'> {
  readonly from: readonly string[];
}

export interface PlannedColumn {
  readonly column: string;
  readonly type: ValueType;
  /** The sources present in the file, in order of preference. */
  readonly sources: readonly PlannedSource[];
  /** Texts read as an empty cell, so that the next source is tried: the vendor's no-date, in a date or time column. */
  readonly blanks?: readonly string[];
  /**
   * Planned though the record judged has none of its sources (see `keysVary`): a record gets the column
   * only when it holds one of them (a key, even an empty one), so a column no record gives stays one the
   * file does not have (see DatasetValidation.absentColumns).
   */
  readonly ifGiven?: true;
}

export interface ColumnPlan {
  readonly columns: readonly PlannedColumn[];
  readonly missing: readonly MissingColumn[];
}

const asSource = (source: string | ColumnSource): PlannedSource => {
  if (typeof source === 'string') return { from: [source] };
  return { ...source, from: typeof source.from === 'string' ? [source.from] : source.from };
};

/** The user's `columns` map (source header → canonical column) as sources by canonical column. */
export const userSources = (source: DatasetSourceConfig | undefined): Map<string, PlannedSource[]> => {
  const byColumn = new Map<string, PlannedSource[]>();
  for (const [header, column] of Object.entries(source?.columns ?? {})) {
    const canonical = normaliseHeader(column);
    byColumn.set(canonical, [...(byColumn.get(canonical) ?? []), { from: [header] }]);
  }
  return byColumn;
};

/** Every source a column may come from, in order: the user's, else the preset's and the canonical name. */
export const candidateSources = (
  column: string,
  layoutColumns: Readonly<Record<string, ColumnSources>>,
  user: ReadonlyMap<string, readonly PlannedSource[]>,
): PlannedSource[] => {
  const own = (layoutColumns[column] ?? []).map(asSource);
  // The canonical name is the last resort, unless the layout reads that very key itself: then only as the
  // layout says (incident.io's `completed_at` only when the follow-up is completed, not when "not doing").
  // Nor when it reads inside that key (PagerDuty's `service.summary`): the key is the vendor's object, whose
  // summary may be null, and read as the column it would be an object where a value goes.
  const readsCanonical = own.some((candidate) => (candidate.from.length === 1 && candidate.from[0] === column) || candidate.from.some((path) => path.startsWith(`${column}.`)));
  return user.get(column)?.slice() ?? (readsCanonical ? own : [...own, { from: [column] }]);
};

/** What a JSON value that is no cell's value is, as the validator names it; undefined for a value. */
const containerKind = (value: unknown): string | undefined => {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' && value !== null ? 'an object' : undefined;
};

/**
 * `vendor`: the preset is a vendor's layout, so a required column is found only where the record judged
 * gives a value (or nothing), never only an object or an array: another vendor's key that happens to
 * carry the canonical name (PagerDuty's `priority` object read as incident.io's) is not the column, and
 * the file is a mismatch rather than one error per record. A canonical file's column is its column
 * whatever the first record holds (a bad value is that record's error). `keysVary`: the records do not
 * share one header (JSON, NDJSON), so the sample is one record, not the file's columns.
 */
export function planColumns(
  dataset: DatasetName,
  layout: DatasetLayout,
  source: DatasetSourceConfig | undefined,
  sample: Fields,
  reader: SourceReader,
  vendor = true,
  keysVary = false,
): ColumnPlan {
  const user = userSources(source);
  const noDate = layout.dates?.noDate ?? [];
  const blanksOf = (type: ValueType) => (noDate.length > 0 && (type === 'date' || type === 'timestamp') ? { blanks: noDate } : {});
  const columns: PlannedColumn[] = [];
  const missing: MissingColumn[] = [];
  for (const [column, spec] of Object.entries(DATASETS[dataset].columns as Record<string, ColumnSpec>)) {
    const candidates = candidateSources(column, layout.columns, user);
    const present = candidates.filter((candidate) => candidate.from.every((path) => reader.has(sample, path)));
    const notValues = vendor && spec.required
      ? present.flatMap((candidate) => candidate.from.flatMap((path) => {
        const kind = containerKind(reader.read(sample, path));
        return kind === undefined ? [] : [{ path, kind }];
      }))
      : [];
    const found = present.some((candidate) => candidate.from.every((path) => !notValues.some((held) => held.path === path)));
    if (found) columns.push({ column, type: spec.type, sources: present, ...blanksOf(spec.type) });
    // A record of JSON need not hold every key (an exporter leaves out empty ones): an optional column that
    // the first record does not give may be in the next, so all of its sources are read in every record.
    else if (keysVary && !spec.required && candidates.length > 0) columns.push({ column, type: spec.type, sources: candidates, ...blanksOf(spec.type), ifGiven: true });
    else if (spec.required) {
      missing.push({ column, lookedFor: [...new Set(candidates.flatMap((c) => c.from))], ...(notValues.length > 0 ? { notValues } : {}) });
    }
  }
  return { columns, missing };
}
