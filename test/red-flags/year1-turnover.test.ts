import { describe, expect, it } from 'vitest';
import type { JobChange, Person } from '../../src/core/datasets.js';
import year1Turnover from '../../src/red-flags/year1-turnover.js';
import { evaluateRedFlag } from '../../src/report/evaluate.js';
import { change, contextFor, person, testConfig } from '../helpers/org.js';

// T = 2026-09-30. Days from 2025-01-01: 2025-04-11 is day 100, 2026-01-01 day 365, 2026-01-02 day 366,
// T day 637.
interface Org { people: Person[]; job_history: JobChange[] }

/** A promotion from ops1 to ops2 on `start`; `extra` can end it (termination) or add later rows. */
function promoted(org: Org, id: string, start: string, extra: Partial<Person> = {}, later: JobChange[] = []): Org {
  return {
    people: [...org.people, person({ employee_id: id, level: 'ops2', ...extra })],
    job_history: [...org.job_history, change(id, '2020-01-01', 'ops1'), change(id, start, 'ops2'), ...later],
  };
}

const EMPTY: Org = { people: [], job_history: [] };

/** E1..E`count` promoted on 2025-01-01 and still on the track. */
const stayers = (count: number, from = 1): Org =>
  Array.from({ length: count }, (_, i) => `E${from + i}`).reduce((org, id) => promoted(org, id, '2025-01-01'), EMPTY);

describe('year1_turnover red flag', () => {
  it.each([
    // 1 exit among 5 followed a full year: S(365) = 4/5, 1 − S = 0.20, not above 0.20.
    { name: '1 of 5 leaving is exactly 0.20: clear', stay: 4, value: 0.2, status: 'clear' },
    // 1 of 4: 1 − 3/4 = 0.25 > 0.20.
    { name: '1 of 4 leaving is 0.25: tripped', stay: 3, value: 0.25, status: 'tripped' },
  ])('$name', ({ stay, value, status }) => {
    const org = promoted(stayers(stay, 2), 'E1', '2025-01-01', { termination_date: '2025-04-11' });
    const result = evaluateRedFlag(year1Turnover, contextFor(org));
    expect(result).toMatchObject({ status, value, threshold: { op: '>', value: 0.2 } });
  });

  it.each([
    // Day 365 is within year 1: 1 − 3/4 = 0.25, tripped.
    { left: '2026-01-01', value: 0.25, status: 'tripped' },
    // Day 366 is not: S(365) = 1, value 0, clear.
    { left: '2026-01-02', value: 0, status: 'clear' },
  ])('an exit on $left counts as $status', ({ left, value, status }) => {
    const org = promoted(stayers(3, 2), 'E1', '2025-01-01', { termination_date: left });
    expect(evaluateRedFlag(year1Turnover, contextFor(org))).toMatchObject({ status, value });
  });

  it('uses the Kaplan-Meier estimate, not the raw share of leavers', () => {
    // E1..E4 promoted 2025-01-01, E1 leaves on day 100; E5 promoted 2026-09-01 is censored at day 29.
    // At day 100 four are at risk: S = 1 − 1/4 = 0.75 → 0.25, tripped (the raw 1 of 5 would be 0.20, clear).
    // E6 was hired straight into 2.0 and left after 10 days: not a promotion, not counted.
    let org = promoted(stayers(3, 2), 'E1', '2025-01-01', { termination_date: '2025-04-11' });
    org = promoted(org, 'E5', '2026-09-01');
    org = {
      people: [...org.people, person({ employee_id: 'E6', level: 'ops2', hire_date: '2025-01-01', termination_date: '2025-01-11' })],
      job_history: [...org.job_history, change('E6', '2025-01-01', 'ops2')],
    };
    const result = evaluateRedFlag(year1Turnover, contextFor(org));
    expect(result).toMatchObject({ status: 'tripped', value: 0.25 });
    expect(result.evidence).toEqual([
      { note: '5 promotions to 2.0: 1 left the track within 365 days, 1 promoted 365 days or less before 2026-09-30 and still on it, 3 still on it after 365 days' },
      { employeeId: 'E1', note: 'left the 2.0 track on 2025-04-11, 100 days after the 2.0 start on 2025-01-01' },
    ]);
  });

  it('counts a promotion dated after the termination_date as leaving on day 0', () => {
    // E1 terminated 2024-12-31, the day before its ops2 row: never on the track, an exit on day 0 of 4 at
    // risk → 1 − 3/4 = 0.25, tripped (read as still on the track to T it would be 0, clear).
    const org = promoted(stayers(3, 2), 'E1', '2025-01-01', { termination_date: '2024-12-31' });
    const result = evaluateRedFlag(year1Turnover, contextFor(org));
    expect(result).toMatchObject({ status: 'tripped', value: 0.25 });
    expect(result.evidence[1]).toEqual({ employeeId: 'E1', note: 'left the 2.0 track on 2024-12-31, before the 2.0 start on 2025-01-01' });
  });

  it('counts a move back to the traditional track as leaving it', () => {
    // E1 moves to ops1 on 2025-04-11 (day 100) while staying employed: 1 of 4 → 0.25.
    const org = promoted(stayers(3, 2), 'E1', '2025-01-01', {}, [change('E1', '2025-04-11', 'ops1')]);
    const result = evaluateRedFlag(year1Turnover, contextFor(org));
    expect(result).toMatchObject({ status: 'tripped', value: 0.25 });
    expect(result.evidence.map((d) => d.employeeId)).toEqual([undefined, 'E1']);
  });

  it('takes its threshold from the config', () => {
    // 0.25 is not above a configured 0.25.
    const config = testConfig({ thresholds: { ...testConfig().thresholds, year1_turnover: 0.25 } });
    const org = promoted(stayers(3, 2), 'E1', '2025-01-01', { termination_date: '2025-04-11' });
    expect(evaluateRedFlag(year1Turnover, contextFor(org, { config }))).toMatchObject({ status: 'clear', value: 0.25 });
  });

  it('is insufficient_data with no promotion to 2.0', () => {
    // A direct hire into 2.0 is a 2.0 start, not a promotion.
    const org = { people: [person({ employee_id: 'E1', level: 'ops2' })], job_history: [change('E1', '2025-01-01', 'ops2')] };
    const result = evaluateRedFlag(year1Turnover, contextFor(org));
    expect(result).toMatchObject({ status: 'insufficient_data', value: null, reason: 'no promotions to 2.0 yet' });
  });

  it('is no_data without people', () => {
    expect(evaluateRedFlag(year1Turnover, contextFor({})).status).toBe('no_data');
  });
});
