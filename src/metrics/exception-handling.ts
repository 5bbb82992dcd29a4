/**
 * Metric 5, exception handling quality (metrics.md, "Exception handling quality" and Settled details):
 * P1 root-cause analyses on time, unresolved P1s, postmortem action items on time, and the year-on-year
 * drop in recurrences. Timestamps are tested against date windows by their calendar date in the zone.
 */
import type { Config } from '../core/config.js';
import type { Instant } from '../core/datasets.js';
import { HOUR_MS } from '../core/durations.js';
import { IncidentTable } from '../core/incident-table.js';
import type { Detail } from '../core/report.js';
import { inPeriod, inPreviousYear, inTrailingYear, type ReportWindow } from '../model/window.js';
import { dateInZone, localTimeToInstant, offsetAt } from '../validate/time-zone.js';
import { defineMetric, figure, unavailable, type ColumnNeed, type Computed, type MeasureDefinition } from './define.js';
import { proportion } from './proportion.js';
import { recurrenceFlags } from './recurrence.js';

export const ACTION_ITEM_DAYS = 30;

/** The instant that starts a P1's RCA clock (config `rca.clockStartsAt`). */
export const rcaClockField = (rca: Config['rca']): 'resolved_at' | 'opened_at' => (rca.clockStartsAt === 'resolved' ? 'resolved_at' : 'opened_at');

/** When each incident's RCA clock starts: NaN while it has not (an unresolved P1 on the `resolved` clock). */
const rcaClockStarts = (incidents: IncidentTable, rca: Config['rca']): Float64Array => incidents.instants(rcaClockField(rca));

/**
 * `days` calendar days later at the same wall-clock time in `timeZone` — what date-fns `addDays` does in
 * that zone, so across a DST change the elapsed time is 23 or 25 h more or less than days × 24 h. A wall
 * time that falls in a spring-forward gap moves forward by the gap, as TZDate does. One that occurs twice
 * (the hour repeated when clocks fall back) is its first occurrence: TZDate's choice there depends on the
 * process's own zone, and is this one when that is `timeZone`, as the CLI sets it (local-zone.ts).
 * Zero days is the instant itself, even in the second occurrence of a repeated hour.
 */
export function addDaysInZone(instant: Instant, days: number, timeZone: string): Instant {
  if (days === 0) return instant;
  const wall = new Date(instant + offsetAt(instant, timeZone));
  return localTimeToInstant({
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate() + days, // Date.UTC rolls the day over into later months
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  }, timeZone);
}

/**
 * An instant as a note shows it: ISO 8601 at the configured zone's offset (`2026-09-30T20:00:00-06:00`),
 * so a due time reads in the zone whose calendar dates put it in or out of the period; `Z` at offset 0.
 */
const formatInstant = (instant: Instant, timeZone: string): string => {
  const offset = offsetAt(instant, timeZone);
  const wall = new Date(instant + offset).toISOString().replace('.000Z', 'Z');
  if (offset === 0) return wall;
  const minutes = Math.abs(offset) / 60_000;
  return `${wall.slice(0, -1)}${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

const incidentColumn = (column: string): ColumnNeed => ({ dataset: 'incidents', column });

const fallsInPeriod = (instant: Instant, window: ReportWindow): boolean => inPeriod(window, dateInZone(instant, window.timezone));

interface DueThing { readonly id: string; readonly due: Instant; readonly done: Instant | undefined; readonly owner: string | undefined }

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The share of `things` done by their due instant. `proportion` files each shortfall under the subject's
 * id as if it were an employee; here the subjects are incidents or action items, so their id goes into the
 * note and the person concerned, when one is known, is the owner.
 */
function shareDoneOnTime(things: DueThing[], what: string, emptyReason: string, timeZone: string): Computed {
  const owners = new Map(things.map((t) => [t.id, t.owner]));
  const computed = proportion(
    things.sort(byId),
    (t) => t.done !== undefined && t.done <= t.due,
    (t) => `${t.id}: ${what} due ${formatInstant(t.due, timeZone)}, ${t.done === undefined ? 'not done' : `done ${formatInstant(t.done, timeZone)}`}`,
    emptyReason,
  );
  const details = computed.details?.map((d): Detail => {
    const owner = d.employeeId === undefined ? undefined : owners.get(d.employeeId);
    return owner === undefined ? { note: d.note } : { employeeId: owner, note: d.note };
  });
  return details === undefined ? computed : { ...computed, details };
}

/**
 * The P1 measures' answer when some incident's priority is unknown (an export with no priority, or an
 * empty one, and no value of its stand-in mapped to P1): any one of them may be a P1, and a wrong figure is worse than none. Every
 * incident of the data (cut at T) counts, not only those a measure would look at, so the two P1 measures
 * always agree and an unmapped export never yields a figure by luck.
 */
function unknownPriority(incidents: IncidentTable): Computed | undefined {
  let unknown = 0;
  for (let row = 0; row < incidents.length; row++) if (incidents.priorityAt(row) === 'unknown') unknown += 1;
  if (unknown === 0) return undefined;
  // Incidents of unknown priority are never set aside (see report/horizon.ts), but others may have been.
  const all = incidents.length + incidents.setAsideRows;
  return unavailable(
    'insufficient_data',
    `priority unknown for ${unknown} of ${all} incidents: their export gives them no priority (no column of it, ` +
      'or an empty one), and nothing in the config says which of them are P1 (the warning on the incidents file says what to add)',
  );
}

const p1RcaOnTime: MeasureDefinition = {
  id: 'p1_rca_48h',
  // The id keeps the role design's 48 h; the label says the hours the config gives.
  label: (config) => `P1 root-cause analyses done within ${config.rca.hours} h`,
  unit: 'ratio',
  target: { op: '>=', value: 0.9 },
  needs: ['incidents'],
  needsColumns: (config) => [incidentColumn('rca_completed_at'), ...(rcaClockField(config.rca) === 'resolved_at' ? [incidentColumn('resolved_at')] : [])],
  compute: ({ data, config, window }) => {
    const incidents = data.incidents ?? IncidentTable.empty();
    const unknown = unknownPriority(incidents);
    if (unknown !== undefined) return unknown;
    const clockStarts = rcaClockStarts(incidents, config.rca);
    const due: DueThing[] = [];
    for (let row = 0; row < incidents.length; row++) {
      if (incidents.priorityAt(row) !== 'P1') continue;
      const dueAt = clockStarts[row]! + config.rca.hours * HOUR_MS; // NaN while the clock has not started
      if (Number.isNaN(dueAt) || !fallsInPeriod(dueAt, window)) continue;
      // No person is named: the incident id in the note is the handle.
      due.push({ id: incidents.idAt(row), due: dueAt, done: incidents.instantAt('rca_completed_at', row), owner: undefined });
    }
    return shareDoneOnTime(due, 'RCA', 'no P1 incident has its RCA due in the period', window.timezone);
  },
};

const p1Unresolved: MeasureDefinition = {
  id: 'p1_unresolved',
  label: 'P1 incidents opened in the period and not yet resolved',
  unit: 'count',
  target: null,
  needs: ['incidents'],
  needsColumns: () => [incidentColumn('resolved_at')],
  compute: ({ data, window }) => {
    const incidents = data.incidents ?? IncidentTable.empty();
    const unknown = unknownPriority(incidents);
    if (unknown !== undefined) return unknown;
    const opened = incidents.instants('opened_at');
    const resolved = incidents.instants('resolved_at');
    const open: Array<{ id: string; openedAt: Instant }> = [];
    for (let row = 0; row < incidents.length; row++) {
      if (incidents.priorityAt(row) !== 'P1' || !Number.isNaN(resolved[row]!) || !fallsInPeriod(opened[row]!, window)) continue;
      open.push({ id: incidents.idAt(row), openedAt: opened[row]! });
    }
    open.sort(byId);
    const details = open.map((i) => ({ note: `${i.id}: opened ${formatInstant(i.openedAt, window.timezone)}, not resolved by ${window.asOf}` }));
    return figure(open.length, null, { details });
  },
};

const actionItemsOnTime: MeasureDefinition = {
  id: 'action_items_30d',
  label: 'Postmortem action items done within 30 days',
  unit: 'ratio',
  target: { op: '>=', value: 0.8 },
  needs: ['action_items'],
  needsColumns: () => [{ dataset: 'action_items', column: 'completed_at' }],
  compute: ({ data, window }) => {
    const due: DueThing[] = [];
    for (const item of data.action_items ?? []) {
      const dueAt = addDaysInZone(item.created_at, ACTION_ITEM_DAYS, window.timezone);
      if (!fallsInPeriod(dueAt, window)) continue;
      due.push({ id: item.action_id, due: dueAt, done: item.completed_at, owner: item.owner_id });
    }
    return shareDoneOnTime(due, 'action item', 'no action item falls due in the period', window.timezone);
  },
};

interface YearCount { incidents: number; recurrences: number }

const describeYear = (name: string, c: YearCount): Detail => ({
  note: `${name}: ${c.recurrences} recurrences in ${c.incidents} incidents opened (rate ${(c.recurrences / c.incidents).toFixed(4)})`,
});

const recurrenceReduction: MeasureDefinition = {
  id: 'recurrence_reduction_yoy',
  label: 'Drop in the incident recurrence rate, year on year',
  unit: 'ratio',
  target: { op: '>=', value: 0.3 },
  needs: ['incidents'],
  compute: ({ data, config, window }) => {
    const incidents = data.incidents ?? IncidentTable.empty();
    // Every incident in the data (before Y₋₁ too) can be the earlier one an incident of Y or Y₋₁ repeats.
    const recurrent = recurrenceFlags(incidents, config.recurrence);
    const openedAt = incidents.instants('opened_at');
    const year: YearCount = { incidents: 0, recurrences: 0 };
    const previous: YearCount = { incidents: 0, recurrences: 0 };
    for (let row = 0; row < openedAt.length; row++) {
      const opened = dateInZone(openedAt[row]!, window.timezone);
      const bucket = inTrailingYear(window, opened) ? year : inPreviousYear(window, opened) ? previous : undefined;
      if (bucket === undefined) continue;
      bucket.incidents++;
      if (recurrent[row] === 1) bucket.recurrences++;
    }
    if (year.incidents === 0) return unavailable('insufficient_data', 'no incident was opened in the trailing year');
    if (previous.incidents === 0) return unavailable('insufficient_data', 'no incident was opened in the year before the trailing year');
    if (previous.recurrences === 0) {
      return unavailable('insufficient_data', 'no recurrence in the year before the trailing year, so there is no rate to reduce');
    }
    const rate = (c: YearCount): number => c.recurrences / c.incidents;
    return figure(1 - rate(year) / rate(previous), null, {
      details: [
        describeYear(`trailing year (${window.yearStartExclusive}, ${window.asOf}]`, year),
        describeYear(`year before (${window.previousYearStartExclusive}, ${window.yearStartExclusive}]`, previous),
      ],
    });
  },
};

export default defineMetric({
  id: 'exception_handling',
  title: 'Exception handling quality',
  measures: [p1RcaOnTime, p1Unresolved, actionItemsOnTime, recurrenceReduction],
});
