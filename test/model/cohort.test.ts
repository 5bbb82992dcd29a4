import { describe, expect, it } from 'vitest';
import { buildOrgModel, cohort } from '../../src/model/org-model.js';
import { emptyData, orgOf, person, promotedPerson, testConfig } from '../helpers/org.js';
import type { Person } from '../../src/core/datasets.js';

const promoted = (id: string, start: string, termination?: string) =>
  promotedPerson(id, start, termination !== undefined ? { termination } : {});

const modelOf = (entries: Array<ReturnType<typeof promoted>>, extraPeople: Person[] = [], programStart?: string) =>
  buildOrgModel({ ...emptyData(), ...orgOf(entries, extraPeople) }, testConfig({ programStart }));

const ids = (members: ReadonlyArray<{ id: string }>): string[] => members.map((m) => m.id);

describe('cohort(model, N, T)', () => {
  it('takes s + N months ≤ T, both from the day s + N months = T on', () => {
    // 6 months after 2026-03-31 is 2026-09-30 (clamped), = T → in; 2026-04-01 + 6 months = 2026-10-01 > T → out.
    const model = modelOf([promoted('A', '2026-03-31'), promoted('B', '2026-04-01'), promoted('C', '2025-01-01')]);
    expect(ids(cohort(model, 6, '2026-09-30'))).toEqual(['A', 'C']);
  });

  it('Jan 31 + 1 month is Feb 28', () => {
    const model = modelOf([promoted('A', '2026-01-31')]);
    expect(ids(cohort(model, 1, '2026-02-28'))).toEqual(['A']);
    expect(ids(cohort(model, 1, '2026-02-27'))).toEqual([]);
  });

  it('Feb 29 + 12 months is Feb 28 of the next year', () => {
    const model = modelOf([promoted('A', '2024-02-29')]);
    expect(ids(cohort(model, 12, '2025-02-28'))).toEqual(['A']);
    expect(ids(cohort(model, 12, '2025-02-27'))).toEqual([]);
  });

  it('leaves out someone who left the track before s + N months, keeps someone who left on it', () => {
    // s = 2025-01-01, s + 12 months = 2026-01-01: left 2025-12-31 → out, left 2026-01-01 → in.
    const model = modelOf([promoted('A', '2025-01-01', '2025-12-31'), promoted('B', '2025-01-01', '2026-01-01')]);
    expect(ids(cohort(model, 12, '2026-09-30'))).toEqual(['B']);
  });

  it('counts direct hires into 2.0 and roster-only 2.0 starts (any 2.0 start), program-to-date', () => {
    const model = modelOf(
      [promoted('P', '2018-06-01')],
      [person({ employee_id: 'R', level: 'ops2', hire_date: '2019-01-01', title_start_date: '2025-01-15' }), person({ employee_id: 'X', level: 'ops1' })],
    );
    expect(ids(cohort(model, 12, '2026-09-30'))).toEqual(['P', 'R']);
  });

  it('is sorted by id', () => {
    const model = modelOf([promoted('Z', '2025-01-01'), promoted('A', '2025-02-01'), promoted('M', '2025-03-01')]);
    expect(ids(cohort(model, 6, '2026-09-30'))).toEqual(['A', 'M', 'Z']);
  });
});

describe('programStart', () => {
  it('is the earliest 2.0 start in the data without a configured one', () => {
    expect(modelOf([promoted('A', '2025-03-01'), promoted('B', '2024-11-15')]).programStart).toBe('2024-11-15');
  });

  it('is the configured one when set', () => {
    expect(modelOf([promoted('A', '2025-03-01')], [], '2026-01-01').programStart).toBe('2026-01-01');
  });

  it('is undefined with no 2.0 start and none configured', () => {
    expect(modelOf([], [person({ employee_id: 'X' })]).programStart).toBeUndefined();
  });
});
