/**
 * The terminal report: one block per metric with a row per measure (label, value, target, status, n,
 * interval), then the red flags with their evidence, the inputs, and the gate verdict. Fits 80 columns.
 * Colour is the only thing that differs between a terminal and a pipe, and it is never the only signal:
 * every status also has a symbol and a word.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Detail, MeasureResult, MetricResult, RedFlagResult, Report } from '../core/report.js';
import {
  formatChangeSince, formatInterval, formatN, formatRedFlagThreshold, formatRedFlagValue, formatStatus, formatTarget,
  formatValue, gateLine, type AnyStatus,
} from './format-values.js';
import { sparkline } from './sparkline.js';
import { plainText } from './text.js';
import type { Reporter } from './types.js';

const DETAILS_SHOWN = 5;
// Measure, value, target, status, n, interval: 79 columns in all.
const COLUMN_WIDTHS = [22, 8, 9, 20, 5, 16];

const tone = (c: ChalkInstance, status: AnyStatus): ((s: string) => string) => {
  switch (status) {
    case 'met': case 'clear': return c.green;
    case 'missed': case 'tripped': return c.red.bold;
    case 'investigate': case 'pending': return c.yellow;
    default: return c.gray;
  }
};

const detailLine = (d: Detail): string =>
  plainText([d.employeeId, d.name !== undefined ? `(${d.name})` : undefined, d.note].filter((x) => x !== undefined && x !== '').join(' '));

function detailLines(details: readonly Detail[], indent: string): string[] {
  const lines = details.slice(0, DETAILS_SHOWN).map((d) => `${indent}${detailLine(d)}`);
  if (details.length > DETAILS_SHOWN) lines.push(`${indent}… and ${details.length - DETAILS_SHOWN} more (see --format json)`);
  return lines;
}

/** Lines under a measure's row: why it has no figure, its trend, its change, who is concerned. */
function measureNotes(m: MeasureResult): string[] {
  const notes: string[] = [];
  if (m.reason !== undefined && m.value === null) notes.push(`  ${plainText(m.reason)}`);
  if (m.history !== undefined && m.history.length > 0) {
    const first = m.history[0]!;
    const last = m.history[m.history.length - 1]!;
    notes.push(`  trend ${plainText(first.period)}…${plainText(last.period)} ${sparkline(m.history.map((h) => h.value))} ` +
      `${formatValue({ value: first.value, unit: m.unit })} → ${formatValue({ value: last.value, unit: m.unit })}`);
  }
  const since = formatChangeSince(m);
  if (since !== undefined) notes.push(`  ${plainText(since)}`);
  if (m.status === 'missed' || m.status === 'investigate' || m.status === 'info') notes.push(...detailLines(m.details, '  · '));
  return notes;
}

/** Greedy word wrap; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    while (rest.length > width) {
      if (line !== '') lines.push(line);
      lines.push(rest.slice(0, width));
      line = '';
      rest = rest.slice(width);
    }
    if (line === '') line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

const HEAD = ['Measure', 'Value', 'Target', 'Status', 'n', '95% interval'];

/** One measure: the label wraps in its column, the other cells sit on its first line. */
function measureRow(cells: readonly string[], statusTone: (s: string) => string): string[] {
  const label = wrap(cells[0]!, COLUMN_WIDTHS[0]! - 1);
  return label.map((part, i) => {
    if (i > 0) return part;
    const rest = cells.slice(1).map((cell, j) => {
      const padded = cell.padEnd(COLUMN_WIDTHS[j + 1]!);
      return j === 2 ? statusTone(padded) : padded;
    });
    return `${part.padEnd(COLUMN_WIDTHS[0]!)}${rest.join('')}`.trimEnd();
  });
}

const NOTE_WIDTH = 78;
const noteLines = (note: string): string[] => {
  const indent = note.match(/^ */)![0] + '  ';
  const [first, ...rest] = wrap(note.trim(), NOTE_WIDTH - indent.length);
  return [`${indent.slice(2)}${first}`, ...rest.map((r) => `${indent}${r}`)];
};

function metricBlock(metric: MetricResult, c: ChalkInstance): string {
  const lines = [c.bold(`${plainText(metric.title)} — `) + tone(c, metric.status)(formatStatus(metric.status))];
  lines.push(c.gray(HEAD.map((h, i) => h.padEnd(COLUMN_WIDTHS[i]!)).join('').trimEnd()));
  for (const m of metric.measures) {
    lines.push(...measureRow([plainText(m.label), formatValue(m), formatTarget(m.target, m.unit), formatStatus(m.status),
      formatN(m.n), formatInterval(m.ci95, m.unit)], tone(c, m.status)));
    for (const note of measureNotes(m)) lines.push(...noteLines(note).map((l) => c.gray(l)));
  }
  return lines.join('\n');
}

// The red flags' status column fits the usual statuses ('✗ tripped', '– no data'); a longer one ('? insufficient
// data') is followed by one space instead, so the title never runs into it.
const RED_FLAG_STATUS_WIDTH = 14;

function redFlagBlock(flag: RedFlagResult, c: ChalkInstance): string[] {
  const severity = flag.severity === 'error' ? '' : ` [${flag.severity}]`;
  const figure = flag.value === null ? plainText(flag.reason ?? '') : `${formatRedFlagValue(flag)} (trips ${formatRedFlagThreshold(flag)})`;
  const shown = formatStatus(flag.status);
  const status = shown.length < RED_FLAG_STATUS_WIDTH ? shown.padEnd(RED_FLAG_STATUS_WIDTH) : `${shown} `;
  const [first, ...rest] = wrap(`${plainText(flag.title)}${severity}: ${figure}`, NOTE_WIDTH - status.length);
  const lines = [`${tone(c, flag.status)(status)}${first}`, ...rest.map((r) => `${' '.repeat(status.length)}${r}`)];
  if (flag.status === 'tripped') {
    lines.push(...detailLines(flag.evidence, '    · ').flatMap(noteLines));
    lines.push(...noteLines(`    fix: ${plainText(flag.fix)}`));
  }
  return lines;
}

export const tableReporter: Reporter = (report: Report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const { period } = report;
  const out = [
    c.bold(plainText(`ops-metrics — ${period.label} (${period.start} … ${period.end})`)),
    plainText(`as of ${report.asOf}, time zone ${report.timezone}`),
    '',
    ...report.metrics.flatMap((m) => [metricBlock(m, c), '']),
    c.bold('Red flags'),
    ...report.redFlags.flatMap((f) => redFlagBlock(f, c)),
    '',
    c.bold('Inputs'),
    ...report.inputs.map((i) => `  ${i.dataset.padEnd(25)} ${plainText(i.file).padEnd(30)} ${String(i.accepted).padStart(7)} of ${i.rows} rows` +
      (i.unreadable === true ? c.yellow(', unreadable') : i.rejected > 0 ? c.yellow(`, ${i.rejected} rejected`) : '')),
    '',
    (report.gate.failed ? c.red.bold : c.green.bold)(gateLine(report)),
    '',
  ];
  return out.join('\n');
};
