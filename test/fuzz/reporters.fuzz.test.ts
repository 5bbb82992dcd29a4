/**
 * Every reporter on generated reports: the shape of the sample report (every status, trend, comparison)
 * with every string that can come from an input file replaced by generated hostile text. Whatever the
 * text, no output carries a terminal escape or control character, live markup, an extra table cell, a
 * spreadsheet formula or a workflow command of its own, and JUnit and GitHub output carry no name.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { REPORTERS } from '../../src/reporters/index.js';
import { sampleReport, withHistory } from '../helpers/sample-report.js';
import { comparedReport } from '../reporters/reports.js';
import { xmlProblems } from '../reporters/xml-well-formed.js';
import { hostileString } from './arbitraries.js';
import { countCase, flushCounts, FUZZ_REPORTER_RUNS, runs } from './fuzz-runs.js';

afterAll(flushCounts);

/** Marks names so that their absence can be checked; plainText and escaping leave letters alone. */
const NAME_MARK = 'NAMEMARK';
/** Keys whose string values can carry text from an input file (or the command line). */
const INPUT_TEXT_KEYS = new Set(['label', 'title', 'reason', 'note', 'employeeId', 'name', 'fix', 'file', 'timezone', 'period']);

/** `report` with each input-derived string replaced, in turn, by the next of `pool`. */
function withText(report: Report, pool: readonly string[]): Report {
  let next = 0;
  const take = (key: string): string => `${key === 'name' ? NAME_MARK : ''}${pool[next++ % pool.length] ?? ''}`;
  // `parent` tells a person's name (in details and evidence) from the tool's own name.
  const walk = (value: unknown, key: string, parent: string): unknown => {
    if (typeof value === 'string') return INPUT_TEXT_KEYS.has(key) && parent !== 'tool' ? take(key) : value;
    if (Array.isArray(value)) return value.map((item) => walk(item, key, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, key)]));
    }
    return value;
  };
  return walk(report, '', '') as Report;
}

/** Every detail also names its person, as with `--names`. */
const named = (report: Report): Report => JSON.parse(JSON.stringify(report, (key, value: unknown) =>
  (key === 'details' || key === 'evidence') && Array.isArray(value) ? value.map((d: object) => ({ ...d, name: 'x' })) : value)) as Report;

const reportArbitrary: fc.Arbitrary<Report> = fc
  .tuple(fc.constantFrom(named(withHistory(sampleReport())), named(comparedReport())), fc.array(hostileString(40), { minLength: 1, maxLength: 60 }))
  .map(([base, pool]) => withText(base, pool));

/** Markup tags of an output (names, lower-cased). */
const tagsOf = (text: string): Set<string> => new Set([...text.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
const HTML_TAGS = tagsOf(REPORTERS.html(named(comparedReport()), { color: false }));
const XML_TAGS = tagsOf(REPORTERS.junit(named(comparedReport()), { color: false }));

// Allowed: LF, and CR only in CSV's CRLF; everything else below U+0020, DEL and C1 is out.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** Cells in a Markdown table row: pipes not escaped by a backslash, minus one. */
const markdownCells = (row: string): number => {
  let pipes = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') pipes++;
  }
  return pipes - 1;
};

const property = (name: string, check: (report: Report) => void): void => {
  test(name, () => {
    fc.assert(fc.property(reportArbitrary, (report) => {
      countCase('reporters');
      check(report);
    }), runs(FUZZ_REPORTER_RUNS));
  });
};

describe('reporters on generated hostile reports', () => {
  property('table: printable text only, also with colour (then only SGR colour codes)', (report) => {
    expect(REPORTERS.table(report, { color: false })).not.toMatch(CONTROL);
    const coloured = REPORTERS.table(report, { color: true }).replace(/\u001b\[[0-9;]*m/g, '');
    expect(coloured).not.toMatch(CONTROL);
  });

  property('markdown: no control character, no tag, every table row as wide as its header', (report) => {
    const out = REPORTERS.markdown(report, { color: false });
    expect(out).not.toMatch(CONTROL);
    expect(out).not.toMatch(/<[a-z/!?]/i);
    let width = 0;
    for (const row of out.split('\n')) {
      if (!row.startsWith('|')) { width = 0; continue; }
      if (width === 0) width = markdownCells(row);
      expect(markdownCells(row)).toBe(width);
    }
  });

  property('junit: well-formed XML with only its own elements, no names', (report) => {
    const out = REPORTERS.junit(report, { color: false });
    expect(xmlProblems(out)).toEqual([]);
    expect([...tagsOf(out)].filter((tag) => !XML_TAGS.has(tag))).toEqual([]);
    expect(out).not.toContain(NAME_MARK);
  });

  property('github: only its own workflow commands, one per line, no names', (report) => {
    const out = REPORTERS.github(report, { color: false });
    expect(out).not.toMatch(CONTROL);
    for (const line of out.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) title=[^:\n]*::[^\n]*$/);
    expect(out).not.toContain(NAME_MARK);
  });

  property('html: only the page\'s own elements, no script, no control character', (report) => {
    const out = REPORTERS.html(report, { color: false });
    expect(out).not.toMatch(CONTROL);
    expect([...tagsOf(out)].filter((tag) => !HTML_TAGS.has(tag))).toEqual([]);
    expect(out).not.toMatch(/<script|<[^>]*\son[a-z]+\s*=|<[^>]*=\s*["']?javascript:/i);
  });

  property('csv: one row per measure and red flag and per earlier quarter of each, every row as wide as the header, no formula cell', (report) => {
    const rows = parse(REPORTERS.csv(report, { color: false }), { relax_column_count: false }) as string[][];
    const items = [...report.metrics.flatMap((m) => m.measures), ...report.redFlags];
    // A history's quarter other than the report's own period is a row of its own.
    const earlier = items.reduce((sum, item) => sum + new Set((item.history ?? []).map((p) => p.period).filter((p) => p !== report.period.label)).size, 0);
    expect(rows).toHaveLength(1 + items.length + earlier);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]|[\u0000-\u001f]/);
  });

  property('json: parses back to the report itself', (report) => {
    expect(JSON.parse(REPORTERS.json(report, { color: false }))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});
