/**
 * Time-allocation rows folded as they are read: per engineer × `period_start`, the hours logged and the
 * hours of task execution. That is all the task-execution red flag reads (it judges each row by its
 * period_start and the engineer's track on that date), so a million rows keep the memory of the
 * engineer-periods they cover. The period start stays in the key, so the as-of cut stays exact.
 */
import type { IsoDate, TimeAllocation } from './datasets.js';

export interface PeriodHours {
  readonly employeeId: string;
  readonly periodStart: IsoDate;
  /** Hours on `task_execution`, summed in file order. */
  task: number;
  /** Hours on every category, summed in file order. */
  all: number;
}

export class TimeLog {
  private readonly cells = new Map<string, PeriodHours>();

  add(row: TimeAllocation): void {
    const key = `${row.employee_id}\u0000${row.period_start}`;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { employeeId: row.employee_id, periodStart: row.period_start, task: 0, all: 0 };
      this.cells.set(key, cell);
    }
    if (row.category === 'task_execution') cell.task += row.hours;
    cell.all += row.hours;
  }

  /** The periods starting on or before `date`. */
  upTo(date: IsoDate): TimeLog {
    const cut = new TimeLog();
    for (const [key, cell] of this.cells) if (cell.periodStart <= date) cut.cells.set(key, cell);
    return cut;
  }

  /** Every engineer-period, ordered by engineer then period start (so sums never depend on row order). */
  periods(): PeriodHours[] {
    return [...this.cells.keys()].sort().map((key) => this.cells.get(key)!);
  }

  static of(rows: Iterable<TimeAllocation>): TimeLog {
    const log = new TimeLog();
    for (const row of rows) log.add(row);
    return log;
  }
}
