/** The model every measure reads: people's timelines by id, and the program start. */
import type { IsoDate, OrgData } from '../core/datasets.js';
import type { Config } from '../core/config.js';
import { addMonths } from './calendar.js';
import { buildTimeline, historyStep, type HistoryStep, type PersonTimeline } from './timeline.js';

export interface OrgModel {
  readonly people: ReadonlyMap<string, PersonTimeline>;
  /** Config `programStart`, else the earliest 2.0 start in the data; undefined when neither exists. */
  readonly programStart: IsoDate | undefined;
}

export function buildOrgModel(data: OrgData, config: Config): OrgModel {
  // Steps, not rows: a table's row is built as it is read and dies young; only its step is kept.
  const historyById = new Map<string, HistoryStep[]>();
  for (const row of data.job_history ?? []) {
    const steps = historyById.get(row.employee_id);
    if (steps) steps.push(historyStep(row));
    else historyById.set(row.employee_id, [historyStep(row)]);
  }
  const people = new Map<string, PersonTimeline>();
  let earliestStart: IsoDate | undefined;
  for (const person of data.people ?? []) {
    const timeline = buildTimeline(person, historyById.get(person.employee_id) ?? []);
    people.set(person.employee_id, timeline);
    const start = timeline.twoPointOStart;
    if (start !== undefined && (earliestStart === undefined || start < earliestStart)) earliestStart = start;
  }
  return { people, programStart: config.programStart ?? earliestStart };
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
    if (person.leftTrack !== undefined && person.leftTrack < mark) continue;
    members.push(person);
  }
  return members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
