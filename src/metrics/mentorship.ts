/**
 * Metric 7, mentorship effectiveness (metrics.md, "Mentorship effectiveness" and Settled details): how much
 * faster 1.0 engineers mentored by 2.0s grow in skill, and whether the mentees stay in ops.
 */
import type { IsoDate, Mentorship, SkillAssessment } from '../core/datasets.js';
import { isOnePointO } from '../core/levels.js';
import type { Rows } from '../core/record-table.js';
import type { Detail } from '../core/report.js';
import { daysBetween } from '../model/calendar.js';
import type { OrgModel } from '../model/org-model.js';
import { levelOn, onTrackOn } from '../model/timeline.js';
import { inTrailingYear } from '../model/window.js';
import { defineMetric, figure, unavailable, type MeasureDefinition } from './define.js';
import { proportion } from './proportion.js';

const DAYS_PER_MONTH = 30.4375;
const MIN_GROUP = 2;

/** Mentorships whose mentor was on the 2.0 track on `started_on`; a mentor missing from people is not. */
function twoPointOMentorships(mentorships: Iterable<Mentorship>, model: OrgModel): Mentorship[] {
  const kept: Mentorship[] = [];
  for (const m of mentorships) {
    const mentor = model.people.get(m.mentor_id);
    if (mentor !== undefined && onTrackOn(mentor, m.started_on)) kept.push(m);
  }
  return kept;
}

interface Growth { readonly id: string; readonly mentored: boolean; readonly velocity: number; readonly note: string }

/** A person's first and last assessments in Y: their dates and scores, and whether a 2.0 mentored them between. */
interface Span { firstOn: IsoDate; firstScore: number; lastOn: IsoDate; lastScore: number; mentored: boolean }

const overlaps = (m: Mentorship, first: IsoDate, last: IsoDate): boolean =>
  m.started_on <= last && (m.ended_on === undefined || m.ended_on >= first);

/**
 * Each person at ops1/ops1_senior on their first assessment in Y, with a velocity over Y. Of several
 * assessments on one date the file order decides: the first row of the earliest date is the first, the
 * last row of the latest date the last (as a stable sort by date would order them). Only the dates and
 * scores of those two rows of each person are kept as the rows are read (a large export holds hundreds
 * of thousands), and the mentorships are then matched to them one by one, not grouped by mentee.
 */
function growthInYear(assessments: Rows<SkillAssessment>, mentorships: readonly Mentorship[], ctx: { model: OrgModel; inYear: (d: IsoDate) => boolean }): Growth[] {
  const spans = new Map<string, Span>();
  for (const a of assessments) {
    if (!ctx.inYear(a.assessed_on)) continue;
    const span = spans.get(a.employee_id);
    if (span === undefined) {
      spans.set(a.employee_id, { firstOn: a.assessed_on, firstScore: a.score, lastOn: a.assessed_on, lastScore: a.score, mentored: false });
      continue;
    }
    if (a.assessed_on < span.firstOn) {
      span.firstOn = a.assessed_on;
      span.firstScore = a.score;
    }
    if (a.assessed_on >= span.lastOn) {
      span.lastOn = a.assessed_on;
      span.lastScore = a.score;
    }
  }
  for (const m of mentorships) {
    const span = spans.get(m.mentee_id);
    if (span !== undefined && overlaps(m, span.firstOn, span.lastOn)) span.mentored = true;
  }
  const growth: Growth[] = [];
  for (const [id, { firstOn, firstScore, lastOn, lastScore, mentored }] of spans) {
    const person = ctx.model.people.get(id);
    const level = person === undefined ? undefined : levelOn(person, firstOn);
    // Two assessments on one day give no velocity (Settled details, "Assessments").
    if (level === undefined || !isOnePointO(level) || firstOn === lastOn) continue;
    const velocity = (lastScore - firstScore) / (daysBetween(firstOn, lastOn) / DAYS_PER_MONTH);
    const note = `${mentored ? 'mentored' : 'not mentored'}: ${firstScore} on ${firstOn} → ${lastScore} on ${lastOn}, ${velocity.toFixed(3)} a month`;
    growth.push({ id, mentored, velocity, note });
  }
  return growth.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

const mentoredGrowthUplift: MeasureDefinition = {
  id: 'mentored_growth_uplift',
  label: 'Extra skill growth of 1.0s mentored by 2.0s',
  unit: 'ratio',
  target: { op: '>=', value: 0.25 },
  needs: ['people', 'skill_assessments', 'mentorships'],
  compute: ({ data, model, window }) => {
    const mentorships = twoPointOMentorships(data.mentorships ?? [], model);
    const growth = growthInYear(data.skill_assessments ?? [], mentorships, { model, inYear: (d) => inTrailingYear(window, d) });
    const mentored = growth.filter((g) => g.mentored).map((g) => g.velocity);
    const others = growth.filter((g) => !g.mentored).map((g) => g.velocity);
    const details: Detail[] = growth.map((g) => ({ employeeId: g.id, note: g.note }));
    if (mentored.length < MIN_GROUP || others.length < MIN_GROUP) {
      return unavailable('insufficient_data',
        `needs ${MIN_GROUP} people in each group with two assessments in the trailing year: ${mentored.length} mentored, ${others.length} others`,
        { details });
    }
    const othersMean = mean(others);
    if (othersMean <= 0) {
      return unavailable('insufficient_data', `the others' mean growth (${othersMean.toFixed(3)} a month) is not positive, so there is no base`, { details });
    }
    return figure(mean(mentored) / othersMean - 1, null, { details });
  },
};

const menteeOpsRetention: MeasureDefinition = {
  id: 'mentee_ops_retention',
  label: 'Mentees of 2.0s still in ops',
  unit: 'ratio',
  target: { op: '>=', value: 0.9 },
  needs: ['people', 'mentorships'],
  compute: ({ data, model, window }) => {
    // The data is cut at T, so every mentorship left has started_on ≤ T.
    const menteeIds = [...new Set(twoPointOMentorships(data.mentorships ?? [], model).map((m) => m.mentee_id))].sort();
    // A mentee missing from people, or hired after T (the row is cut), cannot be judged either way: left out
    // of the base, and named in the details with T, since the id may well be in the file.
    const unknown = menteeIds.filter((id) => !model.people.has(id));
    const base = menteeIds.flatMap((id) => {
      const person = model.people.get(id);
      return person === undefined ? [] : [{ id, exitOps: person.exitOps }];
    });
    const computed = proportion(
      base,
      (m) => m.exitOps === undefined || m.exitOps > window.asOf,
      (m) => `left ops on ${m.exitOps}`,
      'no mentee of a 2.0-track mentor',
    );
    if (unknown.length === 0) return computed;
    const notInPeople: Detail[] = unknown.map((id) => ({ employeeId: id, note: `mentee not in people on ${window.asOf}: left out of the base` }));
    const details = [...(computed.details ?? []), ...notInPeople]
      .sort((a, b) => ((a.employeeId ?? '') < (b.employeeId ?? '') ? -1 : (a.employeeId ?? '') > (b.employeeId ?? '') ? 1 : 0));
    return { ...computed, details };
  },
};

export default defineMetric({
  id: 'mentorship',
  title: 'Mentorship effectiveness',
  measures: [mentoredGrowthUplift, menteeOpsRetention],
});
