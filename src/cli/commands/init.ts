/**
 * `ops-metrics init [DIR]`: a data folder of header-only templates, one per dataset, and an example
 * config with every key explained. Existing files are never overwritten without --force. Whatever the
 * file system refuses (a file where the folder goes, no permission, a read-only disk...) is a usage
 * error that names the path and says why in words.
 */
import { lstatSync, type Stats } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_KEYS_DOC } from '../../config/index.js';
import { DATASET_NAMES } from '../../core/datasets.js';
import { entryKind, errnoCode, fileSystemReason } from '../../core/file-system-words.js';
import { UsageError } from '../../core/problems.js';
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

export async function runInit(dir: string, options: { force: boolean }, io: Io): Promise<ExitCode> {
  if (dir === '') throw new UsageError('init: the folder name is empty');
  const files = [
    ...DATASET_NAMES.map((d) => ({ name: `${d}.csv`, text: templateCsv(d) })),
    { name: EXAMPLE_CONFIG_NAME, text: exampleConfig() },
  ];
  try {
    await makeFolder(dir);
  } catch (error) {
    throw initFailure('cannot create the folder', dir, error);
  }
  const held = [];
  for (const f of files) {
    const entry = await entryAt(join(dir, f.name));
    if (entry !== undefined) held.push({ name: f.name, entry });
  }
  // --force replaces files only: a folder cannot be written over, and writing to a named pipe would
  // wait for a reader.
  const notFiles = held.filter((h) => !h.entry.isFile());
  const refused = options.force ? notFiles : held;
  if (refused.length > 0) {
    const names = refused.map((h) => (h.entry.isFile() ? h.name : `${h.name} (${entryKind(h.entry)})`));
    const advice = notFiles.length === 0 ? 'pass --force to overwrite' : `--force overwrites only files: move ${notFiles.map((h) => h.name).join(', ')} away`;
    throw new UsageError(`init: ${dir} already holds ${names.join(', ')}; ${advice}`);
  }
  for (const f of files) {
    const path = join(dir, f.name);
    try {
      await writeFile(path, f.text);
    } catch (error) {
      throw initFailure('cannot write', path, error);
    }
  }
  io.out(`Wrote ${files.length} files to ${dir}: a header-only template per dataset and ${EXAMPLE_CONFIG_NAME}.\nFill in the datasets you have (the others can be deleted), then run: ops-metrics validate --data ${dir}\n`);
  return EXIT.passed;
}
