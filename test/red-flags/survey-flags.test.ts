import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../../src/core/datasets.js';
import type { LevelCode } from '../../src/core/levels.js';
import codingFrustration from '../../src/red-flags/coding-frustration.js';
import ops1Undervalued from '../../src/red-flags/ops1-undervalued.js';
import { evaluateRedFlag } from '../../src/report/evaluate.js';
import { answer, contextFor, testConfig } from '../helpers/org.js';

// P = 2026-Q3; the answers' default wave 2026-Q3 ends on 2026-08-01, inside P, so it is the current wave.
const FLAGS = [
  { flag: codingFrustration, group: '2.0', question: 'coding_expectations', level: 'ops2', otherLevel: 'ops1', thresholdKey: 'coding_frustration' },
  { flag: ops1Undervalued, group: '1.0', question: 'feel_valued', level: 'ops1_senior', otherLevel: 'ops2', thresholdKey: 'ops1_undervalued' },
] as const;

/** One answer per score, from respondents r1, r2, ... */
const answers = (question: string, level: LevelCode, scores: readonly number[], extra: Partial<SurveyAnswer> = {}): SurveyAnswer[] =>
  scores.map((score, i) => answer({ question_id: question, score, respondent_level: level, respondent_id: `${level}-r${i + 1}`, ...extra }));

describe.each(FLAGS)('$flag.id red flag', ({ flag, group, question, level, otherLevel, thresholdKey }) => {
  it.each([
    // (6 + 6 + 6 + 6 + 6) / 5 = 6.0: not below 6.
    { name: 'a mean of exactly 6.0 is clear', scores: [6, 6, 6, 6, 6], value: 6, status: 'clear' },
    // (6 + 6 + 6 + 6 + 5.9) / 5 = 29.9 / 5 = 5.98 < 6.
    { name: 'a mean just under 6.0 trips', scores: [6, 6, 6, 6, 5.9], value: 5.98, status: 'tripped' },
  ])('$name', ({ scores, value, status }) => {
    const result = evaluateRedFlag(flag, contextFor({ survey: answers(question, level, scores) }));
    expect(result.status).toBe(status);
    expect(result.value).toBe(value);
    expect(result.threshold).toEqual({ op: '<', value: 6 });
  });

  it('counts only its own respondent group and question', () => {
    // Own group: 5 answers of 8 → mean 8. The other group's 2s and the own group's 1s to another
    // question would pull it under 6 if counted.
    const ctx = contextFor({
      survey: [
        ...answers(question, level, [8, 8, 8, 8, 8]),
        ...answers(question, otherLevel, [2, 2, 2, 2, 2]),
        ...answers('autonomy', level, [1, 1, 1, 1, 1]),
      ],
    });
    const result = evaluateRedFlag(flag, ctx);
    expect(result).toMatchObject({ status: 'clear', value: 8 });
    expect(result.evidence).toEqual([{ note: `mean 8.00 of 5 answers, group ${group}, wave 2026-Q3` }]);
  });

  it('is computed for a group of exactly 5 respondents and suppressed for 4', () => {
    const four = evaluateRedFlag(flag, contextFor({ survey: answers(question, level, [1, 1, 1, 1]) }));
    expect(four).toMatchObject({ status: 'suppressed', value: null, evidence: [] });
    // The reason names the minimum, never the group's size.
    expect(four.reason).toContain('fewer than 5 respondents');
    expect(four.reason).not.toMatch(/\b4\b/);
    // Five respondents answering 1: mean 1 < 6.
    const five = evaluateRedFlag(flag, contextFor({ survey: answers(question, level, [1, 1, 1, 1, 1]) }));
    expect(five).toMatchObject({ status: 'tripped', value: 1 });
  });

  it('counts distinct respondents: 6 answers from 4 respondents are suppressed', () => {
    const survey = answers(question, level, [1, 1, 1, 1, 1, 1]).map((a, i) => ({ ...a, respondent_id: `r${i % 4}` }));
    expect(evaluateRedFlag(flag, contextFor({ survey })).status).toBe('suppressed');
  });

  it('rescales the configured scale to 0-10', () => {
    // Scale 1-5: answers of 3 → (3 − 1) / (5 − 1) × 10 = 5.0 < 6.
    const config = testConfig({ survey: { ...testConfig().survey, scale: { min: 1, max: 5 } } });
    const result = evaluateRedFlag(flag, contextFor({ survey: answers(question, level, [3, 3, 3, 3, 3]) }, { config }));
    expect(result).toMatchObject({ status: 'tripped', value: 5 });
  });

  it('takes its threshold from the config', () => {
    // Mean 5.98 is not below a configured 5.5.
    const config = testConfig({ thresholds: { ...testConfig().thresholds, [thresholdKey]: 5.5 } });
    const result = evaluateRedFlag(flag, contextFor({ survey: answers(question, level, [6, 6, 6, 6, 5.9]) }, { config }));
    expect(result).toMatchObject({ status: 'clear', value: 5.98, threshold: { op: '<', value: 5.5 } });
  });

  it.each([
    // The only wave ends on 2026-06-30, before P: no current wave.
    { name: 'no wave ends in P', survey: answers(question, level, [1, 1, 1, 1, 1], { responded_on: '2026-06-30' }), reason: 'no survey wave ends in 2026-Q3' },
    // The current wave has answers, none of this group to this question.
    { name: 'the group did not answer the question', survey: answers(question, otherLevel, [1, 1, 1, 1, 1]), reason: 'no answers of group' },
  ])('is insufficient_data when $name', ({ survey, reason }) => {
    const result = evaluateRedFlag(flag, contextFor({ survey }));
    expect(result).toMatchObject({ status: 'insufficient_data', value: null });
    expect(result.reason).toContain(reason);
  });

  it('is no_data without the survey', () => {
    expect(evaluateRedFlag(flag, contextFor({})).status).toBe('no_data');
  });
});

it('judges the current wave only: the latest wave ending in P', () => {
  // Wave A ends 2026-07-15 (mean 2), wave B ends 2026-09-01 (mean 9): B is current → 9, clear.
  const survey = [
    ...answers('coding_expectations', 'ops2', [2, 2, 2, 2, 2], { wave: 'A', responded_on: '2026-07-15' }),
    ...answers('coding_expectations', 'senior_architect', [9, 9, 9, 9, 9], { wave: 'B', responded_on: '2026-09-01' }),
  ];
  expect(evaluateRedFlag(codingFrustration, contextFor({ survey }))).toMatchObject({ status: 'clear', value: 9 });
});

it('counts ops1 and ops1_senior as group 1.0, not technicians or managers', () => {
  // Group 1.0: three ops1 and two ops1_senior respondents answering 4 → 5 respondents, mean 4 < 6. The
  // technicians' and managers' 10s are outside the group (counted, they would give a mean of 8).
  const survey = [
    ...answers('feel_valued', 'ops1', [4, 4, 4]),
    ...answers('feel_valued', 'ops1_senior', [4, 4]),
    ...answers('feel_valued', 'technician', [10, 10, 10, 10, 10]),
    ...answers('feel_valued', 'manager', [10, 10, 10, 10, 10]),
  ];
  expect(evaluateRedFlag(ops1Undervalued, contextFor({ survey }))).toMatchObject({ status: 'tripped', value: 4 });
});
