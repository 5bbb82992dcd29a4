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
import { discoverDatasets, type DatasetSource } from '../load/discover.js';
import { readRows } from '../load/read-rows.js';
import { validateDataset } from '../validate/index.js';
import type { Refs } from '../validate/cross-checks.js';

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

async function validateSource(source: DatasetSource, config: Config, refs: Refs) {
  const delimiter = config.datasets[source.dataset]?.delimiter;
  let headerKeys: readonly string[] | undefined;
  const rows = readRows(source, {
    ...(delimiter !== undefined ? { delimiter } : {}),
    onHeader: (header) => {
      headerKeys = header.keys;
    },
  });
  // A CSV has one header for all its records: its problems belong to line 1.
  const header = source.format === 'csv' ? { line: 1, keys: () => headerKeys } : undefined;
  return validateDataset(source.dataset, source.displayName, rows, config, refs, header ? { header } : {});
}

export async function loadInputs(options: { dataDir: string; configFlag: string | undefined; cwd: string }): Promise<LoadedInputs> {
  const loaded = await loadConfig(options.configFlag, options.dataDir, options.cwd);
  if ('problems' in loaded) return { kind: 'config-problems', problems: loaded.problems };
  const { config } = loaded;
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
  for (const source of sources) {
    try {
      const result = await validateSource(source, config, refs);
      (data as Record<DatasetName, unknown>)[source.dataset] = result.records;
      refs = result.refs;
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
  return { kind: 'loaded', config, data, files };
}

export const hasErrors = (files: readonly FileOutcome[]): boolean => files.some((f) => f.errors > 0);
