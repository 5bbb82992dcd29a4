import { describe, expect, it } from 'vitest';
import strategicVisibility from '../../src/metrics/strategic-visibility.js';
import { evaluateMeasure } from '../../src/report/evaluate.js';
import { change, contextFor, measureOf, meeting, person, requirement, testConfig } from '../helpers/org.js';

const roadmap = measureOf(strategicVisibility, 'roadmap_meetings_per_quarter');
const requirements = measureOf(strategicVisibility, 'requirements_incorporated_per_year');

/** A person who moved from ops1 to `level` on `start` (history from 2020). */
const promoted = (id: string, start: string, extra: { termination_date?: string } = {}) => ({
  person: person({ employee_id: id, level: 'ops2', ...extra }),
  history: [change(id, '2020-01-01', 'ops1'), change(id, start, 'ops2')],
});

describe('roadmap_meetings_per_quarter', () => {
  // S1: 2.0 since 2024 → on the track all of 2026-Q3. Roadmap meetings 07-01, 08-01 (' Product_Roadmap '),
  //     09-30 ('PRODUCT_ROADMAP'): 3; a 'standup' and a roadmap meeting on 06-30 (before P) are ignored.
  // S2: 2.0 since 2024, 1 meeting (08-15).
  // S6: 2.0 since 2026-07-01 (all of P) → 2 meetings (07-15, 09-01).
  // S3: 2.0 since 2026-07-02 → not all of P → left out. S4: terminated on 2026-09-30 → off the track at T →
  //     left out. S5: ops1 → left out.
  // Full quarter, no scaling: (3 + 1 + 2)/3 = 2, n = 3 → ≥ 2 → met.
  const s1 = promoted('S1', '2024-01-01');
  const s2 = promoted('S2', '2024-01-01');
  const s3 = promoted('S3', '2026-07-02');
  const s4 = promoted('S4', '2024-01-01', { termination_date: '2026-09-30' });
  const s6 = promoted('S6', '2026-07-01');
  const people = [s1, s2, s3, s4, s6].map((p) => p.person).concat(person({ employee_id: 'S5', level: 'ops1' }));
  const job_history = [s1, s2, s3, s4, s6].flatMap((p) => p.history);
  const meetings = [
    meeting('S1', '2026-07-01'), meeting('S1', '2026-08-01', ' Product_Roadmap '), meeting('S1', '2026-09-30', 'PRODUCT_ROADMAP'),
    meeting('S1', '2026-08-02', 'standup'), meeting('S1', '2026-06-30'),
    meeting('S2', '2026-08-15'),
    meeting('S6', '2026-07-15'), meeting('S6', '2026-09-01'),
    meeting('S3', '2026-07-10'), meeting('S3', '2026-07-11'), meeting('S4', '2026-07-20'), meeting('S5', '2026-07-20'),
  ];

  it('averages the roadmap meetings of engineers on the track for all of a full quarter, unscaled', () => {
    const result = evaluateMeasure(roadmap, contextFor({ people, job_history, meetings }));
    expect(result.value).toBeCloseTo(2, 6);
    expect(result.n).toBe(3);
    expect(result.status).toBe('met');
    expect(result.details.map((d) => d.employeeId)).toEqual(['S1', 'S2', 'S6']);
  });

  it('scales a quarter cut by --as-of to a quarter', () => {
    // As of 2026-08-15: P = 07-01..08-15 = 46 days. S4's termination (09-30) is after T, so absent: S4 is on
    // the track all of P. S3 still starts after P.start. Meetings in P: S1 2 (07-01, 08-01), S2 1, S4 1, S6 1
    // (07-15). Mean 5/4 = 1.25 × 91.3125/46 = 2.481318 → met.
    const result = evaluateMeasure(roadmap, contextFor({ people, job_history, meetings }, { asOf: '2026-08-15' }));
    expect(result.value).toBeCloseTo(2.481318, 6);
    expect(result.n).toBe(4);
  });

  it('scales a year to a quarter', () => {
    // --period 2025: 365 days. Y1 (2.0 since 2024) attends 8 roadmap meetings in 2025 → 8 × 91.3125/365 = 2.001370.
    const y1 = promoted('Y1', '2024-01-01');
    const yearMeetings = ['01-10', '02-10', '03-10', '04-10', '05-10', '06-10', '07-10', '12-31'].map((md) => meeting('Y1', `2025-${md}`));
    const result = evaluateMeasure(roadmap, contextFor({ people: [y1.person], job_history: y1.history, meetings: yearMeetings }, { period: '2025' }));
    expect(result.value).toBeCloseTo(2.00137, 6);
  });

  it('misses a target raised to 2.5 by the config', () => {
    const config = testConfig({ targets: { roadmap_meetings_per_quarter: 2.5 } });
    expect(evaluateMeasure(roadmap, contextFor({ people, job_history, meetings }, { config })).status).toBe('missed');
  });

  it('leaves out someone terminated before their 2.0 start: never on the track, whatever the history says', () => {
    // S7: terminated 2023-06-30, history ops2 from 2024-01-01; 1 roadmap meeting in P. With S1, S2, S6 as
    // above the mean stays (3 + 1 + 2)/3 = 2, n = 3 (S7 counted would give (3 + 1 + 2 + 1)/4 = 1.75, n = 4).
    const s7 = promoted('S7', '2024-01-01', { termination_date: '2023-06-30' });
    const result = evaluateMeasure(roadmap, contextFor({
      people: [...people, s7.person], job_history: [...job_history, ...s7.history], meetings: [...meetings, meeting('S7', '2026-08-03')],
    }));
    expect(result.n).toBe(3);
    expect(result.value).toBeCloseTo(2, 6);
  });

  it('is insufficient_data with n 0 when no one is on the track for all of P', () => {
    const result = evaluateMeasure(roadmap, contextFor({ people: [s3.person], job_history: s3.history, meetings }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBe(0);
  });
});

describe('requirements_incorporated_per_year (T = 2026-09-30, Y = 2025-10-01..2026-09-30)', () => {
  // R1 (2.0 since 2024, exposure 365): Q1 incorporated 2026-01-10 and Q2 2026-09-30 count; Q3 incorporated
  //     2026-10-05 (after T → absent), Q4 never incorporated, Q5 incorporated 2025-09-30 (before Y) do not → 2.
  // R2 (2.0 since 2026-07-03, exposure 90): Q6 incorporated 07-02 (before s) does not; Q7 08-01 does → 1 × 365/90 = 4.055556.
  // R3 (2.0 since 2026-07-04, exposure 89) → not eligible.
  // Mean (2 + 4.055556)/2 = 3.027778, n = 2 → ≥ 2 → met.
  const r = [promoted('R1', '2024-01-01'), promoted('R2', '2026-07-03'), promoted('R3', '2026-07-04')];
  const rows = [
    requirement({ requirement_id: 'Q1', sourced_by: 'R1', incorporated_on: '2026-01-10' }),
    requirement({ requirement_id: 'Q2', sourced_by: 'R1', incorporated_on: '2026-09-30' }),
    requirement({ requirement_id: 'Q3', sourced_by: 'R1', incorporated_on: '2026-10-05' }),
    requirement({ requirement_id: 'Q4', sourced_by: 'R1' }),
    requirement({ requirement_id: 'Q5', sourced_by: 'R1', raised_on: '2025-06-01', incorporated_on: '2025-09-30' }),
    requirement({ requirement_id: 'Q6', sourced_by: 'R2', incorporated_on: '2026-07-02' }),
    requirement({ requirement_id: 'Q7', sourced_by: 'R2', incorporated_on: '2026-08-01' }),
    requirement({ requirement_id: 'Q8', sourced_by: 'R3', incorporated_on: '2026-08-01' }),
  ];
  const data = { people: r.map((p) => p.person), job_history: r.flatMap((p) => p.history), requirements: rows };

  it('averages annualised incorporated requirements of eligible engineers', () => {
    const result = evaluateMeasure(requirements, contextFor(data));
    expect(result.value).toBeCloseTo(3.027778, 6);
    expect(result.n).toBe(2);
    expect(result.status).toBe('met');
  });

  it('is insufficient_data with n 0 when no one is eligible', () => {
    const result = evaluateMeasure(requirements, contextFor({ ...data, people: [r[2]!.person] }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBe(0);
  });

  it('is no_data without requirements', () => {
    expect(evaluateMeasure(requirements, contextFor({ people: data.people })).status).toBe('no_data');
  });
});
