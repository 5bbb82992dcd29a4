import { describe, expect, it } from 'vitest';
import processImprovement from '../../src/metrics/process-improvement.js';
import { evaluateMeasure, evaluateMetric } from '../../src/report/evaluate.js';
import { change, contextFor, coverage, improvement, measureOf, person, testConfig } from '../helpers/org.js';

const perEngineer = measureOf(processImprovement, 'improvements_per_engineer_year');
const routine = measureOf(processImprovement, 'routine_time_reduction');
const growth = measureOf(processImprovement, 'automation_coverage_growth');

describe('improvements_per_engineer_year (T = 2026-09-30, Y = 2025-10-01..2026-09-30)', () => {
  // E1: 2.0 since 2024-01-01, exposure 365. Owns 3 significant improvements in Y, 1 not significant in Y,
  //     1 on 2025-09-30 (T − 12 months: Y is half-open, outside) → 3 × 365/365 = 3.
  // E2: 2.0 since 2026-07-03, exposure 90. Owns one on 2026-07-02 (before s, not counted) and two on or
  //     after s (07-03, 09-30) → 2 × 365/90 = 8.111111.
  // E3: 2.0 since 2026-07-04, exposure 89 → not eligible despite 5 improvements.
  // E4: 2.0 since 2024-01-01, terminated on T → not on the track at T → not eligible.
  // E5: ops1, never 2.0 → not eligible.
  // Mean (3 + 8.111111)/2 = 5.555556, n = 2 → ≥ 5 → met.
  const people = ['E1', 'E2', 'E3', 'E4', 'E5'].map((id) =>
    person({ employee_id: id, level: id === 'E5' ? 'ops1' : 'ops2', ...(id === 'E4' ? { termination_date: '2026-09-30' } : {}) }));
  const job_history = [
    change('E1', '2020-01-01', 'ops1'), change('E1', '2024-01-01', 'ops2'),
    change('E2', '2020-01-01', 'ops1'), change('E2', '2026-07-03', 'ops2'),
    change('E3', '2020-01-01', 'ops1'), change('E3', '2026-07-04', 'ops2'),
    change('E4', '2020-01-01', 'ops1'), change('E4', '2024-01-01', 'ops2'),
    change('E5', '2020-01-01', 'ops1'),
  ];
  let id = 0;
  const owned = (owner_id: string, completed_on: string, significant = true) =>
    improvement({ improvement_id: `I${id++}`, owner_id, completed_on, significant });
  const improvements = [
    owned('E1', '2025-11-01'), owned('E1', '2026-02-01'), owned('E1', '2026-09-30'), owned('E1', '2026-03-01', false),
    owned('E1', '2025-09-30'),
    owned('E2', '2026-07-02'), owned('E2', '2026-07-03'), owned('E2', '2026-09-30'),
    ...['2026-07-10', '2026-07-20', '2026-08-01', '2026-08-10', '2026-09-01'].map((d) => owned('E3', d)),
    owned('E4', '2026-08-01'), owned('E5', '2026-08-01'),
  ];

  it('averages the annualised counts of eligible engineers', () => {
    const result = evaluateMeasure(perEngineer, contextFor({ people, job_history, improvements }));
    expect(result.value).toBeCloseTo(5.555556, 6);
    expect(result.n).toBe(2);
    expect(result.status).toBe('met');
    expect(result.unit).toBe('rate');
    expect(result.details.map((d) => d.employeeId)).toEqual(['E1', 'E2']);
  });

  it('misses a target raised to 6 by the config', () => {
    const config = testConfig({ targets: { improvements_per_engineer_year: 6 } });
    expect(evaluateMeasure(perEngineer, contextFor({ people, job_history, improvements }, { config })).status).toBe('missed');
  });

  it('scales by 365/366 in a leap-year Y', () => {
    // T = 2024-09-30: Y = 2023-10-01..2024-09-30 (366 days, holds 2024-02-29). L1 on the track since 2020
    // → exposure 366; 5 improvements in Y → 5 × 365/366 = 4.986339 < 5 → missed.
    const leapPeople = [person({ employee_id: 'L1', level: 'ops2' })];
    const leapHistory = [change('L1', '2019-01-01', 'ops1'), change('L1', '2020-01-01', 'ops2')];
    const leapImprovements = ['2023-10-01', '2024-01-15', '2024-02-29', '2024-06-01', '2024-09-30']
      .map((d, i) => improvement({ improvement_id: `L${i}`, owner_id: 'L1', completed_on: d }));
    const result = evaluateMeasure(perEngineer, contextFor({ people: leapPeople, job_history: leapHistory, improvements: leapImprovements }, { period: '2024-Q3' }));
    expect(result.value).toBeCloseTo(4.986339, 6);
    expect(result.n).toBe(1);
    expect(result.status).toBe('missed');
  });

  it('is insufficient_data with n 0 when no one is eligible', () => {
    const result = evaluateMeasure(perEngineer, contextFor({ people: people.slice(2), job_history, improvements }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBe(0);
  });

  it('is no_data without people', () => {
    expect(evaluateMeasure(perEngineer, contextFor({ improvements })).status).toBe('no_data');
  });
});

describe('routine_time_reduction (Y = 2025-10-01..2026-09-30)', () => {
  // In Y: R1 100 → 60 (0.4); R2 50 → 50 (0); R3 30 → 45 (−0.5, slower, owner E3 in details);
  //       R7 10 → 2 (0.8), owned by someone absent from people (whoever owns it counts).
  // Left out: R4 minutes_before 0; R5 no minutes_after; R6 completed 2025-09-30, before Y.
  // Mean (0.4 + 0 − 0.5 + 0.8)/4 = 0.175, n = 4 → < 0.20 → missed.
  const improvements = [
    improvement({ improvement_id: 'R1', owner_id: 'E1', completed_on: '2026-01-01', minutes_before: 100, minutes_after: 60 }),
    improvement({ improvement_id: 'R2', owner_id: 'E1', completed_on: '2026-02-01', minutes_before: 50, minutes_after: 50 }),
    improvement({ improvement_id: 'R3', owner_id: 'E3', completed_on: '2026-03-01', minutes_before: 30, minutes_after: 45, process: 'failover' }),
    improvement({ improvement_id: 'R4', owner_id: 'E1', completed_on: '2026-04-01', minutes_before: 0, minutes_after: 0 }),
    improvement({ improvement_id: 'R5', owner_id: 'E1', completed_on: '2026-05-01', minutes_before: 20 }),
    improvement({ improvement_id: 'R6', owner_id: 'E1', completed_on: '2025-09-30', minutes_before: 100, minutes_after: 0 }),
    improvement({ improvement_id: 'R7', owner_id: 'GONE', completed_on: '2026-09-30', minutes_before: 10, minutes_after: 2 }),
  ];
  it('averages the relative cut of improvements completed in Y', () => {
    const result = evaluateMeasure(routine, contextFor({ improvements }));
    expect(result.value).toBeCloseTo(0.175, 6);
    expect(result.n).toBe(4);
    expect(result.status).toBe('missed');
    expect(result.details).toEqual([{ employeeId: 'E3', note: 'R3 (failover): 30 → 45 minutes per run' }]);
  });
  it('is insufficient_data with n 0 when none has both timings', () => {
    const result = evaluateMeasure(routine, contextFor({ improvements: improvements.slice(3, 6) }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBe(0);
  });
});

describe('automation_coverage_growth', () => {
  const started2025 = testConfig({ programStart: '2025-01-01' }); // due 18 months later: 2026-07-01
  // Baseline = latest snapshot on or before 2025-01-01: 2024-12-31, 20/100 = 0.2 (2024-06-01 is older).
  // Latest: two rows on 2026-09-01, 30/100 then 50/100 → the later row wins → 0.5. 0.5/0.2 = 2.5 → met.
  const snapshots = [coverage('2024-06-01', 10, 100), coverage('2024-12-31', 20, 100), coverage('2026-09-01', 30, 100), coverage('2026-09-01', 50, 100)];

  it('divides the latest coverage by the baseline; the later row of a date wins', () => {
    const result = evaluateMeasure(growth, contextFor({ automation_coverage: snapshots }, { config: started2025 }));
    expect(result.value).toBeCloseTo(2.5, 6);
    expect(result.n).toBeNull();
    expect(result.unit).toBe('multiple');
    expect(result.status).toBe('met');
  });

  // Below target: baseline 0.2, latest 2026-06-01 30/100 = 0.3 → 1.5.
  const slow = [coverage('2024-12-31', 20, 100), coverage('2026-06-01', 30, 100), coverage('2026-10-15', 90, 100)];
  it.each([
    // T = 2026-06-30 < due 2026-07-01 → pending until 2026-07-01.
    { period: '2026-Q2', asOf: undefined, status: 'pending', dueOn: '2026-07-01' },
    // T = 2026-07-01 = due → judged → missed.
    { period: '2026-Q3', asOf: '2026-07-01', status: 'missed', dueOn: undefined },
    // T = 2026-09-30; the 2026-10-15 snapshot (after T) is ignored → 1.5 → missed.
    { period: '2026-Q3', asOf: undefined, status: 'missed', dueOn: undefined },
  ])('below 2.0 at T = $period/$asOf is $status', ({ period, asOf, status, dueOn }) => {
    const result = evaluateMeasure(growth, contextFor({ automation_coverage: slow }, { period, ...(asOf ? { asOf } : {}), config: started2025 }));
    expect(result.value).toBeCloseTo(1.5, 6);
    expect(result.status).toBe(status);
    expect(result.dueOn).toBe(dueOn);
  });

  it('takes the program start from the earliest 2.0 start when the config has none', () => {
    // E1 becomes ops2 on 2026-01-01 → programStart 2026-01-01, due 2027-07-01; baseline 2024-12-31 (0.2),
    // latest 0.3 → 1.5 at T = 2026-09-30 → pending.
    const people = [person({ employee_id: 'E1', level: 'ops2' })];
    const job_history = [change('E1', '2020-01-01', 'ops1'), change('E1', '2026-01-01', 'ops2')];
    const result = evaluateMeasure(growth, contextFor({ people, job_history, automation_coverage: slow }));
    expect(result.status).toBe('pending');
    expect(result.dueOn).toBe('2027-07-01');
  });

  it('is judged as due with neither a program start nor a 2.0 start; the baseline is the earliest snapshot', () => {
    // Earliest: two rows on 2024-12-31, 10/100 then 20/100 → 0.2; latest 0.3 → 1.5 → missed (not pending).
    const rows = [coverage('2024-12-31', 10, 100), coverage('2024-12-31', 20, 100), coverage('2026-06-01', 30, 100)];
    const result = evaluateMeasure(growth, contextFor({ automation_coverage: rows }));
    expect(result.value).toBeCloseTo(1.5, 6);
    expect(result.status).toBe('missed');
  });

  it('falls back to the earliest snapshot when none precedes the program start', () => {
    // programStart 2025-01-01; snapshots from 2025-03-01 (10/100) → baseline 0.1; latest 25/100 → 2.5.
    const rows = [coverage('2025-03-01', 10, 100), coverage('2026-09-01', 25, 100)];
    const result = evaluateMeasure(growth, contextFor({ automation_coverage: rows }, { config: started2025 }));
    expect(result.value).toBeCloseTo(2.5, 6);
  });

  it('is insufficient_data when the baseline coverage is 0', () => {
    const rows = [coverage('2024-12-31', 0, 100), coverage('2026-09-01', 25, 100)];
    const result = evaluateMeasure(growth, contextFor({ automation_coverage: rows }, { config: started2025 }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBeNull();
  });

  it('is insufficient_data with no snapshot on or before T', () => {
    const result = evaluateMeasure(growth, contextFor({ automation_coverage: [coverage('2026-10-15', 90, 100)] }, { config: started2025 }));
    expect(result.status).toBe('insufficient_data');
  });
});

describe('process_improvement metric status', () => {
  it('is pending when coverage growth is pending and the others are met', () => {
    // No people file → improvements_per_engineer_year no_data; routine 100 → 50 = 0.5 → met; coverage
    // 0.3/0.2 = 1.5 at T = 2026-06-30, before its due date 2026-07-01 → pending. pending outranks no_data and met.
    const ctx = contextFor({
      improvements: [improvement({ improvement_id: 'R', owner_id: 'X', completed_on: '2026-05-01', minutes_before: 100, minutes_after: 50 })],
      automation_coverage: [coverage('2024-12-31', 20, 100), coverage('2026-06-01', 30, 100)],
    }, { period: '2026-Q2', config: testConfig({ programStart: '2025-01-01' }) });
    const result = evaluateMetric(processImprovement, ctx);
    expect(result.measures.map((m) => m.status)).toEqual(['no_data', 'met', 'pending']);
    expect(result.status).toBe('pending');
  });
});
