/**
 * What a reader of a report must know before trusting it, though nothing in it is wrong by the
 * definitions: the CLI prints these on standard error, never in the report, so machine formats stay
 * as they are. Each is a mistake easy to make in a CI job and invisible in a green gate:
 * - an as-of date after today: the data is today's, so work due later counts as not done, and the rest
 *   of the period holds nothing;
 * - a period not begun: nothing in it can have happened;
 * - no measure with a figure (a count of nothing aside): no data falls in the period (a mistyped year passes every gate);
 * - a `--compare` report of the same period or a later one: its "changes" are not since an earlier one.
 */
import type { IsoDate } from '../core/datasets.js';
import type { Report } from '../core/report.js';

export function reportCautions(report: Pick<Report, 'asOf' | 'period' | 'metrics'>, today: IsoDate, comparedAsOf?: IsoDate): string[] {
  const cautions: string[] = [];
  if (report.period.start > today) {
    // Nothing of the period has happened: an as-of date of today would be before it, which is refused.
    cautions.push(`the period ${report.period.label} begins on ${report.period.start}, after today (${today}): nothing in it can have ` +
      'happened yet, and figures as of its end read today\'s data as if it were then; check --period');
  } else if (report.asOf > today) {
    cautions.push(`the report is as of ${report.asOf}, after today (${today}): the data can only be today's, so work due later counts as ` +
      `not done and the rest of the period holds nothing; pass --as-of ${today} for a report as of today`);
  }
  // A count of nothing (no P1 left unresolved) is a figure any period has, data or none.
  if (report.metrics.every((metric) => metric.measures.every((m) => m.value === null || (m.unit === 'count' && m.value === 0)))) {
    cautions.push(`no measure has a figure for ${report.period.label} (${report.period.start} … ${report.period.end}): ` +
      'no data falls in it, or the files it needs are missing; check --period');
  }
  if (comparedAsOf !== undefined && comparedAsOf >= report.period.start) {
    cautions.push(`the --compare report is as of ${comparedAsOf}, not before this period (${report.period.label}, from ${report.period.start}): ` +
      'its changes are not changes since an earlier period');
  }
  return cautions;
}
