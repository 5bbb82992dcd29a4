/**
 * How long promoted 2.0s stay on the track (metrics.md, km_retention_*): a Kaplan–Meier fit over every
 * promotion to 2.0, time = days from the 2.0 start to leaving the track, censored at T. The
 * `year1_turnover` red flag reads the same fit, so both always agree.
 */
import type { SurvivalSummary } from '../core/report.js';
import { daysBetween } from '../model/calendar.js';
import { kaplanMeier, type KaplanMeierFit } from '../stats/kaplan-meier.js';
import type { MeasureContext } from './define.js';

/** One promotion: days on the track, and whether it ended by leaving (true) or is still running at T. */
export interface PromotionSubject {
  readonly id: string;
  readonly days: number;
  readonly exited: boolean;
}

export interface PromotionSurvival {
  readonly fit: KaplanMeierFit;
  /** Sorted by id. */
  readonly subjects: readonly PromotionSubject[];
}

/** The fit over all promotions to 2.0 up to T; undefined when there is none. */
export function promotionSurvival(ctx: MeasureContext): PromotionSurvival | undefined {
  const T = ctx.window.asOf;
  const subjects: PromotionSubject[] = [];
  for (const person of ctx.model.people.values()) {
    const start = person.twoPointOStart;
    if (!person.isPromotion || start === undefined) continue;
    // The data is cut at T, so a departure is never later than T. One before the start (terminated
    // before a 2.0 row dated after it) is an exit on day 0: the person was never on the track.
    const exited = person.leftTrack !== undefined;
    subjects.push({ id: person.id, days: Math.max(0, daysBetween(start, person.leftTrack ?? T)), exited });
  }
  if (subjects.length === 0) return undefined;
  subjects.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { fit: kaplanMeier(subjects), subjects };
}

/** The measure's `survival` field: the whole curve, and the risk set at `day`. */
export function survivalSummary(fit: KaplanMeierFit, day: number): SurvivalSummary {
  const { atRisk, events, censored } = fit.riskSetAt(day);
  return { atDay: day, atRisk, events, censored, curve: fit.curve, censoredAt: fit.censoredAt };
}
