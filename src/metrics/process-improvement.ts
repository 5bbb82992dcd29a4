/**
 * Metric 6, process improvement impact (metrics.md, "Process improvement impact" and Settled details):
 * significant improvements per eligible 2.0 engineer-year, the cut in routine task time, and the growth of
 * automation coverage since the program's baseline.
 */
import type { CoverageSnapshot, IsoDate } from '../core/datasets.js';
import type { Detail } from '../core/report.js';
import { addMonths } from '../model/calendar.js';
import { inTrailingYear } from '../model/window.js';
import { defineMetric, figure, unavailable, type MeasureDefinition } from './define.js';
import { eligibleEngineers, meanAnnualisedRate } from './exposure.js';

/** Coverage growth is judged this many months after the program start; before that a shortfall is pending. */
const COVERAGE_DUE_MONTHS = 18;

const improvementsPerEngineerYear: MeasureDefinition = {
  id: 'improvements_per_engineer_year',
  label: 'Significant improvements per 2.0 engineer-year',
  unit: 'rate',
  target: { op: '>=', value: 5 },
  needs: ['people', 'improvements'],
  compute: ({ data, model, window }) => {
    const eligible = eligibleEngineers(model, window);
    const ownedDates = new Map<string, IsoDate[]>();
    for (const improvement of data.improvements ?? []) {
      if (!improvement.significant || !inTrailingYear(window, improvement.completed_on)) continue;
      const dates = ownedDates.get(improvement.owner_id);
      if (dates) dates.push(improvement.completed_on);
      else ownedDates.set(improvement.owner_id, [improvement.completed_on]);
    }
    // An owner on the track at T since s (re-entry is not modelled) was on it at every completed_on ≥ s,
    // which is where metrics.md judges an owner's track.
    return meanAnnualisedRate(
      eligible,
      (e) => (ownedDates.get(e.person.id) ?? []).filter((d) => d >= e.start).length,
      ['significant improvement', 'significant improvements'],
    );
  },
};

const routineTimeReduction: MeasureDefinition = {
  id: 'routine_time_reduction',
  label: 'Mean cut in routine task time per run',
  unit: 'ratio',
  target: { op: '>=', value: 0.2 },
  needs: ['improvements'],
  compute: ({ data, window }) => {
    let sum = 0;
    let n = 0;
    const slower: Detail[] = [];
    // Every improvement completed in Y counts, whoever owns it (metrics.md, Settled details).
    for (const i of data.improvements ?? []) {
      if (!inTrailingYear(window, i.completed_on) || i.minutes_before === undefined || i.minutes_after === undefined) continue;
      if (i.minutes_before <= 0) continue;
      sum += (i.minutes_before - i.minutes_after) / i.minutes_before;
      n++;
      if (i.minutes_after > i.minutes_before) {
        slower.push({ employeeId: i.owner_id, note: `${i.improvement_id} (${i.process}): ${i.minutes_before} → ${i.minutes_after} minutes per run` });
      }
    }
    if (n === 0) {
      return unavailable('insufficient_data', 'no improvement completed in the trailing year has minutes before (> 0) and after', { n: 0 });
    }
    slower.sort((a, b) => (a.note < b.note ? -1 : a.note > b.note ? 1 : 0));
    return figure(sum / n, n, { details: slower });
  },
};

/** `a` is preferred to `b` as the snapshot of its date: the later row in the file wins. */
const laterRow = (a: CoverageSnapshot, b: CoverageSnapshot): boolean => a.seq > b.seq;

/** The latest snapshot satisfying `accept` (the later row of a date), or undefined. */
function latestSnapshot(snapshots: Iterable<CoverageSnapshot>, accept: (s: CoverageSnapshot) => boolean): CoverageSnapshot | undefined {
  let best: CoverageSnapshot | undefined;
  for (const s of snapshots) {
    if (!accept(s)) continue;
    if (!best || s.measured_on > best.measured_on || (s.measured_on === best.measured_on && laterRow(s, best))) best = s;
  }
  return best;
}

function earliestSnapshot(snapshots: Iterable<CoverageSnapshot>): CoverageSnapshot | undefined {
  let best: CoverageSnapshot | undefined;
  for (const s of snapshots) {
    if (!best || s.measured_on < best.measured_on || (s.measured_on === best.measured_on && laterRow(s, best))) best = s;
  }
  return best;
}

const coverageOf = (s: CoverageSnapshot): number => s.automated_tasks / s.total_tasks;

const describeSnapshot = (name: string, s: CoverageSnapshot): Detail => ({
  note: `${name} ${s.measured_on}: ${s.automated_tasks} of ${s.total_tasks} tasks automated (${(coverageOf(s) * 100).toFixed(1)}%)`,
});

const automationCoverageGrowth: MeasureDefinition = {
  id: 'automation_coverage_growth',
  label: 'Growth of automation coverage since the baseline',
  unit: 'multiple',
  target: { op: '>=', value: 2 },
  needs: ['automation_coverage'],
  compute: ({ data, model }) => {
    const snapshots = data.automation_coverage ?? [];
    const programStart = model.programStart;
    // The data is already cut at T, so the latest snapshot overall is the latest on or before T.
    const latest = latestSnapshot(snapshots, () => true);
    const baseline = (programStart === undefined ? undefined : latestSnapshot(snapshots, (s) => s.measured_on <= programStart))
      ?? earliestSnapshot(snapshots);
    // n stays null here even without snapshots: a ratio of ratios has no denominator (Settled details, `n`).
    if (latest === undefined || baseline === undefined) return unavailable('insufficient_data', 'no coverage snapshot on or before the as-of date');
    if (coverageOf(baseline) === 0) {
      return unavailable('insufficient_data', `the baseline snapshot of ${baseline.measured_on} has no automated task, so growth has no base`);
    }
    const details = [describeSnapshot('baseline', baseline), describeSnapshot('latest', latest)];
    // Without a program start (no config value, no 2.0 start in the data) the measure is judged as due.
    const pending = programStart === undefined ? {} : { pendingUntil: addMonths(programStart, COVERAGE_DUE_MONTHS) };
    return figure(coverageOf(latest) / coverageOf(baseline), null, { details, ...pending });
  },
};

export default defineMetric({
  id: 'process_improvement',
  title: 'Process improvement impact',
  measures: [improvementsPerEngineerYear, routineTimeReduction, automationCoverageGrowth],
});
