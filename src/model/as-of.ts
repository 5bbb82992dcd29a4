/**
 * "Rows dated after T_end" (metrics.md, Settled details): a row whose own date is after T is left out; an
 * optional date after T counts as absent. Done once here so no measure can see the future.
 */
import type { Instant, IsoDate, OrgData } from '../core/datasets.js';
import type { Rows } from '../core/record-table.js';
import type { ReportWindow } from './window.js';

export function cutAtAsOf(data: OrgData, window: ReportWindow): OrgData {
  const T = window.asOf;
  const tEnd = window.tEnd;
  const d = (date: IsoDate | undefined): IsoDate | undefined => (date !== undefined && date <= T ? date : undefined);
  const t = (instant: Instant | undefined): Instant | undefined => (instant !== undefined && instant <= tEnd ? instant : undefined);
  /** No optional date lies after T: the row can be shared rather than copied (records are never mutated). */
  const unchanged = (...values: Array<IsoDate | Instant | undefined>): boolean =>
    values.every((v) => v === undefined || (typeof v === 'number' ? v <= tEnd : v <= T));
  /** The rows dated on or before T, cleaned: a table's view shares its columns and cleans each row as it is read. */
  const keep = <R>(rows: Rows<R> | undefined, own: (row: R) => IsoDate | Instant, clean?: (row: R) => R): Rows<R> | undefined => {
    if (rows === undefined) return undefined;
    const kept = rows.filter((row) => {
      const date = own(row);
      return typeof date === 'number' ? date <= tEnd : date <= T;
    });
    return clean === undefined ? kept : kept.map(clean);
  };
  return {
    people: keep(data.people, (r) => r.hire_date, (r) =>
      unchanged(r.termination_date, r.title_start_date) ? r : { ...r, termination_date: d(r.termination_date), title_start_date: d(r.title_start_date) }),
    job_history: keep(data.job_history, (r) => r.effective_date),
    incidents: data.incidents?.upTo(tEnd),
    action_items: keep(data.action_items, (r) => r.created_at, (r) => (unchanged(r.completed_at) ? r : { ...r, completed_at: t(r.completed_at) })),
    survey: data.survey?.upTo(T),
    trainings: keep(data.trainings, (r) => r.completed_on),
    automation_contributions: keep(data.automation_contributions, (r) => r.date),
    improvements: keep(data.improvements, (r) => r.completed_on),
    automation_coverage: keep(data.automation_coverage, (r) => r.measured_on),
    mentorships: keep(data.mentorships, (r) => r.started_on, (r) => (unchanged(r.ended_on) ? r : { ...r, ended_on: d(r.ended_on) })),
    skill_assessments: keep(data.skill_assessments, (r) => r.assessed_on),
    meetings: keep(data.meetings, (r) => r.date),
    requirements: keep(data.requirements, (r) => r.raised_on, (r) => (unchanged(r.incorporated_on) ? r : { ...r, incorporated_on: d(r.incorporated_on) })),
    time_allocation: keep(data.time_allocation, (r) => r.period_start),
  };
}
