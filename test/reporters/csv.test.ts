import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { csvReporter } from '../../src/reporters/csv.js';
import { sampleReport, withHistory } from '../helpers/sample-report.js';
import { comparedReport, OPTIONS } from './reports.js';

const sample = csvReporter(sampleReport(), OPTIONS);
const records = (text: string): string[][] => parse(text, { record_delimiter: '\r\n' });

describe('csv', () => {
  test('snapshots', async () => {
    await expect(sample).toMatchFileSnapshot('./__snapshots__/sample.csv');
    await expect(csvReporter(comparedReport(), OPTIONS)).toMatchFileSnapshot('./__snapshots__/compared.csv');
  });

  test('RFC 4180: header, CRLF line ends, one row per measure and per red flag', () => {
    const rows = sample.split('\r\n');
    expect(rows[0]).toBe('period,as_of,kind,metric,id,label,value,target_op,target,status,n,ci95_low,ci95_high,previous_value,previous_status');
    // 1 header + 27 measures + 6 red flags, and the final CRLF leaves one empty piece.
    expect(rows).toHaveLength(35);
    expect(rows.at(-1)).toBe('');
    expect(sample.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(records(sample).every((r) => r.length === 15)).toBe(true);
  });

  test('raw figures, not percentages', () => {
    expect(sample).toContain('\r\n2026-Q3,2026-09-30,measure,retention,retention_2y,Promoted 2.0s who stayed 2+ years,0.96,>=,0.95,met,25,0.804559,0.992904,,\r\n');
    expect(sample).toContain('\r\n2026-Q3,2026-09-30,measure,satisfaction,satisfaction_uplift,Role scope satisfaction uplift over the baseline wave,,>=,0.3,suppressed,,,,,\r\n');
    expect(sample).toContain('\r\n2026-Q3,2026-09-30,red_flag,,task_execution,2.0 engineers still doing task execution,0.31,>,0.25,tripped,,,,,\r\n');
  });

  test('a cell with a comma is quoted; an "=" op is defused like any formula-like cell', () => {
    expect(sample).toContain(',"Reduction in incident recurrence, year over year",');
    expect(sample).toContain(',postmortem_leads_6m,2.0s who led a postmortem within 6 months,1,\'=,1,met,');
  });

  test('a negative figure is prefixed with a quote, as the contract says', () => {
    const report = sampleReport();
    const [retention, ...rest] = report.metrics;
    const [first, ...measures] = retention!.measures;
    const negative: Report = { ...report, metrics: [{ ...retention!, measures: [{ ...first!, value: -0.15 }, ...measures] }, ...rest] };
    expect(csvReporter(negative, OPTIONS)).toContain(",retention_2y,Promoted 2.0s who stayed 2+ years,'-0.15,>=,");
  });

  test('with a comparison, the earlier value and status', () => {
    const compared = csvReporter(comparedReport(), OPTIONS);
    expect(compared).toContain(',retention_1y,Promoted 2.0s who stayed 1+ year,0.85,>=,0.9,investigate,20,0.639581,0.947631,0.92,met\r\n');
    expect(compared).toContain(',automation_contributors_1y,2.0s contributing automation within a year,,>=,0.7,no_data,,,,0.75,met\r\n');
  });

  describe('with a trend', () => {
    // withHistory gives each of the 24 measures and 4 red flags with a value four points: 2025-Q4 (80 % of
    // the value), 2026-Q1 (no figure), 2026-Q2 (90 %) and the report's own 2026-Q3, each with the report's
    // status. The own quarter is the report's rows; the three before add 3 × 28 = 84 rows after them.
    const report = withHistory(sampleReport());
    const trended = records(csvReporter(report, OPTIONS));
    const own = records(sample);

    test('the report\'s own rows first, unchanged, then each earlier quarter\'s, oldest first', () => {
      expect(trended.slice(0, own.length)).toEqual(own);
      const earlier = trended.slice(own.length);
      expect(earlier).toHaveLength(84);
      expect(earlier.map((r) => r[0])).toEqual([...Array(28).fill('2025-Q4'), ...Array(28).fill('2026-Q1'), ...Array(28).fill('2026-Q2')]);
      // A quarter's as-of date is its last day.
      expect(new Set(earlier.map((r) => `${r[0]} ${r[1]}`))).toEqual(new Set(['2025-Q4 2025-12-31', '2026-Q1 2026-03-31', '2026-Q2 2026-06-30']));
    });

    test('a quarter\'s value and status, the target kept, the figures the history lacks left empty', () => {
      const row = (period: string, id: string) => trended.find((r) => r[0] === period && r[4] === id);
      // retention_2y is 0.96, met, n 25 in the report: 2025-Q4 holds 0.96 × 0.8, 2026-Q1 no figure.
      expect(row('2025-Q4', 'retention_2y')).toEqual(['2025-Q4', '2025-12-31', 'measure', 'retention', 'retention_2y', 'Promoted 2.0s who stayed 2+ years', String(0.96 * 0.8), '>=', '0.95', 'met', '', '', '', '', '']);
      expect(row('2026-Q1', 'retention_2y')?.slice(6, 10)).toEqual(['', '>=', '0.95', 'met']);
      // task_execution is 0.31, tripped: 2026-Q2 holds 0.31 × 0.9.
      expect(row('2026-Q2', 'task_execution')).toEqual(['2026-Q2', '2026-06-30', 'red_flag', '', 'task_execution', '2.0 engineers still doing task execution', String(0.31 * 0.9), '>', '0.25', 'tripped', '', '', '', '', '']);
      // A measure without history (no value in the report) has no earlier rows.
      expect(trended.filter((r) => r[4] === 'satisfaction_uplift')).toHaveLength(1);
    });
  });
});
