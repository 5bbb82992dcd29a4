/**
 * fixtures/vendors/qualtrics: three header rows (ids, question texts, import ids carrying the zone
 * America/Denver), BOM, CRLF; a preview, an unfinished response and an imported one.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../../src/core/datasets.js';
import { counts, loadFolder, loadVendor, messages, presetRecords, tempFolder } from './vendor-fixture.js';

const FOLDER = 'qualtrics';
const row = (a: SurveyAnswer) => [a.respondent_id, a.responded_on, a.wave, a.respondent_level, a.question_id, a.score];

describe('preset qualtrics', () => {
  it('keeps real, finished responses and reads RecordedDate in the zone of the third header row', async () => {
    const { files } = await loadVendor('qualtrics');
    expect(messages(files)).toEqual([
      'Ops+pulse+2025_July+1,+2025_09.14.csv:5: -: warning: 2 records left out by preset "qualtrics" ' +
        '(survey previews, test or spam responses, and unfinished ones), the first on this line: they are not rows of survey and count in no figure',
    ]);
    expect(counts(files)).toEqual([['survey', 8, 8]]);
    // R_2b is a preview (Status 1), R_3c unfinished: left out. R_4d was imported (Status 4): kept.
    // R_1a: 2025-06-30 19:45:10 in Denver (UTC-6) = 2025-07-01T01:45:10Z, 1 July in the configured zone (UTC): 2025-Q3.
    // Questions by id (Q3_1, Q3_2) and by the text of header row 2 (Q4); Q5_TEXT is not mapped, so ignored.
    expect((await presetRecords(FOLDER, 'survey')).map(({ record }) => row(record))).toEqual([
      ['R_1aBcDeFgHiJkLmN', '2025-07-01', '2025-Q3', 'ops2', 'autonomy', 4],
      ['R_1aBcDeFgHiJkLmN', '2025-07-01', '2025-Q3', 'ops2', 'feel_valued', 5],
      ['R_1aBcDeFgHiJkLmN', '2025-07-01', '2025-Q3', 'ops2', 'role_scope_satisfaction', 4],
      ['R_4dEfGhIjKlMnOpQ', '2025-06-15', '2025-Q2', 'ops1_senior', 'autonomy', 2],
      ['R_4dEfGhIjKlMnOpQ', '2025-06-15', '2025-Q2', 'ops1_senior', 'feel_valued', 3],
      ['R_4dEfGhIjKlMnOpQ', '2025-06-15', '2025-Q2', 'ops1_senior', 'role_scope_satisfaction', 2],
      ['R_5eFgHiJkLmNoPqR', '2025-06-20', '2025-Q2', 'ops2', 'autonomy', 5],
      ['R_5eFgHiJkLmNoPqR', '2025-06-20', '2025-Q2', 'ops2', 'role_scope_satisfaction', 5],
    ]);
  });
});

describe('preset qualtrics on a file saved again through Excel', () => {
  // 2, 5 and 11 October 2022 as a day-first (UK) spreadsheet writes them, in the zone of header row 3.
  const csv = [
    'StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,Q1,Q4',
    'Start Date,End Date,Response Type,Progress,Finished,Recorded Date,Response ID,What is your role?,How satisfied are you with the scope of your role?',
    '"{""ImportId"":""startDate"",""timeZone"":""Europe/London""}","{""ImportId"":""endDate"",""timeZone"":""Europe/London""}","{""ImportId"":""status""}","{""ImportId"":""progress""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate"",""timeZone"":""Europe/London""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID4""}"',
    '02/10/2022 10:00,02/10/2022 10:05,0,100,1,02/10/2022 10:05,R_1,Ops Engineer 2.0,4',
    '05/10/2022 10:00,05/10/2022 10:05,0,100,1,05/10/2022 10:05,R_2,Ops Engineer 2.0,5',
    '11/10/2022 10:00,11/10/2022 10:05,0,100,1,11/10/2022 10:05,R_3,Ops Engineer 2.0,3',
    '',
  ].join('\r\n');
  const config = (dateFormat?: string) => ({
    timezone: 'Europe/London',
    survey: { scale: { min: 1, max: 5 }, questions: { Q4: 'role_scope_satisfaction' } },
    datasets: { survey: { path: 'responses.csv', preset: 'qualtrics', levelColumn: 'Q1', ...(dateFormat ? { dateFormat } : {}) } },
  });

  it('does not guess the order of day and month: every row is refused until dateFormat says it', async () => {
    const { files } = await loadFolder(tempFolder({ 'responses.csv': csv }, config()));
    expect(counts(files)).toEqual([['survey', 3, 0]]);
    expect(messages(files).join('\n')).toMatch(/dateFormat/);
  });

  it('reads it day first with dateFormat d/M/yyyy H:mm: one October wave', async () => {
    const { data } = await loadFolder(tempFolder({ 'responses.csv': csv }, config('d/M/yyyy H:mm')));
    const summary = data.survey!;
    expect(summary.waveEnds()).toEqual(new Map([['2022-Q4', '2022-10-11']]));
  });
});

describe('preset qualtrics on an export without the Status or Finished column', () => {
  // Exported with only some metadata fields: nothing in the file tells a preview (Status 1) or an unfinished
  // response from a real one, so all three rows are read, and the file says why, at the header.
  const header = (columns: string) => [
    `StartDate,EndDate,RecordedDate,ResponseId,${columns}Q1,Q4`,
    `Start Date,End Date,Recorded Date,Response ID,${columns}What is your role?,How satisfied are you with the scope of your role?`,
    // The third row: an import id a column (the zone is then the configured one, UTC).
    Array.from({ length: 6 + columns.split(',').length - 1 }, (_, i) => `"{""ImportId"":""c${i}""}"`).join(','),
  ];
  const config = { survey: { scale: { min: 1, max: 5 }, questions: { Q4: 'role_scope_satisfaction' } }, datasets: { survey: { path: 'responses.csv', preset: 'qualtrics', levelColumn: 'Q1' } } };
  const rows = (values: readonly string[]) => values.map((v, i) => `2025-06-0${i + 1} 10:00:00,2025-06-0${i + 1} 10:05:00,2025-06-0${i + 1} 10:05:00,R_${i + 1},${v}Ops Engineer 2.0,4`);

  it('reads every row, and warns once that previews, tests and unfinished responses cannot be left out', async () => {
    const csv = [...header(''), ...rows(['', '', '']), ''].join('\r\n');
    const { files } = await loadFolder(tempFolder({ 'responses.csv': csv }, config));
    expect(counts(files)).toEqual([['survey', 3, 3]]);
    expect(messages(files)).toEqual([
      'responses.csv:1: -: warning: the file has no Status or Finished column, which preset "qualtrics" reads to leave out survey previews, test or spam responses, ' +
        'and unfinished ones: the rows it would leave out by them are read as responses. Export them with the responses to have those rows left out',
    ]);
  });

  it('with Status alone, leaves out the preview and names only Finished as missing', async () => {
    // R_2 is a preview (Status 1): left out; the unfinished ones cannot be told.
    const csv = [...header('Status,'), ...rows(['0,', '1,', '0,']), ''].join('\r\n');
    const { files } = await loadFolder(tempFolder({ 'responses.csv': csv }, config));
    expect(counts(files)).toEqual([['survey', 2, 2]]);
    expect(messages(files)).toEqual([
      'responses.csv:1: -: warning: the file has no Finished column, which preset "qualtrics" reads to leave out survey previews, test or spam responses, ' +
        'and unfinished ones: the rows it would leave out by it are read as responses. Export it with the responses to have those rows left out',
      expect.stringMatching(/^responses\.csv:5: -: warning: 1 record left out by preset "qualtrics"/),
    ]);
  });
});
