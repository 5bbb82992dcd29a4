/**
 * One dataset file read and validated: the reader, the vendor preset when one applies (with its
 * file-level warnings), and the validator. Runs on the main thread or in a worker (survey-worker.ts).
 */
import type { Config } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import { repeatedColumns, type CsvHeader } from '../load/csv-header.js';
import type { DatasetSource } from '../load/discover.js';
import { readRowBatches } from '../load/read-rows.js';
import { flatten } from '../load/row-batches.js';
import { applyPreset, configForPreset, presetReadOptions, type Preset } from '../presets/index.js';
import { CANONICAL_PRESET_NAME } from '../presets/canonical.js';
import type { LeftOutTarget } from '../presets/preset-input.js';
import type { Refs } from '../validate/cross-checks.js';
import { REFERENCES } from '../validate/references.js';
import { validateDataset, type DatasetValidation } from '../validate/index.js';
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

export async function validateSource(source: DatasetSource, config: Config, refs: Refs, preset: Preset | undefined, { progress, keepRecords, pool, inReach, problemCap }: ReadOptions) {
  const delimiter = config.datasets[source.dataset]?.delimiter;
  const layout = preset?.datasets[source.dataset];
  let csvHeader: CsvHeader | undefined;
  const read = readRowBatches(source, {
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...presetReadOptions(preset, source.dataset),
    onHeader: (header) => {
      csvHeader = header;
    },
  });
  // Counting rows costs an extra async step per batch: only when someone is watching a terminal.
  const batches = progress?.enabled ? withRowCount(read, source.dataset, progress) : read;
  if (preset === undefined || layout === undefined) {
    // A CSV has one header for all its records: its problems belong to line 1.
    const header = source.format === 'csv'
      ? { line: 1, keys: () => csvHeader?.keys, repeats: () => (csvHeader === undefined ? undefined : repeatedColumns(csvHeader)) }
      : undefined;
    return validateDataset(source.dataset, source.displayName, batches, config, refs, { keepRecords, ...(pool ? { pool } : {}), ...(inReach ? { inReach } : {}), ...(header ? { header } : {}), ...(problemCap !== undefined ? { problemCap } : {}) });
  }
  // The preset checks the header itself (its mismatch message names the config that fixes it), and
  // always yields every column it maps, so the validator reads each row on its own. It takes rows one by
  // one (a wide survey turns one into many): vendor files are small, the async step per row is cheap.
  const applied = applyPreset(flatten(batches), {
    dataset: source.dataset, file: source.displayName, preset, config, header: () => csvHeader,
    // The canonical stand-in (a canonical file with a dateFormat) is a file read without a vendor preset: a
    // reference to a left-out record is an error there, as in any canonical file.
    ...(preset.name === CANONICAL_PRESET_NAME ? {} : { leftOutTargets: leftOutTargets(source.dataset, refs) }),
  });
  const result = await validateDataset(source.dataset, source.displayName, applied.rows, configForPreset(config, source.dataset, layout), refs, {
    keepRecords, ...(pool ? { pool } : {}), ...(inReach ? { inReach } : {}), ...(problemCap !== undefined ? { problemCap } : {}),
    headerConflicts: { line: 1, conflicts: applied.headerConflicts },
  });
  return withNotes({ ...result, refs: withLeftOut(result.refs, source.dataset, applied.leftOutKeys(), layout.leftOut) }, applied.notes());
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
