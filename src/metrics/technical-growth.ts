/**
 * Metric 4, Technical growth (metrics.md §4): do new 2.0s learn automation design and write automation?
 */
import { matchKey, type Config } from '../core/config.js';
import type { AutomationContribution } from '../core/datasets.js';
import { anyDateIn, cohortOf, cohortShare, datesByPerson } from './cohort-share.js';
import { defineMetric, type Computed, type MeasureContext } from './define.js';

/** The course names that count as the automation-design course (config `courses.automationDesign`), as keys. */
export const automationCourseNames = (config: Config): ReadonlySet<string> => new Set(config.courses.automationDesign.map(matchKey));

/** Reviews do not count: only code written or substantially improved. */
export const isWrittenContribution = (c: AutomationContribution): boolean => c.kind === 'authored' || c.kind === 'improved';

/**
 * A completion of the automation-design course on or before s + 6 months. metrics.md sets no lower bound
 * here (unlike "within N months of s"), so a course taken before the promotion counts: it prepared them.
 */
function automationCourse(ctx: MeasureContext): Computed {
  const names = automationCourseNames(ctx.config);
  const completions = (ctx.data.trainings ?? []).filter((t) => names.has(matchKey(t.course)));
  const group = cohortOf(ctx, 6);
  const completed = datesByPerson(completions, (t) => t.employee_id, (t) => t.completed_on, group.ids);
  return cohortShare(
    ctx,
    group,
    (p, w) => (completed.get(p.id) ?? []).some((d) => d <= w.end),
    (_, w) => `no automation-design course completed by ${w.end}`,
  );
}

/** An `authored` or `improved` automation contribution within 12 months of s (reviews do not count). */
function automationContributors(ctx: MeasureContext): Computed {
  const written = (ctx.data.automation_contributions ?? []).filter(isWrittenContribution);
  const group = cohortOf(ctx, 12);
  const dates = datesByPerson(written, (c) => c.employee_id, (c) => c.date, group.ids);
  return cohortShare(
    ctx,
    group,
    (p, w) => anyDateIn(dates, p, w),
    (_, w) => `authored or improved no automation between ${w.start} and ${w.end}`,
  );
}

export default defineMetric({
  id: 'technical_growth',
  title: 'Technical growth',
  measures: [
    {
      id: 'automation_course_6m',
      label: 'New 2.0s who completed automation-design training within 6 months',
      unit: 'ratio',
      target: { op: '=', value: 1 },
      needs: ['people', 'trainings'],
      compute: automationCourse,
    },
    {
      id: 'automation_contributors_1y',
      label: 'New 2.0s who wrote or improved automation within a year',
      unit: 'ratio',
      target: { op: '>=', value: 0.7 },
      needs: ['people', 'automation_contributions'],
      compute: automationContributors,
    },
  ],
});
