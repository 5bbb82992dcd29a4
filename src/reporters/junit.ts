/**
 * JUnit XML for CI test dashboards: a suite per metric and one `red_flags` suite; a test case per measure
 * with a target and per red flag. A miss, an `investigate` or an error-level trip is a failure; a figure
 * that cannot be judged yet (pending, no data, ...) or a flag switched off is skipped; a warn-level trip
 * passes with a note. Per-person lines carry employee ids only, never names: CI logs are widely readable.
 * With `--compare` and `--trend`, the change since the earlier report and the figures by quarter go where
 * a dashboard shows them: a failure's message and text, a skip's message, a pass's `<system-out>`.
 */
import type { Detail, MeasureResult, MetricResult, RedFlagResult, Report } from '../core/report.js';
import { xmlText as x } from './escape.js';
import {
  formatChangeSince, formatN, formatRedFlagThreshold, describeRedFlagValue, measureQuarterly, redFlagChangeSince, redFlagQuarterly,
  formatTarget, formatValue, gateLine, STATUS_WORD,
} from './format-values.js';
import { inPieces } from './piece-buffer.js';
import type { PieceReporter, Reporter } from './types.js';

/**
 * A failure's text: its first line, a line per person concerned, and a last line. The people's lines are
 * made as they are written: a measure missed at a large organisation lists ~100,000 of them.
 */
interface FailureBody { readonly first: string; readonly trend?: string | undefined; readonly people: readonly Detail[]; readonly last?: string }

type Outcome =
  | { readonly kind: 'passed'; readonly note?: string }
  | { readonly kind: 'failure'; readonly type: string; readonly message: string; readonly body: FailureBody }
  | { readonly kind: 'skipped'; readonly message: string };

interface TestCase { readonly classname: string; readonly name: string; readonly outcome: Outcome }
interface Suite { readonly name: string; readonly cases: readonly TestCase[]; readonly out?: string }

// Every body line starts with fixed text (`- `, an id, `Fix: `), never with input text: see bodyTexts.
const personLine = (d: Detail): string => (d.employeeId === undefined ? `- ${d.note}` : `- ${d.employeeId}: ${d.note}`);

/** A message and the notes after it that are there (the change since the earlier report, the figures by quarter). */
const joined = (...texts: ReadonlyArray<string | undefined>): string => texts.filter((text) => text !== undefined).join('; ');

/** A pass, with its notes when there are any. */
function passed(...notes: ReadonlyArray<string | undefined>): Outcome {
  const note = joined(...notes);
  return note === '' ? { kind: 'passed' } : { kind: 'passed', note };
}

function measureOutcome(m: MeasureResult): Outcome {
  const figures = `value ${formatValue(m)}, target ${formatTarget(m.target, m.unit)}, n ${formatN(m.n)}`;
  const since = formatChangeSince(m);
  const trend = measureQuarterly(m);
  switch (m.status) {
    case 'met': return passed(since, trend);
    case 'missed':
    case 'investigate':
      return {
        kind: 'failure',
        type: m.status,
        message: joined(`${STATUS_WORD[m.status]}: ${figures}`, since),
        body: { first: `${m.id}: ${m.label}`, trend, people: m.details },
      };
    case 'pending':
    case 'insufficient_data':
    case 'suppressed':
    case 'no_data':
    case 'info':
      return { kind: 'skipped', message: joined(`${STATUS_WORD[m.status]}${m.reason === undefined ? '' : `: ${m.reason}`}`, since, trend) };
    default: { const never: never = m.status; return never; }
  }
}

function redFlagOutcome(f: RedFlagResult): Outcome {
  const figures = `${describeRedFlagValue(f)}, threshold ${formatRedFlagThreshold(f)}`;
  const since = redFlagChangeSince(f);
  const trend = redFlagQuarterly(f);
  switch (f.status) {
    case 'clear': return passed(since, trend);
    case 'tripped':
      return f.severity === 'error'
        ? {
            kind: 'failure',
            type: 'tripped',
            message: joined(`tripped: ${figures}`, since),
            body: { first: `${f.id}: ${f.title}`, trend, people: f.evidence, last: `Fix: ${f.fix}` },
          }
        : passed(`tripped (severity ${f.severity}, does not fail the gate): ${figures}`, since, trend);
    case 'no_data':
    case 'insufficient_data':
    case 'suppressed':
    case 'off':
      return { kind: 'skipped', message: joined(`${STATUS_WORD[f.status]}${f.reason === undefined ? '' : `: ${f.reason}`}`, since, trend) };
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

// One body line a line: `xmlText` flattens each line's own line breaks, so no input text starts a line of its
// own (a JUnit file printed in a CI log must not carry a line that starts with a workflow command).
function* bodyTexts(body: FailureBody): Generator<string, void, undefined> {
  yield x(body.first);
  if (body.trend !== undefined) yield `\n${x(body.trend)}`;
  for (const person of body.people) yield `\n${x(personLine(person))}`;
  if (body.last !== undefined) yield `\n${x(body.last)}`;
}

/** A test case's lines, each with its line break. */
function* caseXml(c: TestCase): Generator<string, void, undefined> {
  const open = `    <testcase classname="${x(c.classname)}" name="${x(c.name)}"`;
  const o = c.outcome;
  switch (o.kind) {
    case 'passed':
      if (o.note === undefined) yield `${open}/>\n`;
      else yield `${open}>\n      <system-out>${x(o.note)}</system-out>\n    </testcase>\n`;
      return;
    case 'failure':
      yield `${open}>\n      <failure type="${x(o.type)}" message="${x(o.message)}">`;
      yield* bodyTexts(o.body);
      yield '</failure>\n    </testcase>\n';
      return;
    case 'skipped':
      yield `${open}>\n      <skipped message="${x(o.message)}"/>\n    </testcase>\n`;
      return;
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

/** A suite's lines, each with its line break. */
function* suiteXml(suite: Suite): Generator<string, void, undefined> {
  yield `  <testsuite name="${x(suite.name)}" ${countAttributes(countsOf(suite.cases))}>\n`;
  for (const c of suite.cases) yield* caseXml(c);
  if (suite.out !== undefined) yield `    <system-out>${x(suite.out)}</system-out>\n`;
  yield '  </testsuite>\n';
}

function* junitTexts(report: Report): Generator<string, void, undefined> {
  const suites = [...report.metrics.map(metricSuite), redFlagSuite(report)];
  const all = countsOf(suites.flatMap((s) => s.cases));
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${x(`ops-metrics ${report.period.label}`)}" ${countAttributes(all)}>\n`;
  for (const suite of suites) yield* suiteXml(suite);
  yield '</testsuites>\n';
}

/** The JUnit XML in pieces of about 64 KiB: a large organisation's failures list every person concerned. */
export const junitPieceReporter: PieceReporter = (report) => inPieces(junitTexts(report));

export const junitReporter: Reporter = (report, options) => [...junitPieceReporter(report, options)].join('');
