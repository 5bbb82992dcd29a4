import { describe, expect, it } from 'vitest';
import type { TimeAllocation } from '../../src/core/datasets.js';
import { TimeLog } from '../../src/core/time-log.js';

const row = (employee_id: string, period_start: string, category: TimeAllocation['category'], hours: number): TimeAllocation =>
  ({ employee_id, period_start, category, hours });

describe('TimeLog', () => {
  const rows = [
    row('E2', '2026-07-06', 'automation', 12),
    row('E1', '2026-07-13', 'task_execution', 4),
    row('E1', '2026-07-06', 'task_execution', 10),
    row('E1', '2026-07-06', 'process_design', 30),
    row('E1', '2026-07-06', 'task_execution', 2.5),
  ];

  it('sums each engineer-period: task-execution hours and all hours', () => {
    // E1 07-06: task 10 + 2.5 = 12.5, all 10 + 30 + 2.5 = 42.5; E1 07-13: 4 of 4; E2 07-06: 0 of 12.
    expect(TimeLog.of(rows).periods()).toEqual([
      { employeeId: 'E1', periodStart: '2026-07-06', task: 12.5, all: 42.5 },
      { employeeId: 'E1', periodStart: '2026-07-13', task: 4, all: 4 },
      { employeeId: 'E2', periodStart: '2026-07-06', task: 0, all: 12 },
    ]);
  });

  it('lists the periods in the same order whatever the order of the rows', () => {
    expect(TimeLog.of([...rows].reverse()).periods()).toEqual(TimeLog.of(rows).periods());
  });

  it('keeps, as of a date, the periods starting on or before it', () => {
    const cut = TimeLog.of(rows).upTo('2026-07-12');
    // 07-13 is after the cut; 07-06 is kept for both engineers.
    expect(cut.periods().map((p) => `${p.employeeId} ${p.periodStart}`)).toEqual(['E1 2026-07-06', 'E2 2026-07-06']);
    expect(TimeLog.of(rows).upTo('2026-07-13').periods()).toHaveLength(3); // on the date itself: kept
  });
});
