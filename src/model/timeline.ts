/**
 * Each person's level timeline (metrics.md, "People and timelines"): from `job_history` when it has rows
 * for the person, else from the roster. Everything about tracks, exits and 2.0 starts is derived once, when
 * the timelines are built (build-timelines.ts).
 *
 * Everyone's timelines are held together in columns (typed arrays, dates as day numbers, levels as bytes):
 * as an object per person and per step, 100,000 people's timelines kept ~58 MiB alive. A measure reads
 * a person through a `PersonTimeline`, a handle made as it is asked for.
 */
import type { IsoDate } from '../core/datasets.js';
import { isInOps, levelOfByte, type LevelCode } from '../core/levels.js';
import { dateOfDay, dayNumber } from './calendar.js';

/**
 * The day number of a date that is absent: an end (termination, exit, leaving the track) that never comes,
 * or a start that never comes. Later than every real date, so `end <= day` is false and `start <= day` too.
 */
export const NEVER = 0x7fff_ffff;

/** The columns of everyone's timelines: person i's steps are `firstStep[i]` up to (not including) `firstStep[i + 1]`. */
export interface TimelineColumns {
  /** In roster order; unique (the roster's key). */
  readonly ids: readonly string[];
  readonly names: ReadonlyArray<string | undefined>;
  readonly indexOf: ReadonlyMap<string, number>;
  readonly hireDay: Int32Array;
  /** The day numbers below are NEVER when absent. */
  readonly terminationDay: Int32Array;
  /** Effective date of the first 2.0-track level. */
  readonly twoPointOStartDay: Int32Array;
  /** termination_date or the first move to `other`, whichever comes first. */
  readonly exitOpsDay: Int32Array;
  /**
   * Exiting ops or moving off the 2.0 track after the start, whichever comes first; before the start when
   * the person was terminated by then (they are never on the track).
   */
  readonly leftTrackDay: Int32Array;
  /** 0 when built from the roster alone: the level before the first step is unknown. */
  readonly fromHistory: Uint8Array;
  /** 1 for a 2.0 start whose previous level was on the traditional track. */
  readonly isPromotion: Uint8Array;
  readonly firstStep: Uint32Array;
  /** Sorted by date within a person; one step per date (the later history row of a date wins). */
  readonly stepDay: Int32Array;
  /** Index in LEVEL_CODES. */
  readonly stepLevel: Uint8Array;
}

/** One level held from `from` until the next step. */
export interface LevelStep {
  readonly from: IsoDate;
  readonly level: LevelCode;
}


const dateOrAbsent = (day: number): IsoDate | undefined => (day === NEVER ? undefined : dateOfDay(day));

/** One person's timeline, read from the shared columns. */
export class PersonTimeline {
  constructor(
    readonly columns: TimelineColumns,
    readonly index: number,
  ) {}

  get id(): string {
    return this.columns.ids[this.index]!;
  }
  get name(): string | undefined {
    return this.columns.names[this.index];
  }
  get hireDate(): IsoDate {
    return dateOfDay(this.columns.hireDay[this.index]!);
  }
  get terminationDate(): IsoDate | undefined {
    return dateOrAbsent(this.columns.terminationDay[this.index]!);
  }
  get fromHistory(): boolean {
    return this.columns.fromHistory[this.index] === 1;
  }
  get twoPointOStart(): IsoDate | undefined {
    return dateOrAbsent(this.columns.twoPointOStartDay[this.index]!);
  }
  get isPromotion(): boolean {
    return this.columns.isPromotion[this.index] === 1;
  }
  get exitOps(): IsoDate | undefined {
    return dateOrAbsent(this.columns.exitOpsDay[this.index]!);
  }
  get leftTrack(): IsoDate | undefined {
    return dateOrAbsent(this.columns.leftTrackDay[this.index]!);
  }
  /** The steps, sorted by date. */
  get steps(): LevelStep[] {
    const { firstStep, stepDay, stepLevel } = this.columns;
    const steps: LevelStep[] = [];
    for (let s = firstStep[this.index]!; s < firstStep[this.index + 1]!; s++) steps.push({ from: dateOfDay(stepDay[s]!), level: levelOfByte(stepLevel[s]!) });
    return steps;
  }
}

/** Everyone's timelines, by id; iterated in roster order. */
export class Timelines {
  constructor(readonly columns: TimelineColumns) {}

  get size(): number {
    return this.columns.ids.length;
  }
  has(id: string): boolean {
    return this.columns.indexOf.has(id);
  }
  get(id: string): PersonTimeline | undefined {
    const index = this.columns.indexOf.get(id);
    return index === undefined ? undefined : new PersonTimeline(this.columns, index);
  }
  *values(): IterableIterator<PersonTimeline> {
    for (let index = 0; index < this.columns.ids.length; index++) yield new PersonTimeline(this.columns, index);
  }
  /**
   * The timelines `keep` is true of, in roster order. `[...values()].filter(keep)` held a timeline of
   * everyone at once: 100,000 at the large bench scale, ~6 MiB, one of the computation's highest moments.
   */
  filter(keep: (person: PersonTimeline) => boolean): PersonTimeline[] {
    const kept: PersonTimeline[] = [];
    for (const person of this.values()) if (keep(person)) kept.push(person);
    return kept;
  }
}

/**
 * The level of the latest step on or before `day`, found by halving: a person's steps are sorted by day,
 * and one with a long history asked about many days (each mentorship of a mentee) would cost their
 * history each time.
 */
function levelOnDay({ columns, index }: PersonTimeline, day: number): LevelCode | undefined {
  if (columns.terminationDay[index]! <= day) return undefined;
  const { firstStep, stepDay, stepLevel } = columns;
  // The first step after `day` in [low, high): the one before it, if any, is the step held.
  let low = firstStep[index]!;
  let high = firstStep[index + 1]!;
  const first = low;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (stepDay[middle]! <= day) low = middle + 1;
    else high = middle;
  }
  return low === first ? undefined : levelOfByte(stepLevel[low - 1]!);
}

/** The level held on `date`: the latest step on or before it, unless terminated on or before it. */
export const levelOn = (person: PersonTimeline, date: IsoDate): LevelCode | undefined => levelOnDay(person, dayNumber(date));

/**
 * In ops on `date`: hired on or before it, not exited by it, and not at level `other` then (metrics.md:
 * "hired on or before it, not exited by it"). Before the first known step (a job history that starts
 * after the hire date, a roster title with a later `title_start_date`) the level is unknown, and the first
 * known one stands for it: a history that begins at a migration holds everyone's title of that day, so a
 * product manager then was not in ops before, and an ops engineer then was.
 */
export const inOpsOn = (person: PersonTimeline, date: IsoDate): boolean => {
  const { columns, index } = person;
  const day = dayNumber(date);
  if (columns.hireDay[index]! > day || columns.exitOpsDay[index]! <= day) return false;
  const level = levelOnDay(person, day) ?? levelOfByte(columns.stepLevel[columns.firstStep[index]!]!);
  return isInOps(level);
};

/** On the 2.0 track on `date` ("re-entering the track after leaving it is not modelled"). */
export const onTrackOn = ({ columns, index }: PersonTimeline, date: IsoDate): boolean => {
  const day = dayNumber(date);
  return columns.twoPointOStartDay[index]! <= day && columns.leftTrackDay[index]! > day;
};
