/**
 * The adversarial report through every format this folder owns: whatever the input text, the output
 * carries no terminal escape, no NUL, no live HTML, no spreadsheet formula, no workflow command, no extra
 * table cell, and stays well-formed XML.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvReporter } from '../../src/reporters/csv.js';
import { githubReporter } from '../../src/reporters/github.js';
import { junitReporter } from '../../src/reporters/junit.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { hostileReport } from '../helpers/sample-report.js';
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
    expect(records).toHaveLength(34);
    for (const record of records) {
      expect(record).toHaveLength(15);
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
