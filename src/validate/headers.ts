/**
 * Matching a file's headers (or JSON keys) to a dataset's canonical columns: case-insensitive after
 * trimming, each `-`, space or `_` turned into `_` (metrics.md, "Matching"), so `Hire Date`, `hire-date`
 * and `HIRE_DATE` all mean `hire_date`, and `Hire  Date` (two spaces) means `hire__date`, no column of
 * any dataset. A config column map
 * (`datasets.<name>.columns`, source header → canonical column) is applied first. Unknown columns are
 * ignored; two source columns meaning the same canonical column are a conflict, never a silent pick.
 */
import { DATASETS, type ColumnSpec, type DatasetName } from '../core/datasets.js';
import { shownText } from '../core/problems.js';

export const normaliseHeader = (header: string): string => header.trim().toLowerCase().replace(/[-\s_]/g, '_');

export interface HeaderMapping {
  /** Canonical column → the source key holding it. */
  readonly sourceOf: ReadonlyMap<string, string>;
  /** Required canonical columns no source key maps to. */
  readonly missing: readonly string[];
  /** Canonical columns several source keys map to. */
  readonly conflicts: ReadonlyArray<{ readonly column: string; readonly sources: readonly string[] }>;
}

export const mapHeaders = (
  dataset: DatasetName,
  sourceKeys: readonly string[],
  columnMap: Readonly<Record<string, string>> = {},
): HeaderMapping => {
  const columns = DATASETS[dataset].columns as Record<string, ColumnSpec>;
  const renamed = new Map(Object.entries(columnMap).map(([source, column]) => [normaliseHeader(source), normaliseHeader(column)]));
  const sourcesOf = new Map<string, string[]>();
  for (const key of sourceKeys) {
    const normal = normaliseHeader(key);
    const column = renamed.get(normal) ?? normal;
    if (!(column in columns)) continue;
    sourcesOf.set(column, [...(sourcesOf.get(column) ?? []), key]);
  }
  const sourceOf = new Map<string, string>();
  const conflicts: Array<{ column: string; sources: string[] }> = [];
  for (const [column, sources] of sourcesOf) {
    if (sources.length > 1) conflicts.push({ column, sources });
    else sourceOf.set(column, sources[0] as string);
  }
  const missing = Object.entries(columns)
    .filter(([column, spec]) => spec.required && !sourcesOf.has(column))
    .map(([column]) => column);
  return { sourceOf, missing, conflicts };
};

/**
 * The repeated headers of a CSV (see load/csv-header.ts) less the later columns that the config's map
 * names itself (`"Component/s_2": "..."`, by the key the reader gave it): those are read as it says.
 */
export const unmappedRepeats = (
  repeats: ReadonlyMap<string, readonly string[]>,
  columnMap: Readonly<Record<string, string>> = {},
): ReadonlyMap<string, readonly string[]> => {
  if (repeats.size === 0) return repeats;
  const named = new Set(Object.keys(columnMap).map(normaliseHeader));
  const kept = new Map<string, readonly string[]>();
  for (const [first, later] of repeats) {
    const unnamed = later.filter((key) => !named.has(normaliseHeader(key)));
    if (unnamed.length > 0) kept.set(first, unnamed);
  }
  return kept;
};

/**
 * A header that names one column more than once (`opened_at`, `opened_at`): the reader keeps each
 * (`opened_at_2`), and the later ones would be unknown columns whose values count in no figure, the
 * first being read. Two columns for one column are a conflict, as two names alike are. Its sources are
 * the header's name, once for each of its columns.
 */
export const repeatedHeaderConflicts = (
  dataset: DatasetName,
  repeats: ReadonlyMap<string, readonly string[]>,
  columnMap: Readonly<Record<string, string>> = {},
): HeaderMapping['conflicts'] => {
  const columns = DATASETS[dataset].columns as Record<string, ColumnSpec>;
  const renamed = new Map(Object.entries(columnMap).map(([source, column]) => [normaliseHeader(source), normaliseHeader(column)]));
  const conflicts: Array<{ column: string; sources: string[] }> = [];
  for (const [first, later] of unmappedRepeats(repeats, columnMap)) {
    const column = renamed.get(normaliseHeader(first)) ?? normaliseHeader(first);
    if (column in columns) conflicts.push({ column, sources: [first, ...later.map(() => first)] });
  }
  return conflicts;
};

/** A cell no header names a column by: a number or a date (`12340017`, `2024-05-19`), which a data row holds. */
const looksLikeValue = (key: string): boolean => /^\s*[+-]?(?:\d+(?:[.,]\d+)?|\d{4}-\d{2}-\d{2}.*)\s*$/.test(key);

/** At most this many of a header's names are listed, each cut to MAX_NAME_SHOWN characters. */
const MAX_NAMES_SHOWN = 30;
const MAX_NAME_SHOWN = 60;

/** A header name as listed: a long one cut (a binary file's "header" can be megabytes). */
const shownName = (key: string): string => shownText(key, MAX_NAME_SHOWN);

const shownNames = (keys: readonly string[]): string =>
  keys.slice(0, MAX_NAMES_SHOWN).map(shownName).join(', ') + (keys.length > MAX_NAMES_SHOWN ? `, and ${keys.length - MAX_NAMES_SHOWN} more` : '');

/**
 * What the header lacks, and what it gives instead, which is how a user sees a column to map. A first line
 * holding a number or a date is a data row, the header missing: its cells are not shown, as they may be
 * anyone's name or pay. A header read as one column holding separators is a line quoted whole
 * (`"incident_id,opened_at"`, which a spreadsheet writes when a whole line was pasted into one cell) or
 * split by another separator than the one read: "found: incident_id,opened_at" alone reads as if the
 * column were there.
 */
export const missingColumnMessage = (column: string, sourceKeys: readonly string[]): string =>
  `missing required column "${column}"; ${
    sourceKeys.length === 0 ? 'found: (no columns)'
    : sourceKeys.some(looksLikeValue) ? `the first line holds values, not column names (a number or a date among its ${sourceKeys.length} cells): is the header missing?`
    : sourceKeys.length === 1 && /[,;\t|]/.test(sourceKeys[0]!) ? `found one column, "${shownName(sourceKeys[0]!)}", holding separators: is the whole header line in quotes, or are its columns separated by another character than the one read (datasets.<name>.delimiter sets it)?`
    : `found: ${shownNames(sourceKeys)}`}`;

/**
 * Two source columns that mean one column: their names match alike (`Hire Date`, `hire_date`), or the
 * config's column map renames one onto the other. Only the file, or that map, can settle which is meant.
 */
/**
 * The subject of a sentence about columns that mean one thing, up to its verb: `the header gives "X"
 * twice, and both` for one name given again (the columns differ only by place), else `columns "A" and "B"
 * both` (`all` for three or more). `repeated` says which of the two it is.
 */
export const sameMeaningSubject = (sources: readonly string[]): { readonly subject: string; readonly repeated: boolean } => {
  const [name = '', ...others] = sources;
  const all = sources.length > 2 ? 'all' : 'both';
  const repeated = others.length > 0 && others.every((other) => other === name);
  return repeated
    ? { subject: `the header gives "${name}" ${sources.length > 2 ? `${sources.length} times` : 'twice'}, and ${all}`, repeated }
    : { subject: `columns ${sources.map((source) => `"${source}"`).join(' and ')} ${all}`, repeated };
};

export const conflictMessage = (conflict: HeaderMapping['conflicts'][number]): string => {
  const { subject, repeated } = sameMeaningSubject(conflict.sources);
  // One name given again (`opened_at`, `opened_at`): the fix is in the file, the map cannot tell the columns apart.
  return `${subject} mean "${conflict.column}"; ` + (repeated
    ? `keep one: delete or rename the other${conflict.sources.length > 2 ? 's' : ''} in the file`
    : 'keep one: delete or rename the other in the file (or in the config\'s "columns" map, if it names one of them)');
};
