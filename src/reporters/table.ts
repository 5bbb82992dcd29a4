/**
 * The terminal report: one block per metric with a row per measure (label, value, target, status, n,
 * interval), then the red flags with their evidence, the inputs, and the gate verdict. Fits 80 columns.
 * Widths are terminal columns (display-width.ts), not string lengths: a name or file name in Chinese,
 * Japanese or Korean, or with emoji or accents, keeps the columns after it in line.
 * Colour is the only thing that differs between a terminal and a pipe, and it is never the only signal:
 * every status also has a symbol and a word.
 */
import { counted } from '../metrics/counted.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Detail, MeasureResult, MetricResult, RedFlagResult, Report } from '../core/report.js';
import { cutToWidth, displayWidth, padEndToWidth, padStartToWidth } from './display-width.js';
import { lineStartText } from './escape.js';
import {
  formatAgainst, formatChangeSince, formatInterval, formatN, describeRedFlagValue, formatRedFlagThreshold, formatRedFlagValue, redFlagChangeSince, formatStatus, formatTarget,
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
/**
 * `trend 2025-Q4…2026-Q3 ▂▄▅▇ 80.0% → 96.0%`: the quarters, their sparkline, and the first and last figure
 * as `figure` writes them. `gap` is what a quarter without a figure shows as in the sparkline.
 */
function trendText(history: ReadonlyArray<{ readonly period: string; readonly value: number | null }>, figure: (value: number | null) => string, gap = ' '): string {
  const [oldest, latest] = [history[0]!, history[history.length - 1]!];
  const bars = sparkline(history.map((h) => h.value)).replaceAll(' ', gap);
  return `trend ${plainText(oldest.period)}…${plainText(latest.period)} ${bars} ${figure(oldest.value)} → ${figure(latest.value)}`;
}

function measureNotes(m: MeasureResult): string[] {
  const notes: string[] = [];
  if (m.reason !== undefined && m.value === null) notes.push(`  ${plainText(m.reason)}`);
  if (m.history !== undefined && m.history.length > 0) notes.push(`  ${trendText(m.history, (value) => formatAgainst(value, m.unit, m.target))}`);
  const since = formatChangeSince(m);
  if (since !== undefined) notes.push(`  ${plainText(since)}`);
  if (m.status === 'missed' || m.status === 'investigate' || m.status === 'info') notes.push(...detailLines(m.details, '  · '));
  return notes;
}

/**
 * Greedy word wrap to `width` terminal columns; a word wider than that is cut between characters (never
 * inside a wide character, a character and its accents, or an emoji sequence), so a piece may be a
 * column short. Any word or piece may start a line, so each one that starts with `::` is shown as
 * `lineStartText` shows it (`\x3a:error`), wherever it falls: a CI log starts no workflow command there.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    let rest = lineStartText(word);
    let restWidth = displayWidth(rest);
    if (restWidth > width) {
      if (line !== '') lines.push(line);
      // A piece shown as `\x3a:` is 3 columns wider than its text: cut those to fit it.
      const pieces = cutToWidth(rest, rest.includes('::') ? width - 3 : width).map(lineStartText);
      rest = pieces.pop()!; // the last piece fits, and the next word may join it
      for (const piece of pieces) lines.push(piece);
      line = '';
      restWidth = displayWidth(rest);
    }
    if (line === '') {
      line = rest;
      lineWidth = restWidth;
    } else if (lineWidth + 1 + restWidth <= width) {
      line += ` ${rest}`;
      lineWidth += 1 + restWidth;
    } else {
      lines.push(line);
      line = rest;
      lineWidth = restWidth;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

const HEAD = ['Measure', 'Value', 'Target', 'Status', 'n', '95% interval'];

/** Where each column starts. */
const COLUMN_STARTS = COLUMN_WIDTHS.map((_, i) => COLUMN_WIDTHS.slice(0, i).reduce((sum, w) => sum + w, 0));

/**
 * One measure: the label wraps in its column, the other cells sit on its first line, each at its
 * column's start or, when the cell before fills its column (a target of `≥ 91.667%`), one space after
 * it, so two figures never run together; the next cell with room to spare takes the shift back.
 */
function measureRow(cells: readonly string[], statusTone: (s: string) => string): string[] {
  const label = wrap(cells[0]!, COLUMN_WIDTHS[0]! - 1);
  return label.map((part, i) => {
    if (i > 0) return part;
    let line = part;
    let width = displayWidth(part);
    cells.slice(1).forEach((cell, j) => {
      const start = Math.max(COLUMN_STARTS[j + 1]!, width + 1);
      line += ' '.repeat(start - width) + (j === 2 ? statusTone(cell) : cell);
      width = start + displayWidth(cell);
    });
    return line.trimEnd();
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
  lines.push(c.gray(HEAD.map((h, i) => padEndToWidth(h, COLUMN_WIDTHS[i]!)).join('').trimEnd()));
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
/** A space `wrap` does not break at (one column wide, as a space), made a space again once wrapped. */
const UNBROKEN = '\u00a0';

function redFlagBlock(flag: RedFlagResult, c: ChalkInstance): string[] {
  const severity = flag.severity === 'error' ? '' : ` [${flag.severity}]`;
  // The figure and its threshold ("mean score 7.2 (trips < 6.0)") wrap as one word: split, neither reads.
  const figure = flag.value === null ? plainText(flag.reason ?? '')
    : `${describeRedFlagValue(flag)} (trips ${formatRedFlagThreshold(flag)})`.replaceAll(' ', UNBROKEN);
  const shown = formatStatus(flag.status);
  const status = displayWidth(shown) < RED_FLAG_STATUS_WIDTH ? padEndToWidth(shown, RED_FLAG_STATUS_WIDTH) : `${shown} `;
  const statusWidth = displayWidth(status);
  const [first, ...rest] = wrap(`${plainText(flag.title)}${severity}: ${figure}`, NOTE_WIDTH - statusWidth).map((l) => l.replaceAll(UNBROKEN, ' '));
  const lines = [`${tone(c, flag.status)(status)}${first}`, ...rest.map((r) => `${' '.repeat(statusWidth)}${r}`)];
  const indent = ' '.repeat(statusWidth);
  const history = flag.history ?? [];
  // A flag with no figure in any quarter (one switched off) has no trend to show.
  if (history.some((h) => h.value !== null)) {
    // The sparkline is one word: under a long status a gap (a quarter without a figure) must not be where it wraps.
    const trend = trendText(history, (value) => formatRedFlagValue({ ...flag, value }), UNBROKEN);
    lines.push(...noteLines(`${indent}${trend}`).map((l) => c.gray(l.replaceAll(UNBROKEN, ' '))));
  }
  const since = redFlagChangeSince(flag);
  if (since !== undefined) lines.push(...noteLines(`${indent}${plainText(since)}`).map((l) => c.gray(l)));
  if (flag.status === 'tripped') {
    lines.push(...detailLines(flag.evidence, '    · ').flatMap(noteLines));
    lines.push(...noteLines(`    fix: ${plainText(flag.fix)}`));
  }
  return lines;
}

const LINE_WIDTH = 80;

/** Where an input's count of accepted rows starts: after the dataset (25 columns) and the file (30). */
const COUNTS_COLUMN = 59;

/**
 * An input's line: dataset, file, rows accepted, in columns. What does not fit in 80 columns goes on: a file
 * name too long for its column on lines of its own, wrapped in that column, and the rows under their column
 * (right-aligned to the line's end when too wide even for that); the rejected rows after them, or on a line
 * of their own.
 */
function inputLines(i: Report['inputs'][number], c: ChalkInstance): string[] {
  const issue = i.unreadable === true ? 'unreadable' : i.rejected > 0 ? `${i.rejected} rejected` : '';
  const name = `  ${padEndToWidth(i.dataset, 25)} `;
  const file = plainText(i.file);
  const counts = `${padStartToWidth(String(i.accepted), 7)} of ${counted(i.rows, 'row')}`;
  const head = `${name}${padEndToWidth(file, 30)} ${counts}`;
  const lines = displayWidth(head) <= LINE_WIDTH ? [head] : [
    ...wrap(file, LINE_WIDTH - name.length).map((part, k) => `${k === 0 ? name : ' '.repeat(name.length)}${part}`),
    `${' '.repeat(Math.min(COUNTS_COLUMN, LINE_WIDTH - displayWidth(counts)))}${counts}`,
  ];
  if (issue === '') return lines;
  const last = lines.pop()!;
  return displayWidth(last) + 2 + issue.length <= LINE_WIDTH
    ? [...lines, last + c.yellow(`, ${issue}`)]
    : [...lines, last, c.yellow(`${' '.repeat(COUNTS_COLUMN)}${issue}`)];
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
    ...report.inputs.flatMap((i) => inputLines(i, c)),
    '',
    // The verdict may list many flags and measures: wrapped, so the table keeps to 80 columns.
    ...wrap(gateLine(report), LINE_WIDTH).map((line) => (report.gate.failed ? c.red.bold : c.green.bold)(line)),
    '',
  ];
  return out.join('\n');
};
