/**
 * The Markdown report (also the GitHub step summary): a table per metric, the red flags with their
 * evidence and fix, the gate verdict and the inputs. Every input-derived string goes through
 * `markdownText`, so no file can add HTML, links or table cells.
 */
import type { Detail, MeasureResult, MetricResult, RedFlagResult, Report } from '../core/report.js';
import { markdownText as md } from './escape.js';
import {
  formatAgainst, formatChange, formatInterval, formatN, formatRejected, formatRedFlagThreshold, describeRedFlagValue, formatRedFlagValue, formatStatus, formatTarget,
  formatValue, gateLine, STATUS_SYMBOL, statusChange, redFlagChange,
} from './format-values.js';
import { sparkline } from './sparkline.js';
import type { Reporter } from './types.js';

/** Per-person lines shown under a table; the JSON report has them all. */
const MAX_DETAILS = 20;

type Align = 'left' | 'right';

function table(header: readonly string[], align: readonly Align[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'right' ? '---:' : '---'))), ...rows.map(line)];
}

const code = (id: string): string => `\`${id}\``;

// GFM trims ASCII spaces at the edges of a cell, which would shift a trend that starts or ends with a gap.
const trendCell = (result: { readonly history?: ReadonlyArray<{ readonly value: number | null }> }): string =>
  result.history === undefined ? '' : sparkline(result.history.map((h) => h.value)).replace(/ /g, '\u00a0');

function changeCell(m: MeasureResult): string {
  const change = statusChange(m);
  const delta = formatChange(m);
  return change === undefined ? delta : `${delta} **${change}**`;
}

/**
 * `E042 (Mallory): left on 2026-03-02`, the name in brackets as the table and the HTML give it: a name that
 * ends in Arabic or Hebrew script (or a right-to-left mark) would otherwise draw the note's first figure
 * before it (`E042 2 :<name> requirements`); a pair of brackets keeps the name's direction inside them.
 */
function detailLine(d: Detail): string {
  const who = d.name === undefined ? d.employeeId : d.employeeId === undefined ? d.name : `${d.employeeId} (${d.name})`;
  return who === undefined ? md(d.note) : `${md(who)}: ${md(d.note)}`;
}

function detailList(details: readonly Detail[], indent: string): string[] {
  const shown = details.slice(0, MAX_DETAILS).map((d) => `${indent}- ${detailLine(d)}`);
  const hidden = details.length - MAX_DETAILS;
  return hidden > 0 ? [...shown, `${indent}- … and ${hidden} more`] : shown;
}

function measureNotes(measures: readonly MeasureResult[]): string[] {
  return measures
    .filter((m) => m.reason !== undefined || m.details.length > 0)
    .flatMap((m) => [
      `- ${code(m.id)}${m.reason === undefined ? '' : `: ${md(m.reason)}`}`,
      ...detailList(m.details, '  '),
    ]);
}

interface Columns { readonly change: boolean; readonly trend: boolean }

function metricSection(metric: MetricResult, columns: Columns): string[] {
  const header = ['Measure', 'Value', 'Target', 'Status', 'n', '95% interval'];
  const align: Align[] = ['left', 'right', 'right', 'left', 'right', 'left'];
  if (columns.change) { header.push('Change'); align.push('right'); }
  if (columns.trend) { header.push('Trend'); align.push('left'); }
  const rows = metric.measures.map((m) => [
    `${md(m.label)} (${code(m.id)})`, formatValue(m), formatTarget(m.target, m.unit), formatStatus(m.status),
    formatN(m.n), formatInterval(m.ci95, m.unit),
    ...(columns.change ? [changeCell(m)] : []),
    ...(columns.trend ? [trendCell(m)] : []),
  ]);
  const notes = measureNotes(metric.measures);
  return [
    `## ${md(metric.title)} — ${formatStatus(metric.status)}`, '',
    ...table(header, align, rows), '',
    ...(notes.length > 0 ? [...notes, ''] : []),
  ];
}

function changesSection(measures: readonly MeasureResult[], flags: readonly RedFlagResult[]): string[] {
  const since = [...measures, ...flags].find((m) => m.previous !== undefined)?.previous?.period;
  if (since === undefined) return [];
  const changedMeasures = measures.flatMap((m) => {
    const change = statusChange(m);
    if (change === undefined) return [];
    const previous = m.previous === undefined ? '' : ` (${formatAgainst(m.previous.value, m.unit, m.target)} → ${formatValue(m)})`;
    return [`- ${md(m.label)} (${code(m.id)}): **${change}**${previous}`];
  });
  const changedFlags = flags.flatMap((f) => {
    const change = statusChange(f);
    if (change === undefined || f.previous === undefined) return [];
    const figures = f.previous.value === null && f.value === null ? ''
      : ` (${formatRedFlagValue({ ...f, value: f.previous.value })} → ${formatRedFlagValue(f)})`;
    return [`- Red flag: ${md(f.title)} (${code(f.id)}): **${change}**${figures}`];
  });
  const changed = [...changedMeasures, ...changedFlags];
  const body = changed.length > 0 ? changed : ['No measure or red flag changed status.'];
  return [`## Changes since ${md(since)}`, '', ...body, ''];
}

function redFlagTable(flags: readonly RedFlagResult[]): string[] {
  const since = flags.find((f) => f.previous !== undefined)?.previous?.period;
  // As the measures' tables: a sparkline of the quarters, oldest first.
  const trendHeader = flags.some((f) => f.history !== undefined) ? ['Trend'] : [];
  const rows = flags.map((f) => [
    `${md(f.title)} (${code(f.id)})`, formatStatus(f.status), f.severity, formatRedFlagValue(f),
    formatRedFlagThreshold(f), ...(since === undefined ? [] : [redFlagChange(f)]), ...(trendHeader.length === 0 ? [] : [trendCell(f)]),
    f.reason === undefined ? '' : md(f.reason),
  ]);
  const changeColumn = since === undefined ? [] : [`Since ${md(since)}`];
  return table(['Red flag', 'Status', 'Severity', 'Value', 'Threshold', ...changeColumn, ...trendHeader, 'Note'],
    ['left', 'left', 'left', 'right', 'right', ...(since === undefined ? [] : ['left'] as const), ...trendHeader.map(() => 'left' as const), 'left'], rows);
}

function trippedFlag(f: RedFlagResult): string[] {
  return [
    `### ${STATUS_SYMBOL.tripped} ${md(f.title)} (${code(f.id)})`, '',
    `${describeRedFlagValue(f)} against the threshold ${formatRedFlagThreshold(f)} (severity ${f.severity}).`, '',
    ...(f.evidence.length > 0 ? ['Evidence:', '', ...detailList(f.evidence, ''), ''] : []),
    `Fix: ${md(f.fix)}`, '',
  ];
}

function inputsSection(report: Report): string[] {
  const rows = report.inputs.map((i) => [
    md(i.dataset), md(i.file), String(i.rows), String(i.accepted), formatRejected(i),
  ]);
  return ['## Inputs', '', ...table(['Dataset', 'File', 'Rows', 'Accepted', 'Rejected'],
    ['left', 'left', 'right', 'right', 'right'], rows), ''];
}

export const markdownReporter: Reporter = (report) => {
  const measures = report.metrics.flatMap((m) => m.measures);
  const columns: Columns = {
    change: measures.some((m) => m.previous !== undefined),
    trend: measures.some((m) => m.history !== undefined),
  };
  const { period } = report;
  const lines = [
    `# ops-metrics report — ${md(period.label)}`, '',
    `As of ${md(report.asOf)} · period ${md(period.start)} to ${md(period.end)} · time zone ${md(report.timezone)} · `
      + `${md(report.tool.name)} ${md(report.tool.version)} (${md(report.definitionsVersion)})`, '',
    ...changesSection(measures, report.redFlags),
    ...report.metrics.flatMap((metric) => metricSection(metric, columns)),
    '## Red flags', '',
    ...redFlagTable(report.redFlags), '',
    ...report.redFlags.filter((f) => f.status === 'tripped').flatMap(trippedFlag),
    `**${md(gateLine(report))}**`, '',
    ...inputsSection(report),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
};
