/**
 * What `validate` prints (and `report` prints on invalid input): every problem as
 * `file:line: column: message` — the first 50 of each file, then how many more — and a per-dataset summary.
 * `--max-problems N` shows N a file instead (0: every one).
 */
import { basename, extname } from 'node:path';
import { formatProblem, type Problem } from '../core/problems.js';
import { displayWidth, padEndToWidth, padStartToWidth } from '../reporters/display-width.js';
import { formatRejected } from '../reporters/format-values.js';
import { lineStartText } from '../reporters/escape.js';
import { jsonInert, plainText } from '../reporters/text.js';
import { normaliseHeader } from '../validate/headers.js';
import { DEFAULT_PROBLEM_CAP } from '../validate/index.js';
import type { FileNotRead } from '../load/discover.js';
import type { FileOutcome } from './load-inputs.js';
import { missingColumnLine, type MissingColumn } from './missing-columns.js';

export const PROBLEMS_SHOWN_PER_FILE = 50;
/** What validate's JSON shows of each file by default. */
export const PROBLEMS_IN_JSON_PER_FILE = DEFAULT_PROBLEM_CAP;

/**
 * From `--max-problems` (undefined when not given; 0 for all): how many problems of a file are shown,
 * and how many are kept while it is read, which is at least the default, so that counting the rest costs
 * no memory beyond it. Every one means every one kept: a broken export of a million rows then holds a
 * million messages, which the user asked for.
 */
export function problemLimits(maxProblems: number | undefined, shownByDefault: number): { shown: number; kept: number } {
  if (maxProblems === 0) return { shown: Infinity, kept: Infinity };
  return { shown: maxProblems ?? shownByDefault, kept: Math.max(maxProblems ?? 0, shownByDefault, DEFAULT_PROBLEM_CAP) };
}

/**
 * Problem text comes from the files (values, headers, file names): it is printed as plain single-line
 * text, its control characters shown (␀, ␛, `\x9b`) so the value quoted is the one in the file. The line
 * starts with the file's name, which a config may make anything: a name starting with `::`
 * (`::error title=x::y.csv`) would start a workflow command in a CI log, so it is shown as the reports show
 * one (lineStartText), as is the summary's row of that file.
 */
export const problemLine = (p: Problem): string => lineStartText(plainText(formatProblem(p)));

export function problemLines(files: readonly FileOutcome[], perFile = PROBLEMS_SHOWN_PER_FILE): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const shown = file.problems.slice(0, perFile);
    // One at a time: spread as arguments, a million problems (--max-problems 0) overflow the stack.
    for (const problem of shown) lines.push(problemLine(problem));
    const more = file.errors + file.warnings - shown.length;
    if (more > 0) {
      // Errors may hide behind warnings shown before them: say how many, and how to see them.
      const errors = file.errors - shown.filter((p) => p.severity === 'error').length;
      const which = errors === 0 ? 'all warnings' : errors === more ? (more === 1 ? 'an error' : 'all errors') : `${errors} of them error${errors === 1 ? '' : 's'}`;
      lines.push(`${lineStartText(plainText(file.file))}: … and ${more} more problem${more === 1 ? '' : 's'} not shown (${which}; --max-problems 0 shows every one)`);
    }
  }
  return lines;
}

/**
 * The file as the summary names it: with its dataset after it when its name does not say it
 * (`exports/pd.csv (incidents)`), as a file found by its name (`people.csv`) does.
 */
const fileAndDataset = (f: FileOutcome): string => {
  const name = basename(f.file, extname(f.file));
  return normaliseHeader(name) === f.dataset ? plainText(f.file) : `${plainText(f.file)} (${f.dataset})`;
};

/**
 * Each file and its counts; columns as wide as their widest cell, in terminal columns. A dataset column
 * beside each file would repeat its name and take the summary of the demo's folder past 80 columns.
 */
export function summaryTable(files: readonly FileOutcome[]): string {
  const header = ['file', 'rows', 'accepted', 'rejected', 'warnings'];
  const rows = files.map((f) => [fileAndDataset(f), String(f.rows), String(f.accepted), f.unresolved === true ? 'not read' : formatRejected({ rejected: f.rejected, unreadable: f.fatal }), String(f.warnings)]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: readonly string[]) =>
    lineStartText(cells.map((c, i) => (i >= 1 ? padStartToWidth(c, widths[i]!) : padEndToWidth(c, widths[i]!))).join('  ').trimEnd());
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * The lines naming the files of the data folder no dataset reads, none when there are none: an export
 * dropped in the folder without a dataset pointed at it would otherwise go unmentioned. A file with a
 * dataset's name whose dataset the config points elsewhere is told so on its own line: asked to point a
 * dataset at it, a user would trade the vendor export for the template `init` left beside it.
 */
export function notReadLines(notRead: readonly FileNotRead[]): string[] {
  const unnamed = notRead.filter((file) => file.pointedAway === undefined).map((file) => plainText(file.name));
  const lines = unnamed.length === 0
    ? []
    : [`Not read, as no dataset has its name: ${unnamed.join(', ')} ` +
      '(rename it, or point a dataset at it: { "datasets": { "<dataset>": { "path": "<file>", "preset": "..." } } })'];
  for (const { name, pointedAway } of notRead) {
    if (pointedAway === undefined) continue;
    lines.push(`${plainText(name)} is not read: datasets.${pointedAway.dataset}.path points to ${plainText(pointedAway.path)} (delete it if it is an unused template)`);
  }
  return lines;
}

export function validationText(files: readonly FileOutcome[], perFile = PROBLEMS_SHOWN_PER_FILE, notRead: readonly FileNotRead[] = [], missing: readonly MissingColumn[] = []): string {
  const errors = files.reduce((sum, f) => sum + f.errors, 0);
  const warnings = files.reduce((sum, f) => sum + f.warnings, 0);
  const verdict =
    files.length === 0
      ? 'No dataset files found in the data folder (see `ops-metrics schema` for their names).'
      : errors === 0
        ? `Valid: ${files.length} file${files.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`
        : `Invalid: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`;
  const problems = problemLines(files, perFile);
  const notes = [...notReadLines(notRead), ...missing.map((m) => plainText(missingColumnLine(m)))];
  return [...problems, ...(problems.length > 0 ? [''] : []), summaryTable(files), '', ...notes, ...(notes.length > 0 ? [''] : []), verdict, ''].join('\n');
}

export function validationJson(files: readonly FileOutcome[], perFile = PROBLEMS_IN_JSON_PER_FILE, notRead: readonly FileNotRead[] = [], missing: readonly MissingColumn[] = []): string {
  const ok = files.every((f) => f.errors === 0);
  const body = {
    ok,
    datasets: files.map((f) => ({
      dataset: f.dataset, file: f.file, rows: f.rows, accepted: f.accepted, rejected: f.rejected, errors: f.errors,
      warnings: f.warnings, unreadable: f.fatal, omittedProblems: f.errors + f.warnings - Math.min(f.problems.length, perFile),
      problems: f.problems.slice(0, perFile).map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, message: p.message })),
    })),
    notRead: notRead.map((file) => file.name),
    missingColumns: missing.map(({ dataset, file, column, measures }) => ({ dataset, file, column, measures })),
  };
  return `${jsonInert(JSON.stringify(body, null, 2))}\n`;
}
