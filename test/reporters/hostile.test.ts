/**
 * The adversarial report through every format this folder owns: whatever the input text, the output
 * carries no terminal escape, no NUL, no live HTML, no spreadsheet formula, no workflow command, no extra
 * table cell, and stays well-formed XML. Control characters are not dropped but shown (␀, ␛, `\x9b`).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvReporter } from '../../src/reporters/csv.js';
import { githubReporter } from '../../src/reporters/github.js';
import { junitReporter } from '../../src/reporters/junit.js';
import type { Report } from '../../src/core/report.js';
import { REPORTERS } from '../../src/reporters/index.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { HOSTILE, hostileReport, sampleReport } from '../helpers/sample-report.js';
import { OPTIONS } from './reports.js';
import { xmlProblems } from './xml-well-formed.js';

const report = hostileReport();
const outputs = {
  markdown: markdownReporter(report, OPTIONS),
  junit: junitReporter(report, OPTIONS),
  github: githubReporter(report, OPTIONS),
  csv: csvReporter(report, OPTIONS),
};

/** The number of cells in a Markdown table row: pipes not escaped by a backslash, minus one. */
function markdownCells(row: string): number {
  let pipes = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') pipes++;
  }
  return pipes - 1;
}

describe.each(Object.entries(outputs))('%s output of the hostile report', (_, out) => {
  test('no terminal escapes, control characters or NUL', () => {
    // Allowed: LF, and CR only as part of CSV's CRLF.
    expect(out.replace(/\r\n/g, '\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test('no line starts a workflow command, except the annotations themselves', () => {
    // The runner trims leading blanks before looking for "::".
    const commandLines = out.split(/\r?\n/).filter((l) => l.trimStart().startsWith('::'));
    for (const line of commandLines) expect(line).toMatch(/^::(error|warning|notice) title=[^:,\s]*(?: [^:,\s]*)*::/);
  });
});

// A CI job may print any format to its log (`--format table`, `cat report.xml`); GitHub's runner reads a
// workflow command at a line's start (`::error::`, blanks trimmed) and its legacy form anywhere in a line.
describe.each(Object.keys(REPORTERS) as Array<keyof typeof REPORTERS>)('%s output of the hostile report in a CI log', (format) => {
  const out = REPORTERS[format](report, OPTIONS);

  test('no line holds a legacy workflow command (`##[`), though the text reached the output', () => {
    expect(out.split(/\r?\n/).filter((line) => line.includes('##['))).toEqual([]);
    // The legacy command is in every hostile note, which every format but CSV and GitHub shows, inert.
    if (format === 'junit' || format === 'html') expect(out).toContain('##&#91;error]forged ##&#91;stop-commands]halt');
    if (format === 'table') expect(out).toContain('#\\x23[error]forged #\\x23[stop-commands]halt');
    if (format === 'markdown') expect(out).toContain('\\#\\#\\[error\\]forged \\#\\#\\[stop-commands\\]halt');
    if (format === 'json') expect(out).toContain('##\\u005berror]forged ##\\u005bstop-commands]halt');
  });

  test('no line starts a workflow command, but the annotations themselves', () => {
    const commandLines = out.split(/\r?\n/).filter((l) => l.trimStart().startsWith('::'));
    for (const line of commandLines) expect(line).toMatch(/^::(error|warning|notice) title=[^:,\s]*(?: [^:,\s]*)*::/);
  });
});

test('json: the legacy command reads back exactly as in the file', () => {
  const parsed = JSON.parse(REPORTERS.json(report, OPTIONS)) as Report;
  expect(parsed.metrics[0]!.measures[0]!.details.at(-2)!.note).toContain(HOSTILE.legacy);
});

// CSV and workflow commands are not markup: there "<script>" is a label's literal text, kept as data (GitHub
// shows annotation text as text). The markup formats must not carry it.
describe.each([['markdown', outputs.markdown], ['junit', outputs.junit]])('%s output of the hostile report', (_, out) => {
  test('no live HTML or CDATA end', () => {
    expect(out).not.toContain('<script');
    expect(out).not.toContain(']]>');
  });
});

describe('format-specific inertness', () => {
  test('markdown: every table row has as many cells as its header', () => {
    const rows = outputs.markdown.split('\n');
    let expected = 0;
    rows.forEach((row, i) => {
      if (!row.startsWith('|')) { expected = 0; return; }
      if (expected === 0) expected = markdownCells(row);
      expect(markdownCells(row), `line ${i + 1}: ${row}`).toBe(expected);
    });
    expect(outputs.markdown).not.toMatch(/<[a-z/!]/i);
  });

  test('junit: well-formed, and no names', () => {
    expect(xmlProblems(outputs.junit)).toEqual([]);
    expect(outputs.junit).not.toContain('Mallory');
    expect(outputs.junit).not.toContain('Eve');
  });

  test('github: one line per annotation, no names', () => {
    // 1 error + 1 warn-level trip + 3 misses as warnings + the gate notice.
    expect(outputs.github.trimEnd().split('\n')).toHaveLength(6);
    expect(outputs.github).not.toContain('Mallory');
    expect(outputs.github).not.toContain('@SUM');
    // The literal "%0A" of the input is escaped, so the runner cannot decode it into a line break.
    expect(outputs.github).not.toContain('%0A');
    expect(outputs.github).toContain('%250A');
  });

  test('csv: no cell starts like a formula, every record has 15 cells', () => {
    expect(outputs.csv.split('\r\n').some((l) => /^[=+\-@]/.test(l))).toBe(false);
    const records: string[][] = parse(outputs.csv, { record_delimiter: '\r\n' });
    // The header, a row per measure and red flag, and one per earlier quarter of each history.
    const items = [...report.metrics.flatMap((m) => m.measures), ...report.redFlags];
    const earlier = items.flatMap((item): ReadonlyArray<{ period: string }> => item.history ?? []).filter((point) => point.period !== report.period.label);
    expect(earlier.length).toBeGreaterThan(0);
    expect(records).toHaveLength(1 + items.length + earlier.length);
    for (const record of records) {
      expect(record).toHaveLength(15);
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

/**
 * Control characters are shown, not dropped: the value in a message or a report is the one in the file,
 * only inert — C0 and DEL as Control Pictures, C1 as `\x9b`, an escape sequence with its ESC as ␛.
 */
describe('control characters are shown in every format', () => {
  const ID = 'E\u0000003';
  const NAME = '\u001b]0;title\u0007Eve \u001b[31mRed\u001b[0m';
  const NOTE = 'left\u007f on \u009b2J';
  const LABEL = 'Led\u001b[1m a\u007f \u009bx';
  const ID_SHOWN = 'E\u2400003';
  const NAME_SHOWN = '\u241b]0;title\u2407Eve \u241b[31mRed\u241b[0m';
  const NOTE_SHOWN = 'left\u2421 on \\x9b2J';
  const LABEL_SHOWN = 'Led\u241b[1m a\u2421 \\x9bx';

  const person = { employeeId: ID, name: NAME, note: NOTE };
  const base = sampleReport();
  const report: Report = {
    ...base,
    metrics: base.metrics.map((metric) => ({
      ...metric,
      measures: metric.measures.map((m) => ({ ...m, label: LABEL, details: [person] })),
    })),
    redFlags: base.redFlags.map((f) => ({ ...f, evidence: [person] })),
  };
  const render = (format: keyof typeof REPORTERS): string => REPORTERS[format](report, OPTIONS);
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

  test('table: the id, name, note and label as in the file, ESC shown as ␛', () => {
    const out = render('table');
    expect(out).toContain(`· ${ID_SHOWN} (${NAME_SHOWN}) ${NOTE_SHOWN}`);
    expect(out).toContain(LABEL_SHOWN);
    expect(out).not.toMatch(RAW_CONTROL);
  });

  test('table: a picture is one column, so the columns after a label with controls stay aligned', () => {
    const rows = render('table').split('\n').filter((line) => line.startsWith(LABEL_SHOWN));
    expect(rows.length).toBeGreaterThan(0);
    // Measure is 22 columns wide: the value starts at column 22 whatever the label holds.
    for (const row of rows) {
      expect(row.slice(0, 22)).toBe(LABEL_SHOWN.padEnd(22));
      expect(row[22]).not.toBe(' ');
    }
  });

  test('markdown: shown, with the brackets and backslash after them escaped', () => {
    const out = render('markdown');
    expect(out).toContain(`- ${ID_SHOWN} (\u241b\\]0;title\u2407Eve \u241b\\[31mRed\u241b\\[0m): left\u2421 on \\\\x9b2J`);
    expect(out).toContain('Led\u241b\\[1m a\u2421 \\\\x9bx (`');
    expect(out).not.toMatch(RAW_CONTROL);
  });

  test('html: shown as text', () => {
    const out = render('html');
    expect(out).toContain(`<li>${NAME_SHOWN} (${ID_SHOWN}): ${NOTE_SHOWN}</li>`);
    expect(out).toContain(LABEL_SHOWN);
    expect(out).not.toMatch(RAW_CONTROL);
  });

  test('junit: shown, and the XML is well-formed (XML 1.0 forbids the controls themselves)', () => {
    const out = render('junit');
    expect(out).toContain(`- ${ID_SHOWN}: ${NOTE_SHOWN}`);
    expect(out).toContain(LABEL_SHOWN);
    expect(out).not.toContain('Eve');
    expect(xmlProblems(out)).toEqual([]);
  });

  test('csv: the label cell reads as in the file, and starts with no formula', () => {
    const out = render('csv');
    const records: string[][] = parse(out, { record_delimiter: '\r\n' });
    const labels = records.slice(1).filter((r) => r[2] === 'measure').map((r) => r[5]);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toBe(LABEL_SHOWN);
    expect(out.replace(/\r\n/g, '\n')).not.toMatch(RAW_CONTROL);
  });

  test('github: the id in an annotation is shown', () => {
    const out = render('github');
    expect(out).toContain(`employees: ${ID_SHOWN}`);
    expect(out).not.toMatch(RAW_CONTROL);
  });

  test('json: faithful — the controls are JSON escapes and parse back to the same text', () => {
    const out = render('json');
    expect(out).toContain('"E\\u0000003"');
    expect(out).not.toContain('\u2400');
    const parsed = JSON.parse(out) as Report;
    expect(parsed.metrics[0]!.measures[0]!.details[0]).toEqual(person);
    expect(parsed.metrics[0]!.measures[0]!.label).toBe(LABEL);
  });
});
