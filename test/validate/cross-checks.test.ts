import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/core/problems.js';
import { refsNeededBy, type Refs } from '../../src/validate/cross-checks.js';
import { KeyIndex } from '../../src/validate/key-index.js';
import { Roster } from '../../src/validate/roster.js';
import { validateDataset } from '../../src/validate/validate-dataset.js';
import { configOf, csvRows, jsonRows } from './support.js';

const config = configOf();
const lines = (problems: readonly Problem[]): string[] => problems.map(formatProblem);

const PEOPLE_HEADER = ['employee_id', 'title', 'hire_date', 'manager_id'];
const peopleRefs = async (...rows: string[][]): Promise<Refs> =>
  (await validateDataset('people', 'people.csv', csvRows(PEOPLE_HEADER, ...rows), config)).refs;

describe('unique keys', () => {
  it('rejects the second occurrence and points at the first', async () => {
    const result = await validateDataset('incidents', 'incidents.csv', csvRows(['incident_id', 'opened_at', 'priority'],
      ['INC-6', '2026-01-01T00:00:00Z', 'P2'],
      ['INC-7', '2026-01-02T00:00:00Z', 'P1'],
      ['INC-7', '2026-01-03T00:00:00Z', 'P3'],
    ), config);
    expect(lines(result.problems)).toEqual(['incidents.csv:4: incident_id: duplicate incident_id "INC-7" (first on line 3)']);
    expect(result).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
    expect(result.records.priorityAt(1)).toBe('P1'); // the first one is kept
  });

  it('does not apply to datasets without a key', async () => {
    const result = await validateDataset('trainings', 't.csv', csvRows(['employee_id', 'course', 'completed_on'],
      ['E1', 'c', '2026-01-01'], ['E1', 'c', '2026-01-01']), config);
    expect(result).toMatchObject({ accepted: 2, problems: [] });
  });
});

describe('references', () => {
  it('rejects job_history rows of people not in people', async () => {
    const refs = await peopleRefs(['E1', 'Ops Engineer', '2020-01-01', '']);
    const result = await validateDataset('job_history', 'job_history.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E1', '2020-01-01', 'Ops Engineer'],
      ['E9', '2021-01-01', 'Ops Engineer'],
    ), config, refs);
    expect(lines(result.problems)).toEqual(['job_history.csv:3: employee_id: employee_id "E9" is not in people.csv']);
    expect(result).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('rejects action items of incidents not in incidents', async () => {
    const incidents = await validateDataset('incidents', 'incidents.json',
      csvRows(['incident_id', 'opened_at', 'priority'], ['INC-1', '2026-01-01T00:00:00Z', 'P1']), config);
    const result = await validateDataset('action_items', 'action_items.csv', csvRows(['action_id', 'incident_id', 'created_at'],
      ['A1', 'INC-1', '2026-01-02T00:00:00Z'], ['A2', 'INC-2', '2026-01-02T00:00:00Z']), config, incidents.refs);
    expect(lines(result.problems)).toEqual(['action_items.csv:3: incident_id: incident_id "INC-2" is not in incidents.json']);
    expect(result.rejected).toBe(1);
  });

  it('checks nothing when the referenced dataset is absent', async () => {
    const result = await validateDataset('job_history', 'jh.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E9', '2021-01-01', 'Ops Engineer']), config, {});
    expect(result).toMatchObject({ accepted: 1, problems: [] });
  });

  it('says that a person\'s reference with a space reads as a name, not an employee id', async () => {
    // A user picker's display name mapped to postmortem_lead_id ("Ada Lane"), beside an unknown id ("E7").
    const refs = await peopleRefs(['E1', 'Ops Engineer 2.0', '2020-01-01', '']);
    const incidents = await validateDataset('incidents', 'incidents.csv', csvRows(['incident_id', 'opened_at', 'priority', 'postmortem_lead_id'],
      ['I1', '2026-01-01T00:00:00Z', 'P1', 'Ada Lane'], ['I2', '2026-01-02T00:00:00Z', 'P1', 'E7']), config, refs);
    expect(lines(incidents.problems)).toEqual([
      'incidents.csv:2: postmortem_lead_id: warning: postmortem_lead_id "Ada Lane" is not in people.csv: it reads as a person\'s name, ' +
        'where people are known by their employee_id; map a column of employee ids instead, or this person counts as no one in the roster',
      'incidents.csv:3: postmortem_lead_id: warning: postmortem_lead_id "E7" is not in people.csv',
    ]);
    // Where the reference is an error, the row is rejected: it does not go on to count as no one.
    const history = await validateDataset('job_history', 'job_history.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['Ada Lane', '2021-01-01', 'Ops Engineer']), config, refs);
    expect(lines(history.problems)).toEqual([
      'job_history.csv:2: employee_id: employee_id "Ada Lane" is not in people.csv: it reads as a person\'s name, where people are known by their employee_id; ' +
        'map a column of employee ids instead',
    ]);
  });

  it('only warns about unknown people in the other person columns, keeping the rows', async () => {
    const refs = await peopleRefs(['E1', 'Ops Engineer 2.0', '2020-01-01', '']);
    const mentorships = await validateDataset('mentorships', 'mentorships.csv', csvRows(['mentor_id', 'mentee_id', 'started_on'],
      ['E1', 'E2', '2026-01-01'], ['E3', 'E1', '2026-01-01']), config, refs);
    expect(lines(mentorships.problems)).toEqual([
      'mentorships.csv:2: mentee_id: warning: mentee_id "E2" is not in people.csv',
      'mentorships.csv:3: mentor_id: warning: mentor_id "E3" is not in people.csv',
    ]);
    expect(mentorships).toMatchObject({ accepted: 2, rejected: 0, warnings: 2, errors: 0 });

    const cases = [
      ['incidents', ['incident_id', 'opened_at', 'priority', 'postmortem_lead_id'], ['I1', '2026-01-01T00:00:00Z', 'P1', 'X']],
      ['improvements', ['improvement_id', 'owner_id', 'completed_on', 'process', 'kind'], ['M1', 'X', '2026-01-01', 'p', 'design']],
      ['requirements', ['requirement_id', 'sourced_by', 'raised_on'], ['R1', 'X', '2026-01-01']],
      ['trainings', ['employee_id', 'course', 'completed_on'], ['X', 'c', '2026-01-01']],
      ['automation_contributions', ['employee_id', 'date', 'kind'], ['X', '2026-01-01', 'authored']],
      ['skill_assessments', ['employee_id', 'assessed_on', 'score'], ['X', '2026-01-01', '1']],
      ['meetings', ['employee_id', 'date', 'kind'], ['X', '2026-01-01', 'product_roadmap']],
      ['time_allocation', ['employee_id', 'period_start', 'category', 'hours'], ['X', '2026-01-01', 'automation', '1']],
    ] as const;
    for (const [dataset, header, row] of cases) {
      const result = await validateDataset(dataset, 'f.csv', csvRows(header, row), config, refs);
      expect({ dataset, warnings: result.warnings, accepted: result.accepted }).toEqual({ dataset, warnings: 1, accepted: 1 });
    }
    const actionItems = await validateDataset('action_items', 'a.csv', csvRows(['action_id', 'incident_id', 'created_at', 'owner_id'],
      ['A1', 'I1', '2026-01-01T00:00:00Z', 'X']), config, refs);
    expect(lines(actionItems.problems)).toEqual(['a.csv:2: owner_id: warning: owner_id "X" is not in people.csv']);
  });

  it('warns about a manager_id not in the roster, wherever in the file the manager is', async () => {
    const result = await validateDataset('people', 'people.csv', csvRows(PEOPLE_HEADER,
      ['E1', 'Ops Engineer', '2020-01-01', 'E2'], // E2 comes later in the file: fine
      ['E2', 'Operations Manager', '2019-01-01', 'E7'],
    ), config);
    expect(lines(result.problems)).toEqual(['people.csv:3: manager_id: warning: manager_id "E7" is not in people.csv']);
    expect(result.accepted).toBe(2);
  });
});

describe('rows rejected for a bad value', () => {
  const INCIDENT_HEADER = ['incident_id', 'opened_at', 'priority'];
  const ACTION_HEADER = ['action_id', 'incident_id', 'created_at', 'owner_id'];
  const incidentsOf = async (...rows: string[][]): Promise<Refs> =>
    (await validateDataset('incidents', 'incidents.csv', csvRows(INCIDENT_HEADER, ...rows), config)).refs;

  it('names the line of a rejected incident an action item refers to, and rejects the item still', async () => {
    const refs = await incidentsOf(
      ['INC-1', '2026-01-01T00:00:00Z', 'P1'],
      ['INC-240723', '2026-01-02T00:00:00Z', 'SEV-6'],
      [' INC-240724 ', '2026-02-30T10:00:00Z', 'P2'], // the key as the id type reads it: trimmed
    );
    const result = await validateDataset('action_items', 'action_items.csv', csvRows(ACTION_HEADER,
      ['A1', 'INC-1', '2026-01-03T00:00:00Z', ''],
      ['A2', 'INC-240723', '2026-01-03T00:00:00Z', ''],
      ['A3', 'INC-240724', '2026-01-03T00:00:00Z', ''],
      ['A4', 'INC-404', '2026-01-03T00:00:00Z', ''],
    ), config, refs);
    expect(lines(result.problems)).toEqual([
      'action_items.csv:3: incident_id: incident_id "INC-240723" is on line 3 of incidents.csv, which was rejected',
      'action_items.csv:4: incident_id: incident_id "INC-240724" is on line 4 of incidents.csv, which was rejected',
      'action_items.csv:5: incident_id: incident_id "INC-404" is not in incidents.csv',
    ]);
    expect(result).toMatchObject({ accepted: 1, rejected: 3, errors: 3, warnings: 0 });
  });

  it('names the line of a rejected person: an error in job_history, a warning elsewhere and in people itself', async () => {
    const people = await validateDataset('people', 'people.csv', csvRows([...PEOPLE_HEADER, 'termination_date'],
      ['E001', 'Ops Engineer', '2020-01-01', 'E003', ''],
      ['E003', 'Operations Manager', '2021-05-01', '', '2020-01-01'],
    ), config);
    expect(lines(people.problems)).toEqual([
      'people.csv:3: termination_date: termination_date (2020-01-01) is before hire_date (2021-05-01)',
      'people.csv:2: manager_id: warning: manager_id "E003" is on line 3 of people.csv, which was rejected',
    ]);
    expect(people).toMatchObject({ accepted: 1, rejected: 1 });

    const jobHistory = await validateDataset('job_history', 'job_history.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E001', '2020-01-01', 'Ops Engineer'], ['E003', '2021-05-01', 'Operations Manager']), config, people.refs);
    expect(lines(jobHistory.problems)).toEqual([
      'job_history.csv:3: employee_id: employee_id "E003" is on line 3 of people.csv, which was rejected',
    ]);
    expect(jobHistory).toMatchObject({ accepted: 1, rejected: 1 });

    const trainings = await validateDataset('trainings', 'trainings.csv', csvRows(['employee_id', 'course', 'completed_on'],
      ['E003', 'c', '2026-01-01']), config, refsNeededBy(people.refs, ['trainings']));
    expect(lines(trainings.problems)).toEqual([
      'trainings.csv:2: employee_id: warning: employee_id "E003" is on line 3 of people.csv, which was rejected',
    ]);
    expect(trainings).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('reads a rejected JSON record\'s number key as the id type does', async () => {
    const incidents = await validateDataset('incidents', 'incidents.json',
      jsonRows({ incident_id: 42, opened_at: 'yesterday', priority: 'P1' }), config);
    const result = await validateDataset('action_items', 'action_items.csv', csvRows(ACTION_HEADER,
      ['A1', '42', '2026-01-03T00:00:00Z', '']), config, incidents.refs);
    expect(lines(result.problems)).toEqual([
      'action_items.csv:2: incident_id: incident_id "42" is in record 0 of incidents.json, which was rejected',
    ]);
  });

  it('reports a duplicate key on a rejected row, after its bad values', async () => {
    const refs = await incidentsOf(['INC-240930', '2026-01-01T00:00:00Z', 'P1']);
    const result = await validateDataset('action_items', 'action_items.csv', csvRows(ACTION_HEADER,
      ['AI-0007', 'INC-240930', '2026-01-03T00:00:00Z', ''],
      ['AI-0007', 'INC-240930', 'garbage', 'E001'],
    ), config, refs);
    expect(lines(result.problems)).toEqual([
      'action_items.csv:3: created_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "garbage"',
      'action_items.csv:3: action_id: duplicate action_id "AI-0007" (first on line 2)',
    ]);
    expect(result).toMatchObject({ accepted: 1, rejected: 1, errors: 2 });
  });

  it('counts the first row with a key as first, rejected or not: a later row with the key is a duplicate', async () => {
    const people = await validateDataset('people', 'people.csv', csvRows(PEOPLE_HEADER,
      ['E001', 'Ops Engineer', '2020-01-01', ''],
      ['E003', 'Ops Engineer', '2020-99-99', ''],
      ['E003', 'Ops Engineer', '2021-01-01', ''], // good values, but E003 was on line 3
      ['E003', 'Ops Engineer', 'never', ''],
    ), config);
    expect(lines(people.problems)).toEqual([
      'people.csv:3: hire_date: expected a real calendar date YYYY-MM-DD (year 1000-9999), found "2020-99-99"',
      'people.csv:4: employee_id: duplicate employee_id "E003" (first on line 3, which was rejected)',
      'people.csv:5: hire_date: expected a date YYYY-MM-DD, found "never"',
      'people.csv:5: employee_id: duplicate employee_id "E003" (first on line 3, which was rejected)',
    ]);
    expect(people).toMatchObject({ accepted: 1, rejected: 3, errors: 4 });
    // Every row of E003 was rejected, so none is in the roster, and a reference to E003 names its first line.
    const jobHistory = await validateDataset('job_history', 'job_history.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E003', '2021-01-01', 'Ops Engineer']), config, people.refs);
    expect(lines(jobHistory.problems)).toEqual([
      'job_history.csv:2: employee_id: employee_id "E003" is on line 3 of people.csv, which was rejected',
    ]);
  });

  it('counts a row rejected for its reference as first too', async () => {
    const refs = await incidentsOf(['INC-1', '2026-01-01T00:00:00Z', 'P1']);
    const result = await validateDataset('action_items', 'action_items.csv', csvRows(ACTION_HEADER,
      ['A1', 'INC-404', '2026-01-03T00:00:00Z', ''],
      ['A1', 'INC-1', '2026-01-03T00:00:00Z', ''],
    ), config, refs);
    expect(lines(result.problems)).toEqual([
      'action_items.csv:2: incident_id: incident_id "INC-404" is not in incidents.csv',
      'action_items.csv:3: action_id: duplicate action_id "A1" (first on line 2, which was rejected)',
    ]);
    expect(result).toMatchObject({ accepted: 0, rejected: 2 });
  });

  it('checks the references of a rejected row, among those of its cells that are good', async () => {
    const refs = { ...(await incidentsOf(['INC-1', '2026-01-01T00:00:00Z', 'P1'])), ...(await peopleRefs(['E001', 'Ops Engineer', '2020-01-01', ''])) };
    const result = await validateDataset('action_items', 'action_items.csv', csvRows(ACTION_HEADER,
      ['A1', 'INC-404', 'garbage', 'E009'],
      ['', 'INC-1', '2026-01-03T00:00:00Z', 'E001'], // no key to check: its cell is the bad one
      ['A3', '', 'garbage', 'E009'],
    ), config, refs);
    expect(lines(result.problems)).toEqual([
      'action_items.csv:2: created_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "garbage"',
      'action_items.csv:2: incident_id: incident_id "INC-404" is not in incidents.csv',
      'action_items.csv:2: owner_id: warning: owner_id "E009" is not in people.csv',
      'action_items.csv:3: action_id: expected an id, found an empty cell',
      'action_items.csv:4: incident_id: expected an id, found an empty cell',
      'action_items.csv:4: created_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "garbage"',
      'action_items.csv:4: owner_id: warning: owner_id "E009" is not in people.csv',
    ]);
    expect(result).toMatchObject({ accepted: 0, rejected: 3, errors: 5, warnings: 2 });
  });

  it('checks a rejected person\'s manager too', async () => {
    const result = await validateDataset('people', 'people.csv', csvRows(PEOPLE_HEADER,
      ['E001', 'Ops Engineer', '2020-01-01', ''],
      ['E002', 'Ops Engineer', 'someday', 'E007'],
    ), config);
    expect(lines(result.problems)).toEqual([
      'people.csv:3: hire_date: expected a date YYYY-MM-DD, found "someday"',
      'people.csv:3: manager_id: warning: manager_id "E007" is not in people.csv',
    ]);
  });
});

describe('JSON records rejected for two keys meaning one column', () => {
  const ACTION_HEADER = ['action_id', 'incident_id', 'created_at'];
  const CONFLICT = 'keep one: delete or rename the other in the file (or in the config\'s "columns" map, if it names one of them)';
  const actionItems = (refs: Refs, ...ids: string[]) => validateDataset('action_items', 'action_items.csv',
    csvRows(ACTION_HEADER, ...ids.map((id, i) => [`A${i + 1}`, id, '2026-01-03T00:00:00Z'])), config, refs);

  it('keeps the key of a record whose other column is doubled as rejected: a reference to it names its line', async () => {
    const incidents = await validateDataset('incidents', 'incidents.json', jsonRows(
      { incident_id: 'INC-1', opened_at: '2026-01-01T00:00:00Z', priority: 'P1' },
      { incident_id: 'INC-2', opened_at: '2026-01-01T00:00:00Z', priority: 'P1', Priority: 'P2' },
      { incident_id: 'INC-2', opened_at: '2026-01-02T00:00:00Z', priority: 'P3' },
    ), config);
    expect(lines(incidents.problems)).toEqual([
      `incidents.json:1: priority: columns "priority" and "Priority" both mean "priority"; ${CONFLICT}`,
      'incidents.json:2: incident_id: duplicate incident_id "INC-2" (first in record 1, which was rejected)',
    ]);
    expect(incidents).toMatchObject({ accepted: 1, rejected: 2 });
    const result = await actionItems(incidents.refs, 'INC-1', 'INC-2', 'INC-404');
    expect(lines(result.problems)).toEqual([
      'action_items.csv:3: incident_id: incident_id "INC-2" is in record 1 of incidents.json, which was rejected',
      'action_items.csv:4: incident_id: incident_id "INC-404" is not in incidents.json',
    ]);
  });

  it('takes a doubled key column for the record\'s key only when both hold the same id', async () => {
    const incidents = await validateDataset('incidents', 'incidents.json', jsonRows(
      { incident_id: 'INC-3', 'Incident ID': ' INC-3 ', opened_at: '2026-01-01T00:00:00Z', priority: 'P1' },
      { incident_id: 'INC-4', 'Incident ID': 'INC-5', opened_at: '2026-01-01T00:00:00Z', priority: 'P1' },
      { incident_id: 'INC-4', opened_at: '2026-01-02T00:00:00Z', priority: 'P1' }, // not a duplicate of a guess
    ), config);
    expect(lines(incidents.problems)).toEqual([
      `incidents.json:0: incident_id: columns "incident_id" and "Incident ID" both mean "incident_id"; ${CONFLICT}`,
      `incidents.json:1: incident_id: columns "incident_id" and "Incident ID" both mean "incident_id"; ${CONFLICT}`,
    ]);
    expect(incidents).toMatchObject({ accepted: 1, rejected: 2 });
    const result = await actionItems(incidents.refs, 'INC-3', 'INC-4', 'INC-5');
    expect(lines(result.problems)).toEqual([
      'action_items.csv:2: incident_id: incident_id "INC-3" is in record 0 of incidents.json, which was rejected',
      'action_items.csv:4: incident_id: incident_id "INC-5" is not in incidents.json',
    ]);
  });

  it('takes the id of the one doubled key column that holds one, when the other is null or empty', async () => {
    const incidents = await validateDataset('incidents', 'incidents.json', jsonRows(
      { incident_id: 'INC-6', 'Incident ID': null, opened_at: '2026-01-01T00:00:00Z', priority: 'P1' },
      { incident_id: '', 'Incident ID': 'INC-7', opened_at: '2026-01-01T00:00:00Z', priority: 'P1' },
    ), config);
    expect(incidents).toMatchObject({ accepted: 0, rejected: 2 });
    const result = await actionItems(incidents.refs, 'INC-6', 'INC-7');
    expect(lines(result.problems)).toEqual([
      'action_items.csv:2: incident_id: incident_id "INC-6" is in record 0 of incidents.json, which was rejected',
      'action_items.csv:3: incident_id: incident_id "INC-7" is in record 1 of incidents.json, which was rejected',
    ]);
  });

  it('checks the references of such a record too, so all its problems come out at once', async () => {
    const incidents = await validateDataset('incidents', 'incidents.csv',
      csvRows(['incident_id', 'opened_at', 'priority'], ['INC-1', '2026-01-01T00:00:00Z', 'P1']), config);
    const result = await validateDataset('action_items', 'action_items.json', jsonRows(
      { action_id: 'A1', incident_id: 'INC-404', created_at: '2026-01-03T00:00:00Z', 'Created At': '2026-01-04T00:00:00Z' },
      { action_id: 'A1', incident_id: 'INC-1', created_at: '2026-01-03T00:00:00Z' },
    ), config, incidents.refs);
    expect(lines(result.problems)).toEqual([
      `action_items.json:0: created_at: columns "created_at" and "Created At" both mean "created_at"; ${CONFLICT}`,
      'action_items.json:0: incident_id: incident_id "INC-404" is not in incidents.csv',
      'action_items.json:1: action_id: duplicate action_id "A1" (first in record 0, which was rejected)',
    ]);
    expect(result).toMatchObject({ accepted: 0, rejected: 2 });
  });
});

describe('roster against job history', () => {
  it('warns when the roster level differs from the latest history row, on that row', async () => {
    const refs = await peopleRefs(['E1', 'Ops Engineer', '2020-01-01', ''], ['E2', 'Operations Architect', '2020-01-01', '']);
    const result = await validateDataset('job_history', 'job_history.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E1', '2020-01-01', 'Ops Engineer'],
      ['E1', '2025-06-01', 'Ops Engineer 2.0'], // the latest row of E1: ops2, but the roster says ops1
      ['E2', '2020-01-01', 'Ops Engineer'],
      ['E2', '2024-01-01', 'Ops Engineer 2.0'], // E2 latest: ops2 = roster's Operations Architect (ops2)
    ), config, refs);
    expect(lines(result.problems)).toEqual([
      'job_history.csv:3: title: warning: the latest title "Ops Engineer 2.0" (ops2, effective 2025-06-01) disagrees with the roster\'s "Ops Engineer" (ops1) on line 2 of people.csv',
    ]);
    expect(result).toMatchObject({ accepted: 4, warnings: 1 });
  });

  it('checks a roster of 9,000 people the same, past the 8,192 a table keeps as records', async () => {
    // People E0…E8999 on lines 2…9001, all Ops Engineer (ops1) hired 2020-01-01, E8998 terminated 2025-12-31.
    // History: E8999's latest row makes them ops2 (a disagreement on its line), E8998 changes after the
    // termination, E8500 has a row before the hire date, and X1 (not in the roster) is rejected as such.
    // The rows' own findings come first, then those of the whole file (the latest titles, the hire dates).
    const people = Array.from({ length: 9000 }, (_, i) => [`E${i}`, 'Ops Engineer', '2020-01-01', '', i === 8998 ? '2025-12-31' : '']);
    const refs = await validateDataset('people', 'people.csv', csvRows([...PEOPLE_HEADER, 'termination_date'], ...people), config).then((r) => r.refs);
    const result = await validateDataset('job_history', 'job_history.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E8999', '2020-01-01', 'Ops Engineer'],
      ['E8999', '2025-06-01', 'Ops Engineer 2.0'], // line 3
      ['E8998', '2026-01-05', 'Ops Engineer'], // line 4: after E8998's termination (line 9000 of people.csv)
      ['E8500', '2019-03-01', 'Ops Engineer'], // line 5: before E8500's hire date (line 8502)
      ['X1', '2021-01-01', 'Ops Engineer 2.0'], // line 6: no one in the roster
    ), config, refs);
    expect(lines(result.problems).map((line) => line.slice(0, line.indexOf(':', line.indexOf(':', line.indexOf(':') + 1) + 1)))).toEqual([
      'job_history.csv:4: effective_date', 'job_history.csv:6: employee_id', 'job_history.csv:3: title', 'job_history.csv:5: effective_date',
    ]);
    expect(lines(result.problems)[0]).toContain('after the termination_date 2025-12-31 on line 9000 of people.csv');
    expect(lines(result.problems)[1]).toBe('job_history.csv:6: employee_id: employee_id "X1" is not in people.csv');
    expect(lines(result.problems)[2]).toContain('disagrees with the roster\'s "Ops Engineer" (ops1) on line 9001 of people.csv');
    expect(lines(result.problems)[3]).toContain('before the hire_date 2020-01-01 on line 8502 of people.csv');
    expect(result).toMatchObject({ accepted: 4, rejected: 1, warnings: 3 });
  });

  it('warns of a change dated after the person\'s termination, which puts nobody back in ops', async () => {
    const refs = await validateDataset('people', 'people.csv', csvRows([...PEOPLE_HEADER, 'termination_date'],
      ['E1', 'Ops Engineer 2.0', '2018-01-01', '', '2020-05-31'],
      ['E2', 'Ops Engineer', '2018-01-01', '', '2020-05-31'],
    ), config).then((r) => r.refs);
    const result = await validateDataset('job_history', 'job_history.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E1', '2018-01-01', 'Ops Engineer'],
      ['E1', '2020-05-31', 'Ops Engineer'], // on the termination date: not after it, no warning
      ['E1', '2020-06-01', 'Ops Engineer 2.0'], // the day after: a level no terminated person holds
      ['E2', '2018-01-01', 'Ops Engineer'], // before E2's termination
    ), config, refs);
    expect(lines(result.problems)).toEqual([
      'job_history.csv:4: effective_date: warning: effective 2020-06-01, after the termination_date 2020-05-31 on line 2 of people.csv: ' +
        'a terminated person holds no level, so this change does not put them back in ops (a rehire? then the roster should not keep the old termination_date)',
    ]);
    // A warning: every row is accepted.
    expect(result).toMatchObject({ accepted: 4, rejected: 0, warnings: 1 });
  });

  it('warns once per person of history rows dated before the roster\'s hire_date, as a rehire\'s roster gives them', async () => {
    const refs = await peopleRefs(['E1', 'Operations Architect', '2026-10-15', ''], ['E2', 'Ops Engineer', '2020-01-01', '']);
    const result = await validateDataset('job_history', 'job_history.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E2', '2020-01-01', 'Ops Engineer'], // on the hire date: not before it
      ['E1', '2024-07-01', 'Operations Architect'], // line 3: E1's first row before 2026-10-15 in the file
      ['E1', '2019-02-11', 'Ops Engineer'], // earlier, but later in the file: counted, not said
      ['E1', '2026-10-15', 'Operations Architect'], // the rehire itself
    ), config, refs);
    expect(lines(result.problems)).toEqual([
      'job_history.csv:3: effective_date: warning: effective 2024-07-01, before the hire_date 2026-10-15 on line 2 of people.csv, ' +
        'as is one more of this person\'s rows: if the roster gives a rehire\'s latest hire date, give the first hire_date there and the ' +
        'leaving between the stints as a job_history row at level other; as it is, that leaving is not counted unless the history ' +
        'shows it, and before 2026-10-15 the person is not yet hired: out of ops, and out of any report as of such a date',
    ]);
    expect(result).toMatchObject({ accepted: 4, rejected: 0, warnings: 1 });
  });

  it('takes the later row of two on the same date', async () => {
    const refs = await peopleRefs(['E1', 'Ops Engineer 2.0', '2020-01-01', '']);
    const result = await validateDataset('job_history', 'jh.csv', csvRows(['employee_id', 'effective_date', 'title'],
      ['E1', '2025-06-01', 'Ops Engineer'], ['E1', '2025-06-01', 'Ops Engineer 2.0']), config, refs);
    expect(result.problems).toEqual([]);
  });
});

describe('refsNeededBy', () => {
  const refs: Refs = {
    people: { file: 'people.csv', ids: new Set(['E-1']), roster: new Roster(new KeyIndex()) },
    incidents: { file: 'incidents.csv', ids: new Set(['INC-1']) },
  };

  it('keeps the incident ids while action items are still to come, and the people while anyone refers to them', () => {
    const kept = refsNeededBy(refs, ['action_items', 'survey']);
    expect(kept.incidents).toBe(refs.incidents);
    // action_items.owner_id refers to people (a warning), so people's ids stay too.
    expect(kept.people?.ids).toBe(refs.people!.ids);
    expect(kept.people?.file).toBe('people.csv');
  });

  it('keeps the people\'s rejected ids with their ids once the roster is let go', () => {
    const rejected = new Map([['E-3', 4]]);
    const after = refsNeededBy({ people: { ...refs.people!, rejected } }, ['trainings']).people;
    expect(after).toEqual({ file: 'people.csv', ids: refs.people!.ids, rejected });
  });

  it('keeps the roster only while the job history, checked against it, is still to come', () => {
    expect(refsNeededBy(refs, ['job_history', 'incidents']).people).toBe(refs.people);
    const after = refsNeededBy(refs, ['incidents', 'action_items']).people;
    expect(after).toEqual({ file: 'people.csv', ids: refs.people!.ids });
    expect(after).not.toHaveProperty('roster');
  });

  it('lets the incident ids go once no later dataset refers to incidents', () => {
    const kept = refsNeededBy(refs, ['survey', 'time_allocation']);
    expect(kept.incidents).toBeUndefined();
    expect(kept.people?.ids).toBe(refs.people!.ids); // time_allocation.employee_id
    expect(refsNeededBy(refs, ['survey'])).toEqual({}); // survey refers to nobody
  });
});
