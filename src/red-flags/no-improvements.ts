/**
 * No process improvements documented: someone was on the 2.0 track during P, yet no significant
 * improvement completed in P is owned by someone on the 2.0 track on its `completed_on`.
 * The value is the number of qualifying improvements; the flag trips at 0.
 */
import type { Improvement } from '../core/datasets.js';
import type { Detail } from '../core/report.js';
import { maxDate } from '../model/calendar.js';
import { onTrackOn, type PersonTimeline } from '../model/timeline.js';
import { inPeriod } from '../model/window.js';
import type { MeasureContext } from '../metrics/define.js';
import { defineRedFlag, type RedFlagComputed } from './define.js';
import { byId } from './figures.js';

/**
 * On the track on some day of P. Time on the track is one interval [s, leftTrack) (re-entry is not
 * modelled), so it meets P exactly when the person is on it on the first day of P that is not before s.
 */
function onTrackDuringPeriod(person: PersonTimeline, ctx: MeasureContext): boolean {
  const start = person.twoPointOStart;
  if (start === undefined) return false;
  const firstDay = maxDate(start, ctx.window.period.start);
  return firstDay <= ctx.window.period.end && onTrackOn(person, firstDay);
}

function qualifies(improvement: Improvement, ctx: MeasureContext): boolean {
  if (!improvement.significant || !inPeriod(ctx.window, improvement.completed_on)) return false;
  const owner = ctx.model.people.get(improvement.owner_id);
  return owner !== undefined && onTrackOn(owner, improvement.completed_on);
}

function evaluate(ctx: MeasureContext): RedFlagComputed {
  const label = ctx.window.period.label;
  const engineers = ctx.model.people.filter((p) => onTrackDuringPeriod(p, ctx));
  if (engineers.length === 0) {
    return { value: null, status: 'insufficient_data', reason: `nobody was on the 2.0 track during ${label}` };
  }
  const found = [...(ctx.data.improvements ?? []).filter((i) => qualifies(i, ctx))];
  const evidence: Detail[] =
    found.length > 0
      ? found
          .sort((a, b) => byId(a.owner_id, b.owner_id) || byId(a.improvement_id, b.improvement_id))
          .map((i) => ({ employeeId: i.owner_id, note: `owns ${i.improvement_id} (${i.process}), completed ${i.completed_on}` }))
      : engineers
          .map((p) => p.id)
          .sort(byId)
          .map((id) => ({ employeeId: id, note: `on the 2.0 track during ${label}` }));
  return { value: found.length, evidence };
}

export default defineRedFlag({
  id: 'no_improvements',
  title: 'No process improvements documented',
  fix: 'Give each 2.0 engineer a process to redesign this quarter, and record finished improvements in the improvements log.',
  needs: ['people', 'improvements'],
  threshold: () => ({ op: '=', value: 0 }),
  evaluate,
});
