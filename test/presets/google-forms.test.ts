/**
 * fixtures/vendors/google-forms: the Forms response CSV, one column per question, a quoted newline
 * in a comment, timestamps like `2025/03/28 4:12:09 PM PDT`, and one respondent in GMT+9.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
import type { SurveyAnswer } from '../../src/core/datasets.js';
import type { LoadedRow } from '../../src/load/loaded-row.js';
import { applyPreset, findPreset } from '../../src/presets/index.js';
import { configOf } from '../validate/support.js';
import { counts, loadFolder, loadVendor, messages, presetRecords, tempFolder } from './vendor-fixture.js';

const FOLDER = 'google-forms';
const row = (a: SurveyAnswer) => [a.responded_on, a.wave, a.respondent_level, a.question_id, a.score];

describe('preset google-forms', () => {
  it('turns each answered question into one long-form row, with the wave from the date', async () => {
    const { files } = await loadVendor('google-forms');
    // The fixture's five respondents answered from 28 March to 2 April (Los Angeles): one round read as two
    // quarters' waves, which is said (wave-straddle.ts) at the first row of the later one, line 4.
    expect(messages(files)).toEqual([
      'Ops pulse (Responses) - Form Responses 1.csv:4: Timestamp: warning: the answers dated 2025-03-28 to 2025-04-02 read as one survey round ' +
        '(never more than 7 days apart), but the quarter turns on 2025-04-01 and no wave is configured, so they are two waves: 2025-Q1 ' +
        '(3 respondents, the last on 2025-03-31) and 2025-Q2 (2 respondents, the first on 2025-04-01); each group is then judged on part of ' +
        'its answers, and one below survey.minGroupSize in each is suppressed. If the file holds this one round, name its wave: ' +
        '{ "datasets": { "survey": { "wave": "2025-Q1" } } }; if a column names each respondent\'s round, map it: ' +
        '{ "datasets": { "survey": { "columns": { "<that column>": "wave" } } } }',
    ]);
    expect(counts(files)).toEqual([['survey', 14, 14]]);
    // Levels: Search → ops2, Payments → ops1 (config). Scores: Strongly agree 5, Agree 4, Neither 3, Disagree 2,
    // Somewhat agree 4 (config); the linear scale is a number. An unanswered question gives no row.
    // The last respondent answered at 2025/04/01 7:30 AM GMT+9 = 2025-03-31T22:30Z = 15:30 on 31 March in Los Angeles.
    expect((await presetRecords(FOLDER, 'survey')).map(({ record }) => row(record))).toEqual([
      ['2025-03-28', '2025-Q1', 'ops2', 'feel_valued', 5],
      ['2025-03-28', '2025-Q1', 'ops2', 'autonomy', 4],
      ['2025-03-28', '2025-Q1', 'ops2', 'role_scope_satisfaction', 5],
      ['2025-03-31', '2025-Q1', 'ops1', 'feel_valued', 2],
      ['2025-03-31', '2025-Q1', 'ops1', 'autonomy', 3],
      ['2025-03-31', '2025-Q1', 'ops1', 'role_scope_satisfaction', 2],
      ['2025-04-01', '2025-Q2', 'ops2', 'feel_valued', 4],
      ['2025-04-01', '2025-Q2', 'ops2', 'role_scope_satisfaction', 4],
      ['2025-04-02', '2025-Q2', 'ops2', 'feel_valued', 5],
      ['2025-04-02', '2025-Q2', 'ops2', 'autonomy', 5],
      ['2025-04-02', '2025-Q2', 'ops2', 'role_scope_satisfaction', 5],
      ['2025-03-31', '2025-Q1', 'ops1', 'feel_valued', 4],
      ['2025-03-31', '2025-Q1', 'ops1', 'autonomy', 2],
      ['2025-03-31', '2025-Q1', 'ops1', 'role_scope_satisfaction', 3],
    ]);
  });

  it('keeps the line of the respondent row on each long-form row', async () => {
    const lines = (await presetRecords(FOLDER, 'survey')).map(({ line }) => line);
    // Header line 1; respondents on lines 2, 3, 4 (its comment runs onto line 5), 6 and 7.
    expect(lines).toEqual([2, 2, 2, 3, 3, 3, 4, 4, 6, 6, 6, 7, 7, 7]);
  });

  it('rejects a record of an NDJSON export that gives a question twice as one row, reading none of its answers', async () => {
    const response = (valued: string, extra = '') =>
      `{"Timestamp":"2025/03/28 4:12:09 PM PDT","Which team are you on?":"Search","I feel valued.":"${valued}"${extra},"Autonomy":"Agree"}`;
    const repeated = response('Agree', ',"I feel valued.":""');
    const ndjson = [response('Agree'), repeated, response('Disagree')].join('\n');
    const config = {
      survey: { scale: { min: 1, max: 5 }, questions: { 'I feel valued.': 'feel_valued', Autonomy: 'autonomy' } },
      levels: { Search: 'ops2' },
      datasets: { survey: { preset: 'google-forms', levelColumn: 'Which team are you on?' } },
    };
    const { files } = await loadFolder(tempFolder({ 'survey.ndjson': ndjson }, config));
    expect(messages(files)).toEqual([
      `survey.ndjson:2: I feel valued.: the key "I feel valued." is given twice in this record (first at column ${repeated.indexOf('"I feel') + 1}, ` +
        `again at column ${repeated.lastIndexOf('"I feel') + 1}); ` +
        'JSON keeps the last, so which value was meant is unclear',
    ]);
    // Lines 1 and 3 give two answers each; line 2 is one rejected row.
    expect(files.map((f) => [f.rows, f.accepted, f.rejected])).toEqual([[5, 4, 1]]);
  });

  it('names levelColumn in the mismatch message when it is not set', async () => {
    const csv = 'Timestamp,Which team are you on?,I feel valued.\n2025/03/28 4:12:09 PM PDT,Search,Agree\n';
    const config = { survey: { questions: { 'I feel valued.': 'feel_valued' } }, datasets: { survey: { preset: 'google-forms' } } };
    const { files } = await loadFolder(tempFolder({ 'survey.csv': csv }, config));
    expect(messages(files)).toEqual([
      'survey.csv:1: -: the file does not fit preset "google-forms" for survey: no column for respondent_level (levelColumn is not set); ' +
        'the file has: Timestamp, Which team are you on?, I feel valued.. ' +
        `Map the columns in the config: { "datasets": { "survey": { "levelColumn": "<column holding the respondent's title or level>" } } }`,
    ]);
  });

  // Without respondent ids a group is counted by its answers: three respondents answering autonomy in two
  // columns would be six answers, a group past the smallest shown (5), each weighed twice in the mean.
  it('refuses a form whose two columns mean one question', async () => {
    const csv = 'Timestamp,Which team are you on?,I have autonomy.,Autonomy (repeat)\n' +
      '2026/08/03 4:12:09 PM PDT,Search,5,5\n2026/08/04 4:12:09 PM PDT,Search,4,4\n2026/08/05 4:12:09 PM PDT,Search,5,5\n';
    const config = {
      survey: { scale: { min: 1, max: 5 }, questions: { 'I have autonomy.': 'autonomy', 'Autonomy (repeat)': 'autonomy' } },
      datasets: { survey: { preset: 'google-forms', levelColumn: 'Which team are you on?' } },
    };
    const { files } = await loadFolder(tempFolder({ 'survey.csv': csv }, config));
    expect(messages(files)).toEqual([
      'survey.csv:1: -: columns "I have autonomy." and "Autonomy (repeat)" both mean the question "autonomy": each response would count twice. ' +
        'Keep one: delete or rename the other in the file, or leave one of them out of the config\'s survey.questions.',
    ]);
    expect(files.map((f) => [f.rows, f.accepted])).toEqual([[0, 0]]);
  });

  it('refuses a form with two columns named as its level column, whose order would decide the group', async () => {
    // "Which team are you on?" and "WHICH TEAM ARE YOU ON?" both answer to levelColumn: Search or Payments?
    const csv = 'Timestamp,Which team are you on?,WHICH TEAM ARE YOU ON?,I have autonomy.\n2026/08/03 4:12:09 PM PDT,Search,Payments,5\n';
    const config = {
      survey: { scale: { min: 1, max: 5 }, questions: { 'I have autonomy.': 'autonomy' } },
      datasets: { survey: { preset: 'google-forms', levelColumn: 'Which team are you on?' } },
    };
    const { files } = await loadFolder(tempFolder({ 'survey.csv': csv }, config));
    expect(messages(files)).toEqual([
      'survey.csv:1: -: columns "Which team are you on?" and "WHICH TEAM ARE YOU ON?" both mean "respondent_level"; ' +
        'keep one: delete or rename the other in the file (or in the config\'s "columns" map, if it names one of them)',
    ]);
  });

  it('names a repeated header by its name in the file, not by the key it is read under', async () => {
    // The second "Timestamp" is read under the key "Timestamp_2", which the file does not hold.
    const timestamps = 'Timestamp,Team,Timestamp,I have autonomy.\n2026/08/03 4:12:09 PM PDT,ops2,2026/08/04 9:00:00 AM PDT,5\n';
    const config = {
      survey: { scale: { min: 1, max: 5 }, questions: { 'I have autonomy.': 'autonomy' } },
      datasets: { survey: { preset: 'google-forms', levelColumn: 'Team' } },
    };
    expect(messages((await loadFolder(tempFolder({ 'survey.csv': timestamps }, config))).files)).toEqual([
      'survey.csv:1: -: the header gives "Timestamp" twice, and both mean "responded_on"; keep one: delete or rename the other in the file',
    ]);
    // One question's column given three times: every response would count three times.
    const questions = 'Timestamp,Team,I have autonomy.,I have autonomy.,I have autonomy.\n2026/08/03 4:12:09 PM PDT,ops2,5,4,3\n';
    expect(messages((await loadFolder(tempFolder({ 'survey.csv': questions }, config))).files)).toEqual([
      'survey.csv:1: -: the header gives "I have autonomy." 3 times, and all mean the question "autonomy": each response would count 3 times. ' +
        'Keep one: delete or rename the other in the file, or leave one of them out of the config\'s survey.questions.',
    ]);
  });

  it('warns when words are scored 1-5 but the survey scale is another', async () => {
    const csv = 'Timestamp,Team,I feel valued.\n2025/03/28 4:12:09 PM PDT,ops2,Agree\n';
    const config = { survey: { questions: { 'I feel valued.': 'feel_valued' } }, datasets: { survey: { preset: 'google-forms', levelColumn: 'Team' } } };
    const { files } = await loadFolder(tempFolder({ 'survey.csv': csv }, config));
    expect(counts(files)).toEqual([['survey', 1, 1]]);
    expect(messages(files)).toEqual([
      'survey.csv:2: score: warning: answers in words are scored 1-5 by preset "google-forms", but survey.scale is 0-10; ' +
        'set "survey": { "scale": { "min": 1, "max": 5 } }',
    ]);
  });

  it('takes its wave from a response date already in ISO 8601, as the validator reads it', async () => {
    // A sheet in an ISO locale writes the Timestamp as ISO text, which no preset format reads. Calendar
    // dates in America/Los_Angeles: 2022-08-01T10:00Z is 1 August (03:00 there), 2022-08-02 as written,
    // 2022-08-03T10:00-07:00 3 August; all three are wave 2022-Q3.
    const csv = 'Timestamp,Which team are you on?,How satisfied are you with the scope of your role?\n' +
      '2022-08-01T10:00:00Z,Ops Engineer 2.0,4\n2022-08-02,Ops Engineer 2.0,5\n2022-08-03T10:00:00-07:00,Ops Engineer 2.0,3\n';
    const config = {
      timezone: 'America/Los_Angeles',
      survey: { scale: { min: 1, max: 5 }, questions: { 'How satisfied are you with the scope of your role?': 'role_scope_satisfaction' } },
      datasets: { survey: { path: 'responses.csv', preset: 'google-forms', levelColumn: 'Which team are you on?' } },
    };
    const { data, files } = await loadFolder(tempFolder({ 'responses.csv': csv }, config));
    expect(messages(files)).toEqual([]);
    expect(counts(files)).toEqual([['survey', 3, 3]]);
    expect(data.survey!.waveEnds()).toEqual(new Map([['2022-Q3', '2022-08-03']]));
  });
});

describe('preset google-forms: a survey.questions key that matches no column', () => {
  // The config's key lacks the final "." of the form's header: its answers would go unread without a word.
  const csv = 'Timestamp,Which team are you on?,I am comfortable with the coding expected of me.,I feel valued.\n' +
    '2026/09/14 9:02:11 AM EDT,Ops Engineer 2.0,Agree,Agree\n2026/09/15 1:12:09 PM EDT,Ops Engineer 2.0,Disagree,Agree\n';
  const config = (codingKey: string) => ({
    timezone: 'America/New_York',
    survey: { scale: { min: 1, max: 5 }, questions: { [codingKey]: 'coding_expectations', 'I feel valued.': 'feel_valued' } },
    datasets: { survey: { path: 'gf.csv', preset: 'google-forms', levelColumn: 'Which team are you on?' } },
  });

  it('is a warning at the header naming the header meant, and the summary says why the question has no answers', async () => {
    const { data, files } = await loadFolder(tempFolder({ 'gf.csv': csv }, config('I am comfortable with the coding expected of me')));
    expect(messages(files)).toEqual([
      'gf.csv:1: question_id: warning: survey.questions maps "I am comfortable with the coding expected of me" to coding_expectations, but no column of this file is headed so; ' +
        'the header "I am comfortable with the coding expected of me." differs from it only in case, spaces or punctuation: write the key as the file does, ' +
        '{ "survey": { "questions": { "I am comfortable with the coding expected of me.": "coding_expectations" } } }. ' +
        'No column is coding_expectations, so the red flag coding_frustration has no answers to it',
    ]);
    // Only the feel_valued answers are read: 2 rows of the 4 answers.
    expect(counts(files)).toEqual([['survey', 2, 2]]);
    expect(data.survey!.noColumnWhy('coding_expectations')).toBe(
      'no column of gf.csv is this question: survey.questions maps "I am comfortable with the coding expected of me" to it, which no header matches');
  });

  it('reads the question once the key is written as the file does', async () => {
    const { data, files } = await loadFolder(tempFolder({ 'gf.csv': csv }, config('I am comfortable with the coding expected of me.')));
    expect(messages(files)).toEqual([]);
    expect(counts(files)).toEqual([['survey', 4, 4]]);
    expect(data.survey!.noColumnWhy('coding_expectations')).toBeUndefined();
  });

  it("checks only the config file's own keys: a default question text the form does not ask is no mistake", async () => {
    // The tool's default map holds no text today; one it would hold is in `questions` but not in `givenQuestions`.
    const given = configOf(config('I am comfortable with the coding expected of me.'));
    const withDefault: Config = { ...given, survey: { ...given.survey, questions: new Map([...given.survey.questions, ['how free are you in your work?', 'autonomy']]) } };
    const keys = csv.split('\n')[0]!.split(',');
    async function* rows(): AsyncIterable<LoadedRow> {
      for (const [index, line] of csv.trim().split('\n').slice(1).entries()) yield { line: index + 2, fields: Object.fromEntries(line.split(',').map((cell, i) => [keys[i]!, cell])) };
    }
    const applied = applyPreset(rows(), { dataset: 'survey', file: 'gf.csv', preset: findPreset('google-forms')!, config: withDefault, header: () => ({ keys, rows: [keys] }) });
    let answers = 0;
    for await (const _row of applied.rows) answers += 1;
    expect(answers).toBe(4);
    expect(applied.notes()).toEqual([]);
  });
});

describe('preset google-forms: a Timestamp no format reads (the linked Google Sheet, downloaded)', () => {
  // A US-locale Sheet writes 9/14/2026 9:02:11. Line 3's 9/8 reads month first (8 September) or day first
  // (9 August): both orders are named. Line 3 answers one question, lines 2 and 4 two: 5 answer rows.
  const csv = 'Timestamp,Which team are you on?,I am comfortable with the coding expected of me.,I feel valued.\n' +
    '9/14/2026 9:02:11,Ops Engineer 2.0,Agree,Agree\n9/8/2026 17:45:00,Ops Engineer 2.0,Disagree,\n9/15/2026 13:12:09,Ops Engineer,Strongly disagree,Strongly agree\n';
  const config = (dateFormat?: string) => ({
    timezone: 'America/New_York',
    survey: { scale: { min: 1, max: 5 }, questions: { 'I am comfortable with the coding expected of me.': 'coding_expectations', 'I feel valued.': 'feel_valued' } },
    datasets: { survey: { path: 'gf.csv', preset: 'google-forms', levelColumn: 'Which team are you on?', ...(dateFormat === undefined ? {} : { dateFormat }) } },
  });
  const expected = 'expected a date in the formats "yyyy/MM/dd h:mm:ss a" or "yyyy/MM/dd H:mm:ss" of preset "google-forms" (or ISO 8601)';

  it('is one error per respondent row, on Timestamp, with the dateFormat that reads it; no wave error; every answer rejected', async () => {
    const { files } = await loadFolder(tempFolder({ 'gf.csv': csv }, config()));
    expect(messages(files)).toEqual([
      `gf.csv:2: Timestamp: ${expected}, found "9/14/2026 9:02:11", so the row's 2 answers are rejected; ` +
        'it reads as "M/d/yyyy H:mm:ss": if the export writes dates that way, set "datasets": { "survey": { "dateFormat": "M/d/yyyy H:mm:ss" } }',
      `gf.csv:3: Timestamp: ${expected}, found "9/8/2026 17:45:00", so the row's answer is rejected; ` +
        'it reads as "M/d/yyyy H:mm:ss" (month first) or "d/M/yyyy H:mm:ss" (day first): set "datasets": { "survey": { "dateFormat": "M/d/yyyy H:mm:ss" } }, ' +
        'or "d/M/yyyy H:mm:ss" if the export writes the day first',
      `gf.csv:4: Timestamp: ${expected}, found "9/15/2026 13:12:09", so the row's 2 answers are rejected; ` +
        'it reads as "M/d/yyyy H:mm:ss": if the export writes dates that way, set "datasets": { "survey": { "dateFormat": "M/d/yyyy H:mm:ss" } }',
    ]);
    expect(files.map((f) => [f.rows, f.accepted, f.rejected])).toEqual([[5, 0, 5]]);
  });

  it('reads every answer with the dateFormat the error gives', async () => {
    const { data, files } = await loadFolder(tempFolder({ 'gf.csv': csv }, config('M/d/yyyy H:mm:ss')));
    expect(messages(files)).toEqual([]);
    expect(counts(files)).toEqual([['survey', 5, 5]]);
    // Read in New York: 14, 8 and 15 September 2026, all of wave 2026-Q3.
    expect(data.survey!.waveEnds()).toEqual(new Map([['2026-Q3', '2026-09-15']]));
  });

  it('says an empty Timestamp once for its row too, and a config format it does not match as the config\'s', async () => {
    const rows = 'Timestamp,Which team are you on?,I am comfortable with the coding expected of me.,I feel valued.\n' +
      ',Ops Engineer 2.0,,Agree\n9/14/2026 9:02:11,Ops Engineer 2.0,,Agree\n';
    const { files } = await loadFolder(tempFolder({ 'gf.csv': rows }, config('d/M/yyyy H:mm:ss')));
    expect(messages(files)).toEqual([
      "gf.csv:2: Timestamp: expected the response date, found nothing, so the row's answer is rejected",
      'gf.csv:3: Timestamp: expected a date in the config\'s dateFormat "d/M/yyyy H:mm:ss" (or ISO 8601), found "9/14/2026 9:02:11", so the row\'s answer is rejected; ' +
        'it reads as "M/d/yyyy H:mm:ss": if the export writes dates that way, set "datasets": { "survey": { "dateFormat": "M/d/yyyy H:mm:ss" } }',
    ]);
    expect(files.map((f) => [f.rows, f.accepted, f.rejected])).toEqual([[2, 0, 2]]);
  });

  describe('a wave column the config maps', () => {
    // One round from 28 September to 2 October, named by the form's hidden "Round" field: without the
    // mapping it reads as two waves (2026-Q3, 2026-Q4) and is warned of; with it, one wave, no warning.
    const csv = 'Timestamp,Which team are you on?,Round,How satisfied are you with the scope of your role?\n' +
      '2026/09/28 9:00:00 AM PDT,Ops Engineer 2.0,autumn-26,4\n2026/10/02 9:00:00 AM PDT,Ops Engineer 2.0,autumn-26,5\n';
    const configWith = (columns: Record<string, string>) => ({
      timezone: 'America/Los_Angeles',
      survey: { scale: { min: 1, max: 5 }, questions: { 'How satisfied are you with the scope of your role?': 'role_scope_satisfaction' } },
      datasets: { survey: { preset: 'google-forms', levelColumn: 'Which team are you on?', columns } },
    });

    it('gives each answer its wave, and the round is not split', async () => {
      const { data, files } = await loadFolder(tempFolder({ 'survey.csv': csv }, configWith({ Round: 'wave' })));
      expect(messages(files)).toEqual([]);
      expect(counts(files)).toEqual([['survey', 2, 2]]);
      expect(data.survey!.waveEnds()).toEqual(new Map([['autumn-26', '2026-10-02']]));
      const unmapped = await loadFolder(tempFolder({ 'survey.csv': csv }, configWith({})));
      expect(unmapped.data.survey!.waveEnds()).toEqual(new Map([['2026-Q3', '2026-09-28'], ['2026-Q4', '2026-10-02']]));
      expect(messages(unmapped.files)).toHaveLength(1);
    });

    it('an empty wave cell is one error for the respondent, on the column as the file names it', async () => {
      // The second respondent answered two questions with no round: one error, both answers rejected.
      const twoQuestions = 'Timestamp,Which team are you on?,Round,How satisfied are you with the scope of your role?,Autonomy\n' +
        '2026/09/28 9:00:00 AM PDT,Ops Engineer 2.0,autumn-26,4,5\n2026/10/02 9:00:00 AM PDT,Ops Engineer 2.0,,5,4\n';
      const withAutonomy = configWith({ Round: 'wave' });
      const questions = { ...withAutonomy.survey.questions, Autonomy: 'autonomy' };
      const { files } = await loadFolder(tempFolder({ 'survey.csv': twoQuestions }, { ...withAutonomy, survey: { ...withAutonomy.survey, questions } }));
      expect(messages(files)).toEqual(['survey.csv:3: Round: expected the respondent\'s wave, found an empty cell, so the row\'s 2 answers are rejected']);
      expect(counts(files)).toEqual([['survey', 4, 2]]);
    });

    it('refuses the file when the column mapped to wave is not in it', async () => {
      const { files } = await loadFolder(tempFolder({ 'survey.csv': csv }, configWith({ Wave: 'wave' })));
      expect(files.map((f) => [f.rows, f.accepted])).toEqual([[0, 0]]);
      expect(messages(files)).toEqual([
        'survey.csv:1: -: the file does not fit preset "google-forms" for survey: no column for wave (looked for "Wave"); the file has: Timestamp, ' +
          'Which team are you on?, Round, How satisfied are you with the scope of your role?. Map the columns in the config: ' +
          '{ "datasets": { "survey": { "columns": { "<column holding the wave>": "wave" } } } }',
      ]);
    });
  });

  describe('a JSON export whose first record leaves out a question', () => {
    // The second respondent answered "Valued", which the first record has no key for. Read from the first
    // record alone, that answer went unread and the config's "Valued" key was said to match no column.
    const records = [
      { Timestamp: '2025/03/28 4:12:09 PM', Team: 'Search', Q: '5' },
      { Timestamp: '2025/03/29 4:12:09 PM', Team: 'Search', Q: '4', Valued: '2' },
    ];
    const config = {
      levels: { Search: 'ops1' },
      survey: { scale: { min: 1, max: 5 }, questions: { Q: 'autonomy', Valued: 'feel_valued' } },
      datasets: { survey: { preset: 'google-forms', levelColumn: 'Team' } },
    };

    it('reads the question in the records that give it, without a word against the key', async () => {
      const { files } = await loadFolder(tempFolder({ 'survey.json': JSON.stringify(records) }, config));
      expect(messages(files)).toEqual([]);
      // 1 answer of the first respondent, 2 of the second.
      expect(counts(files)).toEqual([['survey', 3, 3]]);
    });

    it('reads a question worded otherwise in a later record, as one config may map the wording of several waves', async () => {
      const reworded = [
        { Timestamp: '2025/03/28 4:12:09 PM', Team: 'Search', 'I feel valued.': '4' },
        { Timestamp: '2025/06/20 4:12:09 PM', Team: 'Search', 'I feel valued at work.': '2' },
      ];
      const waves = { ...config, survey: { ...config.survey, questions: { 'I feel valued.': 'feel_valued', 'I feel valued at work.': 'feel_valued' } } };
      const { files } = await loadFolder(tempFolder({ 'survey.json': JSON.stringify(reworded) }, waves));
      // One answer each, neither record holding both keys: nothing counts twice.
      expect(messages(files)).toEqual([]);
      expect(counts(files)).toEqual([['survey', 2, 2]]);
    });

    it('refuses a record whose new key means a question another key already gives', async () => {
      const twice = [...records, { Timestamp: '2025/03/30 4:12:09 PM', Team: 'Search', Q: '3', autonomy: '4' }];
      const { files } = await loadFolder(tempFolder({ 'survey.json': JSON.stringify(twice) }, config));
      expect(messages(files)).toEqual([expect.stringMatching(/^survey\.json:2: -: columns "Q" and "autonomy" both mean the question "autonomy"/)]);
    });
  });
});
