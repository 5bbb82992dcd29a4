/**
 * Checks across rows and files: unique keys, references to people and incidents, and the roster's
 * current title against the latest job_history row. Datasets are validated in dependency order
 * (people → job_history, incidents → action_items); between them only `Refs` — sets of ids and each
 * person's roster level — are kept, never the rows.
 *
 * A rejected row is still looked at for its key and references (those of its cells that are good ids),
 * so all its problems come out at once, and its key is kept apart as rejected: a reference to it says
 * so rather than "not in", and a later row with the same key is a duplicate. Keys are compared as the
 * `id` type reads them (trimmed, then exactly). "First" is the first row in the file with the key,
 * accepted or not, so which row is the duplicate does not change as the other problems are fixed.
 */
import { DATASETS, type DatasetName, type IsoDate, type RecordOf } from '../core/datasets.js';
import { formatOfPath } from '../load/discover.js';
import { KeyIndex } from './key-index.js';
import { hasError, type Finding } from './problem-log.js';
import { REFERENCES, type Reference } from './references.js';
import { ROW_WARNINGS } from './row-checks.js';
import { LatestChanges, Roster, type LatestChange, type RosterEntry } from './roster.js';

export type { RosterEntry };

/** The ids a dataset holds: a Set, or the index of its keys by first line (one structure for both jobs). */
export interface IdSet { has(id: string): boolean }

/** Keys with the line of their first row: a Map, or a KeyIndex. */
export interface FirstLines { get(key: string): number | undefined }

/** A dataset others refer to, as they are checked against it. */
export interface RefTarget {
  readonly file: string;
  /** The keys of its accepted rows. */
  readonly ids: IdSet;
  /** The keys none of whose rows was accepted, none of them in `ids`; absent while no row with a key was rejected. */
  readonly rejected?: FirstLines;
  /** The line of the problem that rejected the whole file (its header): none of its rows was read for keys. */
  readonly rejectedWhole?: number;
  /** The keys of the records its preset left out (incident.io's test incidents), and what they are. */
  readonly leftOut?: { readonly keys: ReadonlySet<string>; readonly what: string | undefined };
}

/** What later datasets are checked against: present only when that dataset was validated. */
export interface Refs {
  /** `roster` only while job_history, which it is checked against, is still to be validated. */
  readonly people?: RefTarget & { readonly roster?: Roster };
  readonly incidents?: RefTarget;
}

export type { Finding };

/**
 * Where a row of `file` is, in words: a line of a CSV or NDJSON file, but a JSON array's record, whose
 * number is its place in the array from 0 (inputs.md), where "line 0" reads as a line that is not there.
 */
const placeWord = (file: string, line: number): string => `${formatOfPath(file) === 'json' ? 'record' : 'line'} ${line}`;
/** placeWord after its preposition: "on line 3", "in record 0". */
const placeIn = (file: string, line: number): string => `${formatOfPath(file) === 'json' ? 'in' : 'on'} ${placeWord(file, line)}`;

/** What `checkRow` returns for the rows with nothing to say: one shared, frozen empty list. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * `refs` without the targets none of `datasets` (those still to be validated) refers to: a million
 * incident ids are let go once the action items have been checked against them.
 */
export function refsNeededBy(refs: Refs, datasets: readonly DatasetName[]): Refs {
  const needed = new Set(REFERENCES.filter((ref) => datasets.includes(ref.dataset)).map((ref) => ref.target));
  // The roster (an entry per person) serves only the job history's check of each person's latest title.
  let people = refs.people;
  if (people !== undefined && !datasets.includes('job_history')) {
    const { roster: _roster, ...target } = people;
    people = target;
  }
  return {
    ...(people !== undefined && needed.has('people') ? { people } : {}),
    ...(refs.incidents !== undefined && needed.has('incidents') ? { incidents: refs.incidents } : {}),
  };
}

export interface CrossChecker<D extends DatasetName> {
  /** The columns the checks read: the key and the references. */
  readonly columns: readonly string[];
  /** The findings of a row that passed its schema; the row is accepted (its key, roster entry...) only when none is an error. */
  checkRow(record: RecordOf[D], line: number): readonly Finding[];
  /**
   * The findings of a row its schema refused, from those of `columns` whose cells are good (see
   * buildCellReader): a duplicate key, references. Its key is noted as rejected.
   */
  checkRejectedRow(cells: Readonly<Record<string, unknown>>, line: number): readonly Finding[];
  /** The file is rejected as a whole at `line` (its header): references to it cannot be checked. */
  rejectWholeFile(line: number): void;
  /** Findings that need the whole file: references within it, the roster against the latest history. */
  finish(): Finding[];
  /** `refs` plus what this dataset contributes; call after `finish`. */
  refs(): Refs;
}

/** A person's history rows dated before their roster hire_date: the first in the file, and how many. */
interface BeforeHire { readonly date: IsoDate; readonly line: number; readonly roster: RosterEntry; rows: number }

/** The finding of a reference to an id `target` holds no accepted row of, or undefined when it does. */
const referenceFinding = (ref: Reference, id: string, line: number, target: RefTarget): Finding | undefined => {
  if (target.ids.has(id)) return undefined;
  const rejectedOn = target.rejected?.get(id);
  const leftOut = target.leftOut?.keys.has(id) === true ? target.leftOut : undefined;
  const message = target.rejectedWhole !== undefined
    ? `${ref.column} "${id}" cannot be checked: ${target.file} was rejected as a whole (${placeWord(target.file, target.rejectedWhole)})`
    : leftOut !== undefined
      ? `${ref.column} "${id}" names a record its preset left out of ${target.file}${leftOut.what === undefined ? '' : ` (${leftOut.what})`}: ` +
        'leave this row out too, or read this file with a preset that leaves such rows out'
      : rejectedOn === undefined
        ? `${ref.column} "${id}" is not in ${target.file}${ref.target === 'people' && looksLikeName(id) ? nameNotId(ref.severity) : ''}`
        : `${ref.column} "${id}" is ${placeIn(target.file, rejectedOn)} of ${target.file}, which was rejected`;
  return { line, column: ref.column, message, severity: ref.severity };
};

/**
 * A person's reference holding a space (`Ada Lane`, `Lane, Ada`): exports often give a user picker's display
 * name (Jira's assignee, a custom field) where the roster keys people by an employee id, which has none.
 */
const looksLikeName = (id: string): boolean => /\s/.test(id);
const nameNotId = (severity: Reference['severity']): string =>
  ': it reads as a person\'s name, where people are known by their employee_id; map a column of employee ids instead' +
  (severity === 'warning' ? ', or this person counts as no one in the roster' : '');

/** `first` says where the key first was: "on line 3", or "in record 0, which was rejected". */
const duplicateKey = (column: string, key: string, line: number, first: string): Finding =>
  ({ line, column, message: `duplicate ${column} "${key}" (first ${first})`, severity: 'error' });

/**
 * A history row dated after the person's termination: a terminated person holds no level (metrics.md,
 * "Membership on a date d"), so the change puts nobody back in ops or on the 2.0 track (a 2.0 level on
 * it is a track left the day it starts). Usually a rehire whose roster kept the old termination_date, so
 * the figures treat the person otherwise than the user expects: said once per row, as a warning, since
 * the row itself is well-formed.
 */
const changeAfterTermination = (effectiveDate: IsoDate, line: number, roster: RosterEntry, peopleFile: string): Finding => ({
  line,
  column: 'effective_date',
  severity: 'warning',
  message: `effective ${effectiveDate}, after the termination_date ${roster.terminatedOn} ${placeIn(peopleFile, roster.line)} of ${peopleFile}: ` +
    'a terminated person holds no level, so this change does not put them back in ops (a rehire? then the roster should not keep the old termination_date)',
});

const moreRows = (more: number): string =>
  (more === 0 ? '' : more === 1 ? ', as is one more of this person\'s rows' : `, as are ${more} more of this person's rows`);

/**
 * History rows dated before the person's hire_date, said once per person at the first of them. HRIS rosters
 * give a rehire's latest hire date (BambooHR moves the first to `originalHireDate`), while the job history
 * keeps the earlier stint: the figures then count no leaving between the stints unless the history shows
 * one, and before the rehire the person is not in ops (ops_retention_12m, mentee_ops_retention), nor in
 * any report as of such a date, earlier stint and all.
 */
const changeBeforeHire = ({ roster, ...first }: BeforeHire, peopleFile: string): Finding => ({
  line: first.line,
  column: 'effective_date',
  severity: 'warning',
  message: `effective ${first.date}, before the hire_date ${roster.hiredOn} ${placeIn(peopleFile, roster.line)} of ${peopleFile}${moreRows(first.rows - 1)}: ` +
    'if the roster gives a rehire\'s latest hire date, give the first hire_date there and the leaving between the stints as a ' +
    'job_history row at level other; as it is, that leaving is not counted unless the history shows it, and before ' +
    `${roster.hiredOn} the person is not yet hired: out of ops, and out of any report as of such a date`,
});

const rosterDisagreement = (latest: LatestChange, roster: RosterEntry, peopleFile: string): Finding => ({
  line: latest.line,
  column: 'title',
  severity: 'warning',
  message: `the latest title "${latest.title}" (${latest.level}, effective ${latest.date}) disagrees with the roster's ` +
    `"${roster.title}" (${roster.level}) ${placeIn(peopleFile, roster.line)} of ${peopleFile}`,
});

export const createCrossChecker = <D extends DatasetName>(dataset: D, file: string, refs: Refs): CrossChecker<D> => {
  const name: DatasetName = dataset; // a plain name narrows in comparisons, the type parameter does not
  const keyColumn: string | null = DATASETS[name].key;
  const firstLineOfKey = new KeyIndex();
  // Made at the first rejected row with a key of its own: most files have none. Packed like the accepted
  // keys, so even a file whose every row is rejected holds its keys no dearer than a valid one.
  let rejectedKeys: KeyIndex | undefined;
  const references = REFERENCES.filter((ref) => ref.dataset === dataset);
  const rowWarnings = ROW_WARNINGS.filter((warning) => warning.dataset === dataset);
  const columns = [...(keyColumn === null ? [] : [keyColumn]), ...references.map((ref) => ref.column)];
  const pendingSelfReferences: Array<{ ref: Reference; id: string; line: number }> = [];
  // The ids of people and incidents are their keys: the key index answers "is this id here?" too, so a
  // million incident ids are held once, packed (see KeyIndex).
  const ownIds: IdSet = firstLineOfKey;
  // The people's roster, made as their file is read; each person's latest history row, as the job history's is.
  const roster = dataset === 'people' ? new Roster(firstLineOfKey) : undefined;
  const peopleChecked = dataset === 'job_history' ? refs.people : undefined;
  const rosterChecked = peopleChecked?.roster;
  const latestChanges = rosterChecked === undefined ? undefined : new LatestChanges(rosterChecked);
  const beforeHire = new Map<string, BeforeHire>();

  /** Adds to `findings`, made only when there is a finding (most rows have none). */
  const checkReferences = (row: Readonly<Record<string, unknown>>, line: number, findings: Finding[] | undefined): Finding[] | undefined => {
    for (const ref of references) {
      const id = row[ref.column];
      if (typeof id !== 'string') continue;
      if (ref.target === dataset) pendingSelfReferences.push({ ref, id, line });
      else {
        const target = refs[ref.target];
        const finding = target === undefined ? undefined : referenceFinding(ref, id, line, target);
        if (finding !== undefined) (findings ??= []).push(finding);
      }
    }
    return findings;
  };

  /** The finding of a key an earlier row had, or undefined for a key not seen before. */
  const duplicateFinding = (column: string, key: string, line: number): Finding | undefined => {
    const acceptedOn = firstLineOfKey.get(key);
    if (acceptedOn !== undefined) return duplicateKey(column, key, line, placeIn(file, acceptedOn));
    const rejectedOn = rejectedKeys?.get(key);
    return rejectedOn === undefined ? undefined : duplicateKey(column, key, line, `${placeIn(file, rejectedOn)}, which was rejected`);
  };

  /** Checks a row's key and references; `refused` when its schema refused it, else it is accepted unless a finding is an error. */
  const check = (row: Readonly<Record<string, unknown>>, line: number, refused: boolean): readonly Finding[] => {
    // A refused row's key is absent when its cell is bad.
    const key = keyColumn === null ? undefined : row[keyColumn];
    const duplicate = keyColumn !== null && typeof key === 'string' ? duplicateFinding(keyColumn, key, line) : undefined;
    let findings = checkReferences(row, line, duplicate === undefined ? undefined : [duplicate]);
    // A history row's person in the roster, looked up once for its checks and for remembering it.
    const person = refused ? undefined : inRoster(row as unknown as RecordOf['job_history']);
    if (person !== undefined) findings = checkTermination(row as unknown as RecordOf['job_history'], line, findings, person.entry);
    if (!refused) {
      for (const warning of rowWarnings) {
        const message = warning.message(row);
        if (message !== undefined) (findings ??= []).push({ line, column: warning.reportOn, message, severity: 'warning' });
      }
    }
    if (!refused && (findings === undefined || !hasError(findings))) remember(row, line, person);
    // A duplicate's key is known already, with its first line; any other rejected row's key is new.
    else if (typeof key === 'string' && duplicate === undefined) (rejectedKeys ??= new KeyIndex()).set(key, line);
    return findings ?? NO_FINDINGS;
  };

  /** The place and entry in the roster of a history row's person; undefined for someone not in it, or another dataset's row. */
  const inRoster = (change: RecordOf['job_history']): { readonly position: number; readonly entry: RosterEntry } | undefined => {
    const position = rosterChecked?.positionOf(change.employee_id);
    return position === undefined ? undefined : { position, entry: rosterChecked!.at(position) };
  };

  /** Adds the warning of a history row dated after its person's termination (see changeAfterTermination). */
  const checkTermination = (change: RecordOf['job_history'], line: number, findings: Finding[] | undefined, entry: RosterEntry): Finding[] | undefined => {
    if (peopleChecked === undefined || entry.terminatedOn === undefined || change.effective_date <= entry.terminatedOn) return findings;
    return [...(findings ?? []), changeAfterTermination(change.effective_date, line, entry, peopleChecked.file)];
  };

  // Set when the file's header rejects it whole: no row of it is read for keys.
  let rejectedWhole: number | undefined;
  /** This dataset as a target of references: its accepted keys and, once there are any, its rejected ones. */
  const asTarget = (): RefTarget => ({
    file, ids: ownIds, ...(rejectedKeys === undefined ? {} : { rejected: rejectedKeys }), ...(rejectedWhole === undefined ? {} : { rejectedWhole }),
  });

  /** Accepts a row: its key, its roster entry (people) or its person's latest row (job_history, `person` in the roster). */
  const remember = (row: Readonly<Record<string, unknown>>, line: number, person: ReturnType<typeof inRoster>): void => {
    if (keyColumn !== null) firstLineOfKey.set(row[keyColumn] as string, line);
    if (roster !== undefined) {
      const record = row as unknown as RecordOf['people'];
      roster.add({ title: record.title, level: record.level, line, hiredOn: record.hire_date, terminatedOn: record.termination_date });
    }
    // Only a person in the roster has a latest title to compare with it, or a hire date.
    if (latestChanges !== undefined && person !== undefined) {
      const change = row as unknown as RecordOf['job_history'];
      latestChanges.note(person.position, change, line);
      if (change.effective_date < person.entry.hiredOn) {
        const first = beforeHire.get(change.employee_id);
        if (first === undefined) beforeHire.set(change.employee_id, { date: change.effective_date, line, roster: person.entry, rows: 1 });
        else first.rows++;
      }
    }
  };

  return {
    columns,
    checkRow: (record, line) => check(record as unknown as Readonly<Record<string, unknown>>, line, false),
    checkRejectedRow: (cells, line) => check(cells, line, true),
    rejectWholeFile(line) {
      rejectedWhole = line;
    },
    finish() {
      // No row of this file is left to check, and the files after it ask only whether an id is here.
      firstLineOfKey.forgetLines();
      roster?.seal();
      const self = asTarget();
      const findings: Finding[] = [];
      for (const { ref, id, line } of pendingSelfReferences) {
        const finding = referenceFinding(ref, id, line, self);
        if (finding !== undefined) findings.push(finding);
      }
      const people = refs.people;
      if (latestChanges !== undefined && people !== undefined) {
        for (const [position, latest] of latestChanges.entries()) {
          const entry = latestChanges.roster.at(position);
          if (entry.level !== latest.level) findings.push(rosterDisagreement(latest, entry, people.file));
        }
        for (const first of beforeHire.values()) findings.push(changeBeforeHire(first, people.file));
      }
      return findings.sort((a, b) => a.line - b.line);
    },
    refs() {
      if (roster !== undefined) return { ...refs, people: { ...asTarget(), roster } };
      if (dataset === 'incidents') return { ...refs, incidents: asTarget() };
      return refs;
    },
  };
};
