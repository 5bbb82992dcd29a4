/** fixtures/vendors/surveymonkey: two header rows, a matrix question whose statements are in the second. */
import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../../src/core/datasets.js';
import { counts, loadVendor, messages, presetRecords } from './vendor-fixture.js';

const FOLDER = 'surveymonkey';
const row = (a: SurveyAnswer) => [a.respondent_id, a.responded_on, a.wave, a.respondent_level, a.question_id, a.score];

describe('preset surveymonkey', () => {
  it('finds matrix statements in the second header row and dates the response by its End Date', async () => {
    const { files } = await loadVendor('surveymonkey');
    expect(messages(files)).toEqual([]);
    expect(counts(files)).toEqual([['survey', 8, 8]]);
    // 06/30/2025 11:59:59 PM is read in America/New_York (the configured zone): still 30 June, 2025-Q2.
    expect((await presetRecords(FOLDER, 'survey')).map(({ record }) => row(record))).toEqual([
      ['114227839201', '2025-04-14', '2025-Q2', 'ops2', 'autonomy', 4],
      ['114227839201', '2025-04-14', '2025-Q2', 'ops2', 'career_growth', 5],
      ['114227839201', '2025-04-14', '2025-Q2', 'ops2', 'feel_valued', 4],
      ['114227902377', '2025-04-15', '2025-Q2', 'ops1_senior', 'autonomy', 2],
      ['114227902377', '2025-04-15', '2025-Q2', 'ops1_senior', 'feel_valued', 3],
      ['114228011450', '2025-06-30', '2025-Q2', 'ops2', 'autonomy', 5],
      ['114228011450', '2025-06-30', '2025-Q2', 'ops2', 'career_growth', 4],
      ['114228011450', '2025-06-30', '2025-Q2', 'ops2', 'feel_valued', 1],
    ]);
  });
});
