/**
 * Applying a preset: a transform of the raw row stream between the reader and the validator. Rows come
 * out keyed by canonical column, with canonical value text (ISO dates and instants, `rank 3`...), so the
 * validator reads them as it reads a canonical file. A file that does not fit the preset is refused
 * before its first row with the mismatch message (an InputError).
 */
import { matchKey } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import type { LoadedRow } from '../load/loaded-row.js';
import { normaliseHeader } from '../validate/headers.js';
import { canonicalTime, dateReading, keyOfColumn, rawCell, type DateReading } from './cell-values.js';
import { planColumns, userSources, type ColumnPlan } from './column-plan.js';
import { presetMismatch, presetNeedsConfig } from './mismatch.js';
import type { DatasetLayout, Preset } from './preset.js';
import { headerLine, type PresetInput } from './preset-input.js';
import { createPresetNotes, type PresetNotes } from './preset-notes.js';
import { fitsOtherPresets } from './preset-fit.js';
import { createSourceReader, type SourceReader } from './source-path.js';
import { expandWideSurvey } from './wide-survey.js';

type Fields = Readonly<Record<string, unknown>>;

export interface PresetApplication {
  readonly rows: AsyncIterable<LoadedRow>;
  /** File-level warnings, complete once `rows` has been read to the end. */
  readonly notes: () => readonly Problem[];
}

/** Stands for a header-only CSV or a JSON record when a plan is made from keys alone. */
export const sampleOf = (keys: readonly string[]): Fields => Object.fromEntries(keys.map((key) => [key, '']));

/** The layout of a preset for a dataset; the caller has checked that the preset reads it. */
export const layoutFor = (preset: Preset, dataset: DatasetName): DatasetLayout => {
  const layout = preset.datasets[dataset];
  if (layout === undefined) throw new Error(`preset ${preset.name} does not read ${dataset}`);
  return layout;
};

/** The plan of a file, or the refusal when it does not fit. */
function checkedPlan(input: PresetInput, layout: DatasetLayout, sample: Fields, reader: SourceReader): ColumnPlan {
  const { dataset, file, preset, config } = input;
  const source = config.datasets[dataset];
  const plan = planColumns(dataset, layout, source, sample, reader);
  const userPriority = layout.userPriority;
  if (userPriority !== undefined) {
    const onlyPriority = plan.missing.length === 1 && plan.missing[0]?.column === 'priority';
    // A column the user mapped to priority must have a value that means P1; a real priority column needs nothing.
    const unmappedP1 = plan.missing.length === 0 && userSources(source).has('priority') &&
      !userPriority.values.some((value) => config.priorities.get(matchKey(value)) === 'P1');
    if (onlyPriority || unmappedP1) throw presetNeedsConfig(file, headerLine(input), userPriority.why, userPriority.config);
  }
  if (plan.missing.length > 0) {
    const found = Object.keys(sample);
    throw presetMismatch({ file, dataset, preset: preset.name, line: headerLine(input), found, fits: fitsOtherPresets(dataset, preset.name, sample, source) }, plan.missing);
  }
  return plan;
}

function canonicalFields(fields: Fields, line: number, plan: ColumnPlan, dates: DatedColumns, reader: SourceReader, notes: PresetNotes): Fields {
  const out: Record<string, unknown> = Object.create(null);
  for (const column of plan.columns) {
    const value = rawCell(fields, column, reader);
    const zone = dates.zones.get(column.column);
    if (zone === undefined || dates.reading === undefined || typeof value !== 'string') {
      out[column.column] = value;
      continue;
    }
    const time = canonicalTime(value, column.type as 'date' | 'timestamp', zone, dates.reading);
    if (time === undefined) notes.dateMiss(column.column, line, value);
    out[column.column] = time ?? value;
  }
  return out;
}

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

async function* mapColumns(rows: AsyncIterable<LoadedRow>, input: PresetInput, layout: DatasetLayout, notes: PresetNotes): AsyncGenerator<LoadedRow> {
  const reader = createSourceReader();
  const userFormat = input.config.datasets[input.dataset]?.dateFormat;
  let plan: ColumnPlan | undefined;
  let dates: DatedColumns = { reading: undefined, zones: new Map() };
  let keep = layout.keep ?? [];
  const start = (sample: Fields): ColumnPlan => {
    const header = input.header();
    const made = checkedPlan(input, layout, sample, reader);
    dates = datedColumns(made, dateReading(layout.dates, userFormat, input.config.timezone, header), Object.keys(sample));
    // A filter on a column the export lacks keeps every row.
    keep = keep.filter((condition) => reader.has(sample, condition.source));
    return made;
  };
  for await (const row of rows) {
    if (row.defect !== undefined) {
      yield row;
      continue;
    }
    const header = input.header();
    plan ??= start(header === undefined ? row.fields : sampleOf(header.keys));
    if (!keep.every((condition) => reader.holds(row.fields, condition))) continue;
    yield { line: row.line, fields: canonicalFields(row.fields, row.line, plan, dates, reader, notes) };
  }
  const header = input.header();
  if (plan === undefined && header !== undefined) start(sampleOf(header.keys));
}

export function applyPreset(rows: AsyncIterable<LoadedRow>, input: PresetInput): PresetApplication {
  const layout = layoutFor(input.preset, input.dataset);
  const userFormat = input.config.datasets[input.dataset]?.dateFormat;
  const formats = (): readonly string[] => (userFormat === undefined ? (layout.dates?.formats ?? []) : [userFormat]);
  const notes = createPresetNotes(input.file, input.dataset, input.preset.name, formats);
  const transformed = layout.wide === undefined ? mapColumns(rows, input, layout, notes) : expandWideSurvey(rows, input, layout, layout.wide, notes);
  return { rows: transformed, notes: notes.list };
}
