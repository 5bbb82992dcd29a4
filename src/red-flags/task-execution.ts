/**
 * 2.0 engineers still doing task execution: of the hours logged in P by people on the 2.0 track on the
 * row's `period_start`, the share spent on `task_execution`.
 */
import type { TimeAllocation } from '../core/datasets.js';
import type { Rows } from '../core/record-table.js';
import type { Detail } from '../core/report.js';
import { inPeriod } from '../model/window.js';
import { onTrackOn } from '../model/timeline.js';
import type { MeasureContext } from '../metrics/define.js';
import { defineRedFlag, type RedFlagComputed } from './define.js';
import { byId, countText, percentText } from './figures.js';
import { roundFigure } from '../stats/round.js';

interface Hours { task: number; all: number }

// Hours summed as floats: shown to two decimals so 0.1 + 0.2 reads 0.3.
const hoursText = (hours: number): string => `${Math.round(hours * 100) / 100} h`;

/** Rows of P logged by someone on the 2.0 track that day; people absent from the roster are not on it. */
function trackRowsInPeriod(ctx: MeasureContext): Rows<TimeAllocation> {
  return (ctx.data.time_allocation ?? []).filter((row) => {
    if (!inPeriod(ctx.window, row.period_start)) return false;
    const person = ctx.model.people.get(row.employee_id);
    return person !== undefined && onTrackOn(person, row.period_start);
  });
}

function evaluate(ctx: MeasureContext): RedFlagComputed {
  const rows = trackRowsInPeriod(ctx);
  const byEngineer = new Map<string, Hours>();
  const total: Hours = { task: 0, all: 0 };
  for (const row of rows) {
    const hours = byEngineer.get(row.employee_id) ?? { task: 0, all: 0 };
    byEngineer.set(row.employee_id, hours);
    const task = row.category === 'task_execution' ? row.hours : 0;
    hours.task += task;
    hours.all += row.hours;
    total.task += task;
    total.all += row.hours;
  }
  // Rows with zero hours only give no share to judge.
  if (total.all === 0) {
    return { value: null, status: 'insufficient_data', reason: `no hours logged in ${ctx.window.period.label} by engineers on the 2.0 track` };
  }
  const limit = ctx.config.thresholds.task_execution;
  const evidence: Detail[] = [{
    note: `${hoursText(total.task)} of ${hoursText(total.all)} logged by ${countText(byEngineer.size, 'engineer')} on the 2.0 track went to task execution`,
  }];
  for (const [id, hours] of [...byEngineer].sort(([a], [b]) => byId(a, b))) {
    if (hours.all === 0 || roundFigure(hours.task / hours.all) <= limit) continue;
    evidence.push({ employeeId: id, note: `task execution ${percentText(hours.task / hours.all, limit)} of ${hoursText(hours.all)}` });
  }
  return { value: total.task / total.all, evidence };
}

export default defineRedFlag({
  id: 'task_execution',
  title: '2.0 engineers still doing task execution',
  fix: 'Move routine execution to automation or to 1.0 engineers; protect design time in planning.',
  needs: ['people', 'time_allocation'],
  threshold: (config) => ({ op: '>', value: config.thresholds.task_execution }),
  evaluate,
});
