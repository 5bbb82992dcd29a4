/**
 * The built command on a Google Forms export with two mistakes a user made: a survey.questions key
 * without the form header's final "." (its answers went unread without a word, and a red flag with
 * them), and the Timestamp as the linked Google Sheet writes it (two errors for every answer). Each gives
 * the problem lines below, and the fix a message gives works.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const HEADER = 'Timestamp,Which team are you on?,I am comfortable with the coding expected of me.,I feel valued.';
const CODING = 'I am comfortable with the coding expected of me.';

/** A data folder holding gf.csv and its config. */
function folder(csv: string, config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-wide-survey-'));
  writeFileSync(join(dir, 'gf.csv'), csv);
  writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify(config));
  return dir;
}

const configWith = (questions: Record<string, string>, dateFormat?: string) => ({
  timezone: 'America/New_York',
  survey: { scale: { min: 1, max: 5 }, minGroupSize: 3, questions },
  datasets: { survey: { path: 'gf.csv', preset: 'google-forms', levelColumn: 'Which team are you on?', ...(dateFormat === undefined ? {} : { dateFormat }) } },
});

const problemLines = (stdout: string): string[] => stdout.split('\n').filter((line) => line.startsWith('gf.csv:'));

interface JsonReport {
  redFlags: Array<{ id: string; status: string; value: number | null; reason?: string }>;
  inputs: Array<{ rows: number; accepted: number; rejected: number; warnings: number }>;
}
const flag = (report: JsonReport, id: string) => report.redFlags.find((f) => f.id === id)!;
const REPORT = ['--period', '2026-Q3', '--format', 'json'];

describe('a survey.questions key that matches no column of the form', () => {
  // Three 2.0 respondents and one 1.0, each answering both questions: 8 answers. Read through the key
  // without its ".", only the 4 feel_valued answers are rows.
  const csv = [
    HEADER,
    '2026/09/14 9:02:11 AM EDT,Ops Engineer 2.0,Agree,Agree',
    '2026/09/14 9:05:40 AM EDT,Ops Engineer 2.0,Disagree,Agree',
    '2026/09/15 1:12:09 PM EDT,Ops Engineer 2.0,Strongly disagree,Strongly agree',
    '2026/09/15 3:30:00 PM EDT,Ops Engineer,Neither agree nor disagree,Disagree',
    '',
  ].join('\n');
  const misspelt = 'I am comfortable with the coding expected of me';
  const dir = folder(csv, configWith({ [misspelt]: 'coding_expectations', 'I feel valued.': 'feel_valued' }));
  const warning =
    'gf.csv:1: question_id: warning: survey.questions maps "I am comfortable with the coding expected of me" to coding_expectations, ' +
    'but no column of this file is headed so; the header "I am comfortable with the coding expected of me." differs from it only in case, ' +
    'spaces or punctuation: write the key as the file does, { "survey": { "questions": { "I am comfortable with the coding expected of me.": "coding_expectations" } } }. ' +
    'No column is coding_expectations, so the red flag coding_frustration has no answers to it';

  it('validate warns at the header, naming the header meant and the red flag left without answers (exit 0)', () => {
    const validate = runCli(['validate', '--data', dir]);
    expect(problemLines(validate.stdout)).toEqual([warning]);
    expect(validate.stdout).toContain('Valid: 1 file, 1 warning.');
    expect(validate.code).toBe(0);
  });

  it('report: the red flag is insufficient_data with the reason that the question had no column', () => {
    const report = runCli(['report', '--data', dir, ...REPORT]);
    // Nothing trips, so the gate passes: the warning is what tells the user.
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as JsonReport;
    expect(flag(json, 'coding_frustration')).toMatchObject({
      status: 'insufficient_data', value: null,
      reason: 'no answers of group 2.0 to coding_expectations in wave 2026-Q3: no column of gf.csv is this question: ' +
        'survey.questions maps "I am comfortable with the coding expected of me" to it, which no header matches',
    });
    expect(json.inputs).toEqual([expect.objectContaining({ rows: 4, accepted: 4, rejected: 0, warnings: 1 })]);
  });

  it('the config the warning gives reads the question, and the red flag it had silenced trips (exit 1)', () => {
    const given = /write the key as the file does, (\{.*\} \} \})\. No column/.exec(warning)![1]!;
    const fix = JSON.parse(given) as { survey: { questions: Record<string, string> } };
    expect(Object.keys(fix.survey.questions)).toEqual([CODING]);
    const fixed = folder(csv, configWith({ ...fix.survey.questions, 'I feel valued.': 'feel_valued' }));
    const validate = runCli(['validate', '--data', fixed]);
    expect(problemLines(validate.stdout)).toEqual([]);
    expect(validate.stdout).toContain('Valid: 1 file, 0 warnings.');
    const report = runCli(['report', '--data', fixed, ...REPORT]);
    const json = JSON.parse(report.stdout) as JsonReport;
    // 8 answers. Group 2.0's coding answers: Agree 4, Disagree 2, Strongly disagree 1, mean 7/3 on 1-5,
    // (7/3 - 1) / 4 × 10 = 10/3 ≈ 3.33 on 0-10: below 6, so it trips and fails the gate.
    expect(json.inputs).toEqual([expect.objectContaining({ rows: 8, accepted: 8, rejected: 0, warnings: 0 })]);
    expect(flag(json, 'coding_frustration').status).toBe('tripped');
    expect(flag(json, 'coding_frustration').value).toBeCloseTo(10 / 3, 2);
    expect(report.code).toBe(1);
  });
});

describe('a Timestamp as the linked Google Sheet writes it', () => {
  // A US-locale Sheet: 9/14/2026 9:02:11. Line 3's 9/8 reads month first or day first. Lines 2 and 4
  // answer both questions, line 3 one: 5 answer rows, all rejected, one error for each of the 3 rows.
  const csv = [
    HEADER,
    '9/14/2026 9:02:11,Ops Engineer 2.0,Agree,Agree',
    '9/8/2026 17:45:00,Ops Engineer 2.0,Disagree,',
    '9/15/2026 13:12:09,Ops Engineer,Strongly disagree,Strongly agree',
    '',
  ].join('\n');
  const questions = { [CODING]: 'coding_expectations', 'I feel valued.': 'feel_valued' };
  const expected = 'gf.csv:%LINE%: Timestamp: expected a date in the formats "yyyy/MM/dd h:mm:ss a" or "yyyy/MM/dd H:mm:ss" of preset "google-forms" (or ISO 8601), found';
  const at = (line: number) => expected.replace('%LINE%', String(line));
  const monthFirst = 'it reads as "M/d/yyyy H:mm:ss": if the export writes dates that way, set "datasets": { "survey": { "dateFormat": "M/d/yyyy H:mm:ss" } }';

  it('validate gives one error per respondent row, on Timestamp, with the dateFormat that reads it, and no wave error (exit 2)', () => {
    const validate = runCli(['validate', '--data', folder(csv, configWith(questions))]);
    expect(problemLines(validate.stdout)).toEqual([
      `${at(2)} "9/14/2026 9:02:11", so the row's 2 answers are rejected; ${monthFirst}`,
      `${at(3)} "9/8/2026 17:45:00", so the row's answer is rejected; it reads as "M/d/yyyy H:mm:ss" (month first) or "d/M/yyyy H:mm:ss" (day first): ` +
        'set "datasets": { "survey": { "dateFormat": "M/d/yyyy H:mm:ss" } }, or "d/M/yyyy H:mm:ss" if the export writes the day first',
      `${at(4)} "9/15/2026 13:12:09", so the row's 2 answers are rejected; ${monthFirst}`,
    ]);
    // rows, accepted, rejected, warnings of the one file.
    expect(validate.stdout).toMatch(/^gf\.csv \(survey\) +5 +0 +5 +0$/m);
    expect(validate.stdout).toContain('Invalid: 3 errors, 0 warnings.');
    expect(validate.code).toBe(2);
  });

  it('the dateFormat the first error gives reads every answer', () => {
    const first = problemLines(runCli(['validate', '--data', folder(csv, configWith(questions))]).stdout)[0]!;
    const dateFormat = /"dateFormat": "([^"]+)"/.exec(first)![1]!;
    const dir = folder(csv, configWith(questions, dateFormat));
    const validate = runCli(['validate', '--data', dir]);
    expect(problemLines(validate.stdout)).toEqual([]);
    expect(validate.stdout).toContain('Valid: 1 file, 0 warnings.');
    expect(validate.code).toBe(0);
    const report = runCli(['report', '--data', dir, ...REPORT, '--fail-on', 'never']);
    expect(report.code).toBe(0);
    // 14, 8 and 15 September 2026: wave 2026-Q3, ending in the period.
    expect((JSON.parse(report.stdout) as JsonReport).inputs).toEqual([expect.objectContaining({ rows: 5, accepted: 5, rejected: 0 })]);
  });
});
