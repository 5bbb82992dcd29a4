/** The model every measure reads: people's timelines by id, and the program start. */
import type { IsoDate, OrgData } from '../core/datasets.js';
import type { Config } from '../core/config.js';
import { addMonths, dateOfDay } from './calendar.js';
import { buildTimelines } from './build-timelines.js';
import { NEVER, type PersonTimeline, type Timelines } from './timeline.js';

export interface OrgModel {
  readonly people: Timelines;
  /** Config `programStart`, else the earliest 2.0 start in the data; undefined when neither exists. */
  readonly programStart: IsoDate | undefined;
  /**
   * Whether a job history was given: without one no 2.0 start can be a promotion, which retention's
   * reasons say. Held here so that no measure reads a dataset it does not declare (see report/let-go.ts).
   */
  readonly jobHistoryGiven: boolean;
}

export function buildOrgModel(data: OrgData, config: Config): OrgModel {
  const people = buildTimelines(data.people ?? [], data.job_history ?? []);
  const earliestStart = people.columns.twoPointOStartDay.reduce((earliest, day) => Math.min(earliest, day), NEVER);
  return {
    people,
    programStart: config.programStart ?? (earliestStart === NEVER ? undefined : dateOfDay(earliestStart)),
    jobHistoryGiven: data.job_history !== undefined,
  };
}

/**
 * The N-month cohort (metrics 3 and 4): everyone with a 2.0 start s such that s + N months ≤ T and who did
 * not leave the 2.0 track before s + N months. Program-to-date.
 */
export function cohort(model: OrgModel, months: number, asOf: IsoDate): PersonTimeline[] {
  const members: PersonTimeline[] = [];
  for (const person of model.people.values()) {
    const start = person.twoPointOStart;
    if (start === undefined) continue;
    const mark = addMonths(start, months);
    if (mark > asOf) continue;
    const leftTrack = person.leftTrack;
    if (leftTrack !== undefined && leftTrack < mark) continue;
    members.push(person);
  }
  return members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
