/**
 * Applying a preset: a transform of the raw row stream between the reader and the validator. Rows come
 * out keyed by canonical column, with canonical value text (ISO dates and instants, `rank 3`...), so the
 * validator reads them as it reads a canonical file. A file that does not fit the preset is refused
 * before its first row with the mismatch message (an InputError).
 */
import { matchKey, type Config, type DatasetSourceConfig } from '../core/config.js';
import { DATASETS, type DatasetName, type QuestionId } from '../core/datasets.js';
import { PRIORITY_NOT_MAPPED } from '../core/priorities.js';
import type { Problem } from '../core/problems.js';
import { repeatedColumns } from '../load/csv-header.js';
import type { LoadedRow } from '../load/loaded-row.js';
import { normaliseHeader, unmappedRepeats } from '../validate/headers.js';
import { CANONICAL_PRESET_NAME } from './canonical.js';
import { canonicalTime, dateReading, keyOfColumn, rawCell, type DateReading } from './cell-values.js';
import { candidateSources, planColumns, userSources, type ColumnPlan } from './column-plan.js';
import { placeholderColumns, presetMismatch } from './mismatch.js';
import type { DatasetLayout, Preset, PriorityStandIn, RowWatch, WatchedRow } from './preset.js';
import { headerLine, type LeftOutTarget, type PresetInput } from './preset-input.js';
import { pageMarkerWarning } from './page-marker.js';
import { createPresetNotes, type PresetNotes } from './preset-notes.js';
import { fitsOtherPresets } from './preset-fit.js';
import { watchRepeats, type RepeatWatch } from './repeated-headers.js';
import { createSourceReader, type SourceReader } from './source-path.js';
import { conflictFinder, type ConflictFinder, type SourceConflict } from './source-conflicts.js';
import { expandWideSurvey } from './wide-survey.js';

type Fields = Readonly<Record<string, unknown>>;

export interface PresetApplication {
  readonly rows: AsyncIterable<LoadedRow>;
  /** File-level warnings, complete once `rows` has been read to the end. */
  readonly notes: () => readonly Problem[];
  /**
   * A CSV header's columns that mean one column (see source-conflicts.ts), known once the first row has
   * been taken (or `rows` read to the end): the whole file is rejected at its header, as without a preset.
   */
  readonly headerConflicts: () => readonly SourceConflict[];
  /** The keys of the records the preset left out (as the `id` type reads them), complete once `rows` has been read. */
  readonly leftOutKeys: () => ReadonlySet<string>;
  /**
   * A wide survey's questions that no column of the file is, with why (see question-keys.ts), known once
   * `rows` has been read; empty for other layouts.
   */
  readonly questionsWithoutColumn: () => ReadonlyMap<QuestionId, string>;
  /**
   * The canonical columns the file gives, known once `rows` has been read, for when no row comes out (a
   * header alone, or every row left out), so that the optional columns it lacks are told as a canonical
   * file's are: a CSV's as its header gives them; a JSON file's as its records, all left out, give them (a
   * key, even an empty one). Undefined for a JSON file with no record (it says nothing of its columns) and
   * for wide surveys.
   */
  readonly columnsGiven: () => readonly string[] | undefined;
}

/** A cell as the `id` type reads it (trimmed; a whole JSON number as its digits), or undefined. */
const idText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() || undefined : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;

/** Why a mapped row is left out, when it names a record another file's preset left out (see PresetInput.leftOutTargets). */
function leftOutReference(fields: Fields, targets: readonly LeftOutTarget[]): string | undefined {
  const target = targets.find((t) => {
    const id = idText(fields[t.column]);
    return id !== undefined && t.keys.has(id);
  });
  return target === undefined ? undefined : `its ${target.column} names a record left out of ${target.file}${target.what === undefined ? '' : `: ${target.what}`}`;
}

/** Counts the row in each watch whose assumption it was read by (see DatasetLayout.watches). */
function countWatched(watches: readonly RowWatch[], row: WatchedRow, line: number, notes: PresetNotes): void {
  for (const watch of watches) {
    const example = watch.example(row);
    if (example !== undefined) notes.watched(watch, line, example);
  }
}

/** Stands for a header-only CSV or a JSON record when a plan is made from keys alone. */
export const sampleOf = (keys: readonly string[]): Fields => Object.fromEntries(keys.map((key) => [key, '']));

/** The layout of a preset for a dataset; the caller has checked that the preset reads it. */
export const layoutFor = (preset: Preset, dataset: DatasetName): DatasetLayout => {
  const layout = preset.datasets[dataset];
  if (layout === undefined) throw new Error(`preset ${preset.name} does not read ${dataset}`);
  return layout;
};

/**
 * True when the export has no priority of its own (PagerDuty's CSV) and the user has not said which of
 * its values is P1: either no column is mapped to priority, or the column standing in for one (urgency)
 * is, with no value of it meaning P1 (the default names would read `High` as P2, a guess). Another
 * column the user maps to priority is a priority column of their own: its values are read as such.
 */
function priorityUnmapped(standIn: { column: string; values: readonly string[] }, plan: ColumnPlan, source: DatasetSourceConfig | undefined, config: Config): boolean {
  const mapped = userSources(source).get('priority');
  // A column the user mapped to priority but the file lacks is a mismatch, reported as such.
  const noneMapped = mapped === undefined && plan.missing.length === 1 && plan.missing[0]?.column === 'priority';
  const standInMapped = mapped?.some((s) => s.from.some((header) => normaliseHeader(header) === normaliseHeader(standIn.column))) === true;
  const noP1 = standInMapped && plan.missing.length === 0 && !standIn.values.some((value) => config.priorities.get(matchKey(value)) === 'P1');
  return noneMapped || noP1;
}

/**
 * The priority of a row whose export gives none (see DatasetLayout.priorityFallback): its stand-in's
 * value once the config says which of the stand-in's values is P1, else unknown, counted in a warning.
 */
function fallbackPriority(fields: Fields, line: number, standIn: PriorityStandIn, config: Config, reader: SourceReader, notes: PresetNotes): unknown {
  const value = reader.read(fields, standIn.column);
  // A row without the stand-in either has nothing the config could say of: another column may hold it.
  if (value === undefined) {
    notes.priorityMissing(line, standIn.whyAbsent ?? standIn.why, { datasets: { incidents: { columns: placeholderColumns(['priority']) } } });
    return PRIORITY_NOT_MAPPED;
  }
  if (standIn.values.some((known) => config.priorities.get(matchKey(known)) === 'P1')) return value;
  notes.priorityMissing(line, standIn.why, standIn.config);
  return PRIORITY_NOT_MAPPED;
}

/**
 * A preset's better fix for a refusal (see DatasetLayout.mismatchFix), with placeholders added for the
 * missing columns it does not map, so that following it reads the file.
 */
function presetFix(layout: DatasetLayout, dataset: DatasetName, found: readonly string[], missing: readonly string[]) {
  const better = layout.mismatchFix?.(found, missing);
  if (better === undefined) return undefined;
  const datasets = (better.fix.datasets ?? {}) as Record<string, { columns?: Record<string, string> }>;
  const own = datasets[dataset]?.columns ?? {};
  const rest = missing.filter((column) => !Object.values(own).includes(column));
  const columns = { ...own, ...placeholderColumns(rest) };
  return { fixWhy: better.fixWhy, fix: { ...better.fix, datasets: { ...datasets, [dataset]: { ...datasets[dataset], columns } } } };
}

/** A file's plan: the columns read from each row, and the cells every row gets as they are. */
interface FilePlan extends ColumnPlan {
  readonly fixed: Readonly<Record<string, unknown>>;
}

/**
 * The plan of a file, or the refusal when it does not fit. An unmapped priority is not a refusal: every
 * incident's priority is unknown, the P1 measures say so, and a warning names the config that fixes it.
 */
/** `line`: where a refusal or a note about the plan is reported (the CSV header, or the record judged). */
function checkedPlan(input: PresetInput, layout: DatasetLayout, sample: Fields, line: number, reader: SourceReader, notes: PresetNotes): FilePlan {
  const { dataset, file, preset, config } = input;
  const source = config.datasets[dataset];
  const plan = planColumns(dataset, layout, source, sample, reader, preset.name !== CANONICAL_PRESET_NAME, input.header() === undefined);
  const userPriority = layout.userPriority;
  if (userPriority !== undefined && priorityUnmapped(userPriority, plan, source, config)) {
    // An export without the stand-in either (PagerDuty's basic report) is told so, not asked to map it.
    const standInFound = reader.has(sample, userPriority.column);
    notes.priorityUnmapped(line, standInFound ? userPriority.why : userPriority.whyAbsent ?? userPriority.why,
      standInFound ? userPriority.config : { datasets: { [dataset]: { columns: placeholderColumns(['priority']) } } });
    return { columns: plan.columns.filter((column) => column.column !== 'priority'), missing: [], fixed: { priority: PRIORITY_NOT_MAPPED } };
  }
  if (plan.missing.length > 0) {
    const found = Object.keys(sample);
    // A priority the user is asked for in a warning once the rest fits is not part of the refusal,
    // unless the user mapped a column to it that the file lacks.
    const askedLater = userPriority !== undefined && userSources(source).get('priority') === undefined;
    const missing = askedLater ? plan.missing.filter((m) => m.column !== 'priority') : plan.missing;
    const fix = presetFix(layout, dataset, found, missing.map((m) => m.column));
    throw presetMismatch({ file, dataset, preset: preset.name, line, found, fits: fitsOtherPresets(dataset, preset.name, sample, source), ...(fix ?? {}) }, missing);
  }
  return { ...plan, fixed: {} };
}

function canonicalFields(fields: Fields, line: number, plan: FilePlan, dates: DatedColumns, reader: SourceReader, notes: PresetNotes): Fields {
  const out: Record<string, unknown> = Object.assign(Object.create(null), plan.fixed);
  for (const column of plan.columns) {
    if (column.ifGiven === true && !column.sources.some((source) => source.from.every((path) => reader.has(fields, path)))) continue;
    const value = rawCell(fields, column, reader);
    const zone = dates.zones.get(column.column);
    if (zone === undefined || dates.reading === undefined || typeof value !== 'string') {
      out[column.column] = value;
      continue;
    }
    const time = canonicalTime(value, column.type as 'date' | 'timestamp', zone, dates.reading);
    if (time === undefined) notes.dateMiss(column.column, line, value);
    else if (dates.reading.dayMonthFormat !== undefined) notes.dateRead(column.column, line, value, dates.reading.dayMonthFormat);
    out[column.column] = time ?? value;
  }
  return out;
}

/** The canonical columns a record gives, as canonicalFields would lay them out (its keys, whatever their values). */
const columnsOfRecord = (fields: Fields, plan: FilePlan, reader: SourceReader): string[] => [
  ...Object.keys(plan.fixed),
  ...plan.columns
    .filter((column) => column.ifGiven !== true || column.sources.some((source) => source.from.every((path) => reader.has(fields, path))))
    .map((column) => column.column),
];

/**
 * A record two of whose keys mean one column is rejected; its fields still give its key and references
 * (see validateDataset): a column in conflict keeps its value only when every key that holds one holds
 * the same, else it is left out rather than taken from the first key.
 */
function settleConflicts(out: Record<string, unknown>, fields: Fields, conflicts: readonly SourceConflict[], plan: FilePlan, reader: SourceReader): void {
  for (const conflict of conflicts) {
    const column = plan.columns.find((planned) => planned.column === conflict.column);
    if (column === undefined) continue;
    const values = conflict.sources
      .map((key) => rawCell(fields, column, reader, new Set(conflict.sources.filter((other) => other !== key))))
      .filter((value) => value !== undefined);
    if (values.length === 0 || !values.every((value) => value === values[0])) delete out[conflict.column];
  }
}

/** The sources a column is read from before `path`, in the preset's (or the user's) order. */
const sourcesBefore = (layout: DatasetLayout, source: DatasetSourceConfig | undefined) => (column: string, path: string): string[] => {
  const candidates = candidateSources(column, layout.columns, userSources(source));
  const at = candidates.findIndex((candidate) => candidate.from.includes(path));
  return candidates.slice(0, Math.max(at, 0)).flatMap((candidate) => candidate.from);
};

interface DatedColumns {
  readonly reading: DateReading | undefined;
  /** Date and timestamp columns → the zone their wall-clock times are read in. */
  readonly zones: ReadonlyMap<string, string>;
}

const datedColumns = (plan: ColumnPlan, reading: DateReading | undefined, keys: readonly string[]): DatedColumns => ({
  reading,
  zones: new Map(
    reading === undefined ? [] : plan.columns
      .filter((column) => column.type === 'date' || column.type === 'timestamp')
      .map((column) => [column.column, reading.zoneOf(keyOfColumn(column, keys, normaliseHeader))]),
  ),
});

async function* mapColumns(
  rows: AsyncIterable<LoadedRow>,
  input: PresetInput,
  layout: DatasetLayout,
  notes: PresetNotes,
  headerConflicts: SourceConflict[],
  leftOutKeys: Set<string>,
  given: { columns?: readonly string[] },
): AsyncGenerator<LoadedRow> {
  const keyColumn = DATASETS[input.dataset].key;
  const fallback = layout.priorityFallback;
  const watches = layout.watches ?? [];
  let records = 0;
  const leftOutTargets = input.leftOutTargets ?? [];
  const reader = createSourceReader();
  const userFormat = input.config.datasets[input.dataset]?.dateFormat;
  let plan: FilePlan | undefined;
  let dates: DatedColumns = { reading: undefined, zones: new Map() };
  let keep = layout.keep ?? [];
  let finder: ConflictFinder | undefined;
  let repeatWatch: RepeatWatch | undefined;
  // A JSON file has no header: the columns its left-out records give stand for its own when none comes out.
  const givenByLeftOut = new Set<string>();
  const leaveOut = (fields: Fields, filePlan: FilePlan): void => {
    if (input.header() === undefined) for (const column of columnsOfRecord(fields, filePlan, reader)) givenByLeftOut.add(column);
  };
  // A CSV is judged by its header; a JSON or NDJSON file by its first record, on that record's line (an
  // NDJSON file has no line 0).
  const start = (sample: Fields, line: number): FilePlan => {
    const header = input.header();
    const source = input.config.datasets[input.dataset];
    const made = checkedPlan(input, layout, sample, line, reader, notes);
    dates = datedColumns(made, dateReading(layout.dates, userFormat, input.config.timezone, header), Object.keys(sample));
    // A filter on a column the export lacks keeps every row.
    keep = keep.filter((condition) => reader.has(sample, condition.source));
    // A header the CSV gives twice: a multi-value field where the vendor writes them so (its first value
    // is read, see repeated-headers.ts), else two columns for one, a conflict.
    const repeats = header === undefined ? new Map<string, readonly string[]>() : unmappedRepeats(repeatedColumns(header), source?.columns);
    const multiValue = layout.repeatedHeaders === 'multi-value';
    finder = conflictFinder(made.columns, keep, layout, source, reader, multiValue ? new Map() : repeats);
    // A CSV's columns are its header's: their conflicts are the file's, reported once at the header.
    if (header !== undefined) headerConflicts.push(...finder.find(sample));
    if (multiValue) repeatWatch = watchRepeats(made.columns, sample, repeats, reader, notes, sourcesBefore(layout, source), headerLine(input));
    if (header !== undefined) given.columns = [...made.columns.map((column) => column.column), ...Object.keys(made.fixed)];
    return made;
  };
  for await (const row of rows) {
    records += 1;
    // A record that gives a key twice still has its fields: mapped as any other (and never left out by a
    // filter, whose value is in doubt), so the validator finds its other problems; it is rejected all the same.
    const { defect } = row;
    if (defect !== undefined && defect.kind !== 'repeated_keys') {
      yield row;
      continue;
    }
    const header = input.header();
    plan ??= header === undefined ? start(row.fields, row.line) : start(sampleOf(header.keys), headerLine(input));
    // A JSON record's keys are its own: two that mean one column reject it. A filter whose source is one
    // of them leaves nothing out (its value is in doubt).
    const conflicts = header === undefined && finder !== undefined ? finder.find(row.fields) : [];
    // A CSV whose header has such columns is rejected whole: every row of it is counted, none left out.
    const filterInDoubt = headerConflicts.length > 0 || conflicts.some((conflict) => keep.some((condition) => conflict.sources.some((key) => reader.keysOf(row.fields, condition.source).includes(key))));
    if (defect === undefined && !filterInDoubt && !keep.every((condition) => reader.holds(row.fields, condition))) {
      notes.leftOut(row.line, layout.leftOut);
      leaveOut(row.fields, plan);
      const keyPlan = plan.columns.find((column) => column.column === keyColumn);
      const key = keyPlan === undefined ? undefined : idText(rawCell(row.fields, keyPlan, reader));
      if (key !== undefined) leftOutKeys.add(key);
      continue;
    }
    const fields = canonicalFields(row.fields, row.line, plan, dates, reader, notes);
    if (fallback !== undefined && defect === undefined && fields.priority === undefined && plan.columns.some((column) => column.column === 'priority')) {
      (fields as Record<string, unknown>).priority = fallbackPriority(row.fields, row.line, fallback, input.config, reader, notes);
    }
    if (defect === undefined) {
      const reference = leftOutReference(fields, leftOutTargets);
      if (reference !== undefined) {
        notes.leftOut(row.line, reference);
        leaveOut(row.fields, plan);
        continue;
      }
      if (watches.length > 0) countWatched(watches, { read: (path) => reader.read(row.fields, path), canonical: fields, config: input.config }, row.line, notes);
      repeatWatch?.check(row.fields, row.line);
    }
    if (conflicts.length > 0) settleConflicts(fields as Record<string, unknown>, row.fields, conflicts, plan, reader);
    const out: LoadedRow = defect === undefined ? { line: row.line, fields } : { line: row.line, fields, defect };
    yield conflicts.length === 0 ? out : { ...out, conflicts };
  }
  const header = input.header();
  if (plan === undefined && header !== undefined) start(sampleOf(header.keys), headerLine(input));
  if (plan !== undefined && header === undefined) given.columns = [...givenByLeftOut];
  const limit = layout.rowLimit;
  if (limit !== undefined && records === limit.rows) {
    notes.add({
      file: input.file, line: headerLine(input), column: '-', severity: 'warning',
      message: `this file has exactly ${records.toLocaleString('en-US')} records, and ${limit.why}: it may have been cut short, ` +
        `leaving later records out of every figure. ${limit.advice}`,
    });
  }
  const document = input.document?.();
  const page = layout.pageMarker === undefined || document === undefined ? undefined : pageMarkerWarning(layout.pageMarker, document, input.file, headerLine(input));
  if (page !== undefined) notes.add(page);
}

export function applyPreset(rows: AsyncIterable<LoadedRow>, input: PresetInput): PresetApplication {
  const layout = layoutFor(input.preset, input.dataset);
  const userFormat = input.config.datasets[input.dataset]?.dateFormat;
  const formats = (): readonly string[] => (userFormat === undefined ? (layout.dates?.formats ?? []) : [userFormat]);
  const notes = createPresetNotes(input.file, input.dataset, input.preset.name, formats, layout.dates?.trailingZoneName ?? false);
  const headerConflicts: SourceConflict[] = [];
  const leftOutKeys = new Set<string>();
  const noColumn = new Map<QuestionId, string>();
  const given: { columns?: readonly string[] } = {};
  const transformed = layout.wide === undefined
    ? mapColumns(rows, input, layout, notes, headerConflicts, leftOutKeys, given)
    : expandWideSurvey(rows, input, layout, layout.wide, notes, noColumn);
  return { rows: transformed, notes: notes.list, headerConflicts: () => headerConflicts, leftOutKeys: () => leftOutKeys, questionsWithoutColumn: () => noColumn,
    columnsGiven: () => given.columns };
}
