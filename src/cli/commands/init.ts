/**
 * `ops-metrics init [DIR]`: a data folder of header-only templates, one per dataset, and an example
 * config with every key explained. Existing files are never overwritten without --force. Whatever the
 * file system refuses (a file where the folder goes, no permission, a read-only disk...) is a usage
 * error that names the path and says why in words.
 */
import { lstatSync, type Stats } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_KEYS_DOC } from '../../config/index.js';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets.js';
import { entryKind, errnoCode, fileSystemReason } from '../../core/file-system-words.js';
import { UsageError } from '../../core/problems.js';
import { formatOfPath, isFileOfDataset } from '../../load/discover.js';
import { templateCsv } from '../dataset-docs.js';
import { EXIT, type ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';

export const EXAMPLE_CONFIG_NAME = 'ops-metrics.config.json';

/** The example config: valid JSON with comments (the config reader accepts `//` comments). */
export function exampleConfig(): string {
  const docs = CONFIG_KEYS_DOC.map((d) => `  // ${d.key}: ${d.meaning}${d.default !== undefined ? ` (default ${d.default})` : ''}`);
  return [
    '{',
    '  // ops-metrics configuration. Every key is optional; remove what you do not need.',
    ...docs,
    '  "timezone": "UTC",',
    '  "survey": { "minGroupSize": 5 },',
    '  "rca": { "clockStartsAt": "resolved", "hours": 48 }',
    '}',
    '',
  ].join('\n');
}

/**
 * Init's own words for two codes the shared table leaves to each caller: EEXIST is what stands where the
 * folder goes, and ENOENT reaches a message only once the parent exists (see makeFolder), so it is the
 * file system refusing the name, as /proc does.
 */
const INIT_REASONS: Readonly<Record<string, string>> = {
  EEXIST: 'a file is in the way',
  ENOENT: 'the file system does not allow new entries there',
};

/**
 * A file-system refusal met by init as a usage error: `init: <failed> <path>: <reason>`, and the path
 * the refusal was about when it is another (a parent folder). Any other error is returned unchanged.
 */
export function initFailure(failed: string, path: string, error: unknown): unknown {
  const code = errnoCode(error);
  if (code === undefined) return error;
  const refusedPath = (error as { path?: unknown }).path;
  const reason = whatStandsThere(code, typeof refusedPath === 'string' ? refusedPath : path) ??
    INIT_REASONS[code] ?? fileSystemReason(code) ?? `the system refused it (${code})`;
  const where = typeof refusedPath === 'string' && refusedPath !== path ? ` (at ${refusedPath})` : '';
  return new UsageError(`init: ${failed} ${path}: ${reason}${where}`);
}

/**
 * For EEXIST and ENOENT, what is at `path` when that is the reason: a pipe or a link in the way, or a
 * link that points to nothing (writing through it fails with ENOENT); undefined to use the usual words.
 */
function whatStandsThere(code: string, path: string): string | undefined {
  if (code !== 'EEXIST' && code !== 'ENOENT') return undefined;
  let entry: Stats;
  try {
    entry = lstatSync(path);
  } catch {
    return undefined;
  }
  if (code === 'EEXIST') return `${entryKind(entry)} is in the way`;
  return entry.isSymbolicLink() ? 'a symbolic link there points to nothing' : undefined;
}

const isFolder = (path: string): Promise<boolean> => stat(path).then((stats) => stats.isDirectory(), () => false);

/**
 * Makes the folder `dir` and any missing parent, one `mkdir` each; throws the error of the call that
 * failed. Not `mkdir(dir, { recursive: true })`: Node's takes every ENOENT for a missing parent, so under
 * /proc, which refuses a new folder with ENOENT, it makes the parent (there already) and tries again,
 * forever. Here an ENOENT once the parent is made is the answer.
 */
export async function makeFolder(dir: string, parentMade = false): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST' && (await isFolder(dir))) return;
    if (code !== 'ENOENT' || parentMade || dirname(dir) === dir) throw error;
    await makeFolder(dirname(dir));
    await makeFolder(dir, true);
  }
}

/** What is at `path` already; undefined when nothing is, or when it cannot be told (writing it then says why). */
const entryAt = (path: string): Promise<Stats | undefined> => stat(path).catch(() => undefined);

/** An entry of the folder, by name, and what it is. */
interface Present {
  readonly name: string;
  readonly entry: Stats;
}

/** A template to write, and what of its name is in the folder already. */
interface Template {
  /** The name it is written to: its own, or that of the one file of its dataset it replaces under --force. */
  readonly name: string;
  readonly text: string;
  /** The entries already there that the template would stand beside: its dataset's files, or the config. */
  readonly present: readonly Present[];
  /** Whether --force may write the template over what is present. */
  readonly replaceable: boolean;
}

/**
 * The entries of the folder a report would take for `dataset`'s file: named as its columns would be
 * matched (`Job History.csv`, `JOB_HISTORY.CSV`, `job-history.json`), as discovery does. Without a listing
 * of the folder, the template's own name only.
 */
const namesOfDataset = (names: readonly string[] | undefined, dataset: DatasetName): string[] =>
  names === undefined ? [`${dataset}.csv`] : names.filter((name) => isFileOfDataset(name, dataset)).sort();

async function presentAt(dir: string, names: readonly string[]): Promise<Present[]> {
  const present: Present[] = [];
  for (const name of names) {
    const entry = await entryAt(join(dir, name));
    if (entry !== undefined) present.push({ name, entry });
  }
  return present;
}

/**
 * --force writes a template over what is present only where it then is the one file of its dataset,
 * still read as CSV: not over a folder (it cannot be), a named pipe (writing would wait for a reader), a
 * JSON export (it would be left holding CSV), nor over one of two files (the other would still be a
 * second file of the dataset, which a report refuses).
 */
const isReplaceable = (present: readonly Present[], csv: boolean): boolean =>
  present.length === 0 || (present.length === 1 && present[0]!.entry.isFile() && (!csv || formatOfPath(present[0]!.name) === 'csv'));

/** How a present entry is named in the refusal: with what it is, or why --force leaves it, when that is not plain. */
function heldName(template: Template, held: Present): string {
  if (!held.entry.isFile()) return `${held.name} (${entryKind(held.entry)})`;
  if (template.replaceable) return held.name;
  if (template.present.length > 1) return `${held.name} (one of ${template.present.length} files for one dataset)`;
  return `${held.name} (not CSV)`;
}

export async function runInit(dir: string, options: { force: boolean }, io: Io): Promise<ExitCode> {
  if (dir === '') throw new UsageError('init: the folder name is empty');
  try {
    await makeFolder(dir);
  } catch (error) {
    throw initFailure('cannot create the folder', dir, error);
  }
  // A file a report would take for a dataset's stands for its template, whatever its exact name: a
  // template beside it would be a second file of that dataset.
  const names = await readdir(dir).catch(() => undefined);
  const templates: Template[] = [];
  for (const dataset of DATASET_NAMES) {
    const present = await presentAt(dir, namesOfDataset(names, dataset));
    const replaceable = isReplaceable(present, true);
    templates.push({ name: replaceable && present.length === 1 ? present[0]!.name : `${dataset}.csv`, text: templateCsv(dataset), present, replaceable });
  }
  // The config is found by its exact name only.
  const config = await presentAt(dir, [EXAMPLE_CONFIG_NAME]);
  templates.push({ name: EXAMPLE_CONFIG_NAME, text: exampleConfig(), present: config, replaceable: isReplaceable(config, false) });

  const held = templates.flatMap((template) => template.present.map((present) => ({ template, ...present })));
  // What even --force leaves: to be moved away by hand.
  const kept = held.filter((h) => !h.template.replaceable);
  const refused = options.force ? kept : held;
  if (refused.length > 0) {
    const listed = refused.map((h) => heldName(h.template, h));
    const only = kept.every((h) => !h.entry.isFile()) ? 'files' : 'a dataset\'s one CSV file';
    const advice = kept.length === 0 ? 'pass --force to overwrite' : `--force overwrites only ${only}: move ${kept.map((h) => h.name).join(', ')} away`;
    throw new UsageError(`init: ${dir} already holds ${listed.join(', ')}; ${advice}`);
  }
  for (const f of templates) {
    const path = join(dir, f.name);
    try {
      await writeFile(path, f.text);
    } catch (error) {
      throw initFailure('cannot write', path, error);
    }
  }
  io.out(`Wrote ${templates.length} files to ${dir}: a header-only template per dataset and ${EXAMPLE_CONFIG_NAME}.\nFill in the datasets you have (the others can be deleted), then run: ops-metrics validate --data ${dir}\n`);
  return EXIT.passed;
}
