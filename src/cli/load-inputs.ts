/**
 * The impure edge of loading: find the config and the dataset files, read and validate them all, and
 * collect every problem. A file that cannot be read at all (InputError) becomes one problem of its own,
 * and the other files are still read, so a user sees all the problems of a run at once.
 */
import type { Config } from '../core/config.js';
import { DATASET_NAMES, type DatasetName, type OrgData } from '../core/datasets.js';
import { InputError, type Problem } from '../core/problems.js';
import type { InputSummary } from '../core/report.js';
import { loadConfig } from '../config/index.js';
import type { CsvHeader } from '../load/csv-header.js';
import { discoverDatasets, type DatasetSource } from '../load/discover.js';
import { readRowBatches } from '../load/read-rows.js';
import { flatten } from '../load/row-batches.js';
import { applyPreset, canonicalPreset, configForPreset, parsePresetFlags, presetsByDataset, type Preset } from '../presets/index.js';
import { validateDataset, type DatasetValidation } from '../validate/index.js';
import { refsNeededBy, type Refs } from '../validate/cross-checks.js';
import { StringPool } from '../validate/string-pool.js';
import { withRowCount, type Progress } from './progress.js';

export interface FileOutcome extends InputSummary {
  readonly errors: number;
  /** Problems kept for display, in file order (the full count is `errors + warnings`). */
  readonly problems: readonly Problem[];
  readonly omittedProblems: number;
  /** The file could not be read at all. */
  readonly fatal: boolean;
}

export type LoadedInputs =
  | { readonly kind: 'config-problems'; readonly problems: readonly Problem[] }
  | { readonly kind: 'fatal'; readonly problem: Problem; readonly error: InputError }
  | { readonly kind: 'loaded'; readonly config: Config; readonly data: OrgData; readonly files: readonly FileOutcome[] };

const problemOf = (error: InputError): Problem => ({
  file: error.file,
  line: error.line,
  column: '-',
  message: error.hint ? `${error.message}. ${error.hint}` : error.message,
  severity: 'error',
});

/** The validation with the preset's file-level warnings merged in, in line order. */
const withNotes = <D extends DatasetName>(result: DatasetValidation<D>, notes: readonly Problem[]): DatasetValidation<D> =>
  notes.length === 0
    ? result
    : { ...result, problems: [...notes, ...result.problems].sort((a, b) => a.line - b.line), warnings: result.warnings + notes.length };

interface ReadOptions {
  readonly progress: Progress | undefined;
  readonly keepRecords: boolean;
  readonly pool: StringPool | undefined;
}

async function validateSource(source: DatasetSource, config: Config, refs: Refs, preset: Preset | undefined, { progress, keepRecords, pool }: ReadOptions) {
  const delimiter = config.datasets[source.dataset]?.delimiter;
  const layout = preset?.datasets[source.dataset];
  let csvHeader: CsvHeader | undefined;
  const read = readRowBatches(source, {
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(layout?.headerRows !== undefined ? { headerRows: layout.headerRows } : {}),
    onHeader: (header) => {
      csvHeader = header;
    },
  });
  // Counting rows costs an extra async step per batch: only when someone is watching a terminal.
  const batches = progress?.enabled ? withRowCount(read, source.dataset, progress) : read;
  if (preset === undefined || layout === undefined) {
    // A CSV has one header for all its records: its problems belong to line 1.
    const header = source.format === 'csv' ? { line: 1, keys: () => csvHeader?.keys } : undefined;
    return validateDataset(source.dataset, source.displayName, batches, config, refs, { keepRecords, ...(pool ? { pool } : {}), ...(header ? { header } : {}) });
  }
  // The preset checks the header itself (its mismatch message names the config that fixes it), and
  // always yields every column it maps, so the validator reads each row on its own. It takes rows one by
  // one (a wide survey turns one into many): vendor files are small, the async step per row is cheap.
  const applied = applyPreset(flatten(batches), { dataset: source.dataset, file: source.displayName, preset, config, header: () => csvHeader });
  const result = await validateDataset(source.dataset, source.displayName, applied.rows, configForPreset(config, source.dataset, layout), refs, { keepRecords, ...(pool ? { pool } : {}) });
  return withNotes(result, applied.notes());
}

/**
 * `presetFlags`: `--preset <dataset>=<preset>` values, which win over the config's
 * `datasets.<name>.preset`; an unknown dataset or preset throws a UsageError.
 */
export async function loadInputs(options: {
  dataDir: string;
  configFlag: string | undefined;
  cwd: string;
  presetFlags?: readonly string[];
  /** Rows read per dataset, for a terminal watching a long run. */
  progress?: Progress;
  /** False for `validate`: every row is checked and counted, and memory stays flat whatever the file size. */
  keepRecords?: boolean;
  /**
   * False keeps every field of every record as read, where by default records are compact (repeated
   * texts shared, fields and rows no measure reads left out: see recordSink) — for checking what a
   * preset makes of an export, field by field.
   */
  compact?: boolean;
}): Promise<LoadedInputs> {
  const flagged = parsePresetFlags(options.presetFlags ?? []);
  const loaded = await loadConfig(options.configFlag, options.dataDir, options.cwd);
  if ('problems' in loaded) return { kind: 'config-problems', problems: loaded.problems };
  const { config } = loaded;
  const presets = presetsByDataset(config, flagged);
  let sources: DatasetSource[];
  try {
    sources = await discoverDatasets(options.dataDir, config.datasets);
  } catch (error) {
    if (error instanceof InputError) return { kind: 'fatal', problem: problemOf(error), error };
    throw error;
  }
  const data = Object.fromEntries(DATASET_NAMES.map((name) => [name, undefined])) as OrgData;
  const files: FileOutcome[] = [];
  let refs: Refs = {};
  const pool = options.compact === false ? undefined : new StringPool();
  for (const [index, source] of sources.entries()) {
    try {
      // A date format needs the transform even without a vendor: the canonical layout carries it.
      const dateFormat = config.datasets[source.dataset]?.dateFormat;
      const preset = presets[source.dataset] ?? (dateFormat === undefined ? undefined : canonicalPreset(source.dataset));
      const result = await validateSource(source, config, refs, preset, { progress: options.progress, keepRecords: options.keepRecords ?? true, pool });
      (data as Record<DatasetName, unknown>)[source.dataset] = result.records;
      refs = refsNeededBy(result.refs, sources.slice(index + 1).map((later) => later.dataset));
      files.push({
        dataset: source.dataset, file: source.displayName, rows: result.rows, accepted: result.accepted,
        rejected: result.rejected, warnings: result.warnings, errors: result.errors, problems: result.problems,
        omittedProblems: result.omittedProblems, fatal: false,
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      files.push({
        dataset: source.dataset, file: source.displayName, rows: 0, accepted: 0, rejected: 0, warnings: 0, errors: 1,
        problems: [problemOf(error)], omittedProblems: 0, fatal: true,
      });
    }
  }
  options.progress?.done();
  return { kind: 'loaded', config, data, files };
}

export const hasErrors = (files: readonly FileOutcome[]): boolean => files.some((f) => f.errors > 0);
