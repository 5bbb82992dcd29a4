/**
 * Property: for any run (period, trend, time zone, RCA clock, recurrence window) and any records dated near
 * the edges of what its measures read, setting aside what `recordFilters` refuses leaves every report of
 * the run the same to the byte. Dates are drawn within a few days of each window's edges, where a missing
 * day of slack would show.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
import type { Incident, OrgData } from '../../src/core/datasets.js';
import { IncidentTable } from '../../src/core/incident-table.js';
import { toUtcMs } from '../../src/model/calendar.js';
import { resolveWindow, type ReportWindow } from '../../src/model/window.js';
import { computeReport } from '../../src/report/compute-report.js';
import { recordFilters, type RecordFilters } from '../../src/report/horizon.js';
import { trendQuarters, withTrend } from '../../src/report/trend.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { actionItem, assessment, emptyData, incident, meeting, mentorship, orgOf, person, promotedPerson, requirement, testConfig } from '../helpers/org.js';

const DAY_MS = 86_400_000;
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'Asia/Kolkata'];
const QUARTERS = ['2025-Q1', '2025-Q4', '2026-Q2', '2026-Q3'];
const ENGINEERS = ['E1', 'E2', 'E3'];
const ONE_POINT_OS = ['E4', 'E5', 'E6'];

interface Run { readonly period: string; readonly trend: number; readonly config: Config }

const runArb: fc.Arbitrary<Run> = fc.record({
  period: fc.constantFrom(...QUARTERS),
  trend: fc.integer({ min: 1, max: 5 }),
  timezone: fc.constantFrom(...ZONES),
  clock: fc.constantFrom('resolved' as const, 'opened' as const),
  hours: fc.integer({ min: 1, max: 200 }),
  windowDays: fc.integer({ min: 1, max: 200 }),
}).map(({ period, trend, timezone, clock, hours, windowDays }) => ({
  period, trend, config: testConfig({ timezone, rca: { clockStartsAt: clock, hours }, recurrence: { infer: true, windowDays } }),
}));

const windowsOf = (run: Run): ReportWindow[] => {
  const main = resolveWindow({ period: run.period, today: '2026-11-25', timezone: run.config.timezone });
  if (run.trend === 1) return [main];
  return [main, ...trendQuarters(main.period.end, run.trend).map((label) => resolveWindow({ period: label, today: '2026-11-25', timezone: run.config.timezone }))];
};

/** The instants near which a rule decides: each window's edges, the action items' and RCAs' lead times before P, the recurrence look-back. */
const edgesOf = (run: Run): number[] =>
  windowsOf(run).flatMap((w) => {
    const periodStart = toUtcMs(w.period.start);
    return [
      periodStart, toUtcMs(w.yearStartExclusive), toUtcMs(w.previousYearStartExclusive) - run.config.recurrence.windowDays * DAY_MS,
      periodStart - 30 * DAY_MS, periodStart - run.config.rca.hours * 3_600_000, toUtcMs(w.asOf) + DAY_MS,
    ];
  });

const dateOf = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

/** Drawn data: like OrgData, with the incidents as rows (a table would print as its columns in a counterexample). */
type Drawn = Omit<OrgData, 'incidents'> & { incidents: Incident[] };

function dataArb(run: Run): fc.Arbitrary<Drawn> {
  const edges = edgesOf(run);
  // Within four days either side of an edge, to the minute.
  const near = fc.tuple(fc.constantFrom(...edges), fc.integer({ min: -4 * 24 * 60, max: 4 * 24 * 60 })).map(([edge, minutes]) => edge + minutes * 60_000);
  const later = fc.option(fc.integer({ min: 0, max: 10 * 24 * 60 }).map((minutes) => minutes * 60_000), { nil: undefined });
  const incidentArb = fc.record({
    opened: near, priority: fc.constantFrom('P1' as const, 'P1' as const, 'P2' as const), resolvedAfter: later, rcaAfter: later,
    lead: fc.option(fc.constantFrom(...ENGINEERS), { nil: undefined }), service: fc.constantFrom('api', 'db', undefined),
    category: fc.constantFrom('config', 'capacity', undefined), recurrenceOf: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  });
  return fc.record({
    incidents: fc.array(incidentArb, { maxLength: 30 }),
    items: fc.array(fc.tuple(near, later), { maxLength: 15 }),
    hours: fc.array(fc.tuple(near, fc.constantFrom(...ENGINEERS), fc.constantFrom('task_execution' as const, 'automation' as const), fc.integer({ min: 0, max: 20 })), { maxLength: 20 }),
    meetings: fc.array(fc.tuple(near, fc.constantFrom(...ENGINEERS)), { maxLength: 15 }),
    assessments: fc.array(fc.tuple(near, fc.constantFrom(...ONE_POINT_OS), fc.integer({ min: 0, max: 100 })), { maxLength: 20 }),
    requirements: fc.array(fc.tuple(fc.option(near, { nil: undefined }), fc.constantFrom(...ENGINEERS)), { maxLength: 10 }),
  }).map((drawn) => {
    const incidents: Incident[] = drawn.incidents.map((i, n) => {
      const resolved = i.resolvedAfter === undefined ? undefined : i.opened + i.resolvedAfter;
      return incident({
        incident_id: `INC-${n}`, opened_at: i.opened, priority: i.priority, resolved_at: resolved,
        rca_completed_at: resolved === undefined || i.rcaAfter === undefined ? undefined : resolved + i.rcaAfter,
        postmortem_lead_id: i.lead, service: i.service, root_cause_category: i.category,
        recurrence_of: i.recurrenceOf === undefined ? undefined : `INC-${i.recurrenceOf}`,
      });
    });
    return {
      ...emptyData(),
      ...orgOf(ENGINEERS.map((id) => promotedPerson(id, '2024-08-01')), ONE_POINT_OS.map((id) => person({ employee_id: id, level: 'ops1' }))),
      incidents,
      action_items: drawn.items.map(([created, doneAfter], n) =>
        actionItem({ action_id: `A-${n}`, created_at: created, completed_at: doneAfter === undefined ? undefined : created + 25 * DAY_MS + doneAfter })),
      time_allocation: drawn.hours.map(([instant, employee_id, category, hours]) => ({ employee_id, period_start: dateOf(instant), category, hours })),
      meetings: drawn.meetings.map(([instant, id]) => meeting(id, dateOf(instant))),
      skill_assessments: drawn.assessments.map(([instant, id, score]) => assessment(id, dateOf(instant), score)),
      requirements: drawn.requirements.map(([instant, id], n) =>
        requirement({ requirement_id: `R-${n}`, sourced_by: id, incorporated_on: instant === undefined ? undefined : dateOf(instant) })),
      mentorships: [mentorship('E1', 'E4', '2024-09-01')],
    };
  });
}

const whole = (data: Drawn): OrgData => ({ ...data, incidents: IncidentTable.of(data.incidents) });

/** `data` as the loader keeps it under `filters`: refused rows left out, incidents set aside counted. */
function filtered(data: Drawn, filters: RecordFilters): OrgData {
  const keep = <T>(rows: readonly T[] | undefined, rule: ((row: T) => boolean) | undefined) => (rows === undefined || rule === undefined ? rows : rows.filter(rule));
  const incidents = IncidentTable.empty();
  for (const i of data.incidents) {
    if (filters.incidents!(i)) incidents.add(i);
    else incidents.setAside();
  }
  const rows = data as unknown as Record<string, readonly never[] | undefined>;
  const rules = filters as Record<string, ((row: never) => boolean) | undefined>;
  return {
    ...data,
    incidents,
    ...Object.fromEntries(['action_items', 'time_allocation', 'meetings', 'skill_assessments', 'requirements'].map((name) => [name, keep(rows[name], rules[name])])),
  } as OrgData;
}

const reportJson = (data: OrgData, run: Run): string => {
  const [main, ...trend] = windowsOf(run);
  const request = { data, config: run.config, inputs: [], failOn: 'never' as const, names: false, toolVersion: 'test' };
  let report = computeReport({ ...request, window: main! });
  if (trend.length > 0) report = withTrend(report, run.trend, (label) => computeReport({ ...request, window: trend.find((w) => w.period.label === label)! }));
  return jsonReporter(report, { color: false });
};

describe('records set aside near the edges of a run', () => {
  it('change no report', () => {
    fc.assert(
      fc.property(runArb.chain((run) => dataArb(run).map((data) => ({ run, data }))), ({ run, data }) => {
        const filters = recordFilters(windowsOf(run), run.config);
        expect(reportJson(filtered(data, filters), run)).toBe(reportJson(whole(data), run));
      }),
      { numRuns: 150 },
    );
  });
});
