/**
 * GitHub Actions workflow commands: an annotation per tripped red flag and per missed measure, and a
 * notice with the gate verdict. An item is an `error` when the gate fails on it, else a `warning`:
 * error-level trips (unless `--fail-on never`), and missed / investigate measures under `--fail-on missed`.
 * Annotations carry employee ids only, never names. (The step summary is written by the CLI, see
 * src/cli/step-summary.ts; this reporter stays pure.)
 */
import type { Detail, MeasureResult, RedFlagResult, Report } from '../core/report.js';
import { workflowData, workflowProperty } from './escape.js';
import {
  formatChangeSince, formatN, formatRedFlagThreshold, describeRedFlagValue, measureQuarterly, redFlagChangeSince, redFlagQuarterly, formatTarget,
  formatValue, gateLine, STATUS_WORD,
} from './format-values.js';
import type { Reporter } from './types.js';

type Level = 'error' | 'warning';

interface Annotation { readonly level: Level; readonly title: string; readonly message: string }

/** GitHub shows at most 10 error and 10 warning annotations per step; the rest would vanish silently. */
export const MAX_PER_LEVEL = 10;
const MAX_IDS = 20;

function employeeIds(details: readonly Detail[]): string {
  const ids = details.flatMap((d) => (d.employeeId === undefined ? [] : [d.employeeId]));
  if (ids.length === 0) return '';
  const more = ids.length > MAX_IDS ? ` and ${ids.length - MAX_IDS} more` : '';
  return `; employees: ${ids.slice(0, MAX_IDS).join(', ')}${more}`;
}

/** `; since 2026-Q2: …; by quarter: …` with `--compare` and `--trend`, inside an annotation's parentheses. */
const changeAndTrend = (since: string | undefined, trend: string | undefined): string =>
  [since, trend].map((text) => (text === undefined ? '' : `; ${text}`)).join('');

function redFlagAnnotation(f: RedFlagResult, failOn: Report['gate']['failOn']): Annotation {
  const failsGate = f.severity === 'error' && failOn !== 'never';
  const notes = changeAndTrend(redFlagChangeSince(f), redFlagQuarterly(f));
  return {
    level: failsGate ? 'error' : 'warning',
    title: `Red flag ${f.id}: ${f.title}`,
    message: `${describeRedFlagValue(f)} (threshold ${formatRedFlagThreshold(f)}, severity ${f.severity}`
      + `${notes})${employeeIds(f.evidence)}. Fix: ${f.fix}`,
  };
}

function measureAnnotation(m: MeasureResult, failOn: Report['gate']['failOn']): Annotation {
  const notes = changeAndTrend(formatChangeSince(m), measureQuarterly(m));
  return {
    level: failOn === 'missed' ? 'error' : 'warning',
    title: `Measure ${STATUS_WORD[m.status]}: ${m.id}`,
    message: `${m.label}: ${formatValue(m)} (target ${formatTarget(m.target, m.unit)}, n ${formatN(m.n)}`
      + `${notes})${employeeIds(m.details)}`,
  };
}

const command = (level: Level | 'notice', title: string, message: string): string =>
  `::${level} title=${workflowProperty(title)}::${workflowData(message)}`;

// The "N more" line is a notice: an 11th error or warning would itself be dropped by GitHub.
function levelLines(annotations: readonly Annotation[], level: Level): string[] {
  const atLevel = annotations.filter((a) => a.level === level);
  const hidden = atLevel.length - MAX_PER_LEVEL;
  return [
    ...atLevel.slice(0, MAX_PER_LEVEL).map((a) => command(level, a.title, a.message)),
    ...(hidden > 0 ? [command('notice', 'ops-metrics', `${hidden} more ${level}s not shown; see the full report`)] : []),
  ];
}

/**
 * `2026-Q3 (2026-07-01 … 2026-09-30)`: the run's log names the period judged, since the default period
 * depends on the day and the configured zone (a job on the first day of a quarter, early in UTC, is still
 * on the quarter's last day in the Americas).
 */
const periodText = (report: Report): string => {
  const { label, start, end } = report.period;
  return `${label} (${start} … ${end})`;
};

export const githubReporter: Reporter = (report) => {
  const { failOn } = report.gate;
  const annotations = [
    ...report.redFlags.filter((f) => f.status === 'tripped').map((f) => redFlagAnnotation(f, failOn)),
    ...report.metrics
      .flatMap((metric) => metric.measures)
      .filter((m) => m.status === 'missed' || m.status === 'investigate')
      .map((m) => measureAnnotation(m, failOn)),
  ];
  const lines = [
    ...levelLines(annotations, 'error'),
    ...levelLines(annotations, 'warning'),
    command('notice', 'ops-metrics gate', `${periodText(report)}: ${gateLine(report)}`),
  ];
  return `${lines.join('\n')}\n`;
};
