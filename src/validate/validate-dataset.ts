/**
 * One dataset's rows → typed records and problems. Every row is either accepted or rejected (counted,
 * never silently dropped): `rows = accepted + rejected`. A file whose headers lack a required column,
 * or hold two columns for one, is rejected whole with one file-level problem per cause.
 */
import type { Config } from '../core/config.js';
import { DATASETS, type ColumnSpec, type DatasetName, type DatasetRecords, type RecordOf } from '../core/datasets.js';
import { ReadStoppedAt, withReadBefore, type Problem } from '../core/problems.js';
import type { RawRow } from '../core/raw-row.js';
import { rowDefectProblems, type LoadedRow } from '../load/loaded-row.js';
import { createCrossChecker, type Refs } from './cross-checks.js';
import { conflictMessage, mapHeaders, missingColumnMessage, repeatedHeaderConflicts, type HeaderMapping } from './headers.js';
import { DEFAULT_PROBLEM_CAP, hasError, ProblemLog, type Finding } from './problem-log.js';
import { recordSink } from './record-sink.js';
import type { StringPool } from './string-pool.js';
import { buildCellReader, buildRowSchema, SEQUENCED_DATASETS } from './row-schema.js';
import { canonicalRowReader, type CanonicalRowReader } from './canonical-row.js';
import { watchUnusedQuestions } from './unused-questions.js';
import { watchSurveyWaves } from './survey-waves.js';
import { watchUnmappedTitles } from './unmapped-titles.js';
import { watchAutomationCourses } from './automation-courses.js';

export interface DatasetValidation<D extends DatasetName> {
  readonly dataset: D;
  readonly file: string;
  /** The accepted records; survey answers come folded (see SurveySummary). */
  readonly records: DatasetRecords<D>;
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
  /** Its header was refused (a required column missing, two columns meaning one): no row could be read. */
  readonly rejectedWhole: boolean;
  /**
   * The dataset's optional columns the file does not have: in no header, no record's keys, no column a
   * preset reads. Each is unknown for every row, where an empty cell is known to be absent (see
   * MeasureDefinition.needsColumns).
   */
  readonly absentColumns: readonly string[];
}

export interface ValidateOptions {
  readonly problemCap?: number;
  /** False when only the findings matter (`validate`): records are checked and counted, not kept. */
  readonly keepRecords?: boolean;
  /**
   * Makes kept records compact (see recordSink): shared by the datasets of one run, so an employee id
   * read in every file is held once.
   */
  readonly pool?: StringPool;
  /** With a pool: whether a record is within the run's reach; those it refuses are set aside (see recordSink). */
  readonly inReach?: (record: never) => boolean;
  /**
   * For files with one header for every record (CSV): the header's line, where a missing or doubled
   * column is reported, and the header's keys once it has been read (so a header-only file is checked
   * too). Without it each record stands alone (JSON, NDJSON): a key it lacks is absent (reported as "found nothing" where required).
   */
  readonly header?: {
    readonly line: number;
    readonly keys: () => readonly string[] | undefined;
    /** Columns whose header repeats an earlier one's (see load/csv-header.ts): first key → the others' keys. */
    readonly repeats?: () => ReadonlyMap<string, readonly string[]> | undefined;
  };
  /**
   * For a file read through a preset: its header's columns that mean one column (known once the first
   * row has come, or the rows have ended), which reject the whole file at `line`, as a doubled column
   * of a canonical header does.
   */
  readonly headerConflicts?: { readonly line: number; readonly conflicts: () => HeaderMapping['conflicts'] };
}

/** How one key set is read: its header mapping and the reader of its rows' canonical cells. */
interface RowLayout {
  readonly keys: readonly string[];
  readonly mapping: HeaderMapping;
  readonly read: CanonicalRowReader;
}

/**
 * Lays out each distinct key set once: CSV rows share one, JSON objects usually do. `columnsSeen` gathers
 * the canonical columns of every layout made.
 */
const layoutCache = (dataset: DatasetName, config: Config, columnsSeen: Set<string>) => {
  let last: RowLayout | undefined;
  const columnMap = config.datasets[dataset]?.columns;
  const sequenced = SEQUENCED_DATASETS.has(dataset);
  return (keys: readonly string[]): RowLayout => {
    if (last === undefined || !sameKeys(keys, last.keys)) {
      const mapping = mapHeaders(dataset, keys, columnMap);
      for (const column of mapping.sourceOf.keys()) columnsSeen.add(column);
      for (const { column } of mapping.conflicts) columnsSeen.add(column);
      last = { keys, mapping, read: canonicalRowReader(mapping.sourceOf, sequenced) };
    }
    return last;
  };
};

/** The dataset's optional columns not among `columnsSeen` (a file's, or what its preset says the file gives). */
export const optionalColumnsAbsent = (dataset: DatasetName, columnsSeen: ReadonlySet<string>): string[] =>
  Object.entries(DATASETS[dataset].columns as Record<string, ColumnSpec>)
    .filter(([column, spec]) => !spec.required && !columnsSeen.has(column))
    .map(([column]) => column);

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const hasFields = (fields: Readonly<Record<string, unknown>>): boolean => {
  for (const _key in fields) return true;
  return false;
};

const error = (line: number, column: string, message: string): Finding => ({ line, column, message, severity: 'error' });

/**
 * The first row's keys are the file's header: a missing or doubled column condemns the whole file, and
 * so does a column whose name the header gives twice (`repeated`).
 */
const headerFindings = (mapping: HeaderMapping, keys: readonly string[], line: number, repeated: HeaderMapping['conflicts']): Finding[] => [
  ...mapping.missing.map((column) => error(line, column, missingColumnMessage(column, keys))),
  ...[...mapping.conflicts, ...repeated].map((conflict) => error(line, conflict.column, conflictMessage(conflict))),
];

export const validateDataset = async <D extends DatasetName>(
  dataset: D,
  file: string,
  rows: AsyncIterable<RawRow> | AsyncIterable<readonly RawRow[]>,
  config: Config,
  refs: Refs = {},
  options: ValidateOptions = {},
): Promise<DatasetValidation<D>> => {
  const schema = buildRowSchema(dataset, config);
  const checker = createCrossChecker(dataset, file, refs);
  const readCheckedCells = buildCellReader(dataset, config, checker.columns);
  const log = new ProblemLog(file, options.problemCap ?? DEFAULT_PROBLEM_CAP);
  const columnsSeen = new Set<string>();
  const layoutOf = layoutCache(dataset, config, columnsSeen);
  const repeatedHeaders = (): HeaderMapping['conflicts'] =>
    repeatedHeaderConflicts(dataset, options.header?.repeats?.() ?? new Map(), config.datasets[dataset]?.columns);
  const sink = recordSink(dataset, config, options.keepRecords ?? true, options.pool, options.inReach as ((record: RecordOf[D]) => boolean) | undefined);
  const unusedQuestion = dataset === 'survey' ? watchUnusedQuestions() : undefined;
  const surveyWave = dataset === 'survey' ? watchSurveyWaves(file) : undefined;
  // The column whose text the level map reads: a title, or a survey respondent's level.
  const levelColumn = dataset === 'survey' ? 'respondent_level' : 'title' in DATASETS[dataset].columns ? 'title' : undefined;
  const unmappedTitles = levelColumn === undefined ? undefined : watchUnmappedTitles(levelColumn, config);
  const automationCourses = dataset === 'trainings' ? watchAutomationCourses(config) : undefined;
  /**
   * The key and references of a row two of whose keys mean one column, read as those of a row with a bad
   * value are (see buildCellReader). A checked column two keys mean is read only when those that hold an
   * id hold the same one (an empty or null key holds none): then the row's key is known. When they
   * differ, which is the row's key cannot be told, and it is left out rather than guessed: a guess would
   * make a later row with that id a duplicate, and the answer would change as the row is mended by
   * keeping the other key. A reference to either id then says it
   * is not in the file, beside the conflict reported on this row.
   */
  const checkedCellsOfConflict = (mapping: HeaderMapping, input: Readonly<Record<string, unknown>>, fields: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    // `input` may be the fields themselves (canonical keys, see canonicalRowReader), holding a
    // conflicting column under its own name: each checked column in conflict is set here, or left out.
    const cells = readCheckedCells(input);
    for (const { column, sources } of mapping.conflicts) {
      if (!checker.columns.includes(column)) continue;
      // An empty or null key holds no id: it takes nothing from the one the other key holds.
      const ids = sources.map((source) => readCheckedCells({ [column]: fields[source] })[column]).filter((id) => id !== undefined);
      if (ids.length > 0 && ids.every((id) => id === ids[0])) cells[column] = ids[0];
      else delete cells[column];
    }
    return cells;
  };
  // Every record of a file with one header has the header's keys (a record with more or fewer fields
  // comes as a defect): its layout is made from the first record's keys and kept for all.
  const oneHeader = options.header !== undefined;
  let layout: RowLayout | undefined;
  let accepted = 0;
  let seen = 0;
  let wholeFileRejected = false;

  // Rows come one by one or in batches (see readRowBatches); a batch is looped over synchronously,
  // which spares the async step per row.
  // A file that cannot be read past some point (a misplaced quote) ends the loop; the problems of the rows
  // before it come out with that one (see RowsReadBefore).
  let unreadable: ReadStoppedAt | undefined;
  async function* untilUnreadable<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
    try {
      yield* source;
    } catch (error) {
      if (!(error instanceof ReadStoppedAt)) throw error;
      unreadable = error;
    }
  }
  for await (const item of untilUnreadable(rows as AsyncIterable<LoadedRow | readonly LoadedRow[]>)) {
    const batch: readonly LoadedRow[] = Array.isArray(item) ? item : [item as LoadedRow];
    for (const raw of batch) {
      seen += 1;
      if (wholeFileRejected) continue; // still counted: every row is accepted or rejected
      // The header is judged at the first row of any kind: a first row with a defect must not hide it.
      if (seen === 1 && options.header !== undefined) {
        const keys = options.header.keys() ?? Object.keys(raw.fields);
        const fileFindings = headerFindings(layoutOf(keys).mapping, keys, options.header.line, repeatedHeaders());
        if (fileFindings.length > 0) {
          log.addAll(fileFindings);
          wholeFileRejected = true;
          checker.rejectWholeFile(options.header.line);
          continue;
        }
      }
      if (seen === 1 && options.headerConflicts !== undefined) {
        const { line, conflicts } = options.headerConflicts;
        const fileFindings = conflicts().map((conflict) => error(line, conflict.column, conflictMessage(conflict)));
        if (fileFindings.length > 0) {
          log.addAll(fileFindings);
          wholeFileRejected = true;
          checker.rejectWholeFile(line);
          continue;
        }
      }
      if (raw.defect !== undefined) {
        log.addAll(rowDefectProblems(file, raw.line, raw.defect).map((problem) => error(problem.line, problem.column, problem.message)));
        // A record that gives a key twice has the fields JSON.parse made (unless a preset could not map
        // them): it is rejected, and read on for its other problems as a row with a bad value is. The
        // other defects leave no fields to read.
        if (raw.defect.kind !== 'repeated_keys' || !hasFields(raw.fields)) continue;
      }
      const unread = raw.unreadSource;
      for (const problem of unread?.problems ?? []) log.add(error(raw.line, problem.column, problem.message));
      if (layout === undefined || !oneHeader) layout = layoutOf(Object.keys(raw.fields));
      const { mapping, read } = layout;
      if (mapping.conflicts.length > 0) {
        // A later JSON object with other keys loses only its own row (a key it lacks is absent, as an empty cell is).
        log.addAll(mapping.conflicts.map((conflict) => error(raw.line, conflict.column, conflictMessage(conflict))));
        // Its key and references too, as for a row with a bad value: a reference to its key then says
        // the row was rejected, and a later row with its key is a duplicate.
        log.addAll(checker.checkRejectedRow(checkedCellsOfConflict(mapping, read(raw.fields, seen), raw.fields), raw.line));
        continue;
      }
      if (raw.conflicts !== undefined && raw.conflicts.length > 0) {
        // The same, found by a preset in the source record: it has kept a column in conflict only where
        // its keys agree, so its fields give the row's key and references as they do here.
        log.addAll(raw.conflicts.map((conflict) => error(raw.line, conflict.column, conflictMessage(conflict))));
        log.addAll(checker.checkRejectedRow(readCheckedCells(read(raw.fields, seen)), raw.line));
        continue;
      }
      const input = read(raw.fields, seen);
      const parsed = schema.safeParse(input);
      if (!parsed.success || raw.defect !== undefined || unread !== undefined) {
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => error(raw.line, String(issue.path[0] ?? '-'), issue.message));
          // The columns an unread source fills are said by its problem, not one by one.
          log.addAll(unread === undefined ? issues : issues.filter((issue) => !unread.fills.includes(issue.column)));
        }
        // Its key and references too, so all of the row's problems come out at once.
        log.addAll(checker.checkRejectedRow(readCheckedCells(input), raw.line));
        continue;
      }
      const findings = checker.checkRow(parsed.data, raw.line);
      if (findings.length > 0) {
        log.addAll(findings);
        if (hasError(findings)) continue;
      }
      const questionWarning = unusedQuestion?.((parsed.data as RecordOf['survey']).question_id, raw.line, input.question_id);
      if (questionWarning !== undefined) log.add(questionWarning);
      surveyWave?.((parsed.data as RecordOf['survey']).wave, raw.line);
      if (unmappedTitles !== undefined) {
        const level = levelColumn === 'title' ? (parsed.data as { level?: string }).level : (parsed.data as RecordOf['survey']).respondent_level;
        if (level === 'other') unmappedTitles.note(input[levelColumn!], raw.line);
      }
      automationCourses?.note((parsed.data as RecordOf['trainings']).course, raw.line);
      sink.add(parsed.data);
      accepted += 1;
    }
  }
  if (unreadable !== undefined) {
    const totals = log.totals;
    throw withReadBefore(unreadable, { errors: totals.errors, warnings: totals.warnings, problems: log.problems, omittedProblems: totals.omitted });
  }

  const headerKeys = seen === 0 ? options.header?.keys() : undefined;
  if (headerKeys !== undefined) {
    const fileFindings = headerFindings(layoutOf(headerKeys).mapping, headerKeys, options.header!.line, repeatedHeaders());
    log.addAll(fileFindings);
    wholeFileRejected ||= hasError(fileFindings);
  }
  if (seen === 0 && options.headerConflicts !== undefined) {
    const { line, conflicts } = options.headerConflicts;
    const fileFindings = conflicts().map((conflict) => error(line, conflict.column, conflictMessage(conflict)));
    log.addAll(fileFindings);
    wholeFileRejected ||= fileFindings.length > 0;
  }
  if (unmappedTitles !== undefined) log.addAll(unmappedTitles.finish());
  if (automationCourses !== undefined) log.addAll(automationCourses.finish());
  log.addAll(checker.finish());
  sink.seal();
  const totals = log.totals;
  return {
    dataset,
    file,
    records: sink.records,
    problems: log.problems,
    rows: seen,
    accepted,
    rejected: seen - accepted,
    errors: totals.errors,
    warnings: totals.warnings,
    omittedProblems: totals.omitted,
    refs: checker.refs(),
    rejectedWhole: wholeFileRejected,
    // With no row and no header, nothing says which columns the file has: none is taken as absent.
    absentColumns: columnsSeen.size === 0 ? [] : optionalColumnsAbsent(dataset, columnsSeen),
  };
};
