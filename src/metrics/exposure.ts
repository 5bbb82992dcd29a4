/**
 * The "eligible" engineers of metrics 6 and 8 and their exposure (metrics.md, "Process improvement impact"):
 * on the 2.0 track at T, with exposure = the calendar days of Y on or after the 2.0 start s, at least 90.
 * Per-engineer counts are annualised as count × 365 ÷ exposure, so a 366-day Y gives × 365/366.
 */
import type { IsoDate } from '../core/datasets.js';
import type { Detail } from '../core/report.js';
import { addDays, daysBetween, maxDate } from '../model/calendar.js';
import { onTrackOn, type PersonTimeline } from '../model/timeline.js';
import type { OrgModel } from '../model/org-model.js';
import type { ReportWindow } from '../model/window.js';
import { figure, unavailable, type Computed } from './define.js';
import { counted } from './counted.js';

export const MIN_EXPOSURE_DAYS = 90;
const DAYS_PER_YEAR = 365;

/** An engineer eligible for the per-engineer-year rates, with their 2.0 start and exposure in days. */
export interface ExposedEngineer {
  readonly person: PersonTimeline;
  readonly start: IsoDate;
  readonly exposureDays: number;
}

/** The number of dates d in Y = (T − 12 months, T] with d ≥ `start` (0 when `start` is after T). */
export function exposureDays(window: ReportWindow, start: IsoDate): number {
  const first = maxDate(start, addDays(window.yearStartExclusive, 1));
  return first > window.asOf ? 0 : daysBetween(first, window.asOf) + 1;
}

/** Everyone on the 2.0 track at T with at least 90 days of exposure in Y, sorted by id. */
export function eligibleEngineers(model: OrgModel, window: ReportWindow): ExposedEngineer[] {
  const eligible: ExposedEngineer[] = [];
  for (const person of model.people.values()) {
    const start = person.twoPointOStart;
    if (start === undefined || !onTrackOn(person, window.asOf)) continue;
    const days = exposureDays(window, start);
    if (days >= MIN_EXPOSURE_DAYS) eligible.push({ person, start, exposureDays: days });
  }
  return eligible.sort((a, b) => (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0));
}

/** `count` events over `exposureDays` days, as a yearly rate. */
export const annualise = (count: number, exposureDays: number): number => (count * DAYS_PER_YEAR) / exposureDays;

/**
 * The mean over eligible engineers of their annualised counts; n = the number of engineers. Details give
 * every engineer's count, exposure and rate (sorted by id), so a low mean can be traced to its people.
 * Engineers on the track continuously since s (re-entry is not modelled) were on it on every date counted.
 */
export function meanAnnualisedRate(
  eligible: readonly ExposedEngineer[],
  countOf: (engineer: ExposedEngineer) => number,
  /** What is counted, one and many: `['significant improvement', 'significant improvements']`. */
  what: readonly [one: string, many: string],
): Computed {
  if (eligible.length === 0) {
    return unavailable('insufficient_data', `no one has been on the 2.0 track for ${MIN_EXPOSURE_DAYS} days of the trailing year`, { n: 0 });
  }
  let sum = 0;
  const details: Detail[] = [];
  for (const engineer of eligible) {
    const count = countOf(engineer);
    const rate = annualise(count, engineer.exposureDays);
    sum += rate;
    details.push({
      employeeId: engineer.person.id,
      note: `${counted(count, ...what)} in ${engineer.exposureDays} days on the 2.0 track in the trailing year: ${rate.toFixed(2)} a year`,
    });
  }
  return figure(sum / eligible.length, eligible.length, { details });
}
