/** Report variants built from the shared fixtures for the reporter tests. */
import type { Report } from '../../src/core/report.js';
import { attachPrevious, earlierFigures } from '../../src/report/compare.js';
import { previousReport, sampleReport, withHistory } from '../helpers/sample-report.js';

/** 2026-Q3 compared with 2026-Q2 (through JSON, as the CLI reads it), with a four-quarter trend. */
export const comparedReport = (): Report =>
  withHistory(attachPrevious(sampleReport(), earlierFigures(JSON.parse(JSON.stringify(previousReport())), 'report-2026-Q2.json'), 5));

/** As computed with `--names`: every person-level line also carries a name. */
export const namedReport = (): Report => {
  const name = (id: string | undefined): { name?: string } => (id === undefined ? {} : { name: `Name Of ${id}` });
  const report = sampleReport();
  return {
    ...report,
    metrics: report.metrics.map((metric) => ({
      ...metric,
      measures: metric.measures.map((m) => ({ ...m, details: m.details.map((d) => ({ ...d, ...name(d.employeeId) })) })),
    })),
    redFlags: report.redFlags.map((f) => ({ ...f, evidence: f.evidence.map((d) => ({ ...d, ...name(d.employeeId) })) })),
  };
};

export const OPTIONS = { color: false } as const;
