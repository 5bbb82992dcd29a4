/**
 * Metric 1, Retention (metrics.md §1): do promoted 2.0s stay on the track, and does ops keep its people?
 */
import type { IsoDate } from '../core/datasets.js';
import type { Detail } from '../core/report.js';
import { addMonths, daysBetween } from '../model/calendar.js';
import { inOpsOn, levelOn, type PersonTimeline } from '../model/timeline.js';
import { defineMetric, figure, unavailable, type Computed, type MeasureContext } from './define.js';
import { promotionSurvival, survivalSummary } from './promotion-survival.js';
import { proportion } from './proportion.js';
import { counted } from './counted.js';

const promotions = (ctx: MeasureContext): PersonTimeline[] =>
  ctx.model.people.filter((p) => p.isPromotion && p.twoPointOStart !== undefined);

/** Why no promotion is eligible; without job_history no 2.0 start can be a promotion at all. */
function noPromotionReason(ctx: MeasureContext, latestStart?: IsoDate): string {
  if (!ctx.model.jobHistoryGiven) {
    const unusable = ctx.unusable?.get('job_history');
    const why = unusable === undefined ? 'without job_history.csv' : `${unusable}, so`;
    return `no promotion to 2.0 is known: ${why} the level before the roster title is unknown`;
  }
  return latestStart === undefined ? 'no promotion to 2.0 by the as-of date' : `no promotion to 2.0 on or before ${latestStart}`;
}

/** How someone left the track, read from their level on the day they left. */
function departure(p: PersonTimeline, on: IsoDate): string {
  const level = levelOn(p, on);
  return level === undefined || level === 'other' ? 'left ops' : `moved to ${level}`;
}

const leftNote = (p: PersonTimeline): string => {
  const left = p.leftTrack!;
  const start = p.twoPointOStart!;
  if (left < start) return `${departure(p, left)} on ${left}, before the 2.0 start on ${start}`;
  return `${departure(p, left)} on ${left}, day ${daysBetween(start, left)} after the 2.0 start on ${start}`;
};

/**
 * Promotions with s ≤ T − N months: the share who did not leave before s + N months. Leaving on the
 * anniversary itself is not "before" it. The base is taken literally as `s ≤ T − N months`; for a start on
 * Feb 29 this is one day stricter than `s + N months ≤ T`, and it keeps every anniversary on or before T.
 */
const stayedFor = (months: number) => (ctx: MeasureContext): Computed => {
  const latestStart = addMonths(ctx.window.asOf, -months);
  const base = promotions(ctx).filter((p) => p.twoPointOStart! <= latestStart);
  return proportion(
    base,
    (p) => p.leftTrack === undefined || p.leftTrack >= addMonths(p.twoPointOStart!, months),
    leftNote,
    noPromotionReason(ctx, latestStart),
  );
};

/** S(day) of the Kaplan–Meier fit, with the risk set at that day and who left by then. */
const survivalAt = (day: number) => (ctx: MeasureContext): Computed => {
  const km = promotionSurvival(ctx);
  if (km === undefined) return unavailable('insufficient_data', noPromotionReason(ctx), { n: 0 });
  const risk = km.fit.riskSetAt(day);
  const details: Detail[] = [
    // The three add up to everyone promoted: exits and censorings on or before the day, the rest after it
    // ("at risk" in a survival table's sense at the day itself would also count those censored on it).
    { note: `by day ${day}: ${counted(risk.events, 'exit')}, ${risk.censored} censored, ${risk.atRisk} still at risk after it` },
  ];
  for (const subject of km.subjects) {
    if (subject.exited && subject.days <= day) details.push({ employeeId: subject.id, note: leftNote(ctx.model.people.get(subject.id)!) });
  }
  return figure(km.fit.survivalAt(day), km.subjects.length, { survival: survivalSummary(km.fit, day), details });
};

/** People in ops on T − 12 months (hired by then, not exited by then): the share still in ops at T. */
function opsRetention(ctx: MeasureContext): Computed {
  const T = ctx.window.asOf;
  const yearAgo = addMonths(T, -12);
  const base = ctx.model.people.filter((p) => inOpsOn(p, yearAgo)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return proportion(
    base,
    (p) => inOpsOn(p, T),
    (p) => (p.exitOps !== undefined ? `left ops on ${p.exitOps}` : `not in ops on ${T} (level ${levelOn(p, T) ?? 'unknown'})`),
    `no one was in ops on ${yearAgo}`,
  );
}

export default defineMetric({
  id: 'retention',
  title: 'Retention rate',
  measures: [
    {
      id: 'retention_2y',
      label: 'Promoted 2.0s who stayed 2+ years',
      unit: 'ratio',
      target: { op: '>=', value: 0.95 },
      needs: ['people'],
      compute: stayedFor(24),
    },
    {
      id: 'retention_1y',
      label: 'Promoted 2.0s who stayed 1+ year',
      unit: 'ratio',
      target: { op: '>=', value: 0.9 },
      belowTarget: 'investigate',
      needs: ['people'],
      compute: stayedFor(12),
    },
    {
      id: 'km_retention_1y',
      label: 'Promoted 2.0s still on the track after 365 days (Kaplan-Meier)',
      unit: 'ratio',
      target: null,
      needs: ['people'],
      compute: survivalAt(365),
    },
    {
      id: 'km_retention_2y',
      label: 'Promoted 2.0s still on the track after 730 days (Kaplan-Meier)',
      unit: 'ratio',
      target: null,
      needs: ['people'],
      compute: survivalAt(730),
    },
    {
      id: 'ops_retention_12m',
      label: 'Ops engineers of a year ago still in ops',
      unit: 'ratio',
      target: null,
      needs: ['people'],
      compute: opsRetention,
    },
  ],
});
