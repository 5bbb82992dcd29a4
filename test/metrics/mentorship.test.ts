import { describe, expect, it } from 'vitest';
import mentorshipMetric from '../../src/metrics/mentorship.js';
import { evaluateMeasure } from '../../src/report/evaluate.js';
import { assessment, change, contextFor, measureOf, mentorship, person, testConfig } from '../helpers/org.js';

const uplift = measureOf(mentorshipMetric, 'mentored_growth_uplift');
const retention = measureOf(mentorshipMetric, 'mentee_ops_retention');

// Mentors: M1 on the 2.0 track since 2024-01-01; M2 a senior 1.0 (traditional track); M3 promoted to 2.0
// only on 2026-05-01. Everyone else is an ops1 from the roster unless stated.
const mentors = [person({ employee_id: 'M1', level: 'ops2' }), person({ employee_id: 'M2', level: 'ops1_senior' }), person({ employee_id: 'M3', level: 'ops2' })];
const mentorHistory = [
  change('M1', '2020-01-01', 'ops1'), change('M1', '2024-01-01', 'ops2'),
  change('M2', '2020-01-01', 'ops1_senior'),
  change('M3', '2020-01-01', 'ops1'), change('M3', '2026-05-01', 'ops2'),
];
const ops1 = (id: string) => person({ employee_id: id, level: 'ops1' });

describe('mentored_growth_uplift (T = 2026-09-30, Y = 2025-10-01..2026-09-30)', () => {
  // Everyone below is assessed 2026-01-01 and 2026-07-01 (181 days = 5.946612 months).
  // A 4 → 7: mentored by M1 from 2026-03-01 → mentored, 3 / 5.946612 = 0.504489 a month.
  // B 5 → 8: M1 2025-06-01..2026-01-01, ending on the first assessment (overlap is inclusive) → mentored, 0.504489.
  // C 3 → 5: M1 2025-06-01..2025-12-31, the day before → other, 2 / 5.946612 = 0.336326.
  // D 4 → 6: mentored by M2, not on the 2.0 track → other, 0.336326.
  // E 6 → 8: mentored by M3 from 2026-04-01, before M3's 2.0 start → other, 0.336326.
  // Left out: F is ops2 at the first assessment; G has one assessment in Y (the other on 2025-09-30, outside);
  // H has both on one day; I is not in people.
  // Uplift = 0.504489 / 0.336326 − 1 = 0.5 (same spans, so 3/2 − 1) → ≥ 0.25 → met; n null.
  const people = [...mentors, ...['A', 'B', 'C', 'D', 'E', 'G', 'H'].map(ops1), person({ employee_id: 'F', level: 'ops2' })];
  const pair = (id: string, first: number, last: number) => [assessment(id, '2026-01-01', first), assessment(id, '2026-07-01', last)];
  const skill_assessments = [
    ...pair('A', 4, 7), ...pair('B', 5, 8), ...pair('C', 3, 5), ...pair('D', 4, 6), ...pair('E', 6, 8), ...pair('F', 1, 9), ...pair('I', 1, 9),
    assessment('G', '2025-09-30', 1), assessment('G', '2026-03-01', 9),
    assessment('H', '2026-03-01', 1), assessment('H', '2026-03-01', 9),
  ];
  const mentorships = [
    mentorship('M1', 'A', '2026-03-01'),
    mentorship('M1', 'B', '2025-06-01', '2026-01-01'),
    mentorship('M1', 'C', '2025-06-01', '2025-12-31'),
    mentorship('M2', 'D', '2025-06-01'),
    mentorship('M3', 'E', '2026-04-01'),
  ];
  const data = { people, job_history: mentorHistory, skill_assessments, mentorships };

  it('compares the mean velocities of mentored and other 1.0s', () => {
    const result = evaluateMeasure(uplift, contextFor(data));
    expect(result.value).toBeCloseTo(0.5, 6);
    expect(result.n).toBeNull();
    expect(result.status).toBe('met');
    expect(result.details.map((d) => [d.employeeId, d.note.split(':')[0]])).toEqual([
      ['A', 'mentored'], ['B', 'mentored'], ['C', 'not mentored'], ['D', 'not mentored'], ['E', 'not mentored'],
    ]);
  });

  it('misses a target raised to 0.6 by the config', () => {
    const config = testConfig({ targets: { mentored_growth_uplift: 0.6 } });
    expect(evaluateMeasure(uplift, contextFor(data, { config })).status).toBe('missed');
  });

  it('divides by months of 30.4375 days, the first and last assessments chosen by date', () => {
    // P1 mentored: 01-01 score 0 → 03-02 score 2 (60 days), a middle row in between → 2 × 30.4375/60 = 1.014583.
    // P2 mentored: 01-01 0 → 07-01 3 (181 days) → 0.504489.
    // Q1 other: 0 → 2 over 120 days (01-01..05-01) → 0.507292.
    // Q2 other, promoted to ops2 on 2026-04-01 (ops1 on the first assessment, so included): 0 → 1 over 181 days → 0.168163.
    // Mentored mean 0.759536; others 0.337727; 0.759536 / 0.337727 − 1 = 1.248963.
    const result = evaluateMeasure(uplift, contextFor({
      people: [...mentors, ops1('P1'), ops1('P2'), ops1('Q1'), person({ employee_id: 'Q2', level: 'ops2' })],
      job_history: [...mentorHistory, change('Q2', '2020-01-01', 'ops1'), change('Q2', '2026-04-01', 'ops2')],
      skill_assessments: [
        assessment('P1', '2026-03-02', 2), assessment('P1', '2026-01-01', 0), assessment('P1', '2026-02-01', 9),
        assessment('P2', '2026-01-01', 0), assessment('P2', '2026-07-01', 3),
        assessment('Q1', '2026-01-01', 0), assessment('Q1', '2026-05-01', 2),
        assessment('Q2', '2026-01-01', 0), assessment('Q2', '2026-07-01', 1),
      ],
      mentorships: [mentorship('M1', 'P1', '2025-12-01'), mentorship('M1', 'P2', '2026-06-30')],
    }));
    expect(result.value).toBeCloseTo(1.248963, 6);
  });

  it('takes the first row of the earliest date and the last row of the latest, in file order', () => {
    // R's rows in file order: 07-01 score 7, 01-01 score 3, 07-01 score 8, 01-01 score 5. First: the first
    // row dated 01-01 (3); last: the last row dated 07-01 (8). 5 / 5.946612 months = 0.840814 a month.
    const result = evaluateMeasure(uplift, contextFor({
      people: [...mentors, ops1('R')],
      job_history: mentorHistory,
      skill_assessments: [
        assessment('R', '2026-07-01', 7), assessment('R', '2026-01-01', 3),
        assessment('R', '2026-07-01', 8), assessment('R', '2026-01-01', 5),
      ],
      mentorships: [mentorship('M1', 'R', '2026-03-01')],
    }));
    expect(result.details).toEqual([{ employeeId: 'R', note: 'mentored: 3 on 2026-01-01 → 8 on 2026-07-01, 0.841 a month' }]);
  });

  it('is insufficient_data with fewer than 2 mentored people', () => {
    // Without B's mentorship only A is mentored (B joins the others).
    const result = evaluateMeasure(uplift, contextFor({ ...data, mentorships: mentorships.filter((m) => m.mentee_id !== 'B') }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBeNull();
    expect(result.reason).toMatch(/1 mentored, 4 others/);
  });

  it('is insufficient_data when the others do not grow', () => {
    // Others C, D, E all flat (5 → 5) → mean 0 → no base.
    const flat = [...pair('A', 4, 7), ...pair('B', 5, 8), ...pair('C', 5, 5), ...pair('D', 5, 5), ...pair('E', 5, 5)];
    const result = evaluateMeasure(uplift, contextFor({ ...data, skill_assessments: flat }));
    expect(result.status).toBe('insufficient_data');
  });

  it('is no_data without skill assessments', () => {
    expect(evaluateMeasure(uplift, contextFor({ people, mentorships })).status).toBe('no_data');
  });
});

describe('mentee_ops_retention (T = 2026-09-30)', () => {
  // Mentees of M1 (2.0 track): A stays; B terminated on T → not in ops at T (exited); C terminated 2026-10-01,
  // after T → absent → stays; D moved to `other` on 2026-06-01 → exited; E has two mentorships → counted once,
  // stays; X is not in people and H is hired 2026-10-12, after T (their row is cut) → both left out of the base
  // and named in the details, with T, since H is in the file.
  // Not in the base: F, mentored by M2 (traditional); G, whose mentorship starts 2026-10-05, after T.
  // Base A, B, C, D, E = 5; stayed A, C, E → 3/5 = 0.6; Wilson(3, 5) = [0.230724, 0.882379]; < 0.90 → missed.
  const people = [
    ...mentors, ops1('A'), person({ employee_id: 'B', termination_date: '2026-09-30' }), person({ employee_id: 'C', termination_date: '2026-10-01' }),
    person({ employee_id: 'D', level: 'other' }), ops1('E'), person({ employee_id: 'F', termination_date: '2026-01-01' }),
    person({ employee_id: 'G', termination_date: '2026-01-01' }), person({ employee_id: 'H', hire_date: '2026-10-12' }),
  ];
  const job_history = [...mentorHistory, change('D', '2020-01-01', 'ops1'), change('D', '2026-06-01', 'other')];
  const mentorships = [
    mentorship('M1', 'A', '2025-01-01'), mentorship('M1', 'B', '2025-01-01'), mentorship('M1', 'C', '2025-01-01'),
    mentorship('M1', 'D', '2025-01-01'), mentorship('M1', 'E', '2025-01-01', '2025-06-01'), mentorship('M1', 'E', '2026-01-01'),
    mentorship('M1', 'X', '2025-01-01'), mentorship('M2', 'F', '2025-01-01'), mentorship('M1', 'G', '2026-10-05'),
    mentorship('M1', 'H', '2026-09-01'),
  ];

  it('is the share of 2.0 mentees still in ops at T', () => {
    const result = evaluateMeasure(retention, contextFor({ people, job_history, mentorships }));
    expect(result.value).toBeCloseTo(0.6, 6);
    expect(result.n).toBe(5);
    expect(result.status).toBe('missed');
    expect(result.ci95![0]).toBeCloseTo(0.230724, 6);
    expect(result.ci95![1]).toBeCloseTo(0.882379, 6);
    expect(result.details).toEqual([
      { employeeId: 'B', note: 'left ops on 2026-09-30' },
      { employeeId: 'D', note: 'left ops on 2026-06-01' },
      { employeeId: 'H', note: 'mentee not in people on 2026-09-30: left out of the base' },
      { employeeId: 'X', note: 'mentee not in people on 2026-09-30: left out of the base' },
    ]);
  });

  it('meets a target lowered to 0.6 by the config', () => {
    const config = testConfig({ targets: { mentee_ops_retention: 0.6 } });
    expect(evaluateMeasure(retention, contextFor({ people, job_history, mentorships }, { config })).status).toBe('met');
  });

  it('is insufficient_data with n 0 when no mentor is on the 2.0 track', () => {
    const result = evaluateMeasure(retention, contextFor({ people, job_history, mentorships: [mentorship('M2', 'A', '2025-01-01')] }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBe(0);
  });
});
