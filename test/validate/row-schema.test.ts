import { describe, expect, it } from 'vitest';
import type { DatasetName } from '../../src/core/datasets.js';
import { buildCellReader, buildRowSchema } from '../../src/validate/row-schema.js';
import { configOf } from './support.js';

const config = configOf({ timezone: 'America/New_York', survey: { scale: { min: 1, max: 5 }, answers: { 'Strongly agree': 5 } } });
const utc = (iso: string): number => Date.parse(iso);

const parse = (dataset: DatasetName, row: Record<string, unknown>) => buildRowSchema(dataset, config).safeParse(row);
const issuesOf = (dataset: DatasetName, row: Record<string, unknown>): string[] => {
  const result = parse(dataset, row);
  return result.success ? [] : result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
};

// One valid CSV row per dataset, and the exact record it must give (timestamps read at EST, -05:00).
const VALID: ReadonlyArray<readonly [DatasetName, Record<string, unknown>, Record<string, unknown>]> = [
  ['people',
    { employee_id: ' E1 ', name: 'Ada', title: 'Ops Engineer 2.0', team: 'Core', hire_date: '2024-02-29', title_start_date: '',
      termination_date: '2026-01-31', termination_reason: 'voluntary', manager_id: 'E9', base_salary: '120000.50' },
    { employee_id: 'E1', name: 'Ada', title: 'Ops Engineer 2.0', level: 'ops2', team: 'Core', hire_date: '2024-02-29',
      title_start_date: undefined, termination_date: '2026-01-31', termination_reason: 'voluntary', manager_id: 'E9',
      base_salary: 120000.5 }],
  ['job_history',
    { employee_id: 'E1', effective_date: '2025-06-01', title: 'Senior Ops Engineer', team: '', base_salary: '100000',
      total_comp: '130000', reason: 'promotion', seq: 3 },
    { employee_id: 'E1', effective_date: '2025-06-01', title: 'Senior Ops Engineer', level: 'ops1_senior', team: undefined,
      base_salary: 100000, total_comp: 130000, reason: 'promotion', seq: 3 }],
  ['incidents',
    { incident_id: 'INC-7', opened_at: '2026-03-01T10:00:00', priority: 'SEV-1', title: 'DB down', service: ' db ',
      resolved_at: '2026-03-01T17:30:00Z', rca_completed_at: '', postmortem_lead_id: 'E1', postmortem_completed_at: '',
      root_cause_category: 'config', recurrence_of: 'INC-3' },
    { incident_id: 'INC-7', opened_at: utc('2026-03-01T15:00:00Z'), priority: 'P1', title: 'DB down', service: 'db',
      resolved_at: utc('2026-03-01T17:30:00Z'), rca_completed_at: undefined, postmortem_lead_id: 'E1',
      postmortem_completed_at: undefined, root_cause_category: 'config', recurrence_of: 'INC-3' }],
  ['action_items',
    { action_id: 'A1', incident_id: 'INC-7', created_at: '2026-03-02', completed_at: '2026-03-20T09:00:00-05:00', owner_id: '' },
    { action_id: 'A1', incident_id: 'INC-7', created_at: utc('2026-03-02T05:00:00Z'), completed_at: utc('2026-03-20T14:00:00Z'),
      owner_id: undefined }],
  ['survey',
    { wave: '2026-Q1', responded_on: '2026-03-15', respondent_level: 'OPS2', question_id: 'Autonomy', score: '4', respondent_id: 'R1' },
    { wave: '2026-Q1', responded_on: '2026-03-15', respondent_level: 'ops2', question_id: 'autonomy', score: 4, respondent_id: 'R1' }],
  ['trainings',
    { employee_id: 'E1', course: 'Automation Design', completed_on: '2026-01-10' },
    { employee_id: 'E1', course: 'Automation Design', completed_on: '2026-01-10' }],
  ['automation_contributions',
    { employee_id: 'E1', date: '2026-01-10', kind: 'Authored', ref: '' },
    { employee_id: 'E1', date: '2026-01-10', kind: 'authored', ref: undefined }],
  ['improvements',
    { improvement_id: 'IMP-1', owner_id: 'E1', completed_on: '2026-02-01', process: 'failover', kind: 'Redesign', critical: 'yes',
      significant: '', minutes_before: '30', minutes_after: '5' },
    { improvement_id: 'IMP-1', owner_id: 'E1', completed_on: '2026-02-01', process: 'failover', kind: 'redesign', critical: true,
      significant: true, minutes_before: 30, minutes_after: 5 }],
  ['automation_coverage',
    { measured_on: '2026-01-01', automated_tasks: '12', total_tasks: '40', seq: 1 },
    { measured_on: '2026-01-01', automated_tasks: 12, total_tasks: 40, seq: 1 }],
  ['mentorships',
    { mentor_id: 'E1', mentee_id: 'E2', started_on: '2025-09-01', ended_on: '' },
    { mentor_id: 'E1', mentee_id: 'E2', started_on: '2025-09-01', ended_on: undefined }],
  ['skill_assessments',
    { employee_id: 'E2', assessed_on: '2026-01-15', score: '3.5' },
    { employee_id: 'E2', assessed_on: '2026-01-15', score: 3.5 }],
  ['meetings',
    { employee_id: 'E1', date: '2026-02-11', kind: ' Product_Roadmap ' },
    { employee_id: 'E1', date: '2026-02-11', kind: 'product_roadmap' }],
  ['requirements',
    { requirement_id: 'REQ-1', sourced_by: 'E1', raised_on: '2026-01-05', incorporated_on: '2026-02-05' },
    { requirement_id: 'REQ-1', sourced_by: 'E1', raised_on: '2026-01-05', incorporated_on: '2026-02-05' }],
  ['time_allocation',
    { employee_id: 'E1', period_start: '2026-01-05', category: 'Task_Execution', hours: '7.5' },
    { employee_id: 'E1', period_start: '2026-01-05', category: 'task_execution', hours: 7.5 }],
];

describe('buildRowSchema: a valid row gives exactly the record', () => {
  it.each(VALID)('%s', (dataset, row, record) => {
    const result = parse(dataset, row);
    expect(result.success).toBe(true);
    // toStrictEqual also compares the keys whose value is undefined, so an extra or missing key fails.
    expect(result.data).toStrictEqual(record);
    expect(Object.keys(result.data as object)).toEqual(Object.keys(record));
  });

  it('covers every dataset', () => {
    expect(new Set(VALID.map(([dataset]) => dataset)).size).toBe(14);
  });
});

describe('buildRowSchema: bad cells', () => {
  it('reports every bad cell of a row, not only the first', () => {
    expect(issuesOf('incidents', { incident_id: '', opened_at: '31/12/2026', priority: 'urgent', resolved_at: 'soon' })).toEqual([
      'incident_id: expected an id, found an empty cell',
      'opened_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "31/12/2026"',
      'priority: expected a priority the priorities map knows (P1..P5, SEV1, High, ...), found "urgent"; map it under "priorities" in the config',
      'resolved_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "soon"',
    ]);
  });

  it('refuses input that is not a row object, with one issue at no column', () => {
    for (const input of [null, 5, 'E1,Ada', ['E1']]) {
      const result = buildRowSchema('people', config).safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[[], 'expected a row object']]);
    }
  });

  it('reports a missing required key as nothing found, a null as null, and a blank string as an empty cell', () => {
    expect(issuesOf('trainings', { employee_id: 'E1', course: 'x' })).toEqual(['completed_on: expected a date YYYY-MM-DD, found nothing']);
    expect(issuesOf('trainings', { employee_id: 'E1', course: 'x', completed_on: null })).toEqual(['completed_on: expected a date YYYY-MM-DD, found null']);
    expect(issuesOf('trainings', { employee_id: 'E1', course: 'x', completed_on: '  ' })).toEqual(['completed_on: expected a date YYYY-MM-DD, found an empty cell']);
  });

  it('applies declared lower bounds', () => {
    expect(issuesOf('automation_coverage', { measured_on: '2026-01-01', automated_tasks: '-1', total_tasks: '0', seq: 1 })).toEqual([
      'automated_tasks: expected a number >= 0, found "-1"',
      'total_tasks: expected a number > 0, found "0"',
    ]);
  });

  it('keeps survey scores within the configured scale, and reads answer texts', () => {
    const answer = { wave: 'W', responded_on: '2026-01-01', respondent_level: 'ops2', question_id: 'autonomy' };
    expect(issuesOf('survey', { ...answer, score: '0' })).toEqual(['score: expected a number from 1 to 5, found "0"']);
    expect(issuesOf('survey', { ...answer, score: 'meh' })).toEqual([
      'score: expected a number with . as the decimal separator, or an answer text of survey.answers, found "meh"',
    ]);
    expect(parse('survey', { ...answer, score: 'strongly AGREE' }).data).toMatchObject({ score: 5 });
  });

  it('refuses unknown enum values', () => {
    expect(issuesOf('time_allocation', { employee_id: 'E1', period_start: '2026-01-05', category: 'coffee', hours: '1' })).toEqual([
      'category: expected one of incident_response, process_design, automation, policy, mentorship, stakeholder, task_execution, other, found "coffee"',
    ]);
  });
});

describe('buildRowSchema: JSON values', () => {
  it('accepts numbers and booleans for matching types, null as absent', () => {
    const result = parse('improvements', {
      improvement_id: 17, owner_id: 'E1', completed_on: '2026-02-01', process: 'deploy', kind: 'design',
      critical: false, significant: null, minutes_before: 12, minutes_after: null,
    });
    expect(result.data).toStrictEqual({
      improvement_id: '17', owner_id: 'E1', completed_on: '2026-02-01', process: 'deploy', kind: 'design',
      critical: false, significant: true, minutes_before: 12, minutes_after: undefined,
    });
    expect(parse('incidents', { incident_id: 'I', opened_at: '2026-01-01T00:00:00Z', priority: 2 }).data).toMatchObject({ priority: 'P2' });
  });

  it('rejects objects, arrays, booleans and numbers where they do not fit', () => {
    expect(issuesOf('improvements', {
      improvement_id: { id: 1 }, owner_id: ['E1'], completed_on: 20260201, process: true, kind: 'design', minutes_before: '1,5',
    })).toEqual([
      'improvement_id: expected an id, found an object',
      'owner_id: expected an id, found an array',
      'completed_on: expected a date YYYY-MM-DD, found 20260201',
      'process: expected text, found true',
      'minutes_before: expected a number with . as the decimal separator, found "1,5"',
    ]);
  });

  it('takes a whole JSON number up to 2^53 - 1 as an id, and refuses one JSON cannot hold exactly', () => {
    // 9007199254740991 = 2^53 - 1 reads back to its digits; 9007199254740993 is read as ...992, and 1.10 as
    // 1.1, so comparing them would name another id.
    expect(parse('trainings', { employee_id: 9007199254740991, course: 'x', completed_on: '2024-05-01' }).data)
      .toMatchObject({ employee_id: '9007199254740991' });
    const hint = 'a JSON number is an exact id only when whole and at most 9007199254740991: write the id as a string';
    expect(issuesOf('trainings', { employee_id: JSON.parse('9007199254740993') as number, course: 'x', completed_on: '2024-05-01' }))
      .toEqual([`employee_id: expected an id, found a number JSON cannot hold exactly (read as 9007199254740992); ${hint}`]);
    // A fraction is no whole number at all: 1.10 arrives as 1.1, and even 1.5, held exactly, may have been 1.50.
    const fractionHint = 'a JSON number is an id only when whole: write the id as a string';
    expect(issuesOf('trainings', { employee_id: JSON.parse('1.10') as number, course: 'x', completed_on: '2024-05-01' }))
      .toEqual([`employee_id: expected an id, found a number with a fraction, whose digits JSON does not keep (read as 1.1); ${fractionHint}`]);
    // 1e400 is read as Infinity: no whole number at all, but no fraction either.
    expect(issuesOf('trainings', { employee_id: JSON.parse('1e400') as number, course: 'x', completed_on: '2024-05-01' }))
      .toEqual([`employee_id: expected an id, found a number JSON cannot hold exactly (read as Infinity); ${hint}`]);
    expect(issuesOf('trainings', { employee_id: 1.5, course: 'x', completed_on: '2024-05-01' }))
      .toEqual([`employee_id: expected an id, found a number with a fraction, whose digits JSON does not keep (read as 1.5); ${fractionHint}`]);
  });

  it('takes hours up to 744 (a 31-day month) in a time-allocation row, and refuses more', () => {
    const row = { employee_id: 'E1', period_start: '2026-01-01', category: 'automation' };
    expect(issuesOf('time_allocation', { ...row, hours: '744' })).toEqual([]);
    expect(issuesOf('time_allocation', { ...row, hours: '744.5' })).toEqual(['hours: expected a number from 0 to 744, found "744.5"']);
    // Two rows of 1e308 hours would add up to Infinity, and the task-execution share to 0.
    expect(issuesOf('time_allocation', { ...row, hours: 1e308 })).toEqual(['hours: expected a number from 0 to 744, found 1e+308']);
  });

  it('says "a number" of a JSON value that is no number, without the decimal separator a text is told of', () => {
    const row = { employee_id: 'E1', assessed_on: '2026-01-01' };
    const issues = [true, [7], { value: 7 }, null, undefined].map((score) => issuesOf('skill_assessments', { ...row, score }));
    for (const [issue] of issues) expect(issue).toMatch(/^score: expected a number, found /);
    // A text still hears of the separator: "7,5" is the usual slip.
    expect(issuesOf('skill_assessments', { ...row, score: '7,5' })[0]).toMatch(/^score: expected a number with \. as the decimal separator, found "7,5"/);
  });

  it('refuses a JSON number that overflowed to Infinity', () => {
    expect(issuesOf('skill_assessments', { employee_id: 'E1', assessed_on: '2026-01-01', score: JSON.parse('1e400') as number }))
      .toEqual(['score: expected a finite number, found a number too large for JSON to hold (read as Infinity)']);
  });
});

describe('buildRowSchema: checks between columns', () => {
  const incident = { incident_id: 'I1', opened_at: '2026-03-01T10:00:00Z', priority: 'P1' };

  it('refuses resolved_at and rca_completed_at before opened_at', () => {
    expect(issuesOf('incidents', { ...incident, resolved_at: '2026-03-01T09:59:59Z', rca_completed_at: '2026-03-01T09:00:00Z' })).toEqual([
      'resolved_at: resolved_at (2026-03-01T09:59:59.000Z) is before opened_at (2026-03-01T10:00:00.000Z)',
      'rca_completed_at: rca_completed_at (2026-03-01T09:00:00.000Z) is before opened_at (2026-03-01T10:00:00.000Z)',
    ]);
    expect(issuesOf('incidents', { ...incident, resolved_at: '2026-03-01T10:00:00Z' })).toEqual([]); // equal is fine
  });

  it('refuses termination_date before hire_date', () => {
    expect(issuesOf('people', { employee_id: 'E1', title: 'x', hire_date: '2026-03-01', termination_date: '2026-02-28' })).toEqual([
      'termination_date: termination_date (2026-02-28) is before hire_date (2026-03-01)',
    ]);
  });

  it('refuses automated_tasks above total_tasks', () => {
    expect(issuesOf('automation_coverage', { measured_on: '2026-01-01', automated_tasks: '41', total_tasks: '40', seq: 1 })).toEqual([
      'automated_tasks: automated_tasks (41) is more than total_tasks (40)',
    ]);
  });

  it('does not compare with a cell that is itself bad, and still reports the other cells', () => {
    expect(issuesOf('incidents', { ...incident, opened_at: 'x', resolved_at: '2026-01-01T00:00:00Z', priority: 'nope' })).toEqual([
      'opened_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "x"',
      'priority: expected a priority the priorities map knows (P1..P5, SEV1, High, ...), found "nope"; map it under "priorities" in the config',
    ]);
    // A bad priority does not hide the order problem of two good timestamps.
    expect(issuesOf('incidents', { ...incident, priority: 'nope', resolved_at: '2026-03-01T09:00:00Z' })).toHaveLength(2);
  });
});

describe('buildCellReader', () => {
  it('reads only the named cells, as the schema reads them, and leaves out the bad and absent ones', () => {
    const read = buildCellReader('action_items', config, ['action_id', 'incident_id', 'owner_id']);
    // A row the schema refuses (its created_at is bad): its key and references are still read.
    expect(read({ action_id: ' A1 ', incident_id: 42, created_at: 'garbage', owner_id: '' })).toStrictEqual({ action_id: 'A1', incident_id: '42' });
    expect(read({ action_id: '', incident_id: ['INC-1'], owner_id: 'E1' })).toStrictEqual({ owner_id: 'E1' });
  });
});
