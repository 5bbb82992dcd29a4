/**
 * The JSON report: `JSON.stringify(report, null, 2)` and a newline, with the characters a terminal may act
 * on written as escapes (jsonInert), whole or in pieces, and
 * the piece reporters the command line loads.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { jsonTextPieces } from '../../src/reporters/json-pieces.js';
import { jsonPieceReporter, jsonReporter } from '../../src/reporters/json.js';
import { loadPieceReporter } from '../../src/reporters/load-reporter.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { jsonInert } from '../../src/reporters/text.js';
import { hostileReport, sampleReport } from '../helpers/sample-report.js';
import { firstDifference } from './first-difference.js';
import { comparedReport, namedReport, OPTIONS } from './reports.js';

const REPORTS: ReadonlyArray<readonly [string, () => Report]> = [
  ['sample', sampleReport], ['compared', comparedReport], ['named', namedReport], ['hostile', hostileReport],
];

describe('json reporter', () => {
  it.each(REPORTS)('writes the %s report as JSON.stringify(report, null, 2) with a final newline', (_, make) => {
    const report = make();
    const stringified = `${JSON.stringify(report, null, 2)}\n`;
    // Written as JSON.stringify does, but for the characters a terminal may act on (see jsonInert).
    const expected = jsonInert(stringified);
    expect(jsonReporter(report, OPTIONS)).toBe(expected);
    expect([...jsonPieceReporter(report, OPTIONS)].join('')).toBe(expected);
    // Walked all the way down, one text per piece: the walk's own rules give the same bytes.
    expect([...jsonTextPieces(report, { end: '\n', smallSubtree: 0, pieceLength: 1 })].join('')).toBe(stringified);
  });

  it.each(REPORTS.filter(([name]) => name !== 'hostile'))('writes the %s report, which holds no such character, byte for byte as JSON.stringify', (_, make) => {
    const report = make();
    expect(jsonReporter(report, OPTIONS)).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('writes DEL and C1 controls of the hostile report as \\u escapes, and reads back the same report', () => {
    const report = hostileReport();
    const text = jsonReporter(report, OPTIONS);
    expect(JSON.stringify(report)).toMatch(/[\u007f-\u009f]/); // the report holds some
    expect(text).not.toMatch(/[\u007f-\u009f]/);
    expect(text).toContain('\\u007f');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('cuts a report with 100,000 details of one measure into pieces of at most 64 KiB', () => {
    const report = sampleReport();
    const [metric, ...otherMetrics] = report.metrics;
    const [measure, ...otherMeasures] = metric!.measures;
    const details = Array.from({ length: 100_000 }, (_, i) => ({ employeeId: `E${i}`, note: `left in week ${i % 52} → ops` }));
    const large: Report = { ...report, metrics: [{ ...metric!, measures: [{ ...measure!, details }, ...otherMeasures] }, ...otherMetrics] };
    const pieces = [...jsonPieceReporter(large, OPTIONS)];
    expect(firstDifference(pieces.join(''), `${JSON.stringify(large, null, 2)}\n`)).toBeUndefined();
    // ~80 characters per detail: ~8 MB of text, so well over 100 pieces of 65,536 code units.
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('loadPieceReporter', () => {
  it('gives the JSON report in pieces', async () => {
    const report = sampleReport();
    const pieces = [...(await loadPieceReporter('json'))(report, OPTIONS)];
    expect(pieces.join('')).toBe(jsonReporter(report, OPTIONS));
  });

  it('gives the other formats as their one text', async () => {
    const report = sampleReport();
    expect([...(await loadPieceReporter('markdown'))(report, OPTIONS)]).toEqual([markdownReporter(report, OPTIONS)]);
  });
});
