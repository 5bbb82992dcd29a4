/**
 * Metric 3, Responsibility adoption (metrics.md §3): do new 2.0s take on postmortems, process design and
 * mentoring within their first months on the track?
 */
import type { IsoDate, Mentorship } from '../core/datasets.js';
import type { LevelCode } from '../core/levels.js';
import { levelOn } from '../model/timeline.js';
import { dateInZone } from '../validate/time-zone.js';
import { anyDateIn, cohortOf, cohortShare, datesByPerson, type StartWindow } from './cohort-share.js';
import { defineMetric, type Computed, type MeasureContext } from './define.js';

const span = (w: StartWindow): string => `${w.start} and ${w.end}`;

/**
 * Led the postmortem of an incident whose postmortem_completed_at (else opened_at) falls within 6 months
 * of s, as a calendar date in the configured zone. The data is cut at T, so a postmortem completed after
 * T counts as absent and the incident's opened_at is used, as metrics.md's "else" says.
 */
function postmortemLeads(ctx: MeasureContext): Computed {
  const zone = ctx.config.timezone;
  const incidents = ctx.data.incidents;
  const group = cohortOf(ctx, 6);
  const led = incidents === undefined ? new Map<string, IsoDate[]>() : datesByPerson(
    incidents.rowsWith('postmortem_lead_id'),
    (row) => incidents.textAt('postmortem_lead_id', row),
    (row) => dateInZone(incidents.instantAt('postmortem_completed_at', row) ?? incidents.openedAt(row), zone),
    group.ids,
  );
  return cohortShare(ctx, group, (p, w) => anyDateIn(led, p, w), (_, w) => `led no postmortem between ${span(w)}`);
}

/** Owned a critical design or redesign completed within 12 months of s. */
function processDesigners(ctx: MeasureContext): Computed {
  const designs = (ctx.data.improvements ?? []).filter((i) => i.critical && (i.kind === 'design' || i.kind === 'redesign'));
  const group = cohortOf(ctx, 12);
  const owned = datesByPerson(designs, (i) => i.owner_id, (i) => i.completed_on, group.ids);
  return cohortShare(ctx, group, (p, w) => anyDateIn(owned, p, w), (_, w) => `completed no critical design or redesign between ${span(w)}`);
}

const MENTEE_LEVELS: ReadonlySet<LevelCode> = new Set(['technician', 'ops1', 'ops1_senior']);

/** Why a mentorship's mentee does not count, or undefined when they do (their level on `started_on`). */
function menteeShortfall(ctx: MeasureContext, m: Mentorship): string | undefined {
  const mentee = ctx.model.people.get(m.mentee_id);
  // A mentee unknown to people (or hired after T) has no level, so the mentorship cannot be judged and does not count.
  if (mentee === undefined) return `mentee ${m.mentee_id} is not in people on ${ctx.window.asOf}`;
  const level = levelOn(mentee, m.started_on);
  if (level !== undefined && MENTEE_LEVELS.has(level)) return undefined;
  return `mentee ${m.mentee_id} was ${level ?? 'not in ops'} on ${m.started_on}`;
}

/** Mentored a technician / ops1 / ops1_senior in a mentorship overlapping [s, s + 12 months]. */
function mentors(ctx: MeasureContext): Computed {
  const group = cohortOf(ctx, 12);
  const byMentor = new Map<string, Mentorship[]>();
  for (const m of ctx.data.mentorships ?? []) {
    if (!group.ids.has(m.mentor_id)) continue;
    const list = byMentor.get(m.mentor_id);
    if (list) list.push(m);
    else byMentor.set(m.mentor_id, [m]);
  }
  const overlapping = (id: string, w: StartWindow): Mentorship[] =>
    (byMentor.get(id) ?? []).filter((m) => m.started_on <= w.end && (m.ended_on === undefined || m.ended_on >= w.start));
  return cohortShare(
    ctx,
    group,
    (p, w) => overlapping(p.id, w).some((m) => menteeShortfall(ctx, m) === undefined),
    (p, w) => {
      const reasons = overlapping(p.id, w).map((m) => menteeShortfall(ctx, m)!);
      const none = `mentored no technician, ops1 or ops1_senior between ${span(w)}`;
      return reasons.length === 0 ? none : `${none} (${[...new Set(reasons)].sort().join('; ')})`;
    },
  );
}

export default defineMetric({
  id: 'adoption',
  title: 'Responsibility adoption',
  measures: [
    {
      id: 'postmortem_leads_6m',
      label: 'New 2.0s who led a postmortem within 6 months',
      unit: 'ratio',
      target: { op: '=', value: 1 },
      needs: ['people', 'incidents'],
      needsColumns: () => [{ dataset: 'incidents', column: 'postmortem_lead_id' }],
      compute: postmortemLeads,
    },
    {
      id: 'process_designers_1y',
      label: 'New 2.0s who designed a critical process within a year',
      unit: 'ratio',
      target: { op: '>=', value: 0.8 },
      needs: ['people', 'improvements'],
      compute: processDesigners,
    },
    {
      id: 'mentors_1y',
      label: 'New 2.0s who mentored a 1.0 or technician within a year',
      unit: 'ratio',
      target: { op: '=', value: 1 },
      needs: ['people', 'mentorships'],
      compute: mentors,
    },
  ],
});
