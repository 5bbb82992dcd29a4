/**
 * One dataset file read and validated: the reader, the vendor preset when one applies (with its
 * file-level warnings), and the validator. Runs on the main thread or in a worker (survey-worker.ts).
 */
import type { Config } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import { SurveySummary } from '../core/survey-summary.js';
import { repeatedColumns, type CsvHeader } from '../load/csv-header.js';
import type { DatasetSource } from '../load/discover.js';
import type { JsonDocument } from '../load/json-reader.js';
import { readRowBatches } from '../load/read-rows.js';
import { flatten, type RowBatches } from '../load/row-batches.js';
import { applyPreset, configForPreset, presetReadOptions, type Preset } from '../presets/index.js';
import { CANONICAL_PRESET_NAME } from '../presets/canonical.js';
import type { LeftOutTarget } from '../presets/preset-input.js';
import type { Refs } from '../validate/cross-checks.js';
import { REFERENCES } from '../validate/references.js';
import { optionalColumnsAbsent, validateDataset, type DatasetValidation } from '../validate/index.js';
import type { StringPool } from '../validate/string-pool.js';
import { withRowCount, type Progress } from './progress.js';

/** The validation with the preset's file-level warnings merged in, in line order. */
const withNotes = <D extends DatasetName>(result: DatasetValidation<D>, notes: readonly Problem[]): DatasetValidation<D> =>
  notes.length === 0
    ? result
    : { ...result, problems: [...notes, ...result.problems].sort((a, b) => a.line - b.line), warnings: result.warnings + notes.length };

export interface ReadOptions {
  readonly progress: Progress | undefined;
  readonly keepRecords: boolean;
  readonly pool: StringPool | undefined;
  /** Whether a record is within the run's reach (see report/horizon.ts); every record is kept without it. */
  readonly inReach?: ((record: never) => boolean) | undefined;
  /** Problems kept of the file (all are counted); validateDataset's default when absent. */
  readonly problemCap?: number | undefined;
}

/**
 * A file that holds no record: a CSV header and no row (a template `init` wrote and no one filled, or an
 * export of nothing), or a JSON array with nothing in it (an API export of nothing: `[]`, `{"data": []}`).
 * Its dataset is read as having nothing happen, which may be true (no improvement this year) or not (a
 * template kept for data the user does not have, a failed export): zero improvements trips a red flag and
 * zero trainings misses a target, where a dataset without a file has no data. Said, so that it is not
 * taken for data. A CSV's header is its line 1; a JSON file's problems are numbered by record, and one of
 * the whole file takes 0.
 */
const noRecords = (source: DatasetSource, config: Config, header: CsvHeader | undefined): Problem => {
  // A configured path left without its file is an error: the deletion takes the config's entry with it.
  const configured = config.datasets[source.dataset]?.path === undefined ? '' : ` and datasets.${source.dataset}.path from the config`;
  const csv = source.format === 'csv';
  return {
    file: source.displayName, line: csv ? header?.line ?? 1 : 0, column: '-', severity: 'warning',
    message: `the file holds no ${csv ? 'rows, only its header' : 'records'}: ${source.dataset} is read as having none, which counts as zero and can fail ` +
      `measures and trip red flags; delete the file${configured} if you have no such data (its measures then show no data)`,
  };
};

/**
 * The validation, with noRecords' warning when the file was read whole, not refused, and held no record: a
 * CSV header alone, or JSON. (A CSV without even a header, or a blank NDJSON file, is refused as empty.)
 */
const withNoRecords = <D extends DatasetName>(result: DatasetValidation<D>, source: DatasetSource, config: Config, header: CsvHeader | undefined, rowsRead: number) =>
  rowsRead === 0 && !result.rejectedWhole && (header !== undefined || source.format !== 'csv') ? withNotes(result, [noRecords(source, config, header)]) : result;

/** `batches` unchanged, adding each one's rows to `read.rows` as it passes. */
async function* counting<Row>(batches: RowBatches<Row>, read: { rows: number }): RowBatches<Row> {
  for await (const batch of batches) {
    read.rows += batch.length;
    yield batch;
  }
}

export async function validateSource(source: DatasetSource, config: Config, refs: Refs, preset: Preset | undefined, { progress, keepRecords, pool, inReach, problemCap }: ReadOptions) {
  const delimiter = config.datasets[source.dataset]?.delimiter;
  const layout = preset?.datasets[source.dataset];
  let csvHeader: CsvHeader | undefined;
  let jsonDocument: JsonDocument | undefined;
  const fileBatches = readRowBatches(source, {
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...presetReadOptions(preset, source.dataset),
    onHeader: (header) => {
      csvHeader = header;
    },
    onJsonDocument: (document) => {
      jsonDocument = document;
    },
  });
  // Counting rows costs an extra async step per batch: only when someone is watching a terminal.
  const batches = progress?.enabled ? withRowCount(fileBatches, source.dataset, progress) : fileBatches;
  if (preset === undefined || layout === undefined) {
    // A CSV has one header for all its records: its problems belong to its line (1, unless blank lines come first).
    const header = source.format === 'csv'
      ? { get line() { return csvHeader?.line ?? 1; }, keys: () => csvHeader?.keys, repeats: () => (csvHeader === undefined ? undefined : repeatedColumns(csvHeader)) }
      : undefined;
    const result = await validateDataset(source.dataset, source.displayName, batches, config, refs, { keepRecords, ...(pool ? { pool } : {}), ...(inReach ? { inReach } : {}), ...(header ? { header } : {}), ...(problemCap !== undefined ? { problemCap } : {}) });
    return withNoRecords(result, source, config, csvHeader, result.rows);
  }
  // The preset checks the header itself (its mismatch message names the config that fixes it), and
  // always yields every column it maps, so the validator reads each row on its own. It takes rows one by
  // one (a wide survey turns one into many): vendor files are small, the async step per row is cheap.
  // The file's own rows, counted before the preset leaves any out or a wide survey makes several of one.
  const fileRows = { rows: 0 };
  const applied = applyPreset(flatten(counting(batches, fileRows)), {
    dataset: source.dataset, file: source.displayName, preset, config, header: () => csvHeader, document: () => jsonDocument,
    // The canonical stand-in (a canonical file with a dateFormat) is a file read without a vendor preset: a
    // reference to a left-out record is an error there, as in any canonical file.
    ...(preset.name === CANONICAL_PRESET_NAME ? {} : { leftOutTargets: leftOutTargets(source.dataset, refs) }),
  });
  const result = await validateDataset(source.dataset, source.displayName, applied.rows, configForPreset(config, source.dataset, layout), refs, {
    keepRecords, ...(pool ? { pool } : {}), ...(inReach ? { inReach } : {}), ...(problemCap !== undefined ? { problemCap } : {}),
    headerConflicts: { get line() { return csvHeader?.line ?? 1; }, conflicts: applied.headerConflicts },
  });
  // The survey measures' reasons say which questions the file had no column for.
  if (result.records instanceof SurveySummary) for (const [question, why] of applied.questionsWithoutColumn()) result.records.noteNoColumn(question, why);
  // No row reached the validator (a header alone, or every row left out): the header, or the records left
  // out, still say which optional columns the file lacks, as a canonical header does.
  const given = applied.columnsGiven();
  const absentColumns = result.rows === 0 && given !== undefined ? optionalColumnsAbsent(source.dataset, new Set(given)) : result.absentColumns;
  const noted = withNotes({ ...result, absentColumns, refs: withLeftOut(result.refs, source.dataset, applied.leftOutKeys(), layout.leftOut) }, applied.notes());
  return withNoRecords(noted, source, config, csvHeader, fileRows.rows);
}

/** The columns of `dataset` that must name an accepted record of a file whose preset left some out. */
const leftOutTargets = (dataset: DatasetName, refs: Refs): LeftOutTarget[] =>
  REFERENCES.filter((ref) => ref.dataset === dataset && ref.severity === 'error').flatMap((ref) => {
    const target = refs[ref.target];
    return target?.leftOut === undefined ? [] : [{ column: ref.column, file: target.file, ...target.leftOut }];
  });

/** `refs` with the keys this dataset's preset left out, when others refer to it and some were. */
function withLeftOut(refs: Refs, dataset: DatasetName, keys: ReadonlySet<string>, what: string | undefined): Refs {
  if (keys.size === 0 || (dataset !== 'people' && dataset !== 'incidents')) return refs;
  const target = refs[dataset];
  return target === undefined ? refs : { ...refs, [dataset]: { ...target, leftOut: { keys, what } } };
}
