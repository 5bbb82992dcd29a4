/**
 * JUnit XML for CI test dashboards: a suite per metric and one `red_flags` suite; a test case per measure
 * with a target and per red flag. A miss, an `investigate` or an error-level trip is a failure; a figure
 * that cannot be judged yet (pending, no data, ...) or a flag switched off is skipped; a warn-level trip
 * passes with a note. Per-person lines carry employee ids only, never names: CI logs are widely readable.
 */
import type { Detail, MeasureResult, MetricResult, RedFlagResult, Report } from '../core/report.js';
import { xmlText as x } from './escape.js';
import {
  formatChangeSince, formatN, formatRedFlagThreshold, formatRedFlagValue, formatTarget, formatValue, gateLine, STATUS_WORD,
} from './format-values.js';
import type { Reporter } from './types.js';

type Outcome =
  | { readonly kind: 'passed'; readonly note?: string }
  | { readonly kind: 'failure'; readonly type: string; readonly message: string; readonly body: readonly string[] }
  | { readonly kind: 'skipped'; readonly message: string };

interface TestCase { readonly classname: string; readonly name: string; readonly outcome: Outcome }
interface Suite { readonly name: string; readonly cases: readonly TestCase[]; readonly out?: string }

// Every body line starts with fixed text (`- `, an id, `Fix: `), never with input text: see xmlLines.
const personLines = (details: readonly Detail[]): string[] =>
  details.map((d) => (d.employeeId === undefined ? `- ${d.note}` : `- ${d.employeeId}: ${d.note}`));

function measureOutcome(m: MeasureResult): Outcome {
  const figures = `value ${formatValue(m)}, target ${formatTarget(m.target, m.unit)}, n ${formatN(m.n)}`;
  const since = formatChangeSince(m);
  const withSince = (text: string): string => (since === undefined ? text : `${text}; ${since}`);
  switch (m.status) {
    case 'met': return since === undefined ? { kind: 'passed' } : { kind: 'passed', note: since };
    case 'missed':
    case 'investigate':
      return {
        kind: 'failure',
        type: m.status,
        message: withSince(`${STATUS_WORD[m.status]}: ${figures}`),
        body: [`${m.id}: ${m.label}`, ...personLines(m.details)],
      };
    case 'pending':
    case 'insufficient_data':
    case 'suppressed':
    case 'no_data':
    case 'info':
      return { kind: 'skipped', message: withSince(`${STATUS_WORD[m.status]}${m.reason === undefined ? '' : `: ${m.reason}`}`) };
    default: { const never: never = m.status; return never; }
  }
}

function redFlagOutcome(f: RedFlagResult): Outcome {
  const figures = `value ${formatRedFlagValue(f)}, threshold ${formatRedFlagThreshold(f)}`;
  switch (f.status) {
    case 'clear': return { kind: 'passed' };
    case 'tripped':
      return f.severity === 'error'
        ? {
            kind: 'failure',
            type: 'tripped',
            message: `tripped: ${figures}`,
            body: [`${f.id}: ${f.title}`, ...personLines(f.evidence), `Fix: ${f.fix}`],
          }
        : { kind: 'passed', note: `tripped (severity ${f.severity}, does not fail the gate): ${figures}` };
    case 'no_data':
    case 'insufficient_data':
    case 'suppressed':
    case 'off':
      return { kind: 'skipped', message: `${STATUS_WORD[f.status]}${f.reason === undefined ? '' : `: ${f.reason}`}` };
    default: { const never: never = f.status; return never; }
  }
}

const metricSuite = (metric: MetricResult): Suite => ({
  name: metric.id,
  cases: metric.measures
    .filter((m) => m.target !== null)
    .map((m) => ({ classname: `ops-metrics.${metric.id}`, name: m.id, outcome: measureOutcome(m) })),
});

// The gate verdict rides on the red-flag suite: JUnit schemas allow <system-out> in a suite, not in <testsuites>.
const redFlagSuite = (report: Report): Suite => ({
  name: 'red_flags',
  cases: report.redFlags.map((f) => ({ classname: 'ops-metrics.red_flags', name: f.id, outcome: redFlagOutcome(f) })),
  out: gateLine(report),
});

// One line per piece: `xmlText` flattens each piece's own line breaks, so no input text starts a line of its own
// (a JUnit file printed in a CI log must not carry a line that starts with a workflow command).
const xmlLines = (lines: readonly string[]): string => lines.map(x).join('\n');

function caseXml(c: TestCase): string[] {
  const open = `    <testcase classname="${x(c.classname)}" name="${x(c.name)}"`;
  const o = c.outcome;
  switch (o.kind) {
    case 'passed':
      return o.note === undefined ? [`${open}/>`] : [`${open}>`, `      <system-out>${x(o.note)}</system-out>`, '    </testcase>'];
    case 'failure':
      return [`${open}>`, `      <failure type="${x(o.type)}" message="${x(o.message)}">${xmlLines(o.body)}</failure>`, '    </testcase>'];
    case 'skipped':
      return [`${open}>`, `      <skipped message="${x(o.message)}"/>`, '    </testcase>'];
    default: { const never: never = o; return never; }
  }
}

interface Counts { readonly tests: number; readonly failures: number; readonly skipped: number }

const countsOf = (cases: readonly TestCase[]): Counts => ({
  tests: cases.length,
  failures: cases.filter((c) => c.outcome.kind === 'failure').length,
  skipped: cases.filter((c) => c.outcome.kind === 'skipped').length,
});

const countAttributes = (c: Counts): string => `tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}"`;

function suiteXml(suite: Suite): string[] {
  return [
    `  <testsuite name="${x(suite.name)}" ${countAttributes(countsOf(suite.cases))}>`,
    ...suite.cases.flatMap(caseXml),
    ...(suite.out === undefined ? [] : [`    <system-out>${x(suite.out)}</system-out>`]),
    '  </testsuite>',
  ];
}

export const junitReporter: Reporter = (report: Report) => {
  const suites = [...report.metrics.map(metricSuite), redFlagSuite(report)];
  const all = countsOf(suites.flatMap((s) => s.cases));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(`ops-metrics ${report.period.label}`)}" ${countAttributes(all)}>`,
    ...suites.flatMap(suiteXml),
    '</testsuites>',
    '',
  ].join('\n');
};
