/**
 * `ops-metrics init [DIR]`: a data folder of header-only templates, one per dataset, and an example
 * config with every key explained. Existing files are never overwritten without --force. Whatever the
 * file system refuses (a file where the folder goes, no permission, a read-only disk...) is a usage
 * error that names the path and says why in words.
 */
import { lstatSync, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_KEYS_DOC } from '../../config/index.js';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets.js';
import { entryKind, errnoCode, fileSystemReason } from '../../core/file-system-words.js';
import { UsageError } from '../../core/problems.js';
import { isFileOfDataset } from '../../load/discover.js';
import { templateCsv } from '../dataset-docs.js';
import { EXIT, type ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { shellWord } from '../shell-word.js';

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

/**
 * What is at `path` already, the link itself where one is (`lstat`): a link is never written through, as
 * one pointing to nothing would make its target, outside the folder. Undefined when nothing is, or when it
 * cannot be told (writing it then says why).
 */
const entryAt = (path: string): Promise<Stats | undefined> => lstat(path).catch(() => undefined);

/** An entry of the folder, by name, and what it is. */
interface Present {
  readonly name: string;
  readonly entry: Stats;
}

/** What --force does with a template: write it (over its own name), keep the dataset's own files instead, or nothing it may. */
type UnderForce = 'write' | 'keep' | 'blocked';

/** A template to write, and what of its dataset is in the folder already. */
interface Template {
  /** Its own name: `<dataset>.csv`, or the config's. */
  readonly name: string;
  readonly text: string;
  /** The entries already there that the template would stand beside: its dataset's files, or the config. */
  readonly present: readonly Present[];
  readonly underForce: UnderForce;
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
 * --force writes a template over a file of its own name only, when that is its dataset's one file (and
 * holds no rows, see holdsRows): what else a dataset has (`Job History.csv`, `incidents.json`, two files)
 * is the user's export, kept, and its template is not written (beside it, the template would be a second file of the dataset). Nothing is
 * written over what is not a file at the template's name: a folder cannot be, and writing to a named pipe
 * would wait for a reader.
 */
function underForce(name: string, present: readonly Present[]): UnderForce {
  if (present.some((p) => p.name === name && !p.entry.isFile())) return 'blocked';
  if (present.length === 0 || (present.length === 1 && present[0]!.name === name)) return 'write';
  return 'keep';
}

/**
 * Whether a CSV file holds a line past its header (a template holds none): a file of the template's own
 * name with data rows is an export too, which --force keeps. A file that cannot be read counts as holding
 * rows: it is not written over.
 */
async function holdsRows(path: string): Promise<boolean> {
  const SCANNED = 65_536;
  try {
    const handle = await open(path, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(SCANNED), 0, SCANNED, 0);
      if (bytesRead === SCANNED) return true;
      return buffer.subarray(0, bytesRead).toString('utf8').split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').length > 1;
    } finally {
      await handle.close();
    }
  } catch {
    return true;
  }
}

const listOf = (names: readonly string[]): string => names.join(', ');

/** Whether the file at `path` holds exactly `text` (the example config as init writes it); false when it cannot be read. */
async function holdsText(path: string, text: string): Promise<boolean> {
  try {
    return (await readFile(path, 'utf8')) === text;
  } catch {
    return false;
  }
}

/** What --force keeps: datasets' own files (named), and whether the config is the user's. */
const keptUnderForce = (held: ReadonlyArray<Present & { readonly template: Template }>): { files: string[]; config: boolean } => ({
  files: held.filter((h) => h.template.underForce === 'keep' && h.template.name !== EXAMPLE_CONFIG_NAME).map((h) => h.name),
  config: held.some((h) => h.template.underForce === 'keep' && h.template.name === EXAMPLE_CONFIG_NAME),
});

/** Why init stops: what is there, and what --force would do with it. */
function refusal(dir: string, held: ReadonlyArray<Present & { readonly template: Template }>, force: boolean): string {
  const blocked = held.filter((h) => h.template.underForce === 'blocked' && h.name === h.template.name);
  if (blocked.length > 0) {
    const listed = (force ? blocked : held).map((h) => (h.entry.isFile() ? h.name : `${h.name} (${entryKind(h.entry)})`));
    return `init: ${dir} already holds ${listOf(listed)}; --force overwrites only files: move ${listOf(blocked.map((h) => h.name))} away`;
  }
  const overwritten = held.filter((h) => h.template.underForce === 'write').map((h) => h.name);
  const { files: kept, config: configKept } = keptUnderForce(held);
  const would = [
    ...(overwritten.length > 0 ? [`overwrite ${listOf(overwritten)}`] : []),
    ...(kept.length > 0 ? [`keep ${listOf(kept)} (its dataset's own file${kept.length === 1 ? '' : 's'}) and write the other templates`] : []),
    ...(configKept ? [`keep ${EXAMPLE_CONFIG_NAME} (yours, not the example)`] : []),
  ];
  return `init: ${dir} already holds ${listOf(held.map((h) => h.name))}; pass --force to ${would.join(', and ')}`;
}

/**
 * A template left as written is read as its dataset's export of nothing: its measures and red flags
 * count zero (0 improvements trips no_improvements), where a dataset without a file has no data.
 */
const TEMPLATES_TO_FILL_OR_DELETE =
  'Fill in the templates of the data you have, and delete the others: a template left empty is read as nothing happened ' +
  '(0 improvements, 0 trainings), which can trip red flags and fail the gate; a deleted one leaves its measures with no data.';

export async function runInit(dir: string, options: { force: boolean }, io: Io): Promise<ExitCode> {
  // Blank as --data's value is refused (a shell variable never set, quoted): a folder named " " is no one's wish.
  if (dir.trim() === '') throw new UsageError('init: the folder name is empty');
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
    const name = `${dataset}.csv`;
    const present = await presentAt(dir, namesOfDataset(names, dataset));
    let force = underForce(name, present);
    if (force === 'write' && present.length === 1 && (await holdsRows(join(dir, name)))) force = 'keep';
    templates.push({ name, text: templateCsv(dataset), present, underForce: force });
  }
  // The config is found by its exact name only. One that is not the example is the user's, kept by --force:
  // writing the example over it would lose every preset, path and mapping in it.
  const config = await presentAt(dir, [EXAMPLE_CONFIG_NAME]);
  let configForce = underForce(EXAMPLE_CONFIG_NAME, config);
  if (configForce === 'write' && config.length === 1 && !(await holdsText(join(dir, EXAMPLE_CONFIG_NAME), exampleConfig()))) configForce = 'keep';
  templates.push({ name: EXAMPLE_CONFIG_NAME, text: exampleConfig(), present: config, underForce: configForce });

  const held = templates.flatMap((template) => template.present.map((present) => ({ template, ...present })));
  if (held.length > 0 && (!options.force || templates.some((t) => t.underForce === 'blocked'))) {
    throw new UsageError(refusal(dir, held, options.force));
  }
  const written = templates.filter((t) => t.underForce === 'write');
  for (const f of written) {
    const path = join(dir, f.name);
    try {
      // Where nothing was, nothing may have come since: 'wx' fails rather than write through what did.
      await writeFile(path, f.text, { flag: f.present.length === 0 ? 'wx' : 'w' });
    } catch (error) {
      throw initFailure('cannot write', path, error);
    }
  }
  const { files: kept, config: configKept } = keptUnderForce(held);
  // Under --force with an export of every dataset, no template is written: none to fill or delete.
  const templatesLeft = written.some((f) => f.name !== EXAMPLE_CONFIG_NAME);
  const writtenKinds = [...(templatesLeft ? ['header-only templates'] : []), ...(configKept ? [] : [EXAMPLE_CONFIG_NAME])].join(' and ');
  const templatesWritten = written.length === templates.length
    ? `a header-only template per dataset and ${EXAMPLE_CONFIG_NAME}`
    : [
        ...(writtenKinds === '' ? [] : [writtenKinds]),
        ...(kept.length > 0 ? [`kept ${listOf(kept)}, whose dataset${kept.length === 1 ? ' has' : 's have'} no template written`] : []),
        ...(configKept ? [`kept ${EXAMPLE_CONFIG_NAME}, which is yours (not the example config)`] : []),
      ].join('; ');
  io.out(`Wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${dir}: ${templatesWritten}.\n` +
    `${templatesLeft ? `${TEMPLATES_TO_FILL_OR_DELETE}\nThen run` : 'Run'}: ops-metrics validate --data ${shellWord(dir)}\n`);
  return EXIT.passed;
}
