/**
 * A file found but not read at all (under --skip-invalid) has unknown rows, not zero rejected: every
 * format that lists the inputs says `unreadable` for it, and only for it.
 */
import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { formatRejected } from '../../src/reporters/format-values.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { tableReporter } from '../../src/reporters/table.js';
import { sampleReport } from '../helpers/sample-report.js';

const report: Report = {
  ...sampleReport(),
  inputs: [
    { dataset: 'people', file: 'people.csv', rows: 64, accepted: 64, rejected: 0, warnings: 0 },
    { dataset: 'trainings', file: 'trainings.csv', rows: 0, accepted: 0, rejected: 0, warnings: 0, unreadable: true },
  ],
};
const options = { color: false };

describe('an unreadable input', () => {
  test('formatRejected: the count, or unreadable', () => {
    expect(report.inputs.map(formatRejected)).toEqual(['0', 'unreadable']);
  });

  test('table', () => {
    const text = tableReporter(report, options);
    // The line would be 88 columns with ", unreadable": the word goes under the count, within 80.
    expect(text).toMatch(/^ {2}trainings +trainings\.csv +0 of 0 rows\n {59}unreadable$/m);
    expect(text).toMatch(/^ {2}people +people\.csv +64 of 64 rows$/m);
  });

  test('Markdown', () => {
    expect(markdownReporter(report, options)).toContain('| trainings | trainings.csv | 0 | 0 | unreadable |');
  });

  test('HTML', () => {
    expect(htmlReporter(report, options)).toContain('<td class="file">trainings.csv</td><td class="count">0</td><td class="count">0</td><td class="count">unreadable</td>');
  });
});
