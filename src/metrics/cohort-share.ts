/**
 * The shape shared by metrics 3 and 4: the share of the N-month cohort who did something within N months
 * of their 2.0 start s, i.e. on a date in [s, s + N months], both ends included.
 */
import type { IsoDate } from '../core/datasets.js';
import { addMonths, isWithin } from '../model/calendar.js';
import { cohort } from '../model/org-model.js';
import type { PersonTimeline } from '../model/timeline.js';
import type { Computed, MeasureContext } from './define.js';
import { proportion } from './proportion.js';

/** `[s, s + N months]` of a cohort member. */
export interface StartWindow { readonly start: IsoDate; readonly end: IsoDate }

export const startWindow = (person: PersonTimeline, months: number): StartWindow => {
  const start = person.twoPointOStart!;
  return { start, end: addMonths(start, months) };
};

export const inStartWindow = (date: IsoDate, window: StartWindow): boolean => isWithin(date, window.start, window.end);

/** The N-month cohort of the run, once per measure: its members, and their ids for grouping only their rows. */
export interface Cohort {
  readonly months: number;
  readonly members: readonly PersonTimeline[];
  readonly ids: ReadonlySet<string>;
}

export const cohortOf = (ctx: MeasureContext, months: number): Cohort => {
  const members = cohort(ctx.model, months, ctx.window.asOf);
  return { months, members, ids: new Set(members.map((person) => person.id)) };
};

/**
 * Groups the dates of the rows that count by the person they belong to, among `members` only: the rows of
 * everyone else (at the large bench scale, ~100,000 postmortem leads against a cohort of a few thousand)
 * are passed over before their date is made.
 */
export function datesByPerson<R>(rows: Iterable<R>, who: (row: R) => string | undefined, when: (row: R) => IsoDate, members: ReadonlySet<string>): Map<string, IsoDate[]> {
  const dates = new Map<string, IsoDate[]>();
  for (const row of rows) {
    const id = who(row);
    if (id === undefined || !members.has(id)) continue;
    const list = dates.get(id);
    if (list) list.push(when(row));
    else dates.set(id, [when(row)]);
  }
  return dates;
}

/**
 * The N-month cohort's share who qualify within their window. `shortfall` receives the window so the
 * note can name it.
 */
export function cohortShare(
  ctx: MeasureContext,
  { months, members }: Cohort,
  qualifies: (person: PersonTimeline, window: StartWindow) => boolean,
  shortfall: (person: PersonTimeline, window: StartWindow) => string,
): Computed {
  const T = ctx.window.asOf;
  return proportion(
    members,
    (p) => qualifies(p, startWindow(p, months)),
    (p) => shortfall(p, startWindow(p, months)),
    `no one has completed ${months} months on the 2.0 track by ${T}`,
  );
}

/** Whether any of a person's dates falls in their window. */
export const anyDateIn = (dates: ReadonlyMap<string, readonly IsoDate[]>, person: PersonTimeline, window: StartWindow): boolean =>
  (dates.get(person.id) ?? []).some((d) => inStartWindow(d, window));
