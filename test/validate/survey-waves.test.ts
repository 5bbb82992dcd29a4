/** The bound on distinct survey waves: a file whose wave column is not a survey round stops at once. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/problems.js';
import { MAX_SURVEY_WAVES, watchSurveyWaves } from '../../src/validate/survey-waves.js';
import { runCli } from '../helpers/run-cli.js';

describe('watchSurveyWaves', () => {
  it('takes any number of answers in as many waves as the bound, and refuses the next wave, naming its line', () => {
    const watch = watchSurveyWaves('survey.csv', 3);
    // Waves A, B, C, each answered many times: within the bound.
    for (let i = 0; i < 30; i++) watch(['A', 'B', 'C'][i % 3]!, i + 2);
    let thrown: unknown;
    try {
      watch('D', 40);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ file: 'survey.csv', line: 40, column: 'wave', code: 'too_many_waves' });
    expect((thrown as InputError).message).toBe('more than 3 distinct survey waves (the next, "D", on this line): this column holds something else than the survey round');
  });
});

describe('a survey file whose wave column is a response id', () => {
  const folder = (waves: number): string => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-waves-'));
    const rows = Array.from({ length: waves }, (_, i) => `R${i},ops2,W${i},2026-08-01,role_scope_satisfaction,7`);
    writeFileSync(join(dir, 'survey.csv'), ['respondent_id,respondent_level,wave,responded_on,question_id,score', ...rows].join('\n'));
    return dir;
  };

  it(`stops at the wave past ${MAX_SURVEY_WAVES.toLocaleString('en-US')}, exit 2, with what a wave is; as many as the bound read`, () => {
    const over = runCli(['validate', '--data', folder(MAX_SURVEY_WAVES + 1)]);
    expect(over.code).toBe(2);
    // The header is line 1: the 10,001st wave is on line 10,002.
    expect(over.stdout).toContain(`survey.csv:${MAX_SURVEY_WAVES + 2}: wave: more than 10,000 distinct survey waves (the next, "W10000", on this line): ` +
      'this column holds something else than the survey round. A wave is a round of the survey (2026-Q3, 2026-09): map the column that names the round to wave');
    const within = runCli(['validate', '--data', folder(MAX_SURVEY_WAVES)]);
    expect(within.code).toBe(0);
  });
});
