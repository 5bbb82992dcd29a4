import { describe, expect, test } from 'vitest';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { sampleReport } from '../helpers/sample-report.js';
import { comparedReport, namedReport, OPTIONS } from './reports.js';

const sample = markdownReporter(sampleReport(), OPTIONS);
const compared = markdownReporter(comparedReport(), OPTIONS);
const lines = (text: string): string[] => text.split('\n');

describe('markdown', () => {
  test('snapshots', async () => {
    await expect(sample).toMatchFileSnapshot('./__snapshots__/sample.md');
    await expect(compared).toMatchFileSnapshot('./__snapshots__/compared.md');
  });

  test('header, gate line and inputs', () => {
    expect(lines(sample)[0]).toBe('# ops-metrics report — 2026-Q3');
    expect(sample).toContain('As of 2026-09-30 · period 2026-07-01 to 2026-09-30 · time zone America/New\\_York');
    expect(sample).toContain('**Gate FAILED (--fail-on red-flag): red flag tripped: task\\_execution; red flag of severity warn tripped: coding\\_frustration**');
    // Red flags, then the gate line, then the inputs.
    expect(sample.indexOf('## Red flags')).toBeLessThan(sample.indexOf('**Gate FAILED'));
    expect(sample.indexOf('**Gate FAILED')).toBeLessThan(sample.indexOf('## Inputs'));
    expect(lines(sample)).toContain('| incidents | exports/pd.csv | 120 | 118 | 2 |');
  });

  test('a metric heading carries its status; a row carries value, target, status, n and interval', () => {
    expect(lines(sample)).toContain('## Responsibility adoption — ✗ missed');
    expect(lines(sample)).toContain(
      '| 2.0s who designed a critical process within a year (`process_designers_1y`) | 62.5% | ≥ 80.0% | ✗ missed | 8 | [30.6%, 86.3%] |',
    );
    expect(lines(sample)).toContain('- `automation_coverage_growth`: due on 2027-08-01');
    expect(sample).toContain('- `automation_contributors_1y`: needs automation\\_contributions.csv');
  });

  test('tripped red flags show evidence and fix, whatever their severity', () => {
    expect(sample).toContain('### ✗ 2.0 engineers still doing task execution (`task_execution`)\n\n31.0% of hours against the threshold > 25.0% (severity error).');
    expect(lines(sample)).toContain('- E051: task execution 42% of 160 h');
    expect(sample).toContain('Fix: Move routine execution to automation or technicians');
    expect(sample).toContain('(severity warn)');
    expect(sample).not.toContain('### ✗ High turnover');
  });

  test('change and trend columns only when the report carries them', () => {
    expect(sample).not.toContain('| Change |');
    expect(sample).not.toContain('Trend');
    expect(compared).toContain('| Measure | Value | Target | Status | n | 95% interval | Change | Trend |');
  });

  test('a changed status is called out in the row and in the list of changes', () => {
    // retention_1y: 0.92 met → 0.85 investigate, −7.0 pp. History 0.68, —, 0.765, 0.85 (0.8 × / 0.9 × the value).
    const row = lines(compared).find((l) => l.includes('(`retention_1y`) |'));
    expect(row).toContain('| -7.0 pp **met → investigate** |');
    expect(compared).toContain('## Changes since 2026-Q2');
    expect(lines(compared)).toContain('- Promoted 2.0s who stayed 1+ year (`retention_1y`): **met → investigate** (92.0% → 85.0%)');
    expect(lines(compared)).toContain('- 2.0s contributing automation within a year (`automation_contributors_1y`): **met → no data** (75.0% → —)');
    // Unchanged measures are not listed.
    expect(compared).not.toContain('- Promoted 2.0s who stayed 2+ years (`retention_2y`): **');
  });

  test('a trend keeps its gaps inside the cell', () => {
    // A gap is a no-break space: GFM would trim an ASCII space at a cell edge.
    const row = lines(compared).find((l) => l.includes('(`retention_2y`) |'));
    expect(row).toMatch(/\| ▁\u00a0[▄▅]█ \|$/);
  });

  test('names appear when the report has them (--names), in brackets after the id, as in the table', () => {
    expect(markdownReporter(namedReport(), OPTIONS)).toContain('- E042 (Name Of E042): left the 2.0 track on 2026-03-02');
  });

  test('a name in a right-to-left script keeps the note\'s figures on their side of it', () => {
    // Unbracketed, `E003 زهرة: 2 requirements` is drawn `E003 2 :زهرة requirements`: the count after an Arabic
    // letter takes its direction. The brackets take the direction of the text around them (Unicode bidi rule N0),
    // so the colon and the figure after them stay where they are written; so with a right-to-left mark.
    const report = sampleReport();
    const people = [
      { employeeId: 'E003', name: 'زهرة', note: '2 requirements incorporated in 365 days' },
      { employeeId: 'E004', name: 'דוד\u200f', note: '1 requirement incorporated in 332 days' },
    ];
    const out = markdownReporter({ ...report, redFlags: report.redFlags.map((f) => ({ ...f, evidence: people })) }, OPTIONS);
    expect(lines(out)).toContain('- E003 (زهرة): 2 requirements incorporated in 365 days');
    expect(lines(out)).toContain('- E004 (דוד\u200f): 1 requirement incorporated in 332 days');
  });

  test('a note that starts like a list item opens no list of its own inside the item', () => {
    // An incident id `1. INC-7` would make `- 1. INC-7: …` a numbered list in a bullet, its "1." drawn as a number.
    const report = sampleReport();
    const details = [{ note: '1. INC-7: RCA due 2026-08-05T15:00:00Z, not done' }, { note: '+ INC-8: RCA due 2026-08-06T15:00:00Z, not done' }];
    const out = markdownReporter({ ...report, redFlags: report.redFlags.map((f) => ({ ...f, evidence: details })) }, OPTIONS);
    expect(lines(out)).toContain('- 1\\. INC-7: RCA due 2026-08-05T15:00:00Z, not done');
    expect(lines(out)).toContain('- \\+ INC-8: RCA due 2026-08-06T15:00:00Z, not done');
  });
});
