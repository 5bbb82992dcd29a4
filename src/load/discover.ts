/**
 * Finding each dataset's file in the data folder (inputs.md): by base name, matched as column names are
 * (case, spaces, `-` and `_` alike), with a `.csv`, `.json`, `.ndjson` or `.jsonl` extension (in any
 * case), or at the path the config gives it.
 */
// Synchronous, like the first read of each file (see open-input.ts): a folder listing and a few stats
// take microseconds, and an asynchronous call would wait its turn on libuv's thread pool.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { DATASET_NAMES, type DatasetName } from '../core/datasets.js';
import type { DatasetSourceConfig } from '../core/config.js';
import { errnoCode } from '../core/file-system-words.js';
import { InputError } from '../core/problems.js';
import { loadErrors } from './load-errors.js';
import { asUnreadable } from './open-input.js';
import { normaliseHeader } from '../validate/headers.js';

export const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** A dataset's file, as found. */
export interface DatasetSource {
  readonly dataset: DatasetName;
  readonly path: string;
  /** The path relative to the data folder, for messages. */
  readonly displayName: string;
  readonly format: InputFormat;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/**
 * The format of a configured path: by extension, and CSV for any other extension — a configured
 * `.tsv` or `.txt` export is delimited text (its delimiter is detected or configured).
 */
export const formatOfPath = (path: string): InputFormat => FORMAT_BY_EXTENSION[extname(path).toLowerCase()] ?? 'csv';

function listFolder(dataDir: string): string[] {
  let stats: Stats;
  try {
    stats = statSync(dataDir);
  } catch (error) {
    throw errnoCode(error) === 'ENOENT' ? loadErrors.dataDirMissing(dataDir) : asUnreadable(error, dataDir, 'folder');
  }
  if (!stats.isDirectory()) throw loadErrors.dataDirNotAFolder(dataDir);
  try {
    return readdirSync(dataDir);
  } catch (error) {
    throw asUnreadable(error, dataDir, 'folder');
  }
}

/**
 * Where a configured `path` (relative to the data folder) is, and how messages show it: relative to the
 * data folder, as it is written, except an absolute path, shown as written rather than as `../../..`, and
 * the data folder itself (`.`), which relative to itself is no name at all.
 */
const configuredPlace = (dataDir: string, configured: string): { path: string; displayName: string } => {
  const path = resolve(dataDir, configured);
  const fromDataDir = relative(dataDir, path);
  return { path, displayName: isAbsolute(configured) ? path : fromDataDir === '' ? configured : fromDataDir };
};

function configuredSource(dataDir: string, dataset: DatasetName, configured: string): DatasetSource {
  const { path, displayName } = configuredPlace(dataDir, configured);
  try {
    statSync(path);
  } catch (error) {
    throw errnoCode(error) === 'ENOENT' ? loadErrors.datasetPathMissing(dataset, displayName) : asUnreadable(error, displayName);
  }
  return { dataset, path, displayName, format: formatOfPath(path) };
}

/**
 * A file is a dataset's when its name, matched as column names are (case, spaces, `-` and `_` alike),
 * is the dataset's: `Job History.CSV` is job_history's, as a spreadsheet or an HRIS names its export.
 * `init` asks it too, so that it never writes a template beside a file that is the dataset's already.
 */
export const isFileOfDataset = (name: string, dataset: DatasetName): boolean =>
  datasetNamed(name) === dataset && FORMAT_BY_EXTENSION[extname(name).toLowerCase()] !== undefined;

/** The dataset whose name a file's base name is, whatever its extension (`Incidents.tsv` is incidents'). */
function datasetNamed(name: string): DatasetName | undefined {
  const base = normaliseHeader(name.slice(0, name.length - extname(name).length));
  return DATASET_NAMES.find((dataset) => dataset === base);
}

/** A dataset's files in the folder, by name; two or more cannot be told apart. */
const filesOfDataset = (dataset: DatasetName, entries: readonly string[]): string[] =>
  entries.filter((name) => isFileOfDataset(name, dataset)).sort();

function foundSource(dataDir: string, dataset: DatasetName, matches: readonly string[]): DatasetSource | undefined {
  if (matches.length > 1) throw loadErrors.datasetAmbiguous(dataset, matches);
  const [name] = matches;
  return name === undefined ? undefined : { dataset, path: join(dataDir, name), displayName: name, format: formatOfPath(name) };
}

/** A dataset whose file cannot be told: why, and the folder's files that stand for it (none for a configured path that is not there). */
export interface UnresolvedDataset {
  readonly dataset: DatasetName;
  readonly error: InputError;
  readonly files: readonly string[];
}

export interface Discovery {
  /** The file of each dataset that has one, in DATASET_NAMES order; a dataset without a file is left out. */
  readonly sources: DatasetSource[];
  /** The datasets whose file cannot be told (two files, a configured path that is not there), in the same order. */
  readonly unresolved: UnresolvedDataset[];
}

/**
 * The file of each dataset. A configured `path` (relative to the data folder) wins over a file found by
 * name. A data folder that cannot be listed throws its InputError; otherwise every dataset is looked at,
 * and one whose file cannot be told is `unresolved`, so the other files can still be read and checked.
 */
export async function discoverDatasets(
  dataDir: string,
  datasets: Readonly<Partial<Record<DatasetName, DatasetSourceConfig>>>,
): Promise<Discovery> {
  const entries = listFolder(dataDir);
  const sources: DatasetSource[] = [];
  const unresolved: UnresolvedDataset[] = [];
  for (const dataset of DATASET_NAMES) {
    const configured = datasets[dataset]?.path;
    const matches = configured === undefined ? filesOfDataset(dataset, entries) : [];
    try {
      const source = configured === undefined ? foundSource(dataDir, dataset, matches) : configuredSource(dataDir, dataset, configured);
      if (source !== undefined) sources.push(source);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unresolved.push({ dataset, error, files: matches });
    }
  }
  return { sources, unresolved };
}

/** Extensions of files that look like exports: a data file not read is worth a word, a README is not. */
const EXPORT_EXTENSIONS: ReadonlySet<string> = new Set([...Object.keys(FORMAT_BY_EXTENSION), '.tsv']);

/** A file of the data folder that looks like an export and that no dataset reads. */
export interface FileNotRead {
  readonly name: string;
  /**
   * When the file has a dataset's name but the config points that dataset at another file (an `init`
   * template left beside the vendor export it was pointed at): the dataset, and that other file as
   * messages show it. Such a file is not one to point a dataset at: that would drop the export.
   */
  readonly pointedAway?: { readonly dataset: DatasetName; readonly path: string };
}

/**
 * The files of the data folder that look like exports (by extension) but are no dataset's: named for none
 * (`BambooHR roster.csv`) and not configured as one's path, or named for a dataset whose configured path
 * is another file. A user who dropped an export in the folder without pointing a dataset at it is told
 * so, rather than find its measures without data. Hidden files are left out, and so are `configs`: the
 * config read, and the data folder's own config file when `--config` names another (it is a config, not
 * an export to point a dataset at). A folder that cannot be listed gives none (discoverDatasets reports it).
 */
export function filesNotRead(
  dataDir: string,
  discovery: Discovery,
  configs: readonly string[],
  datasets: Readonly<Partial<Record<DatasetName, DatasetSourceConfig>>>,
): FileNotRead[] {
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch {
    return [];
  }
  // Two files of one dataset are reported as such, not as files no dataset reads.
  const read = new Set([
    ...discovery.sources.map((source) => resolve(source.path)),
    ...discovery.unresolved.flatMap((u) => u.files.map((name) => resolve(dataDir, name))),
    ...configs.map((path) => resolve(path)),
  ]);
  return entries
    .filter((name) => !name.startsWith('.') && EXPORT_EXTENSIONS.has(extname(name).toLowerCase()) && !read.has(resolve(dataDir, name)))
    .sort()
    .map((name) => {
      const dataset = datasetNamed(name);
      // A configured path that is not there is reported on its own; the file named for it is still not read.
      const configured = dataset === undefined ? undefined : datasets[dataset]?.path;
      if (dataset === undefined || configured === undefined) return { name };
      return { name, pointedAway: { dataset, path: configuredPlace(dataDir, configured).displayName } };
    });
}
