import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems.js';
import { DATASETS, DATASET_NAMES, type ColumnSpec } from '../../src/core/datasets.js';
import type { LoadedRow } from '../../src/load/loaded-row.js';
import { validateDataset } from '../../src/validate/validate-dataset.js';
import { configOf, csvHeader, csvRows, jsonRows } from './support.js';

const config = configOf();
const lines = (problems: ReadonlyArray<Parameters<typeof formatProblem>[0]>): string[] => problems.map(formatProblem);

describe('validateDataset: headers', () => {
  it('names a missing required column and the columns found, and rejects every row', async () => {
    const result = await validateDataset('incidents', 'incidents.csv',
      csvRows(['incident', 'opened', 'prio'], ['I1', '2026-01-01', 'P1'], ['I2', '2026-01-02', 'P2']), config, {},
      csvHeader(['incident', 'opened', 'prio']));
    expect(lines(result.problems)).toEqual([
      'incidents.csv:1: incident_id: missing required column "incident_id"; found: incident, opened, prio',
      'incidents.csv:1: opened_at: missing required column "opened_at"; found: incident, opened, prio',
      'incidents.csv:1: priority: missing required column "priority"; found: incident, opened, prio',
    ]);
    expect(result).toMatchObject({ rows: 2, accepted: 0, rejected: 2, errors: 3 });
    expect(result.records.length).toBe(0);
  });

  it('does not show a first line of values, which is a data row with the header missing: it may be anyone\'s name or pay', async () => {
    // people.csv without its header: the first row's cells (a name, a salary) stand where the header would.
    const first = ['E001', 'Zara Quill', 'Ops Engineer', '2014-04-30', '104321'];
    const result = await validateDataset('people', 'people.csv', csvRows(first, ['E002', 'Yan Pike', 'Ops Engineer', '2015-01-02', '99000']), config, {}, csvHeader(first));
    expect(lines(result.problems)).toEqual(['employee_id', 'title', 'hire_date'].map((column) =>
      `people.csv:1: ${column}: missing required column "${column}"; the first line holds values, not column names (a number or a date among its 5 cells): is the header missing?`));
    for (const text of first.slice(1)) expect(lines(result.problems).join('\n')).not.toContain(text);
  });

  it('says of a header quoted whole that it is one column holding separators, not as if its columns were found', async () => {
    // "found: incident_id,opened_at,priority" read as if the columns were there: a spreadsheet that got the
    // whole line pasted into one cell quotes it so.
    const header = ['incident_id,opened_at,priority'];
    const result = await validateDataset('incidents', 'incidents.csv', csvRows(header, ['INC-1,2026-07-01T10:00:00Z,P1']), config, {}, csvHeader(header));
    expect(lines(result.problems)[0]).toBe(
      'incidents.csv:1: incident_id: missing required column "incident_id"; found one column, "incident_id,opened_at,priority", holding separators: ' +
      'is the whole header line in quotes, or are its columns separated by another character than the one read (datasets.<name>.delimiter sets it)?');
  });

  it('lists at most 30 of the names found, each cut to 60 characters: a binary file\'s "header" was megabytes a line', async () => {
    // 40 names: 30 shown, then how many more; one name of 100,000 NULs (a file of zeros): 60 shown and its length.
    const many = Array.from({ length: 40 }, (_, i) => `col${i}`);
    const listed = await validateDataset('trainings', 'trainings.csv', csvRows(many), config, {}, csvHeader(many));
    expect(lines(listed.problems)[0]).toBe(`trainings.csv:1: employee_id: missing required column "employee_id"; found: ${many.slice(0, 30).join(', ')}, and 10 more`);
    const zeros = ['\0'.repeat(100_000), 'b'];
    const cut = await validateDataset('trainings', 'trainings.csv', csvRows(zeros), config, {}, csvHeader(zeros));
    const first = lines(cut.problems)[0]!;
    expect(first.length).toBeLessThan(300);
    expect(first).toContain('… (100000 characters), b');
  });

  it('says what a bad cell of a personal column holds only by where it is', async () => {
    // Pay and a respondent's id are never echoed; an empty required cell still says so, which tells nothing of anyone.
    const people = await validateDataset('people', 'people.csv',
      csvRows(['employee_id', 'title', 'hire_date', 'base_salary'], ['E1', 'Ops Engineer', '2020-01-01', '$123,458'], ['E2', 'Ops Engineer', '2020-01-01', '-5']), config, {},
      csvHeader(['employee_id', 'title', 'hire_date', 'base_salary']));
    expect(lines(people.problems)).toEqual([
      // The hint says what kind of value it is, never the value.
      'people.csv:2: base_salary: expected a number with . as the decimal separator, found a value not shown here, as the column holds personal data (see the line in the file); ' +
        'it reads as a formatted amount: export plain numbers, without a currency sign or thousands separators (104100.00, not $104,100.00)',
      'people.csv:3: base_salary: expected a number >= 0, found a value not shown here, as the column holds personal data (see the line in the file)',
    ]);
    const survey = await validateDataset('survey', 'survey.ndjson',
      // jsonRows numbers its records from 0, as JSON arrays are indexed.
      jsonRows({ wave: '2026-Q3', responded_on: '2026-09-01', respondent_level: 'ops2', question_id: 'autonomy', score: 7, respondent_id: 998877665544332211 }),
      config, {});
    expect(lines(survey.problems)).toEqual([
      'survey.ndjson:0: respondent_id: expected an id, found a value not shown here, as the column holds personal data (see the line in the file); ' +
        'a JSON number is an exact id only when whole and at most 9007199254740991: write the id as a string',
    ]);
    // Another column's bad cell is quoted, as ever.
    const trainings = await validateDataset('trainings', 't.csv', csvRows(['employee_id', 'course', 'completed_on'], ['E1', 'c', 'soon']), config, {},
      csvHeader(['employee_id', 'course', 'completed_on']));
    expect(lines(trainings.problems)).toEqual(['t.csv:2: completed_on: expected a date YYYY-MM-DD, found "soon"']);
  });

  it('checks the header even when the first record is a defect', async () => {
    async function* rows() {
      yield { line: 2, fields: { employee_id: 'E1', course: 'c', column_3: 'x' }, defect: { kind: 'field_count' as const, expected: 2, found: 3 } };
      yield { line: 3, fields: { employee_id: 'E2', course: 'c' } };
    }
    const result = await validateDataset('trainings', 't.csv', rows(), config, {}, csvHeader(['employee_id', 'course']));
    expect(lines(result.problems)).toEqual(['t.csv:1: completed_on: missing required column "completed_on"; found: employee_id, course']);
    expect(result).toMatchObject({ rows: 2, accepted: 0, rejected: 2, errors: 1 });
  });

  it('checks the header of a file without records', async () => {
    const result = await validateDataset('trainings', 't.csv', csvRows(['employee_id', 'course']), config, {}, csvHeader(['employee_id', 'course']));
    expect(lines(result.problems)).toEqual(['t.csv:1: completed_on: missing required column "completed_on"; found: employee_id, course']);
    expect(result).toMatchObject({ rows: 0, accepted: 0, rejected: 0, errors: 1 });
  });

  it('judges each JSON record on its own: a key it lacks is an empty cell of that record only', async () => {
    const result = await validateDataset('trainings', 't.json',
      jsonRows({ employee_id: 'E1', course: 'c' }, { employee_id: 'E2', course: 'c', completed_on: '2026-01-10' }), config);
    expect(lines(result.problems)).toEqual([expect.stringMatching(/^t\.json:0: completed_on: /)]);
    expect(result).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
  });

  it('turns a record the reader could not take into one problem of that record', async () => {
    async function* rows() {
      yield { line: 0, fields: {}, defect: { kind: 'not_an_object' as const, found: 'a number' as const } };
      yield { line: 1, fields: { employee_id: 'E2', course: 'c', completed_on: '2026-01-10' } };
    }
    const result = await validateDataset('trainings', 't.json', rows(), config);
    expect(lines(result.problems)).toEqual(['t.json:0: -: expected an object (a record), found a number']);
    expect(result).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
  });

  // Each required column of each dataset, left out of an otherwise complete header.
  const requiredColumns = DATASET_NAMES.flatMap((dataset) =>
    Object.entries(DATASETS[dataset].columns as Record<string, ColumnSpec>)
      .filter(([, spec]) => spec.required)
      .map(([column]) => [dataset, column] as const));

  it.each(requiredColumns)('%s without %s is refused with that column named', async (dataset, column) => {
    const header = Object.keys(DATASETS[dataset].columns).filter((name) => name !== column);
    const result = await validateDataset(dataset, `${dataset}.csv`, csvRows(header, header.map(() => 'x')), config, {}, csvHeader(header));
    expect(lines(result.problems)).toEqual([
      `${dataset}.csv:1: ${column}: missing required column "${column}"; found: ${header.join(', ')}`,
    ]);
    expect(result.rejected).toBe(1);
  });

  it('matches headers case-insensitively with -, space and _ alike', async () => {
    const result = await validateDataset('trainings', 't.csv',
      csvRows([' EMPLOYEE ID', 'Course', 'completed-on', 'Notes'], ['E1', 'Automation Design', '2026-01-10', 'ignored']), config);
    expect(result.problems).toEqual([]);
    expect([...result.records]).toStrictEqual([{ employee_id: 'E1', course: 'Automation Design', completed_on: '2026-01-10' }]);
  });

  it('refuses a file with two columns for one canonical column', async () => {
    const result = await validateDataset('trainings', 't.csv',
      csvRows(['employee_id', 'Employee-ID', 'course', 'completed_on'], ['E1', 'E2', 'c', '2026-01-10']), config, {},
      csvHeader(['employee_id', 'Employee-ID', 'course', 'completed_on']));
    expect(lines(result.problems)).toEqual([
      't.csv:1: employee_id: columns "employee_id" and "Employee-ID" both mean "employee_id"; keep one: delete or rename the other ' +
        'in the file (or in the config\'s "columns" map, if it names one of them)',
    ]);
    expect(result).toMatchObject({ rows: 1, accepted: 0, rejected: 1 });
  });

  it('refuses a file whose header gives a column twice, which the reader keeps as name and name_2', async () => {
    // The reader keys `course`, `course` as course and course_2: course_2 alone is an unknown column, read by nothing.
    const keys = ['employee_id', 'course', 'completed_on', 'course_2', 'tag', 'tag_2'];
    const repeats = new Map([['course', ['course_2']], ['tag', ['tag_2']]]);
    const rows = () => csvRows(keys, ['E1', 'Automation Design', '2026-01-10', 'Python', 'a', 'b']);
    const result = await validateDataset('trainings', 't.csv', rows(), config, {}, { header: { line: 1, keys: () => keys, repeats: () => repeats } });
    // `tag`, not a column of trainings, is ignored however many times it is given.
    expect(lines(result.problems)).toEqual(['t.csv:1: course: the header gives "course" twice, and both mean "course"; keep one: delete or rename the other in the file']);
    expect(result).toMatchObject({ rows: 1, accepted: 0, rejected: 1 });
  });

  it('reads a repeated header\'s later column that the config\'s map names itself, as it says', async () => {
    const keys = ['incident_id', 'opened_at', 'priority', 'service', 'service_2'];
    const mapped = configOf({ datasets: { incidents: { columns: { service_2: 'root_cause_category' } } } });
    const result = await validateDataset('incidents', 'i.csv', csvRows(keys, ['I1', '2026-01-10T00:00:00Z', 'P1', 'payments', 'capacity']), mapped, {},
      { header: { line: 1, keys: () => keys, repeats: () => new Map([['service', ['service_2']]]) } });
    expect(result.problems).toEqual([]);
    expect(result.records.records().map((i) => [i.service, i.root_cause_category])).toEqual([['payments', 'capacity']]);
  });

  it('reads every record of a file with one header through the header\'s mapping', async () => {
    // Renamed headers, so each row's cells are copied into the schema's input: no value may leak
    // from one row into the next (row 3's empty course is its own, not row 2's "c2").
    const header = ['Employee ID', 'Course', 'Completed On'];
    const result = await validateDataset('trainings', 't.csv',
      csvRows(header, ['E1', 'c1', '2026-01-10'], ['E2', 'c2', '2026-01-11'], ['E3', '', '2026-01-12']), config, {}, csvHeader(header));
    expect(lines(result.problems)).toEqual(['t.csv:4: course: expected text, found an empty cell']);
    expect([...result.records]).toStrictEqual([
      { employee_id: 'E1', course: 'c1', completed_on: '2026-01-10' },
      { employee_id: 'E2', course: 'c2', completed_on: '2026-01-11' },
    ]);
  });

  it('maps the keys of each JSON record anew when they change', async () => {
    // Record 0 has canonical keys; record 1 renamed ones; record 2 canonical again but without a course.
    const result = await validateDataset('trainings', 't.json', jsonRows(
      { employee_id: 'E1', course: 'c1', completed_on: '2026-01-10' },
      { 'Employee-ID': 'E2', COURSE: 'c2', 'completed on': '2026-01-11' },
      { employee_id: 'E3', completed_on: '2026-01-12' },
    ), config);
    expect(lines(result.problems)).toEqual(['t.json:2: course: expected text, found nothing']);
    expect([...result.records]).toStrictEqual([
      { employee_id: 'E1', course: 'c1', completed_on: '2026-01-10' },
      { employee_id: 'E2', course: 'c2', completed_on: '2026-01-11' },
    ]);
  });

  it('uses the column map of the config', async () => {
    const mapped = configOf({ datasets: { trainings: { columns: { 'Person #': 'employee_id', Finished: 'completed_on' } } } });
    const result = await validateDataset('trainings', 't.csv', csvRows(['Person #', 'Course', 'Finished'], ['E1', 'c', '2026-01-10']), mapped);
    expect([...result.records]).toStrictEqual([{ employee_id: 'E1', course: 'c', completed_on: '2026-01-10' }]);
  });
});

describe('validateDataset: rows', () => {
  it('rejects bad rows with file:line: column messages and keeps the good ones, rows = accepted + rejected', async () => {
    const result = await validateDataset('skill_assessments', 'skills.csv', csvRows(['employee_id', 'assessed_on', 'score'],
      ['E1', '2026-01-15', '3'],
      ['E2', '15/01/2026', 'high'],
      ['E3', '2026-01-16', '4.5'],
    ), config);
    expect(lines(result.problems)).toEqual([
      'skills.csv:3: assessed_on: expected a date YYYY-MM-DD, found "15/01/2026"',
      'skills.csv:3: score: expected a number with . as the decimal separator, found "high"',
    ]);
    expect(result).toMatchObject({ rows: 3, accepted: 2, rejected: 1, errors: 2, warnings: 0, omittedProblems: 0 });
    expect([...result.records].map((record) => record.employee_id)).toEqual(['E1', 'E3']);
  });

  it('numbers the rows of sequenced datasets in file order', async () => {
    const result = await validateDataset('automation_coverage', 'cov.csv', csvRows(['measured_on', 'automated_tasks', 'total_tasks'],
      ['2026-01-01', '1', '10'], ['2026-01-01', 'x', '10'], ['2026-01-01', '3', '10']), config);
    expect([...result.records].map((record) => record.seq)).toEqual([1, 3]);
  });

  it('keeps at most the cap of problems but counts them all', async () => {
    const bad = Array.from({ length: 5 }, () => ['E1', 'never', 'x']);
    const result = await validateDataset('skill_assessments', 's.csv', csvRows(['employee_id', 'assessed_on', 'score'], ...bad), config, {}, { problemCap: 3 });
    // 5 rows × 2 bad cells = 10 errors; 3 kept, 7 omitted.
    expect(result).toMatchObject({ rows: 5, rejected: 5, errors: 10, omittedProblems: 7 });
    expect(result.problems).toHaveLength(3);
  });

  it('reads JSON rows, where a later object lacking a required key loses only its own row', async () => {
    const result = await validateDataset('trainings', 'trainings.json', jsonRows(
      { employee_id: 'E1', course: 'c', completed_on: '2026-01-10' },
      { employee_id: 'E2', course: 'c' },
      { employee_id: 7, course: 'c', completed_on: '2026-01-11', extra: { nested: true } },
    ), config);
    expect(lines(result.problems)).toEqual(['trainings.json:1: completed_on: expected a date YYYY-MM-DD, found nothing']);
    expect([...result.records].map((record) => record.employee_id)).toEqual(['E1', '7']);
  });

  it('gives an empty file zero rows and no problems', async () => {
    const result = await validateDataset('meetings', 'meetings.csv', csvRows(['employee_id', 'date', 'kind']), config);
    expect(result).toMatchObject({ rows: 0, accepted: 0, rejected: 0, problems: [] });
  });
});

describe('validateDataset: batches of rows', () => {
  const header = ['employee_id', 'course', 'completed_on'];
  const row = (line: number, completedOn: string) => ({ line, fields: { employee_id: `E${line}`, course: 'c', completed_on: completedOn } });
  // Lines 2 and 4 are good; line 3 has no date, line 5 could not be read (a field-count defect).
  const rows = [
    row(2, '2026-01-10'),
    row(3, ''),
    row(4, '2026-01-11'),
    { line: 5, fields: {}, defect: { kind: 'field_count' as const, expected: 3, found: 4 } },
  ];

  async function* inBatches<T>(...batches: ReadonlyArray<readonly T[]>): AsyncIterable<readonly T[]> {
    yield* batches;
  }
  async function* oneByOne<T>(items: readonly T[]): AsyncIterable<T> {
    yield* items;
  }

  it('validates batches exactly as the same rows one by one', async () => {
    const batched = await validateDataset('trainings', 't.csv', inBatches(rows.slice(0, 3), rows.slice(3)), config, {}, csvHeader(header));
    const single = await validateDataset('trainings', 't.csv', oneByOne(rows), config, {}, csvHeader(header));
    // 4 rows: lines 2 and 4 accepted, line 3 (no date) and line 5 (defect) rejected, in line order.
    expect(batched).toMatchObject({ rows: 4, accepted: 2, rejected: 2, errors: 2 });
    expect(lines(batched.problems).map((text) => text.split(':').slice(0, 3).join(':'))).toEqual(['t.csv:3: completed_on', 't.csv:5: -']);
    expect(lines(batched.problems)).toEqual(lines(single.problems));
    expect(batched.records).toEqual(single.records);
  });

  it('rejects a whole file from its header in the first batch, still counting every row', async () => {
    const short = ['employee_id', 'course'];
    const fields = (id: string) => ({ line: 0, fields: { employee_id: id, course: 'c' } });
    const result = await validateDataset('trainings', 't.csv', inBatches([fields('E1'), fields('E2')], [fields('E3')]), config, {}, csvHeader(short));
    expect(lines(result.problems)).toEqual(['t.csv:1: completed_on: missing required column "completed_on"; found: employee_id, course']);
    expect(result).toMatchObject({ rows: 3, accepted: 0, rejected: 3 });
  });

  it('lets an error thrown by the batches surface unchanged', async () => {
    const failure = new Error('unterminated quote');
    async function* failing(): AsyncIterable<readonly (typeof rows)[number][]> {
      yield rows.slice(0, 2);
      throw failure;
    }
    await expect(validateDataset('trainings', 't.csv', failing(), config, {}, csvHeader(header))).rejects.toBe(failure);
  });
});

describe('validateDataset: survey questions the metrics do not use', () => {
  it('warns once per such question, at its first answer, and still accepts every answer', async () => {
    // Lines 2–6: autonomy (used), a misspelt coding_expectation twice, an eNPS question, a text the
    // config's survey.questions map turns into role_scope_satisfaction (used). Two warnings: lines 3 and 5,
    // each quoting the question as its first answer writes it (the second spelling of it is one question).
    const mapped = configOf({ survey: { questions: { 'How satisfied are you with the scope of your role?': 'role_scope_satisfaction' } } });
    const header = ['wave', 'responded_on', 'respondent_level', 'question_id', 'score'];
    const result = await validateDataset('survey', 's.csv', csvRows(header,
      ['W', '2026-07-01', 'ops2', 'autonomy', '8'],
      ['W', '2026-07-01', 'ops2', 'Coding_Expectation', '7'],
      ['W', '2026-07-02', 'ops2', 'coding_expectation', '6'],
      ['W', '2026-07-02', 'ops2', 'enps', '9'],
      ['W', '2026-07-02', 'ops2', 'How satisfied are you with the scope of your role?', '9'],
    ), mapped, {}, csvHeader(header));
    const known = 'role_scope_satisfaction, autonomy, problem_quality, career_growth, design_vs_execution_time, coding_expectations, feel_valued';
    expect(lines(result.problems)).toEqual([
      `s.csv:3: question_id: warning: "Coding_Expectation" is not a question the metrics use, so its answers count nowhere; if it means one of ${known}, map it under "survey.questions" in the config (later answers to it are not listed)`,
      `s.csv:5: question_id: warning: "enps" is not a question the metrics use, so its answers count nowhere; if it means one of ${known}, map it under "survey.questions" in the config (later answers to it are not listed)`,
    ]);
    expect(result).toMatchObject({ rows: 5, accepted: 5, rejected: 0, errors: 0, warnings: 2 });
  });
});

describe('validateDataset: a source value its preset could not read', () => {
  it('reports its problem once for the record, rejects each of its rows, and says nothing of the columns it fills', async () => {
    // A wide survey's respondent on line 2 answered three questions; its Timestamp was read by no format,
    // so no row has a responded_on or a wave. The third answer's score is bad too: that is its own problem.
    const fills = ['responded_on', 'wave'];
    const problem = { column: 'Timestamp', message: 'expected a date, found "9/14/2026 9:02:11", so the row\'s 3 answers are rejected' };
    const answer = (question_id: string, score: unknown) => ({ responded_on: '9/14/2026 9:02:11', respondent_level: 'ops2', question_id, score });
    async function* rows(): AsyncIterable<LoadedRow> {
      yield { line: 2, fields: answer('autonomy', 4), unreadSource: { fills, problems: [problem] } };
      yield { line: 2, fields: answer('feel_valued', 5), unreadSource: { fills } };
      yield { line: 2, fields: answer('career_growth', 'lots'), unreadSource: { fills } };
      yield { line: 3, fields: { ...answer('autonomy', 3), responded_on: '2026-09-15', wave: '2026-Q3' } };
    }
    const result = await validateDataset('survey', 's.csv', rows(), config);
    expect(lines(result.problems)).toEqual([
      's.csv:2: Timestamp: expected a date, found "9/14/2026 9:02:11", so the row\'s 3 answers are rejected',
      's.csv:2: score: expected a number with . as the decimal separator, found "lots"',
    ]);
    // 4 rows: line 2's three rejected (one error for them, one for the bad score), line 3's accepted.
    expect(result).toMatchObject({ rows: 4, accepted: 1, rejected: 3, errors: 2 });
  });
});

describe('validateDataset: references to a file rejected as a whole', () => {
  it('says they cannot be checked, instead of "not in people.csv", and keeps them errors', async () => {
    // people.csv lacks its required title column (line 1): none of its rows is read for keys, so E1 on
    // line 2 of job_history cannot be checked against it.
    const peopleHeader = ['employee_id', 'hire_date'];
    const people = await validateDataset('people', 'people.csv', csvRows(peopleHeader, ['E1', '2020-01-01']), config, {}, csvHeader(peopleHeader));
    expect(lines(people.problems)).toEqual(['people.csv:1: title: missing required column "title"; found: employee_id, hire_date']);
    const historyHeader = ['employee_id', 'effective_date', 'title'];
    const history = await validateDataset('job_history', 'job_history.csv',
      csvRows(historyHeader, ['E1', '2020-01-01', 'Ops Engineer']), config, people.refs, csvHeader(historyHeader));
    expect(lines(history.problems)).toEqual([
      'job_history.csv:2: employee_id: employee_id "E1" cannot be checked: people.csv was rejected as a whole (line 1)',
    ]);
    expect(history).toMatchObject({ accepted: 0, rejected: 1 });
  });
});

describe('validateDataset: rows accepted with a warning', () => {
  /** `rows` of `dataset` under `header`, validated as a canonical CSV file named for the dataset. */
  const validatedCsv = (dataset: Parameters<typeof validateDataset>[0], header: string[], ...rows: string[][]) =>
    validateDataset(dataset, `${dataset}.csv`, csvRows(header, ...rows), config, {}, csvHeader(header));

  it('warns of a row inputs.md accepts that most likely says something else, and keeps it', async () => {
    // Two columns swapped, or an id copied into the wrong column: each row is read as it stands (none of
    // these is an error in inputs.md's list), and the warning says how.
    const items = await validatedCsv('action_items', ['action_id', 'incident_id', 'owner_id', 'created_at', 'completed_at'],
      ['A1', 'I1', 'E1', '2026-07-10T00:00:00Z', '2026-07-01T00:00:00Z'], ['A2', 'I1', 'E1', '2026-07-01T00:00:00Z', '2026-07-01T00:00:00Z']);
    expect(lines(items.problems)).toEqual([
      'action_items.csv:2: completed_at: warning: completed_at (2026-07-01T00:00:00.000Z) is before created_at (2026-07-10T00:00:00.000Z): ' +
        'read as it stands, the item counts as implemented within 30 days; are the two columns swapped?',
    ]);
    expect(items).toMatchObject({ rows: 2, accepted: 2, rejected: 0, warnings: 1 });

    const mentorships = await validatedCsv('mentorships', ['mentor_id', 'mentee_id', 'started_on', 'ended_on'],
      ['E1', 'E1', '2026-01-01', ''], ['E1', 'E2', '2026-03-01', '2026-02-01'], ['E1', 'E2', '2026-03-01', '2026-03-01']);
    expect(lines(mentorships.problems)).toEqual([
      'mentorships.csv:2: mentee_id: warning: mentor_id and mentee_id are both "E1": a person mentoring themselves, read as it stands, counts as their own mentor and mentee',
      'mentorships.csv:3: ended_on: warning: ended_on (2026-02-01) is before started_on (2026-03-01): read as it stands; are the two columns swapped?',
    ]);
    expect(mentorships).toMatchObject({ accepted: 3, rejected: 0, warnings: 2 });

    const incidents = await validatedCsv('incidents', ['incident_id', 'opened_at', 'priority', 'postmortem_completed_at', 'recurrence_of'],
      ['I1', '2026-07-01T10:00:00Z', 'P1', '2026-07-01T09:00:00Z', ''], ['I2', '2026-07-02T10:00:00Z', 'P2', '', 'I2']);
    expect(lines(incidents.problems)).toEqual([
      'incidents.csv:2: postmortem_completed_at: warning: postmortem_completed_at (2026-07-01T09:00:00.000Z) is before opened_at (2026-07-01T10:00:00.000Z): ' +
        'read as it stands, the postmortem counts on that date; are the two columns swapped?',
      'incidents.csv:3: recurrence_of: warning: incident_id and recurrence_of are both "I2": an incident naming itself names no earlier one, so the link is not counted as a recurrence',
    ]);
    expect(incidents).toMatchObject({ accepted: 2, rejected: 0, warnings: 2 });
  });
});
