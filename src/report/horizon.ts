/**
 * The records a run can read. A report is computed for known windows (the period, and each quarter of
 * `--trend`), and most measures look only at rows dated in or near them: time allocation and meetings in
 * P, assessments and requirements in Y, action items falling due in P, incidents of Y and Y₋₁ and the
 * recurrence window before them. Exports hold years more than that (a tracker's whole history), so the
 * rows no measure of any window can read are set aside as the files are read: validated and counted like
 * every other row, but not kept. The figures are the same to the byte; a test computes reports with and
 * without this filter and compares them.
 *
 * Each rule below keeps a superset of what its measures read, with a day or two of slack wherever a
 * calendar date meets an instant: a date's start in any zone lies within ±14 h of its UTC midnight.
 * Datasets read over the whole program (people, job history, improvements, mentorships, coverage) or
 * too small to matter are kept whole.
 */
import { matchKey, type Config } from '../core/config.js';
import type { DatasetName, IsoDate, RecordOf } from '../core/datasets.js';
import { DAY_MS, HOUR_MS } from '../core/durations.js';
import { ACTION_ITEM_DAYS, rcaClockField } from '../metrics/exception-handling.js';
import { automationCourseNames, isWrittenContribution } from '../metrics/technical-growth.js';
import { toUtcMs } from '../model/calendar.js';
import type { ReportWindow } from '../model/window.js';

/** More than a zone's offset (≤ 14 h) plus a day a zone once skipped or a DST change. */
const SLACK_MS = 2 * DAY_MS;

/** For each dataset it narrows, whether a record can be read by some measure of the run. */
export type RecordFilters = { readonly [D in DatasetName]?: (record: RecordOf[D]) => boolean };

const earliest = (dates: readonly IsoDate[]): IsoDate => dates.reduce((a, b) => (b < a ? b : a));

/**
 * The filters for a run whose report is computed for `windows` (at least one). A later `T` only ever
 * adds rows to what a measure reads, so the earliest window's bounds serve them all; nothing is set aside
 * for being after a `T`, which the as-of cut does per window.
 */
export function recordFilters(windows: readonly ReportWindow[], config: Config): RecordFilters {
  if (windows.length === 0) throw new RangeError('a run has at least one window');
  /** P's first day: time allocation, meetings, action items falling due, P1 RCAs falling due. */
  const periodStart = earliest(windows.map((w) => w.period.start));
  /** Y = (yearStartExclusive, T]: assessments, incorporated requirements. */
  const yearStartExclusive = earliest(windows.map((w) => w.yearStartExclusive));
  /** Y₋₁'s exclusive start: incidents counted in the recurrence rate, and those before it within its window. */
  const previousYearStartExclusive = earliest(windows.map((w) => w.previousYearStartExclusive));

  const periodStartMs = toUtcMs(periodStart);
  // An action item falls due 30 calendar days after it is created; due on or after P's first day.
  const actionItemsFrom = periodStartMs - ACTION_ITEM_DAYS * DAY_MS - SLACK_MS;
  // A P1's RCA falls due `rca.hours` after its clock starts; due on or after P's first day.
  const rcaClocksFrom = periodStartMs - config.rca.hours * HOUR_MS - SLACK_MS;
  const rcaClock = rcaClockField(config.rca);
  // Recurrences are counted among incidents opened in Y₋₁ and Y; each is judged against incidents up to
  // `windowDays` before it. An explicit `recurrence_of` naming an incident set aside still counts, as it
  // must: that incident opened before every incident counted.
  const incidentsFrom = toUtcMs(previousYearStartExclusive) - config.recurrence.windowDays * DAY_MS - SLACK_MS;
  const courses = automationCourseNames(config);

  return {
    time_allocation: (row) => row.period_start >= periodStart,
    meetings: (meeting) => meeting.date >= periodStart,
    skill_assessments: (assessment) => assessment.assessed_on > yearStartExclusive,
    requirements: (requirement) => requirement.incorporated_on !== undefined && requirement.incorporated_on > yearStartExclusive,
    action_items: (item) => item.created_at >= actionItemsFrom,
    // Program-to-date, with no lower bound in time: only what they count.
    trainings: (training) => courses.has(matchKey(training.course)),
    automation_contributions: isWrittenContribution,
    incidents: (incident) => {
      if (incident.opened_at >= incidentsFrom) return true;
      // Postmortem leads count over the whole program.
      if (incident.postmortem_lead_id !== undefined) return true;
      // A P1 opened long ago can fall due in P when it was resolved late. An unknown priority may be a P1,
      // and the P1 measures count those over all the data.
      if (incident.priority === 'unknown') return true;
      const clock = incident[rcaClock];
      return incident.priority === 'P1' && clock !== undefined && clock >= rcaClocksFrom;
    },
  };
}
