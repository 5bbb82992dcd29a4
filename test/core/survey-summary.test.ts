import { describe, expect, it } from 'vitest';
import { SurveySummary } from '../../src/core/survey-summary.js';
import { isTwoPointO } from '../../src/core/levels.js';
import { groupScore } from '../../src/metrics/survey-groups.js';
import { answer, testConfig } from '../helpers/org.js';

const q = 'autonomy';

describe('SurveySummary', () => {
  it('tallies answers, sums and distinct respondents of a group across answer dates', () => {
    // R1 answers on two dates, R2 and R3 once: 4 answers, sum 7+8+9+6 = 30, 3 distinct respondents.
    const summary = SurveySummary.of([
      answer({ question_id: q, score: 7, respondent_id: 'R1', responded_on: '2026-08-01' }),
      answer({ question_id: q, score: 8, respondent_id: 'R1', responded_on: '2026-08-02' }),
      answer({ question_id: q, score: 9, respondent_id: 'R2', responded_on: '2026-08-02', respondent_level: 'senior_architect' }),
      answer({ question_id: q, score: 6, respondent_id: 'R3', responded_on: '2026-08-03' }),
      answer({ question_id: q, score: 1, respondent_id: 'R4', respondent_level: 'ops1' }),
    ], 5);
    expect(summary.tally('2026-Q3', q, isTwoPointO)).toEqual({ answers: 4, sum: 30, size: 3 });
  });

  it('files every question no measure uses under one: it dates its wave, and costs no cell of its own', () => {
    // 1,000 free-form questions on 2026-09-20, after the last autonomy answer (2026-08-01): the wave ends then.
    const free = Array.from({ length: 1000 }, (_, i) => answer({ question_id: `free-form question ${i}?`, score: 5, respondent_id: `R${i}`, responded_on: '2026-09-20' }));
    const summary = SurveySummary.of([answer({ question_id: q, score: 7, respondent_id: 'R1', responded_on: '2026-08-01' }), ...free], 5);
    expect(summary.transferable().cells.size).toBe(2);
    expect(summary.waveEnds().get('2026-Q3')).toBe('2026-09-20');
    expect(summary.tally('2026-Q3', q, isTwoPointO)).toEqual({ answers: 1, sum: 7, size: 1 });
    expect(summary.tally('2026-Q3', 'free-form question 3?', isTwoPointO)).toEqual({ answers: 0, sum: 0, size: 0 });
  });

  it('counts answers as the size when any answer of the group lacks a respondent id', () => {
    const summary = SurveySummary.of([
      answer({ question_id: q, score: 7, respondent_id: 'R1' }),
      answer({ question_id: q, score: 7, respondent_id: 'R1' }),
      answer({ question_id: q, score: 7 }),
    ], 5);
    expect(summary.tally('2026-Q3', q, isTwoPointO).size).toBe(3);
  });

  it('keeps no more than idCap respondent ids: enough to know a group reaches the minimum', () => {
    const rows = Array.from({ length: 50 }, (_, i) => answer({ question_id: q, score: 5, respondent_id: `R${i}` }));
    const summary = SurveySummary.of(rows, 5);
    expect(summary.tally('2026-Q3', q, isTwoPointO)).toEqual({ answers: 50, sum: 250, size: 5 });
  });

  it('drops answers after a date, and reports the latest answer date of each wave', () => {
    const summary = SurveySummary.of([
      answer({ question_id: q, score: 7, wave: 'A', responded_on: '2026-03-30' }),
      answer({ question_id: q, score: 7, wave: 'A', responded_on: '2026-04-02' }),
      answer({ question_id: q, score: 7, wave: 'B', responded_on: '2026-07-01' }),
    ], 5);
    expect([...summary.waveEnds()]).toEqual([['A', '2026-04-02'], ['B', '2026-07-01']]);
    expect([...summary.upTo('2026-03-31').waveEnds()]).toEqual([['A', '2026-03-30']]);
  });

  it('gives the same tally whatever the order the answers were read in', () => {
    const rows = [0.1, 0.2, 0.3, 0.7, 9.9, 3.3].map((score, i) =>
      answer({ question_id: q, score, respondent_id: `R${i}`, responded_on: `2026-08-0${i + 1}` }));
    const forward = SurveySummary.of(rows, 5).tally('2026-Q3', q, isTwoPointO);
    const backward = SurveySummary.of([...rows].reverse(), 5).tally('2026-Q3', q, isTwoPointO);
    expect(backward).toEqual(forward);
  });
  it('counts an answer added after a tally in the next tally and wave dates (what is indexed for tallies is made again)', () => {
    // First tally: R1's 7 alone. Then R2's 9, on a later date, and another question's 3:
    // 2 answers, sum 7+9 = 16, 2 respondents; the wave now ends on R2's date.
    const summary = SurveySummary.of([answer({ question_id: q, score: 7, respondent_id: 'R1', responded_on: '2026-08-01' })], 5);
    expect(summary.tally('2026-Q3', q, isTwoPointO)).toEqual({ answers: 1, sum: 7, size: 1 });
    expect(summary.waveEnds()).toEqual(new Map([['2026-Q3', '2026-08-01']]));
    summary.add(answer({ question_id: q, score: 9, respondent_id: 'R2', responded_on: '2026-08-20' }));
    summary.add(answer({ question_id: 'career_growth', score: 3, respondent_id: 'R2', responded_on: '2026-08-20' }));
    expect(summary.tally('2026-Q3', q, isTwoPointO)).toEqual({ answers: 2, sum: 16, size: 2 });
    expect(summary.tally('2026-Q3', 'career_growth', isTwoPointO)).toEqual({ answers: 1, sum: 3, size: 1 });
    expect(summary.waveEnds()).toEqual(new Map([['2026-Q3', '2026-08-20']]));
  });
});

describe('SurveySummary: questions the file had no column for', () => {
  const why = 'no column of gf.csv is mapped to it in survey.questions';

  it('keeps why through the as-of cut and the hand-over to another thread', () => {
    const summary = SurveySummary.of([answer({ question_id: q, score: 7, respondent_id: 'R1', responded_on: '2026-08-01' })], 5);
    summary.noteNoColumn('coding_expectations', why);
    expect(summary.noColumnWhy('coding_expectations')).toBe(why);
    expect(summary.noColumnWhy(q)).toBeUndefined();
    expect(summary.upTo('2026-07-01').noColumnWhy('coding_expectations')).toBe(why);
    expect(SurveySummary.fromTransfer(structuredClone(summary.transferable())).noColumnWhy('coding_expectations')).toBe(why);
  });

  it("completes the reason of a group without answers to it, and only that group's", () => {
    // Five 2.0 answers to autonomy in 2026-Q3, none to coding_expectations: the file had no column for it.
    const summary = SurveySummary.of([1, 2, 3, 4, 5].map((i) => answer({ question_id: q, score: 7, respondent_id: `R${i}` })), 5);
    summary.noteNoColumn('coding_expectations', why);
    const config = testConfig();
    expect(groupScore(summary, '2026-Q3', '2.0', 'coding_expectations', config)).toEqual({
      status: 'insufficient_data', reason: `no answers of group 2.0 to coding_expectations in wave 2026-Q3: ${why}`,
    });
    expect(groupScore(summary, '2026-Q3', '2.0', 'feel_valued', config)).toEqual({
      status: 'insufficient_data', reason: 'no answers of group 2.0 to feel_valued in wave 2026-Q3',
    });
    expect(groupScore(summary, '2026-Q3', '2.0', q, config)).toMatchObject({ status: 'ok', answers: 5 });
  });
});
