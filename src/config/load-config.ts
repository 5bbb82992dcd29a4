/**
 * Finding and reading the config file (cli.md): `--config FILE`, else `ops-metrics.config.json` in the
 * data folder, else in the working directory, else none (the defaults). The one impure part of config.
 */
// Synchronous: a run reads the config once, before anything else, and an asynchronous read would only
// wait its turn on libuv's thread pool (started for it) for what takes microseconds.
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Config } from '../core/config.js';
import { errnoCode, whyNotRead } from '../core/file-system-words.js';
import type { Problem } from '../core/problems.js';
import { encodingProblem } from '../load/encoding.js';
import { readWholeFile } from '../load/open-input.js';
import { lineOfPath, scanJsonLines } from './json-lines.js';
import { jsonSyntaxErrorOffset, lineAndColumn } from '../load/json-syntax-error.js';
import { stripJsonComments } from './strip-comments.js';
import { defaultConfig, resolveConfig } from './resolve-config.js';

export const CONFIG_FILE_NAME = 'ops-metrics.config.json';

/** The config in force and the file it came from (undefined: none found, defaults), or its problems. */
export type LoadedConfig =
  /** `path`: where the config file was found (absent without one, or for text not read from a file). */
  | { readonly config: Config; readonly file: string | undefined; readonly path?: string | undefined }
  | { readonly problems: Problem[] };

/** Anything at `path` counts as found: a folder or a pipe of the config's name is reported, not skipped. */
const exists = (path: string): boolean => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Paths are shown relative to the working directory when they lie under it. */
const displayPath = (path: string, cwd: string): string => {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
};

const problem = (file: string, line: number, message: string): Problem => ({ file, line, column: '-', message, severity: 'error' });

/** The config file to read: the flag's, else the first discovered one, else undefined. */
export const findConfigFile = async (configFlag: string | undefined, dataDir: string, cwd: string): Promise<string | undefined> => {
  if (configFlag !== undefined) return resolve(cwd, configFlag);
  for (const candidate of [resolve(cwd, dataDir, CONFIG_FILE_NAME), resolve(cwd, CONFIG_FILE_NAME)]) {
    if (exists(candidate)) return candidate;
  }
  return undefined;
};

/**
 * Where a config breaks JSON's grammar, in words a person editing it can act on: JSON.parse's own message
 * gives a character offset and the engine's wording. The commonest slip, a comma after the last member
 * (which JavaScript allows), is named at the comma's line.
 */
function syntaxProblem(file: string, text: string): Problem {
  const offset = jsonSyntaxErrorOffset(text) ?? text.length;
  let before = offset - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  if ((text[offset] === '}' || text[offset] === ']') && text[before] === ',') {
    const { line } = lineAndColumn(text, before);
    return problem(file, line, `invalid JSON: a comma before the closing ${text[offset]} (on line ${lineAndColumn(text, offset).line}); JSON allows none after the last member, so remove it`);
  }
  const { line, column } = lineAndColumn(text, offset);
  return problem(file, line, offset >= text.length
    ? 'invalid JSON: the text ends before the JSON does (a missing } or ], or an unclosed string)'
    : `invalid JSON: syntax error at line ${line}, column ${column}`);
}

/** Parses and resolves a config text; `file` is the name used in problems. */
export const parseConfigText = (text: string, file: string): LoadedConfig => {
  const stripped = stripJsonComments(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (stripped.unclosedCommentAt !== undefined) {
    const { line } = lineAndColumn(stripped.text, stripped.unclosedCommentAt);
    return { problems: [problem(file, line, 'a /* comment is never closed: add */ where it ends (everything after it was read as comment)')] };
  }
  const withoutBom = stripped.text;
  let json: unknown;
  try {
    json = JSON.parse(withoutBom);
  } catch {
    return { problems: [syntaxProblem(file, withoutBom)] };
  }
  const scan = scanJsonLines(withoutBom);
  const lineOf = (path: string): number | undefined => (scan.ok ? lineOfPath(scan.lineOf, path) : undefined);
  const resolved = resolveConfig(json, { file, lineOf });
  const duplicates = (scan.ok ? scan.duplicates : []).map((d): Problem => ({
    file, line: d.line, column: d.path, severity: 'error',
    message: `duplicate key (first on line ${d.firstLine}); JSON keeps only the last, so give it once`,
  }));
  if (duplicates.length === 0) return 'config' in resolved ? { config: resolved.config, file } : resolved;
  return { problems: [...duplicates, ...('problems' in resolved ? resolved.problems : [])].sort((a, b) => a.line - b.line) };
};

export const loadConfig = async (configFlag: string | undefined, dataDir: string, cwd: string): Promise<LoadedConfig> => {
  const path = await findConfigFile(configFlag, dataDir, cwd);
  if (path === undefined) return { config: defaultConfig(), file: undefined };
  const file = displayPath(path, cwd);
  // Read from the descriptor that was checked: a pipe put in the file's place cannot be waited on.
  const read = readWholeFile(path);
  if ('notAFile' in read) return { problems: [problem(file, 0, `the config is ${read.notAFile}, not a file`)] };
  if ('error' in read) {
    const code = errnoCode(read.error);
    return { problems: [problem(file, 0, code === 'ENOENT' ? 'config file not found' : `cannot read the config file: ${whyNotRead(code)}`)] };
  }
  const { content: bytes } = read;
  // As for the data files: another encoding is named, not parsed into a message full of NULs.
  const encoding = encodingProblem(bytes, true);
  if (encoding !== undefined) return { problems: [problem(file, encoding.line, `${encoding.description}; only UTF-8 is read`)] };
  const parsed = parseConfigText(bytes.toString('utf8'), file);
  return 'config' in parsed ? { ...parsed, path } : parsed;
};
