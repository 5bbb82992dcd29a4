/**
 * One dataset's rows → typed records and problems. Every row is either accepted or rejected (counted,
 * never silently dropped): `rows = accepted + rejected`. A file whose headers lack a required column,
 * or hold two columns for one, is rejected whole with one file-level problem per cause.
 */
import type { Config } from '../core/config.js';
import type { DatasetName, RecordOf } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import type { RawRow } from '../core/raw-row.js';
import { createCrossChecker, type Refs } from './cross-checks.js';
import { conflictMessage, mapHeaders, missingColumnMessage, type HeaderMapping } from './headers.js';
import { DEFAULT_PROBLEM_CAP, ProblemLog } from './problem-log.js';
import { buildRowSchema, SEQUENCED_DATASETS } from './row-schema.js';

export interface DatasetValidation<D extends DatasetName> {
  readonly dataset: D;
  readonly file: string;
  readonly records: RecordOf[D][];
  /** The first `problemCap` problems (errors and warnings), in file order. */
  readonly problems: Problem[];
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Counts of all problems, kept or not. */
  readonly errors: number;
  readonly warnings: number;
  readonly omittedProblems: number;
  /** `refs` plus what this dataset contributes, for the datasets validated after it. */
  readonly refs: Refs;
}

export interface ValidateOptions {
  readonly problemCap?: number;
}

/** Maps each distinct key set once: CSV rows share one, JSON objects usually do. */
const headerMapper = (dataset: DatasetName, config: Config) => {
  let lastKeys: string[] = [];
  let lastMapping: HeaderMapping | undefined;
  const columnMap = config.datasets[dataset]?.columns;
  return (keys: string[]): HeaderMapping => {
    if (lastMapping === undefined || keys.length !== lastKeys.length || keys.some((key, i) => key !== lastKeys[i])) {
      lastKeys = keys;
      lastMapping = mapHeaders(dataset, keys, columnMap);
    }
    return lastMapping;
  };
};

export const validateDataset = async <D extends DatasetName>(
  dataset: D,
  file: string,
  rows: AsyncIterable<RawRow>,
  config: Config,
  refs: Refs = {},
  options: ValidateOptions = {},
): Promise<DatasetValidation<D>> => {
  const schema = buildRowSchema(dataset, config);
  const checker = createCrossChecker(dataset, file, refs);
  const log = new ProblemLog(file, options.problemCap ?? DEFAULT_PROBLEM_CAP);
  const mapHeadersOf = headerMapper(dataset, config);
  const records: RecordOf[D][] = [];
  const sequenced = SEQUENCED_DATASETS.has(dataset);
  let seen = 0;
  let wholeFileRejected = false;

  for await (const raw of rows) {
    seen += 1;
    if (wholeFileRejected) continue;
    const keys = Object.keys(raw.fields);
    const mapping = mapHeadersOf(keys);
    if (seen === 1 && (mapping.missing.length > 0 || mapping.conflicts.length > 0)) {
      for (const column of mapping.missing) log.add(0, column, missingColumnMessage(column, keys), 'error');
      for (const conflict of mapping.conflicts) log.add(0, conflict.column, conflictMessage(conflict), 'error');
      wholeFileRejected = true;
      continue;
    }
    if (mapping.conflicts.length > 0) {
      // A later JSON object with other keys loses only its own row (a key it lacks is an empty cell).
      for (const conflict of mapping.conflicts) log.add(raw.line, conflict.column, conflictMessage(conflict), 'error');
      continue;
    }
    const input: Record<string, unknown> = {};
    for (const [column, source] of mapping.sourceOf) input[column] = raw.fields[source];
    if (sequenced) input.seq = seen;
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) log.add(raw.line, String(issue.path[0] ?? '-'), issue.message, 'error');
      continue;
    }
    const findings = checker.checkRow(parsed.data, raw.line);
    for (const finding of findings) log.add(finding.line, finding.column, finding.message, finding.severity);
    if (!findings.some((finding) => finding.severity === 'error')) records.push(parsed.data);
  }

  for (const finding of checker.finish()) log.add(finding.line, finding.column, finding.message, finding.severity);
  const totals = log.totals;
  return {
    dataset,
    file,
    records,
    problems: log.problems,
    rows: seen,
    accepted: records.length,
    rejected: seen - records.length,
    errors: totals.errors,
    warnings: totals.warnings,
    omittedProblems: totals.omitted,
    refs: checker.refs(),
  };
};
