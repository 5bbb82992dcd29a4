/**
 * File-level warnings a preset's transform makes while rows stream through (dates no format reads,
 * answers scored on another scale than the config's, a priority no one mapped): collected, then shown
 * with the file's problems.
 */
import type { DatasetName } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import { columnsSnippet, configSnippet } from './mismatch.js';
import { dateFormatAdvice, dateFormatHints } from './date-format-hint.js';
import { swappedDayMonth } from './day-month.js';
import type { RowWatch } from './preset.js';

/** A column read from the first of a repeated header's columns (see repeated-headers.ts). */
export interface RepeatedRead {
  readonly column: string;
  /** The header as the file names it, and how many columns have that name. */
  readonly header: string;
  readonly columns: number;
  /** The sources the preset reads before this header: filling one chooses the value. */
  readonly readFirst: readonly string[];
  /** The header's line, where the warning is given. */
  readonly line: number;
}

export interface PresetNotes {
  /** A date or time cell no format of the preset (or `dateFormat`) reads; noted once per column. */
  readonly dateMiss: (column: string, line: number, text: string) => void;
  /** The export has no priority and the user has not said which value is P1: `why`, and the config that does. */
  readonly priorityUnmapped: (line: number, why: string, fix: Readonly<Record<string, unknown>>) => void;
  /** A row a preset's watch counts (see DatasetLayout.watches): said once per watch and file. */
  readonly watched: (watch: RowWatch, line: number, example: string) => void;
  /** A row whose export gives no priority, read as unknown (see DatasetLayout.priorityFallback): counted, and said once per file. */
  readonly priorityMissing: (line: number, why: string, fix: Readonly<Record<string, unknown>>) => void;
  /**
   * A date or time cell a preset's own format read whose day and month come first as numbers, in the
   * order `format` gives them (`MM/dd/yyyy`): watched for a file none of whose dates shows that order.
   */
  readonly dateRead: (column: string, line: number, text: string, format: string) => void;
  /** A record the preset's filter leaves out (see DatasetLayout.keep): counted, and said once per file. */
  readonly leftOut: (line: number, what: string | undefined) => void;
  /** A row with a value in a repeated header's later column, which is not read: counted, and said once per header. */
  readonly moreValues: (read: RepeatedRead, line: number, value: string) => void;
  readonly add: (problem: Problem) => void;
  readonly list: () => readonly Problem[];
}

/** Text that the validator reads as ISO 8601 needs no format: it is not a miss. */
const LOOKS_ISO = /^\d{4}-\d{2}-\d{2}/;

/** `trailingZoneName`: the preset's rule reads a zone name after the time (see DateRule), which a suggested format may rely on. */
export function createPresetNotes(file: string, dataset: DatasetName, preset: string, formats: () => readonly string[], trailingZoneName = false): PresetNotes {
  const problems: Problem[] = [];
  const missed = new Set<string>();
  // Per reason (the preset's filter, or a reference to a record left out of another file): how many, and where first.
  const leftOut = new Map<string | undefined, { count: number; line: number }>();
  // Day and month read as two leading numbers: a file whose every date has a day of 12 or less reads as
  // well the other way round, and the preset's order is then a guess the user must confirm.
  let dayMonth: { dayAbove12: boolean; example?: { column: string; line: number; text: string; format: string } } = { dayAbove12: false };
  // A date the preset's order could not read that reads the other way round ("31/08/2020" for MM/dd/yyyy):
  // its own warning gives that order, and "no date has a day above 12" would be untrue.
  let otherOrderSeen = false;
  const dayMonthWarning = (): Problem[] => {
    const example = dayMonth.example;
    if (dayMonth.dayAbove12 || otherOrderSeen || example === undefined) return [];
    const monthFirst = example.format.startsWith('M');
    return [{
      file, line: example.line, column: example.column, severity: 'warning',
      message: `no date in this file has a day above 12, so each (like "${example.text}") reads ${monthFirst ? 'day first' : 'month first'} as well: ` +
        `preset "${preset}" reads them ${monthFirst ? 'month' : 'day'} first ("${example.format}"); if the export writes the ${monthFirst ? 'day' : 'month'} first, ` +
        `set "datasets": { "${dataset}": { "dateFormat": "${swappedDayMonth(example.format)}" } }`,
    }];
  };
  const watched = new Map<RowWatch, { count: number; line: number; example: string }>();
  const watchWarnings = (): Problem[] =>
    [...watched].map(([watch, { count, line, example }]) => ({ file, line, column: watch.column, severity: 'warning', message: watch.message(count, example) }));
  // Per reason (no priority and the stand-in's P1 unsaid; no priority and no stand-in either).
  const priorityMissing = new Map<string, { count: number; line: number; fix: Readonly<Record<string, unknown>> }>();
  const priorityMissingWarnings = (): Problem[] =>
    [...priorityMissing].map(([why, { count, line, fix }]) => {
      const rows = count === 1 ? '1 incident, on this line,' : `${count} incidents, the first on this line,`;
      return {
        file, line, column: 'priority', severity: 'warning',
        message: `${rows} ${count === 1 ? 'has' : 'have'} no priority: ${why}. Until then ${count === 1 ? 'its' : 'their'} priority is unknown, ` +
          `and the P1 measures (p1_rca_48h, p1_unresolved) are not computed, since any of them could be a P1. Add to the config: ${configSnippet(fix)}`,
      };
    });
  const moreValues = new Map<RepeatedRead, { count: number; line: number; value: string }>();
  /** One warning per repeated header read: the rows whose later columns hold a value no figure counts. */
  const moreValuesWarnings = (): Problem[] =>
    [...moreValues].map(([read, { count, line, value }]) => {
      const one = count === 1;
      const choose = read.readFirst.length > 0
        ? `fill ${read.readFirst.map((name) => `"${name}"`).join(' or ')}, which the preset reads first`
        : `map a column of one value to it in the config: ${columnsSnippet(dataset, [{ column: read.column, lookedFor: [] }])}`;
      const times = read.columns === 2 ? 'twice' : `${read.columns} times`;
      const rows = one ? `1 row has another value, on line ${line}` : `${count} rows have another value, the first on line ${line}`;
      return {
        file, line: read.line, column: read.column, severity: 'warning',
        message: `the header "${read.header}" is given ${times} (one value a column) and preset "${preset}" reads ${read.column} from the first only: ` +
          `${rows} ("${value}"), which ${one ? 'counts' : 'count'} in no figure. To choose the ${read.column} of such ${one ? 'a row' : 'rows'}, ${choose}`,
      };
    });
  /** The summary of the records left out, one per reason: a record that counts in no figure is never left out unsaid. */
  const leftOutWarnings = (): Problem[] =>
    [...leftOut].map(([what, { count, line }]) => ({
      file, line, column: '-', severity: 'warning',
      message: `${count} ${count === 1 ? 'record' : 'records'} left out by preset "${preset}" (${what ?? 'its filter'}), ` +
        (count === 1 ? `on this line: it is not a row of ${dataset} and counts in no figure` : `the first on this line: they are not rows of ${dataset} and count in no figure`),
    }));
  return {
    dateMiss(column, line, text) {
      if (LOOKS_ISO.test(text.trim())) return;
      const hints = dateFormatHints(text, formats(), trailingZoneName);
      // Said once per column for each kind of miss: a first miss of another shape ("Aug 3 2020") must not
      // keep the format a later one shows ("31/08/2020") unsaid.
      const kind = `${column}\u0000${hints.formats.join('\u0000')}`;
      if (missed.has(kind)) return;
      missed.add(kind);
      if (hints.otherOrder) otherOrderSeen = true;
      const names = formats().map((format) => `"${format}"`).join(' or ');
      problems.push({ file, line, column, severity: 'warning', message: `"${text}" does not match the date format ${names} of preset "${preset}"; ${dateFormatAdvice(dataset, hints.formats)}` });
    },
    priorityUnmapped(line, why, fix) {
      problems.push({
        file, line, column: 'priority', severity: 'warning',
        message: `${why}: until then every incident's priority is unknown, and the P1 measures ` +
          `(p1_rca_48h, p1_unresolved) are not computed. Add to the config: ${configSnippet(fix)}`,
      });
    },
    watched(watch, line, example) {
      const seen = watched.get(watch);
      if (seen === undefined) watched.set(watch, { count: 1, line, example });
      else seen.count += 1;
    },
    priorityMissing(line, why, fix) {
      const seen = priorityMissing.get(why);
      if (seen === undefined) priorityMissing.set(why, { count: 1, line, fix });
      else seen.count += 1;
    },
    dateRead(column, line, text, format) {
      if (dayMonth.dayAbove12) return;
      const numbers = /^\s*(\d{1,2})\D(\d{1,2})\D/.exec(text);
      if (numbers === null) return;
      const day = Number(format.startsWith('M') ? numbers[2] : numbers[1]);
      const month = Number(format.startsWith('M') ? numbers[1] : numbers[2]);
      if (day > 12) dayMonth = { dayAbove12: true };
      else if (day !== month) dayMonth.example ??= { column, line, text: text.trim(), format };
    },
    leftOut(line, what) {
      const seen = leftOut.get(what);
      if (seen === undefined) leftOut.set(what, { count: 1, line });
      else seen.count += 1;
    },
    moreValues(read, line, value) {
      const seen = moreValues.get(read);
      if (seen === undefined) moreValues.set(read, { count: 1, line, value });
      else seen.count += 1;
    },
    add: (problem) => problems.push(problem),
    list: () => [...problems, ...priorityMissingWarnings(), ...watchWarnings(), ...dayMonthWarning(), ...moreValuesWarnings(), ...leftOutWarnings()],
  };
}
