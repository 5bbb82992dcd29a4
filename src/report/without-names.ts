/**
 * The report without people's names, for the outputs that never show them whatever `--names` says: the
 * GitHub step summary, like the annotations and JUnit, lands on a workflow's page, which everyone who can
 * read the repository can open.
 */
import type { Detail, Report } from '../core/report.js';

const unnamed = (details: readonly Detail[]): readonly Detail[] =>
  details.some((d) => d.name !== undefined) ? details.map(({ name: _name, ...detail }) => detail) : details;

export function withoutNames(report: Report): Report {
  return {
    ...report,
    metrics: report.metrics.map((metric) => ({ ...metric, measures: metric.measures.map((m) => ({ ...m, details: unnamed(m.details) })) })),
    redFlags: report.redFlags.map((flag) => ({ ...flag, evidence: unnamed(flag.evidence) })),
  };
}
