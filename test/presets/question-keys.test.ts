/**
 * The config's own survey.questions keys that no column of a wide survey matches: one warning each, at the
 * header, with the question, the nearest headers and what is left without answers; and, for the report,
 * each question no column gives.
 */
import { describe, expect, it } from 'vitest';
import { QUESTION_IDS, type QuestionId } from '../../src/core/datasets.js';
import { checkQuestionKeys, type QuestionKeyCheck } from '../../src/presets/question-keys.js';

// A Google Forms header: one row; the Timestamp and level columns are no candidates.
const FORM = ['Timestamp', 'Which team are you on?', 'I am comfortable with the coding expected of me.', 'I feel valued.'];
const check = (given: Record<string, QuestionId>, questions: QuestionKeyCheck['questions'] = [{ key: 'I feel valued.', id: 'feel_valued', name: 'I feel valued.' }]): QuestionKeyCheck => ({
  file: 'gf.csv', line: 1, given: new Map(Object.entries(given)),
  columns: FORM.map((key) => ({ key, texts: [key] })),
  candidates: new Set(FORM.slice(2)),
  questions,
});
const messages = (findings: ReturnType<typeof checkQuestionKeys>) => findings.warnings.map((w) => `${w.file}:${w.line}: ${w.column}: ${w.severity}: ${w.message}`);

describe('checkQuestionKeys', () => {
  it('warns of a key the header has with a final "." more, with the key as the file writes it', () => {
    const findings = checkQuestionKeys(check({ 'I am comfortable with the coding expected of me': 'coding_expectations', 'I feel valued.': 'feel_valued' }));
    expect(messages(findings)).toEqual([
      'gf.csv:1: question_id: warning: survey.questions maps "I am comfortable with the coding expected of me" to coding_expectations, but no column of this file is headed so; ' +
        'the header "I am comfortable with the coding expected of me." differs from it only in case, spaces or punctuation: write the key as the file does, ' +
        '{ "survey": { "questions": { "I am comfortable with the coding expected of me.": "coding_expectations" } } }. ' +
        'No column is coding_expectations, so the red flag coding_frustration has no answers to it',
    ]);
    expect(findings.noColumn.get('coding_expectations')).toBe(
      'no column of gf.csv is this question: survey.questions maps "I am comfortable with the coding expected of me" to it, which no header matches');
  });

  it('names the nearest headers of a key that is no near copy, and every measure left without answers', () => {
    const findings = checkQuestionKeys(check({ 'How satisfied are you with your role?': 'role_scope_satisfaction' }));
    expect(messages(findings)).toEqual([
      'gf.csv:1: question_id: warning: survey.questions maps "How satisfied are you with your role?" to role_scope_satisfaction, but no column of this file is headed so; ' +
        'the nearest headers are "I feel valued." and "I am comfortable with the coding expected of me.". ' +
        'No column is role_scope_satisfaction, so the measures role_scope_score and satisfaction_uplift have no answers to it',
    ]);
  });

  it('says when the question is read from another column all the same', () => {
    const findings = checkQuestionKeys(check({ 'I feel valued': 'feel_valued', 'I feel valued.': 'feel_valued' }));
    expect(findings.warnings).toHaveLength(1);
    expect(findings.warnings[0]!.message).toMatch(/\. feel_valued is read from "I feel valued\." all the same$/);
    expect(findings.noColumn.has('feel_valued')).toBe(false);
  });

  it('matches keys as the map does, case and outer spaces aside, and in any header row', () => {
    // SurveyMonkey's second header row holds a matrix statement; a key may name it.
    const twoRows: QuestionKeyCheck = {
      ...check({ '  i FEEL valued. ': 'feel_valued', 'My career is growing here.': 'career_growth' }),
      columns: [{ key: 'Please rate', texts: ['Please rate', 'My career is growing here.'] }, { key: 'I feel valued.', texts: ['I feel valued.', 'Response'] }],
    };
    expect(checkQuestionKeys(twoRows).warnings).toEqual([]);
  });

  it('checks only the keys the config file gives: a default text the form lacks is no mistake', () => {
    const findings = checkQuestionKeys({ ...check({}), given: undefined });
    expect(findings.warnings).toEqual([]);
  });

  it('notes every question no column gives, mapped or not', () => {
    const findings = checkQuestionKeys(check({ 'I feel valued.': 'feel_valued' }));
    expect([...findings.noColumn.keys()]).toEqual(QUESTION_IDS.filter((id) => id !== 'feel_valued'));
    expect(findings.noColumn.get('autonomy')).toBe('no column of gf.csv is mapped to it in survey.questions');
  });
});
