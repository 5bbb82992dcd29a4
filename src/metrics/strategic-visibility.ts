/**
 * Metric 8, strategic visibility (metrics.md, "Strategic visibility" and Settled details): product roadmap
 * meetings attended per 2.0 engineer per quarter, and operational requirements taken into product design
 * per eligible engineer-year.
 */
import { matchKey } from '../core/config.js';
import { ROADMAP_MEETING_KIND } from '../core/datasets.js';
import type { Detail } from '../core/report.js';
import { daysBetween } from '../model/calendar.js';
import { onTrackOn } from '../model/timeline.js';
import { inPeriod, inTrailingYear, type ReportWindow } from '../model/window.js';
import { defineMetric, figure, unavailable, type MeasureDefinition } from './define.js';
import { eligibleEngineers, meanAnnualisedRate } from './exposure.js';
import { counted } from './counted.js';

/** The mean length of a calendar quarter in days (365.25 ÷ 4). */
const DAYS_PER_QUARTER = 91.3125;

/**
 * A full quarter counts as it is; a cut quarter or a year is scaled to a quarter's length
 * (metrics.md, Settled details: a full quarter is never scaled).
 */
const quarterScale = (window: ReportWindow): number =>
  window.isFullQuarter ? 1 : DAYS_PER_QUARTER / (daysBetween(window.period.start, window.period.end) + 1);

const roadmapMeetingsPerQuarter: MeasureDefinition = {
  id: 'roadmap_meetings_per_quarter',
  label: 'Product roadmap meetings per 2.0 engineer per quarter',
  unit: 'rate',
  target: { op: '>=', value: 2 },
  needs: ['people', 'meetings'],
  compute: ({ data, model, window }) => {
    // On the track at both ends of P is on it for all of P, since re-entering the track is not modelled.
    const engineers = model.people
      .filter((p) => onTrackOn(p, window.period.start) && onTrackOn(p, window.period.end))
      .map((p) => p.id)
      .sort();
    if (engineers.length === 0) return unavailable('insufficient_data', 'no one was on the 2.0 track for all of the period', { n: 0 });
    const attended = new Map<string, number>(engineers.map((id) => [id, 0]));
    for (const meeting of data.meetings ?? []) {
      const count = attended.get(meeting.employee_id);
      if (count === undefined || matchKey(meeting.kind) !== ROADMAP_MEETING_KIND || !inPeriod(window, meeting.date)) continue;
      attended.set(meeting.employee_id, count + 1);
    }
    const scale = quarterScale(window);
    let sum = 0;
    const details: Detail[] = [];
    for (const id of engineers) {
      const count = attended.get(id) ?? 0;
      sum += count * scale;
      details.push({ employeeId: id, note: `${counted(count, `${ROADMAP_MEETING_KIND} meeting`)} in ${window.period.start}..${window.period.end}` });
    }
    return figure(sum / engineers.length, engineers.length, { details });
  },
};

const requirementsIncorporatedPerYear: MeasureDefinition = {
  id: 'requirements_incorporated_per_year',
  label: 'Ops requirements incorporated per 2.0 engineer-year',
  unit: 'rate',
  target: { op: '>=', value: 2 },
  needs: ['people', 'requirements'],
  needsColumns: () => [{ dataset: 'requirements', column: 'incorporated_on' }],
  compute: ({ data, model, window }) => {
    const incorporated = new Map<string, string[]>();
    for (const r of data.requirements ?? []) {
      // incorporated_on after T is already absent (the data is cut at T).
      if (r.incorporated_on === undefined || !inTrailingYear(window, r.incorporated_on)) continue;
      const dates = incorporated.get(r.sourced_by);
      if (dates) dates.push(r.incorporated_on);
      else incorporated.set(r.sourced_by, [r.incorporated_on]);
    }
    return meanAnnualisedRate(
      eligibleEngineers(model, window),
      (e) => (incorporated.get(e.person.id) ?? []).filter((d) => d >= e.start).length,
      ['requirement incorporated', 'requirements incorporated'],
    );
  },
};

export default defineMetric({
  id: 'strategic_visibility',
  title: 'Strategic visibility',
  measures: [roadmapMeetingsPerQuarter, requirementsIncorporatedPerYear],
});
