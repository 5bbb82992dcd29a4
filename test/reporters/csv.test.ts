import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { csvReporter } from '../../src/reporters/csv.js';
import { sampleReport } from '../helpers/sample-report.js';
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
});
