import { describe, expect, it } from 'vitest';
import type { TimeAllocation } from '../../src/core/datasets.js';
import taskExecution from '../../src/red-flags/task-execution.js';
import { evaluateRedFlag } from '../../src/report/evaluate.js';
import { contextFor, person, testConfig } from '../helpers/org.js';

// P = 2026-Q3 (2026-07-01 .. 2026-09-30) throughout.
const logged = (employee_id: string, period_start: string, category: TimeAllocation['category'], hours: number): TimeAllocation =>
  ({ employee_id, period_start, category, hours });

const people = [
  person({ employee_id: 'E1', level: 'ops2', title_start_date: '2025-01-01' }),
  person({ employee_id: 'E2', level: 'ops1' }),
  person({ employee_id: 'E3', level: 'ops2', title_start_date: '2025-01-01' }),
  // On the 2.0 track from 2026-08-01 only.
  person({ employee_id: 'E4', level: 'ops2', title_start_date: '2026-08-01' }),
  // Leaves ops (and the track) on 2026-08-15.
  person({ employee_id: 'E5', level: 'ops2', title_start_date: '2025-01-01', termination_date: '2026-08-15' }),
];

describe('task_execution red flag', () => {
  it.each([
    // 10 of 40 h = 0.25 exactly: not above 0.25.
    { name: 'a share of exactly 0.25 is clear', task: 10, design: 30, value: 0.25, status: 'clear', flagged: [] },
    // 251 of 1000 h = 0.251 > 0.25.
    { name: 'a share just over 0.25 trips', task: 251, design: 749, value: 0.251, status: 'tripped', flagged: [['E1', 'task execution 25.1% of 1000 h']] },
  ])('$name', ({ task, design, value, status, flagged }) => {
    const ctx = contextFor({
      people,
      time_allocation: [logged('E1', '2026-07-06', 'task_execution', task), logged('E1', '2026-07-06', 'process_design', design)],
    });
    const result = evaluateRedFlag(taskExecution, ctx);
    expect(result.status).toBe(status);
    expect(result.value).toBe(value);
    expect(result.threshold).toEqual({ op: '>', value: 0.25 });
    expect(result.evidence.filter((d) => d.employeeId !== undefined).map((d) => [d.employeeId, d.note])).toEqual(flagged);
  });

  it('counts only rows in P of people on the 2.0 track on the row date', () => {
    // Counted: E1 07-06 10 task + 30 design; E3 07-06 20 task + 20 other; E4 08-03 0 task + 40 automation
    // (on the track from 08-01); E5 08-10 10 task + 30 other (still on the track).
    // Left out: E1 06-29 (before P), E2 (1.0), X9 (not in the roster), E4 07-27 (before its 2.0 start),
    // E5 08-17 (after leaving on 08-15).
    // Task 10 + 20 + 0 + 10 = 40 of 40 + 40 + 40 + 40 = 160 h → 0.25: clear; E3 alone (20/40 = 0.5) is above.
    const ctx = contextFor({
      people,
      time_allocation: [
        logged('E1', '2026-07-06', 'task_execution', 10), logged('E1', '2026-07-06', 'process_design', 30),
        logged('E1', '2026-06-29', 'task_execution', 100),
        logged('E2', '2026-07-06', 'task_execution', 100),
        logged('E3', '2026-07-06', 'task_execution', 20), logged('E3', '2026-07-06', 'other', 20),
        logged('E4', '2026-07-27', 'task_execution', 50),
        logged('E4', '2026-08-03', 'task_execution', 0), logged('E4', '2026-08-03', 'automation', 40),
        logged('E5', '2026-08-10', 'task_execution', 10), logged('E5', '2026-08-10', 'other', 30),
        logged('E5', '2026-08-17', 'task_execution', 40),
        logged('X9', '2026-07-06', 'task_execution', 100),
      ],
    });
    const result = evaluateRedFlag(taskExecution, ctx);
    expect(result.status).toBe('clear');
    expect(result.value).toBe(0.25);
    expect(result.evidence).toEqual([
      { note: '40 h of 160 h logged by 4 engineers on the 2.0 track went to task execution' },
      { employeeId: 'E3', note: 'task execution 50.0% of 40 h' },
    ]);
  });

  it('takes its threshold from the config', () => {
    // E3: 20 of 40 h = 0.5: above the default 0.25, not above a configured 0.5.
    const data = { people, time_allocation: [logged('E3', '2026-07-06', 'task_execution', 20), logged('E3', '2026-07-06', 'other', 20)] };
    expect(evaluateRedFlag(taskExecution, contextFor(data)).status).toBe('tripped');
    const config = testConfig({ thresholds: { ...testConfig().thresholds, task_execution: 0.5 } });
    const result = evaluateRedFlag(taskExecution, contextFor(data, { config }));
    expect(result).toMatchObject({ status: 'clear', value: 0.5, threshold: { op: '>', value: 0.5 }, evidence: [{ note: expect.any(String) }] });
    expect(result.evidence).toHaveLength(1);
  });

  it.each([
    { name: 'no rows in P', rows: [logged('E1', '2026-06-29', 'task_execution', 10)] },
    { name: 'rows of 1.0 engineers only', rows: [logged('E2', '2026-07-06', 'task_execution', 10)] },
    { name: 'zero hours only', rows: [logged('E1', '2026-07-06', 'task_execution', 0)] },
  ])('is insufficient_data with $name', ({ rows }) => {
    const result = evaluateRedFlag(taskExecution, contextFor({ people, time_allocation: rows }));
    expect(result).toMatchObject({ status: 'insufficient_data', value: null, evidence: [] });
    expect(result.reason).toBe('no hours logged in 2026-Q3 by engineers on the 2.0 track');
  });

  it.each([
    { name: 'time_allocation', data: { people } },
    { name: 'people', data: { time_allocation: [logged('E1', '2026-07-06', 'task_execution', 10)] } },
  ])('is no_data without $name', ({ name, data }) => {
    const result = evaluateRedFlag(taskExecution, contextFor(data));
    expect(result.status).toBe('no_data');
    expect(result.reason).toContain(`${name}.csv`);
  });
});
