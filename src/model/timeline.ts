/**
 * Each person's level timeline (metrics.md, "People and timelines"): from `job_history` when it has rows
 * for the person, else from the roster. Everything about tracks, exits and 2.0 starts is derived here once.
 */
import type { IsoDate, JobChange, Person } from '../core/datasets.js';
import { isInOps, isTraditional, isTwoPointO, type LevelCode } from '../core/levels.js';
import { minDate } from './calendar.js';

/** One level held from `from` until the next step. Salary figures come from the history row, when known. */
export interface LevelStep {
  readonly from: IsoDate;
  readonly level: LevelCode;
  readonly baseSalary: number | undefined;
  readonly totalComp: number | undefined;
}

export interface PersonTimeline {
  readonly id: string;
  readonly name: string | undefined;
  readonly hireDate: IsoDate;
  readonly terminationDate: IsoDate | undefined;
  /** Sorted by date; one step per date (the later history row of a date wins). */
  readonly steps: readonly LevelStep[];
  /** False when built from the roster alone: the level before the first step is unknown. */
  readonly fromHistory: boolean;
  /** Effective date of the first 2.0-track level. */
  readonly twoPointOStart: IsoDate | undefined;
  /** Index in `steps` of the 2.0 start. */
  readonly twoPointOStep: number | undefined;
  /** A 2.0 start whose previous level was on the traditional track. */
  readonly isPromotion: boolean;
  /** termination_date or the first move to `other`, whichever comes first. */
  readonly exitOps: IsoDate | undefined;
  /** After the 2.0 start: exiting ops or moving to a traditional-track level, whichever comes first. */
  readonly leftTrack: IsoDate | undefined;
}

/**
 * A job_history row as the step it starts, with its position in the file (which orders rows of one date).
 * The model groups these rather than the rows, so the step kept is the object made while reading.
 */
export interface HistoryStep extends LevelStep {
  readonly seq: number;
}

export const historyStep = (row: JobChange): HistoryStep =>
  ({ from: row.effective_date, level: row.level, baseSalary: row.base_salary, totalComp: row.total_comp, seq: row.seq });

function stepsFromHistory(rows: readonly HistoryStep[]): LevelStep[] {
  const sorted = [...rows].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.seq - b.seq));
  const steps: LevelStep[] = [];
  for (const step of sorted) {
    if (steps.length > 0 && steps[steps.length - 1]!.from === step.from) steps[steps.length - 1] = step;
    else steps.push(step);
  }
  return steps;
}

function firstMoveToOther(steps: readonly LevelStep[]): IsoDate | undefined {
  for (let i = 1; i < steps.length; i++) {
    if (!isInOps(steps[i]!.level) && isInOps(steps[i - 1]!.level)) return steps[i]!.from;
  }
  return undefined;
}

export function buildTimeline(person: Person, history: readonly HistoryStep[]): PersonTimeline {
  const fromHistory = history.length > 0;
  const steps = fromHistory
    ? stepsFromHistory(history)
    : [{ from: person.title_start_date ?? person.hire_date, level: person.level, baseSalary: person.base_salary, totalComp: undefined }];
  const exitOps = minDate(person.termination_date, firstMoveToOther(steps));
  const startIndex = steps.findIndex((s) => isTwoPointO(s.level));
  const start = startIndex >= 0 ? steps[startIndex]!.from : undefined;
  const previous = startIndex > 0 ? steps[startIndex - 1] : undefined;
  let leftTrack: IsoDate | undefined;
  if (start !== undefined) {
    // Any later step off the 2.0 track leaves it: to a traditional level, or to `other` (exiting ops).
    // `exitOps` cannot stand in for the move to `other`: the first such move may predate the 2.0 start
    // (someone who left ops and came back), which would hide a later exit from the track.
    const offTrack = steps.slice(startIndex + 1).find((s) => !isTwoPointO(s.level));
    const terminated = person.termination_date !== undefined && person.termination_date >= start ? person.termination_date : undefined;
    leftTrack = minDate(terminated, offTrack?.from);
  }
  return {
    id: person.employee_id,
    name: person.name,
    hireDate: person.hire_date,
    terminationDate: person.termination_date,
    steps,
    fromHistory,
    twoPointOStart: start,
    twoPointOStep: startIndex >= 0 ? startIndex : undefined,
    isPromotion: fromHistory && previous !== undefined && isTraditional(previous.level),
    exitOps,
    leftTrack,
  };
}

/** The level held on `date`: the latest step on or before it, unless terminated on or before it. */
export function levelOn(person: PersonTimeline, date: IsoDate): LevelCode | undefined {
  if (person.terminationDate !== undefined && person.terminationDate <= date) return undefined;
  let level: LevelCode | undefined;
  for (const step of person.steps) {
    if (step.from > date) break;
    level = step.level;
  }
  return level;
}

/**
 * In ops on `date`: hired on or before it, not exited by it, and not at level `other` then. Before the
 * first known step (a roster-only person before `title_start_date`) the level is unknown, and someone
 * hired and not exited counts as in ops (metrics.md: "hired on or before it, not exited by it").
 */
export const inOpsOn = (person: PersonTimeline, date: IsoDate): boolean => {
  if (person.hireDate > date) return false;
  if (person.exitOps !== undefined && person.exitOps <= date) return false;
  const level = levelOn(person, date);
  return level === undefined || isInOps(level);
};

/** On the 2.0 track on `date` ("re-entering the track after leaving it is not modelled"). */
export const onTrackOn = (person: PersonTimeline, date: IsoDate): boolean =>
  person.twoPointOStart !== undefined &&
  person.twoPointOStart <= date &&
  (person.leftTrack === undefined || person.leftTrack > date);
