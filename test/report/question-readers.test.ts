import { describe, expect, it } from 'vitest';
import { QUESTION_IDS } from '../../src/core/datasets.js';
import { questionReaders, readersText } from '../../src/report/question-readers.js';

describe('questionReaders', () => {
  it('gives the measures and red flags computed from each question, as their definitions declare', () => {
    expect(Object.fromEntries(QUESTION_IDS.map((id) => [id, questionReaders(id)]))).toEqual({
      role_scope_satisfaction: { measures: ['role_scope_score', 'satisfaction_uplift'], redFlags: [] },
      autonomy: { measures: ['autonomy'], redFlags: [] },
      problem_quality: { measures: ['problem_quality'], redFlags: [] },
      career_growth: { measures: ['career_growth'], redFlags: [] },
      design_vs_execution_time: { measures: ['design_vs_execution_time'], redFlags: [] },
      coding_expectations: { measures: [], redFlags: ['coding_frustration'] },
      feel_valued: { measures: [], redFlags: ['ops1_undervalued'] },
    });
  });

  it('says them in words', () => {
    expect(readersText(questionReaders('role_scope_satisfaction'))).toBe('the measures role_scope_score and satisfaction_uplift');
    expect(readersText(questionReaders('coding_expectations'))).toBe('the red flag coding_frustration');
    expect(readersText({ measures: ['autonomy'], redFlags: ['coding_frustration', 'ops1_undervalued'] })).toBe('the measure autonomy and the red flags coding_frustration and ops1_undervalued');
    expect(readersText({ measures: [], redFlags: [] })).toBeUndefined();
  });
});
