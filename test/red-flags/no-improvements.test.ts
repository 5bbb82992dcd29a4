import { describe, expect, it } from 'vitest';
import type { Improvement, Person } from '../../src/core/datasets.js';
import noImprovements from '../../src/red-flags/no-improvements.js';
import { evaluateRedFlag } from '../../src/report/evaluate.js';
import { contextFor, person } from '../helpers/org.js';

// P = 2026-Q3 (2026-07-01 .. 2026-09-30).
const improvement = (i: Partial<Improvement> & { improvement_id: string; owner_id: string; completed_on: string }): Improvement => ({
  process: 'deploys', kind: 'redesign', critical: false, significant: true, minutes_before: undefined, minutes_after: undefined, ...i,
});

const twoPointO = (employee_id: string, extra: Partial<Person> = {}): Person =>
  person({ employee_id, level: 'ops2', title_start_date: '2025-01-01', ...extra });

const people = [
  twoPointO('E1'),
  person({ employee_id: 'E2', level: 'ops1' }),
  // Leaves ops (and the track) on 2026-08-01.
  twoPointO('E3', { termination_date: '2026-08-01' }),
];

describe('no_improvements red flag', () => {
  it.each([
    // E1 on the track, significant, completed on P's last day: 1 qualifying improvement.
    { name: 'one by a 2.0 engineer on the last day of P', imp: { owner_id: 'E1', completed_on: '2026-09-30' }, value: 1, status: 'clear' },
    { name: 'one on the first day of P', imp: { owner_id: 'E1', completed_on: '2026-07-01' }, value: 1, status: 'clear' },
    { name: 'one completed the day before P', imp: { owner_id: 'E1', completed_on: '2026-06-30' }, value: 0, status: 'tripped' },
    { name: 'one not significant', imp: { owner_id: 'E1', completed_on: '2026-08-01', significant: false }, value: 0, status: 'tripped' },
    { name: 'one owned by a 1.0 engineer', imp: { owner_id: 'E2', completed_on: '2026-08-01' }, value: 0, status: 'tripped' },
    { name: 'one owned by someone not in the roster', imp: { owner_id: 'X9', completed_on: '2026-08-01' }, value: 0, status: 'tripped' },
    // E3 is terminated on 2026-08-01, so off the track that day; still on it the day before.
    { name: 'one owned on the day its owner left the track', imp: { owner_id: 'E3', completed_on: '2026-08-01' }, value: 0, status: 'tripped' },
    { name: 'one owned the day before its owner left the track', imp: { owner_id: 'E3', completed_on: '2026-07-31' }, value: 1, status: 'clear' },
  ])('$name: value $value, $status', ({ imp, value, status }) => {
    const ctx = contextFor({ people, improvements: [improvement({ improvement_id: 'IMP-1', ...imp })] });
    const result = evaluateRedFlag(noImprovements, ctx);
    expect(result).toMatchObject({ status, value, threshold: { op: '=', value: 0 } });
  });

  it('judges the track on the completion date, not at T', () => {
    // E4 becomes 2.0 on 2026-08-15: an improvement of 08-14 does not count, one of 08-15 does → 1.
    const ctx = contextFor({
      people: [...people, twoPointO('E4', { title_start_date: '2026-08-15' })],
      improvements: [
        improvement({ improvement_id: 'IMP-1', owner_id: 'E4', completed_on: '2026-08-14' }),
        improvement({ improvement_id: 'IMP-2', owner_id: 'E4', completed_on: '2026-08-15', process: 'failover' }),
      ],
    });
    const result = evaluateRedFlag(noImprovements, ctx);
    expect(result).toMatchObject({ status: 'clear', value: 1 });
    expect(result.evidence).toEqual([{ employeeId: 'E4', note: 'owns IMP-2 (failover), completed 2026-08-15' }]);
  });

  it('names the 2.0 engineers of P when it trips on an empty file', () => {
    // E1 and E3 were on the track during P (E3 until 07-31); E2 is 1.0. No improvements: 0 → tripped.
    const result = evaluateRedFlag(noImprovements, contextFor({ people, improvements: [] }));
    expect(result).toMatchObject({ status: 'tripped', value: 0 });
    expect(result.evidence).toEqual([
      { employeeId: 'E1', note: 'on the 2.0 track during 2026-Q3' },
      { employeeId: 'E3', note: 'on the 2.0 track during 2026-Q3' },
    ]);
  });

  it.each([
    { name: 'somebody whose 2.0 start is the last day of P', p: twoPointO('E5', { title_start_date: '2026-09-30' }), status: 'tripped', value: 0 },
    { name: 'somebody who left the track on the second day of P', p: twoPointO('E5', { termination_date: '2026-07-02' }), status: 'tripped', value: 0 },
    { name: 'only somebody who left the track on the first day of P', p: twoPointO('E5', { termination_date: '2026-07-01' }), status: 'insufficient_data', value: null },
    { name: 'only 1.0 engineers', p: person({ employee_id: 'E5', level: 'ops1' }), status: 'insufficient_data', value: null },
  ])('with $name: $status', ({ p, status, value }) => {
    const result = evaluateRedFlag(noImprovements, contextFor({ people: [p], improvements: [] }));
    expect(result).toMatchObject({ status, value });
  });

  it('says why when nobody was on the track during P', () => {
    const result = evaluateRedFlag(noImprovements, contextFor({ people: [person({ employee_id: 'E2', level: 'ops1' })], improvements: [] }));
    expect(result.reason).toBe('nobody was on the 2.0 track during 2026-Q3');
  });

  it('is no_data without the improvements file', () => {
    const result = evaluateRedFlag(noImprovements, contextFor({ people }));
    expect(result.status).toBe('no_data');
    expect(result.reason).toContain('improvements.csv');
  });
});
