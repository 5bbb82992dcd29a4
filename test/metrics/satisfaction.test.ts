import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../../src/core/datasets.js';
import type { MeasureId } from '../../src/core/report.js';
import satisfaction from '../../src/metrics/satisfaction.js';
import { evaluateMeasure } from '../../src/report/evaluate.js';
import { answer, change, contextFor, measureOf, person, testConfig } from '../helpers/org.js';

const measure = (id: MeasureId) => measureOf(satisfaction, id);

/** One answer per score, to `question`, by default from 2.0s in wave 2026-Q3 on 2026-08-01 without ids. */
const answers = (scores: number[], extra: Partial<SurveyAnswer> = {}): SurveyAnswer[] =>
  scores.map((score) => answer({ question_id: 'role_scope_satisfaction', score, ...extra }));

const evaluate = (id: MeasureId, survey: SurveyAnswer[], config = testConfig({ programStart: '2026-01-01' })) =>
  evaluateMeasure(measure(id), contextFor({ survey }, { config }));

describe('role_scope_score and the info means', () => {
  it('5 answers of group 2.0: (9 + 9 + 8 + 9 + 10) / 5 = 9.0, met, n = 5', () => {
    const r = evaluate('role_scope_score', answers([9, 9, 8, 9, 10]));
    expect(r.value).toBe(9);
    expect(r.n).toBe(5);
    expect(r.status).toBe('met');
    expect(r.ci95).toBeNull();
  });

  it('a group of exactly 4 is suppressed: no value, n null, and the reason names the minimum, never the size', () => {
    const r = evaluate('role_scope_score', answers([9, 9, 8, 9]));
    expect(r.status).toBe('suppressed');
    expect(r.value).toBeNull();
    expect(r.n).toBeNull();
    expect(r.reason).toBe('group 2.0 answered role_scope_satisfaction in wave 2026-Q3 with fewer than 5 respondents');
    expect(r.reason).not.toMatch(/\b4\b/);
  });

  it('group size = distinct respondent ids when every row has one: 6 answers from 4 people → suppressed', () => {
    const survey = ['r1', 'r2', 'r3', 'r4', 'r1', 'r2'].map((id) => answer({ question_id: 'role_scope_satisfaction', score: 9, respondent_id: id }));
    expect(evaluate('role_scope_score', survey).status).toBe('suppressed');
  });

  it('group size = the number of answers when a row lacks an id: 5 answers, 4 ids → shown; the mean is over answers', () => {
    // (10 + 10 + 8 + 8 + 9) / 5 = 9.0, n = 5 answers.
    const survey = [
      ...['r1', 'r1', 'r2', 'r3'].map((id, i) => answer({ question_id: 'role_scope_satisfaction', score: [10, 10, 8, 8][i]!, respondent_id: id })),
      answer({ question_id: 'role_scope_satisfaction', score: 9 }),
    ];
    const r = evaluate('role_scope_score', survey);
    expect(r.value).toBe(9);
    expect(r.n).toBe(5);
  });

  it('only 2.0-track respondents count: ops1 answers are left out', () => {
    // 2.0: ops2 9, 9, 8, senior_architect 8, strategy_lead 10 → 44 / 5 = 8.8; the ops1 answers of 2 do not count.
    const survey = [
      ...answers([9, 9, 8]),
      ...answers([8], { respondent_level: 'senior_architect' }),
      ...answers([10], { respondent_level: 'strategy_lead' }),
      ...answers([2, 2], { respondent_level: 'ops1' }),
    ];
    expect(evaluate('role_scope_score', survey).value).toBeCloseTo(8.8, 6);
  });

  it('rescales a 1–5 scale to 0–10: 5, 4, 4, 5, 3 → 10, 7.5, 7.5, 10, 5 → 8.0, missed at 8.5', () => {
    const config = testConfig({ survey: { ...testConfig().survey, scale: { min: 1, max: 5 } } });
    const r = evaluate('role_scope_score', answers([5, 4, 4, 5, 3]), config);
    expect(r.value).toBe(8);
    expect(r.status).toBe('missed');
  });

  it('a target override of 8.0 makes the same 8.0 met (the boundary is inclusive)', () => {
    const config = testConfig({ targets: { role_scope_score: 8 } });
    const r = evaluate('role_scope_score', answers([8, 8, 8, 8, 8]), config);
    expect(r.target).toEqual({ op: '>=', value: 8 });
    expect(r.status).toBe('met');
  });

  it('the current wave is the one whose latest answer falls in P, the latest when several', () => {
    // Wave A ends 2026-07-10 (mean 5), wave B ends 2026-09-01 (mean 9): both end in 2026-Q3 → B.
    // Wave Q2 ends 2026-06-30, before P: not a candidate.
    const survey = [
      ...answers([5, 5, 5, 5, 5], { wave: 'A', responded_on: '2026-07-10' }),
      ...answers([9, 9, 9, 9, 9], { wave: 'B', responded_on: '2026-09-01' }),
      ...answers([1, 1, 1, 1, 1], { wave: 'Q2', responded_on: '2026-06-30' }),
    ];
    expect(evaluate('role_scope_score', survey).value).toBe(9);
  });

  it('a wave whose answers straddle the start of P belongs to P (its latest answer does)', () => {
    const survey = [...answers([7, 7, 7], { wave: 'W', responded_on: '2026-06-28' }), ...answers([7, 7], { wave: 'W', responded_on: '2026-07-02' })];
    const r = evaluate('role_scope_score', survey);
    expect(r.value).toBe(7);
    expect(r.n).toBe(5);
  });

  it('no wave ends in P → insufficient_data, n 0, and the reason names the period', () => {
    const r = evaluate('role_scope_score', answers([9, 9, 9, 9, 9], { wave: 'Q2', responded_on: '2026-06-15' }));
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBe(0);
    expect(r.reason).toBe('no survey wave ends in 2026-Q3');
  });

  it('no answer of group 2.0 in the current wave → insufficient_data, n 0', () => {
    const r = evaluate('role_scope_score', answers([9, 9, 9, 9, 9], { respondent_level: 'ops1' }));
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBe(0);
    expect(r.reason).toBe('no answers of group 2.0 to role_scope_satisfaction in wave 2026-Q3');
  });

  it.each(['autonomy', 'problem_quality', 'career_growth', 'design_vs_execution_time'] as const)('%s is an info mean of its own question', (id) => {
    // (6 + 7 + 8 + 9 + 10) / 5 = 8; the role_scope answers of 1 belong to another question.
    const survey = [...[6, 7, 8, 9, 10].map((score) => answer({ question_id: id, score })), ...answers([1, 1, 1, 1, 1])];
    const r = evaluate(id, survey);
    expect(r.value).toBe(8);
    expect(r.n).toBe(5);
    expect(r.status).toBe('info');
    expect(r.target).toBeNull();
  });

  it('without survey → no_data', () => {
    expect(evaluateMeasure(measure('role_scope_score'), contextFor({})).status).toBe('no_data');
  });
});

describe('satisfaction_uplift', () => {
  // The baseline wave: all respondents (ops1 ×3, ops2 ×2) on 2025-11-10, before programStart 2026-01-01:
  // (6 + 6 + 7 + 7 + 9) / 5 = 7.0.
  const baseline = [
    ...answers([6, 6, 7], { wave: '2025-Q4', responded_on: '2025-11-10', respondent_level: 'ops1' }),
    ...answers([7, 9], { wave: '2025-Q4', responded_on: '2025-11-10' }),
  ];

  it('current 9.1 ÷ baseline 7.0 − 1 = 0.3 exactly at the target → met, n null', () => {
    // (9 + 9 + 9 + 9 + 9.5) / 5 = 9.1; 9.1 / 7 − 1 = 0.3 (float noise rounded away before the comparison).
    const r = evaluate('satisfaction_uplift', [...answers([9, 9, 9, 9, 9.5]), ...baseline]);
    expect(r.value).toBe(0.3);
    expect(r.n).toBeNull();
    expect(r.status).toBe('met');
    expect(r.details).toEqual([{ note: 'wave 2026-Q3, group 2.0: 9.10; baseline wave 2025-Q4, all respondents: 7.00' }]);
  });

  it('current 9.0 ÷ 7.0 − 1 = 0.285714 → missed', () => {
    const r = evaluate('satisfaction_uplift', [...answers([9, 9, 9, 9, 9]), ...baseline]);
    expect(r.value).toBeCloseTo(0.285714, 6);
    expect(r.status).toBe('missed');
  });

  it('the baseline is the latest wave whose answers ALL precede the program start', () => {
    // Wave 2025-Q4b has an answer on 2026-01-01 = programStart → not all before it; 2025-Q4 (mean 7) is the baseline.
    const late = [...answers([2, 2, 2, 2], { wave: '2025-Q4b', responded_on: '2025-12-20' }), ...answers([2], { wave: '2025-Q4b', responded_on: '2026-01-01' })];
    const r = evaluate('satisfaction_uplift', [...answers([9, 9, 9, 9, 9.5]), ...baseline, ...late]);
    expect(r.value).toBe(0.3);
  });

  it('the program start comes from the data when the config has none', () => {
    // Earliest 2.0 start 2025-12-01 → wave 2025-Q4 (ends 2025-11-10) is the baseline.
    const people = [person({ employee_id: 'E1', level: 'ops2' })];
    const job_history = [change('E1', '2020-01-01', 'ops1'), change('E1', '2025-12-01', 'ops2')];
    const survey = [...answers([9, 9, 9, 9, 9.5]), ...baseline];
    const r = evaluateMeasure(measure('satisfaction_uplift'), contextFor({ survey, people, job_history }));
    expect(r.value).toBe(0.3);
  });

  it('survey.baselineWave names the baseline outright', () => {
    // Baseline 'B' (all respondents): 5 × 4.55 → 9.1 / 4.55 − 1 = 1.0.
    const config = testConfig({ programStart: '2026-01-01', survey: { ...testConfig().survey, baselineWave: 'B' } });
    const survey = [...answers([9, 9, 9, 9, 9.5]), ...baseline, ...answers([4.55, 4.55, 4.55, 4.55, 4.55], { wave: 'B', responded_on: '2026-02-01' })];
    expect(evaluate('satisfaction_uplift', survey, config).value).toBe(1);
  });

  it('a survey.baselineWave that names no wave says so, naming the wave it differs from only in case', () => {
    const survey = [...answers([9, 9, 9, 9, 9.5]), ...baseline];
    const withBaseline = (baselineWave: string) => testConfig({ programStart: '2026-01-01', survey: { ...testConfig().survey, baselineWave } });
    const lowerCase = evaluate('satisfaction_uplift', survey, withBaseline('2025-q4'));
    expect(lowerCase.status).toBe('insufficient_data');
    expect(lowerCase.reason).toBe(`survey.baselineWave 2025-q4 is no wave of the survey answered by 2026-09-30: did you mean 2025-Q4? Waves are matched exactly, case included`);
    // No wave alike: the waves answered by T (2026-Q3's end, 2026-09-30) are listed, in order.
    expect(evaluate('satisfaction_uplift', survey, withBaseline('Spring')).reason)
      .toBe(`survey.baselineWave Spring is no wave of the survey answered by 2026-09-30 (its waves: 2025-Q4, 2026-Q3)`);
  });

  // The order of statuses, as "Survey groups" in metrics.md settles it.
  it('1. the current score\'s own status first: a suppressed current group → suppressed, even with no baseline', () => {
    const r = evaluate('satisfaction_uplift', answers([9, 9, 9, 9]));
    expect(r.status).toBe('suppressed');
    expect(r.n).toBeNull();
  });

  it('1. no current wave → insufficient_data, even with a suppressed baseline', () => {
    const r = evaluate('satisfaction_uplift', baseline.slice(0, 4));
    expect(r.status).toBe('insufficient_data');
    expect(r.reason).toBe('no survey wave ends in 2026-Q3');
    expect(r.n).toBeNull();
  });

  it('2. no baseline wave → insufficient_data', () => {
    const r = evaluate('satisfaction_uplift', answers([9, 9, 9, 9, 9]));
    expect(r.status).toBe('insufficient_data');
    expect(r.reason).toContain('no baseline wave');
    expect(r.n).toBeNull();
  });

  it('2. no programStart and no 2.0 start → no baseline wave → insufficient_data', () => {
    const r = evaluate('satisfaction_uplift', [...answers([9, 9, 9, 9, 9]), ...baseline], testConfig());
    expect(r.status).toBe('insufficient_data');
  });

  it('3. the baseline group\'s status: a baseline group of 4 is suppressed, n null', () => {
    const r = evaluate('satisfaction_uplift', [...answers([9, 9, 9, 9, 9]), ...baseline.slice(0, 4)]);
    expect(r.status).toBe('suppressed');
    expect(r.n).toBeNull();
    expect(r.reason).toBe('group all answered role_scope_satisfaction in wave 2025-Q4 with fewer than 5 respondents');
  });

  it('4. a baseline mean of 0 → insufficient_data', () => {
    const zeros = answers([0, 0, 0, 0, 0], { wave: '2025-Q4', responded_on: '2025-11-10' });
    const r = evaluate('satisfaction_uplift', [...answers([9, 9, 9, 9, 9]), ...zeros]);
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBeNull();
  });
});
