/**
 * What a reader of a report must know before trusting it, though nothing in it is wrong by the
 * definitions: the CLI prints these on standard error, never in the report, so machine formats stay
 * as they are. Each is a mistake easy to make in a CI job and invisible in a green gate:
 * - an as-of date after today: the data is today's, so work due later counts as not done, and the rest
 *   of the period holds nothing;
 * - no measure with a figure: no data falls in the period (a mistyped year passes every gate);
 * - a `--compare` report of the same period or a later one: its "changes" are not since an earlier one.
 */
import type { IsoDate } from '../core/datasets.js';
import type { Report } from '../core/report.js';

export function reportCautions(report: Pick<Report, 'asOf' | 'period' | 'metrics'>, today: IsoDate, comparedAsOf?: IsoDate): string[] {
  const cautions: string[] = [];
  if (report.asOf > today) {
    cautions.push(`the report is as of ${report.asOf}, after today (${today}): the data can only be today's, so work due later counts as ` +
      `not done and the rest of the period holds nothing; pass --as-of ${today} for a report as of today`);
  }
  if (report.metrics.every((metric) => metric.measures.every((m) => m.value === null))) {
    cautions.push(`no measure has a figure for ${report.period.label} (${report.period.start} … ${report.period.end}): ` +
      'no data falls in it, or the files it needs are missing; check --period');
  }
  if (comparedAsOf !== undefined && comparedAsOf >= report.period.start) {
    cautions.push(`the --compare report is as of ${comparedAsOf}, not before this period (${report.period.label}, from ${report.period.start}): ` +
      'its changes are not changes since an earlier period');
  }
  return cautions;
}
