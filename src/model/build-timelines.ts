/**
 * Builds everyone's timelines into shared columns (timeline.ts) in a few passes over the roster and the
 * job history. Nothing is made per row or per person but the person's id in the index: a history row
 * leaves its date, level and position in typed arrays, which are grouped by person and sorted in place.
 */
import type { JobChange, Person } from '../core/datasets.js';
import { isInOps, isTraditional, isTwoPointO, levelByte, levelOfByte } from '../core/levels.js';
import type { Rows } from '../core/record-table.js';
import { cutTo, release, zeroed } from '../core/typed-columns.js';
import { dayNumber } from './calendar.js';
import { NEVER, Timelines, type TimelineColumns } from './timeline.js';

/** The roster's columns, and the one step of someone the job history has no row for. */
function readRoster(people: Rows<Person>) {
  const count = people.length;
  const roster = {
    ids: [] as string[],
    names: [] as Array<string | undefined>,
    indexOf: new Map<string, number>(),
    hireDay: zeroed(Int32Array, count),
    terminationDay: zeroed(Int32Array, count),
    rosterStepDay: zeroed(Int32Array, count),
    rosterStepLevel: zeroed(Uint8Array, count),
  };
  let index = 0;
  for (const person of people) {
    roster.ids.push(person.employee_id);
    roster.names.push(person.name);
    roster.indexOf.set(person.employee_id, index);
    roster.hireDay[index] = dayNumber(person.hire_date);
    roster.terminationDay[index] = person.termination_date === undefined ? NEVER : dayNumber(person.termination_date);
    roster.rosterStepDay[index] = dayNumber(person.title_start_date ?? person.hire_date);
    roster.rosterStepLevel[index] = levelByte(person.level);
    index++;
  }
  return roster;
}

/**
 * The job history's rows grouped by person: person i's rows are `order[first[i]]` up to `order[first[i + 1]]`,
 * sorted by date, then by position in the file (which orders rows of one date). Rows of people not in the
 * roster (cut at the as-of date) are left out.
 */
function groupHistory(history: Rows<JobChange>, indexOf: ReadonlyMap<string, number>, people: number) {
  const rowPerson = zeroed(Int32Array, history.length);
  const day = zeroed(Int32Array, history.length);
  const level = zeroed(Uint8Array, history.length);
  // Each row's position in its file (see SEQUENCED_DATASETS): whole and below 2^32, so 4 bytes, not 8.
  const seq = zeroed(Uint32Array, history.length);
  const first = zeroed(Uint32Array, people + 1);
  let row = 0;
  for (const change of history) {
    const person = indexOf.get(change.employee_id) ?? -1;
    rowPerson[row] = person;
    day[row] = dayNumber(change.effective_date);
    level[row] = levelByte(change.level);
    seq[row] = change.seq;
    if (person >= 0) first[person + 1]!++;
    row++;
  }
  for (let i = 0; i < people; i++) first[i + 1]! += first[i]!;
  const order = zeroed(Uint32Array, first[people]!);
  const next = zeroed(Uint32Array, people);
  next.set(first.subarray(0, people));
  for (let r = 0; r < row; r++) if (rowPerson[r]! >= 0) order[next[rowPerson[r]!]!++] = r;
  release(rowPerson, next);
  const byDateThenSeq = (a: number, b: number): number => day[a]! - day[b]! || seq[a]! - seq[b]!;
  for (let i = 0; i < people; i++) if (first[i + 1]! - first[i]! > 1) order.subarray(first[i], first[i + 1]).sort(byDateThenSeq);
  release(seq);
  return { order, first, day, level };
}

/** What a person's steps say about tracks and exits (see the fields of TimelineColumns). */
function trackFacts(stepDay: Int32Array, stepLevel: Uint8Array, from: number, to: number, terminationDay: number, fromHistory: boolean) {
  let moveToOther = NEVER;
  for (let s = from + 1; s < to; s++) {
    if (!isInOps(levelOfByte(stepLevel[s]!)) && isInOps(levelOfByte(stepLevel[s - 1]!))) {
      moveToOther = stepDay[s]!;
      break;
    }
  }
  let start = from;
  while (start < to && !isTwoPointO(levelOfByte(stepLevel[start]!))) start++;
  if (start === to) return { exitOps: Math.min(terminationDay, moveToOther), twoPointOStart: NEVER, leftTrack: NEVER, isPromotion: false };
  const startDay = stepDay[start]!;
  // Any later step off the 2.0 track leaves it: to a traditional level, or to `other` (exiting ops). The
  // move to `other` found above cannot stand in for it: it may predate the 2.0 start (someone who left ops
  // and came back), which would hide a later exit from the track.
  let offTrack = start + 1;
  while (offTrack < to && isTwoPointO(levelOfByte(stepLevel[offTrack]!))) offTrack++;
  // Termination leaves the track whenever it falls: someone terminated holds no level from that day on
  // (metrics.md, "Membership on a date d"), so a 2.0 step dated after a termination (a roster that kept an
  // old termination_date) never puts them on the track: they leave it on or before the day they would join.
  return {
    exitOps: Math.min(terminationDay, moveToOther),
    twoPointOStart: startDay,
    leftTrack: Math.min(terminationDay, offTrack < to ? stepDay[offTrack]! : NEVER),
    isPromotion: fromHistory && start > from && isTraditional(levelOfByte(stepLevel[start - 1]!)),
  };
}

/**
 * Each person's steps, one after another: their history rows, one per date (the later row of a date wins),
 * or else the roster's one step.
 */
function layOutSteps(roster: ReturnType<typeof readRoster>, rows: ReturnType<typeof groupHistory>) {
  const count = roster.ids.length;
  let rosterOnly = 0;
  for (let i = 0; i < count; i++) if (rows.first[i] === rows.first[i + 1]) rosterOnly++;
  // Room for every row and roster step; rows of one date share a step, and the room left over is cut off.
  let stepDay = zeroed(Int32Array, rows.order.length + rosterOnly);
  let stepLevel = zeroed(Uint8Array, stepDay.length);
  const firstStep = zeroed(Uint32Array, count + 1);
  let step = 0;
  for (let i = 0; i < count; i++) {
    firstStep[i] = step;
    if (rows.first[i] === rows.first[i + 1]) {
      stepDay[step] = roster.rosterStepDay[i]!;
      stepLevel[step++] = roster.rosterStepLevel[i]!;
    }
    for (let k = rows.first[i]!; k < rows.first[i + 1]!; k++) {
      const row = rows.order[k]!;
      if (step > firstStep[i]! && stepDay[step - 1] === rows.day[row]) step--;
      stepDay[step] = rows.day[row]!;
      stepLevel[step++] = rows.level[row]!;
    }
  }
  firstStep[count] = step;
  if (step < stepDay.length) {
    stepDay = cutTo(stepDay, step);
    stepLevel = cutTo(stepLevel, step);
  }
  return { firstStep, stepDay, stepLevel };
}

export function buildTimelines(people: Rows<Person>, history: Rows<JobChange>): Timelines {
  const roster = readRoster(people);
  const count = roster.ids.length;
  const rows = groupHistory(history, roster.indexOf, count);
  const { firstStep, stepDay, stepLevel } = layOutSteps(roster, rows);
  // The grouping is scratch: given back before the timelines' own columns are made, where a large model's
  // build was the report's highest moment (see release).
  release(rows.order, rows.day, rows.level, roster.rosterStepDay, roster.rosterStepLevel);
  const twoPointOStartDay = zeroed(Int32Array, count);
  const exitOpsDay = zeroed(Int32Array, count);
  const leftTrackDay = zeroed(Int32Array, count);
  const fromHistory = zeroed(Uint8Array, count);
  const isPromotion = zeroed(Uint8Array, count);
  for (let i = 0; i < count; i++) {
    fromHistory[i] = rows.first[i] === rows.first[i + 1] ? 0 : 1;
    const facts = trackFacts(stepDay, stepLevel, firstStep[i]!, firstStep[i + 1]!, roster.terminationDay[i]!, fromHistory[i] === 1);
    twoPointOStartDay[i] = facts.twoPointOStart;
    exitOpsDay[i] = facts.exitOps;
    leftTrackDay[i] = facts.leftTrack;
    isPromotion[i] = facts.isPromotion ? 1 : 0;
  }
  release(rows.first);
  const columns: TimelineColumns = {
    ids: roster.ids, names: roster.names, indexOf: roster.indexOf, hireDay: roster.hireDay, terminationDay: roster.terminationDay,
    twoPointOStartDay, exitOpsDay, leftTrackDay, fromHistory, isPromotion, firstStep, stepDay, stepLevel,
  };
  return new Timelines(columns);
}
