/**
 * The impure edge of loading: find the config and the dataset files, read and validate them all, and
 * collect every problem. A file that cannot be read at all (InputError) becomes one problem of its own,
 * and the other files are still read, so a user sees all the problems of a run at once.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../core/config.js';
import { DATASET_NAMES, type DatasetName, type OrgData } from '../core/datasets.js';
import { InputError, InputErrors, problemOfInputError, type Problem } from '../core/problems.js';
import type { InputSummary } from '../core/report.js';
import { CONFIG_FILE_NAME, loadConfig } from '../config/index.js';
import { discoverDatasets, filesNotRead, type DatasetSource, type Discovery, type FileNotRead, type UnresolvedDataset } from '../load/discover.js';
import { canonicalPreset, parsePresetFlags, presetsByDataset, type Preset } from '../presets/index.js';
import { refsNeededBy, type Refs } from '../validate/cross-checks.js';
import { StringPool } from '../validate/string-pool.js';
import type { RecordFilters } from '../report/horizon.js';
import type { Progress } from './progress.js';
import { validateInWorker, WORKER_MIN_BYTES, type WorkerValidation } from './survey-worker.js';
import { validateSource } from './validate-source.js';

export interface FileOutcome extends InputSummary {
  readonly errors: number;
  /** Problems kept for display, in file order (the full count is `errors + warnings`). */
  readonly problems: readonly Problem[];
  readonly omittedProblems: number;
  /** The file could not be read at all. */
  readonly fatal: boolean;
  /** The file was read, but its header was refused, so every row was rejected: its dataset is not there. */
  readonly headerRefused: boolean;
  /**
   * Which file is the dataset's could not be told (two files for it, a configured path that is not there):
   * none was read. `fatal` too; unlike a file that cannot be read, no `--skip-invalid` passes it.
   */
  readonly unresolved?: true;
  /** Where the file is (`file` is how it is shown). */
  readonly path: string;
  /** The dataset's optional columns the file does not have (see DatasetValidation.absentColumns). */
  readonly absentColumns?: readonly string[];
}

export type LoadedInputs =
  | { readonly kind: 'config-problems'; readonly problems: readonly Problem[] }
  /** Nothing could be read: the data folder, or which file is a dataset's, is wrong. */
  | { readonly kind: 'fatal'; readonly error: InputError | InputErrors }
  | {
    readonly kind: 'loaded'; readonly config: Config; readonly data: OrgData; readonly files: readonly FileOutcome[];
    /** Files of the data folder that look like exports but no dataset reads (see filesNotRead). */
    readonly notRead: readonly FileNotRead[];
  };

/** A file the run reads, as `whenFound` is told of it: where it is, and how it is shown. */
export interface InputFile {
  readonly path: string;
  readonly displayName: string;
}

/**
 * Files this large together get V8 tuned for holding their records and for a long run (see heap-growth.ts
 * and tier-up.ts); a smaller folder is read before it would matter, and loading the tuning costs a demo
 * report ~6 ms.
 */
export const LARGE_INPUT_BYTES = 16 * 1024 * 1024;

/** The files' sizes added up; one that cannot be read counts 0 (its reader reports why). */
const bytesOf = (sources: readonly DatasetSource[]): number =>
  sources.reduce((sum, source) => {
    try {
      return sum + statSync(source.path).size;
    } catch {
      return sum;
    }
  }, 0);

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
  /** Problems kept of each file (all are counted): validateDataset's default (1,000) when absent. */
  problemCap?: number | undefined;
  /**
   * False keeps every field of every record as read, where by default records are compact (repeated
   * texts shared, fields and rows no measure reads left out: see recordSink) — for checking what a
   * preset makes of an export, field by field.
   */
  compact?: boolean;
  /**
   * The CLI bundle's own file: with it, a large survey file is validated in a worker thread running
   * it while the other files are validated here (survey-worker.ts). Without it, all on this thread.
   */
  workerScript?: string | undefined;
  /** Called with the configured time zone once the config is read (Io.adoptTimeZone). */
  adoptTimeZone?: ((timeZone: string) => void) | undefined;
  /**
   * Called with the dataset files and the config's path as soon as the files are found, before any is read: what it throws ends the
   * run there (report's refusal of an --output onto an input file, which reading first would only delay).
   */
  whenFound?: ((files: readonly InputFile[], configPath: string | undefined) => void) | undefined;
  /**
   * Called with the files' size before they are read, when they hold `LARGE_INPUT_BYTES` or more; what it
   * gives back, a full collection, is run after each file is read (so also before the survey's worker
   * starts, once the incidents' ids are let go).
   */
  whenLarge?: ((bytes: number) => Promise<(() => void) | void>) | undefined;
  /**
   * Asked with the size of the files other than the survey once they are found and the zone adopted,
   * before any is read: true when the run reads every file on this thread, the survey too (see
   * ONE_THREAD_MIN_BYTES in heap-growth.ts), rather than the survey in a worker of its own.
   */
  oneThread?: ((bytes: number) => Promise<boolean>) | undefined;
  /** Called once the files are found, before any file is read. */
  beforeReading?: (() => Promise<void>) | undefined;
  /**
   * With compact records: what the run can read, once the config is known (see report/horizon.ts); the
   * records a filter refuses are validated and counted but not kept. Undefined keeps them all.
   */
  filtersFor?: ((config: Config) => RecordFilters | undefined) | undefined;
}): Promise<LoadedInputs> {
  const flagged = parsePresetFlags(options.presetFlags ?? []);
  const loaded = await loadConfig(options.configFlag, options.dataDir, options.cwd);
  if ('problems' in loaded) return { kind: 'config-problems', problems: loaded.problems };
  const { config } = loaded;
  options.adoptTimeZone?.(config.timezone);
  let discovery: Discovery;
  try {
    discovery = await discoverDatasets(options.dataDir, config.datasets);
  } catch (error) {
    if (error instanceof InputError || error instanceof InputErrors) return { kind: 'fatal', error };
    throw error;
  }
  const { sources } = discovery;
  // Every file that is a dataset's: those of a dataset with two files too, which are the user's as much.
  options.whenFound?.([
    ...sources,
    ...discovery.unresolved.flatMap((u) => u.files.map((name) => ({ path: resolve(options.dataDir, name), displayName: name }))),
  ], loaded.path);
  const notRead = filesNotRead(options.dataDir, discovery, [...(loaded.path === undefined ? [] : [loaded.path]), join(options.dataDir, CONFIG_FILE_NAME)], config.datasets);
  const presets = presetsByDataset(config, flagged, Object.fromEntries(sources.map((source) => [source.dataset, source.format])));
  let collect: (() => void) | undefined;
  // A survey file of WORKER_MIN_BYTES or more is read by a worker of its own (survey-worker.ts), unless
  // the other files are so large that every file is read here.
  const oneThread = (await options.oneThread?.(bytesOf(sources.filter((source) => source.dataset !== 'survey')))) === true;
  const survey = oneThread ? undefined : surveyForWorker(sources, options.workerScript);
  if (options.whenLarge !== undefined) {
    const bytes = bytesOf(sources);
    const given = bytes >= LARGE_INPUT_BYTES ? await options.whenLarge(bytes) : undefined;
    if (typeof given === 'function') collect = given;
  }
  await options.beforeReading?.();
  const data = Object.fromEntries(DATASET_NAMES.map((name) => [name, undefined])) as OrgData;
  let refs: Refs = {};
  const pool = options.compact === false ? undefined : new StringPool();
  const keepRecords = options.keepRecords ?? true;
  const filters = options.filtersFor?.(config);
  // A date format needs the transform even without a vendor: the canonical layout carries it.
  const presetOf = (dataset: DatasetName): Preset | undefined =>
    presets[dataset] ?? (config.datasets[dataset]?.dateFormat === undefined ? undefined : canonicalPreset(dataset));
  // The survey's worker holds ~50 MiB while it runs, and the incidents' ids (a million in a large
  // tracker's export) are held until the action items have been checked against them: the two largest
  // things held while files are read. So the worker starts once those ids are let go (at once without
  // an incidents file), and the survey takes its turn last; its outcome keeps its place among the files.
  // Without records kept (validate) the main thread holds little beside the ids: the worker starts at
  // once, and the run ends sooner (at large, 10–12 s with 204–212 MiB, against 14 s with 194–198 MiB).
  // Letting the ids go frees nothing until a full collection, and the worker's start-up (its heap, the
  // bundle compiled again) on top of ids not yet collected was the large report's peak: with a
  // collection first, the highest of the resident memory sampled every 20 ms fell from 225 to 206 MiB.
  // That collection is the one after the file before (below).
  let surveyResult: Promise<Settled<WorkerValidation>> | undefined;
  const startSurvey = (): void => {
    if (survey === undefined || surveyResult !== undefined) return;
    // Held settled: never a rejected promise left waiting while other files are read.
    surveyResult = validateInWorker(options.workerScript!, { source: survey, config, preset: presetOf(survey.dataset)?.name, keepRecords, problemCap: options.problemCap }, options.progress)
      .then((value) => ({ value }), (error: unknown) => ({ error }));
  };
  const order = survey === undefined ? sources : [...sources.filter((source) => source !== survey), survey];
  const workerWaits = keepRecords;
  let incidentsRead = !sources.some((source) => source.dataset === 'incidents');
  const outcomes = new Map<DatasetSource, FileOutcome>();
  /**
   * Reads one file into `data` and `outcomes` and gives back the ids the files after it are checked
   * against. A function of its own, so that its result dies with it: in the loop's own frame, the last
   * file's result stayed in a register through the next file's read, and the job history's held the
   * roster (then a map of an entry per person, ~8 MiB at 100,000 people) while a million incidents were read.
   */
  const readSource = async (source: DatasetSource, position: number): Promise<Refs> => {
    try {
      // The survey adds no ids to check against: the ids of the files before it pass on unchanged.
      const result = source === survey
        ? { ...(await surveyResult!.then(orThrow)), refs }
        : await validateSource(source, config, refs, presetOf(source.dataset), { progress: options.progress, keepRecords, pool, inReach: filters?.[source.dataset] as ((record: never) => boolean) | undefined, problemCap: options.problemCap });
      // A file whose header was refused holds no dataset, as one that cannot be read: under --skip-invalid
      // its measures say it could not be used, rather than count none of its rows as nothing done.
      (data as Record<DatasetName, unknown>)[source.dataset] = result.rejectedWhole ? undefined : result.records;
      outcomes.set(source, {
        dataset: source.dataset, file: source.displayName, rows: result.rows, accepted: result.accepted,
        rejected: result.rejected, warnings: result.warnings, errors: result.errors, problems: result.problems,
        omittedProblems: result.omittedProblems, fatal: false, headerRefused: result.rejectedWhole, path: source.path,
        absentColumns: result.absentColumns,
      });
      return refsNeededBy(result.refs, order.slice(position + 1).map((later) => later.dataset));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // A file read part of the way: the problem it could not be read past first, as what makes it unusable
      // (a limit on problems shown must not drop it), then those of its rows before it. Its rows stay
      // unknown, as of any file that cannot be read (none of them is used).
      const before = error.readBefore;
      outcomes.set(source, {
        dataset: source.dataset, file: source.displayName, rows: 0, accepted: 0, rejected: 0, warnings: before?.warnings ?? 0, errors: (before?.errors ?? 0) + 1,
        problems: [problemOfInputError(error), ...(before?.problems ?? [])], omittedProblems: before?.omittedProblems ?? 0, fatal: true, headerRefused: false,
        path: source.path,
      });
      return refs;
    }
  };
  for (const [position, source] of order.entries()) {
    if (!workerWaits || (incidentsRead && refs.incidents === undefined) || source === survey) startSurvey();
    refs = await readSource(source, position);
    incidentsRead ||= source.dataset === 'incidents';
    // What the file's read left, and the ids no later file is checked against, gone before the next file
    // adds its own. Large bench folder read on one thread, alternating runs: 150.1–151.8 → 142.5–150.1 MiB
    // (seven runs, median 147.5), for ~50 ms a collection.
    collect?.();
  }
  // Each dataset has a file read or one that could not be told, never both: their outcomes in dataset order.
  const unresolved = new Map(discovery.unresolved.map((u) => [u.dataset, unresolvedOutcome(options.dataDir, u)]));
  const bySource = new Map(sources.map((source) => [source.dataset, outcomes.get(source)!]));
  const files = DATASET_NAMES.flatMap((dataset) => [bySource.get(dataset) ?? unresolved.get(dataset) ?? []].flat());
  options.progress?.done();
  return { kind: 'loaded', config, data, files, notRead };
}

/** The outcome of a dataset whose file could not be told: its one problem, no row read. */
const unresolvedOutcome = (dataDir: string, { dataset, error }: UnresolvedDataset): FileOutcome => ({
  dataset, file: error.file, rows: 0, accepted: 0, rejected: 0, warnings: 0, errors: 1, problems: [problemOfInputError(error)],
  omittedProblems: 0, fatal: true, headerRefused: false, unresolved: true, path: resolve(dataDir, error.file),
});

type Settled<T> = { readonly value: T } | { readonly error: unknown };
const orThrow = <T>(settled: Settled<T>): T => {
  if ('error' in settled) throw settled.error;
  return settled.value;
};

/** The survey file, when there is a bundle to run in a worker and the file is large enough to be worth a thread. */
function surveyForWorker(sources: readonly DatasetSource[], workerScript: string | undefined): DatasetSource | undefined {
  const source = sources.find((s) => s.dataset === 'survey');
  if (workerScript === undefined || source === undefined) return undefined;
  let size: number;
  try {
    size = statSync(source.path).size;
  } catch {
    return undefined; // the reader reports what is wrong with the file
  }
  return size < WORKER_MIN_BYTES ? undefined : source;
}

export const hasErrors = (files: readonly FileOutcome[]): boolean => files.some((f) => f.errors > 0);
