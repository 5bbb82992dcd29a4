/**
 * Differential test: an independent reading of metrics.md (sections 5, 6, 8 and the red flags
 * task_execution / no_improvements) computed here from the generated rows, against the figures of the
 * built command run on the same files (CSV, some JSON / NDJSON). Every rule below is quoted from
 * metrics.md / inputs.md; where the contract leaves room, the comment says which reading the tool takes.
 *
 * Reproduce one case: ORACLE_CASE=<index> npx vitest run test/oracle/incidents.oracle.test.ts
 * (ORACLE_KEEP=1 keeps its data folder; ORACLE_SEED / ORACLE_CASES run other cases.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { type CliResult, runCliAsync } from '../helpers/run-cli.js';
import { inParallel } from './in-parallel.js';
import {
  addDaysD, addMonthsD, dateInZone, dayNumber, generateOrg, maxD, orgFiles, TWO_TRACK, TRADITIONAL,
  type Level, type Org, type Person,
} from './incidents-data.js';

const SEED = Number(process.env.ORACLE_SEED ?? 20_261_127);
const CASES = Number(process.env.ORACLE_CASES ?? 170);

type Status = 'met' | 'missed' | 'pending' | 'insufficient_data' | 'no_data' | 'info' | 'tripped' | 'clear';
interface Figure { value: number | null; n: number | null; status: Status }

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

interface Timeline {
  readonly id: string;
  /** 2.0 start: "the effective date of the first 2.0-track level". */
  readonly s?: string;
  /** First day off the 2.0 track: exiting ops (termination or a move to other) or a move to a traditional level. */
  readonly leave?: string | undefined;
}

/**
 * "From job_history (or, without it, from people: level = the roster title from title_start_date ...)".
 * "Without job_history, the roster title holds from title_start_date (else hire_date)"; "when job_history has
 * no rows for a person, the roster is used". Rows dated after T_end are left out; an optional date after
 * T_end (termination_date, title_start_date) counts as absent.
 */
function timeline(p: Person, T: string): Timeline | undefined {
  // "a row whose own date (hire_date, ...) is after T_end is left out": a rehire whose roster hire_date is after
  // T_end is left out with all of their history, earlier stints included (the tool reads it so too).
  if ((p.rosterHire ?? p.hire) > T) return undefined;
  const termination = p.termination !== undefined && p.termination <= T ? p.termination : undefined;
  let rows: { date: string; level: Level }[];
  if (p.inHistory) {
    rows = p.rows.filter((r) => r.date <= T).map((r) => ({ date: r.date, level: r.level }));
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)); // stable: file order on one day
    // Ambiguity: with several rows on one date, "the level of the latest history row with effective date ≤ d"
    // is the last of them, and the earlier ones never hold on any day. The tool keeps only the last row of a
    // date, so a 2.0 title overridden on its own effective date is no 2.0 start (it matters for programStart).
    rows = rows.filter((r, i) => i === rows.length - 1 || rows[i + 1]!.date !== r.date);
  } else {
    const start = p.titleStart !== undefined && p.titleStart <= T ? p.titleStart : p.hire;
    rows = [{ date: start, level: p.rows[p.rows.length - 1]!.level }];
  }
  const firstTwo = rows.findIndex((r) => TWO_TRACK.includes(r.level));
  if (firstTwo < 0) return { id: p.id };
  const s = rows[firstTwo]!.date;
  // "leaves the 2.0 track on exiting ops or on a move from a 2.0-track level to a traditional-track level".
  // Ambiguity: someone who moved to other and came back into ops before their 2.0 start "exited ops" first;
  // the tool (and this oracle) only counts moves after s, while a termination before s keeps them off the track
  // for good ("termination_date absent or > d").
  let leave: string | undefined;
  for (const r of rows.slice(firstTwo + 1)) {
    if (r.level === 'other' || TRADITIONAL.includes(r.level)) { leave = r.date; break; }
  }
  if (termination !== undefined && (leave === undefined || termination < leave)) leave = termination;
  return { id: p.id, s, leave };
}

/** "Membership on a date d": on the 2.0 track from s until the day it leaves (re-entry is not modelled). */
const onTrack = (t: Timeline, d: string): boolean => t.s !== undefined && t.s <= d && (t.leave === undefined || d < t.leave);

const inWin = (d: string, lo: string, hi: string): boolean => d >= lo && d <= hi; // inclusive date window
/**
 * inputs.md: priority is "mapped by the config's priorities map to P1..P5; default map: P1, SEV1, SEV-1, SEV 1,
 * Sev1, 1, Critical, Highest → P1"; "a key given here wins"; priorities match case-insensitively after trimming.
 */
const DEFAULT_P1 = ['P1', 'SEV1', 'SEV-1', 'SEV 1', 'Sev1', '1', 'Critical', 'Highest'].map((t) => t.toLowerCase());
function isP1(text: string, map: Record<string, string> | undefined): boolean {
  const key = text.trim().toLowerCase();
  for (const [k, v] of Object.entries(map ?? {})) if (k.trim().toLowerCase() === key) return v === 'P1';
  return DEFAULT_P1.includes(key);
}

/**
 * Ambiguity: metrics.md compares the figure itself with its target; the tool (README: "Figures are rounded to
 * 6 decimal places before they are compared with targets and thresholds") compares the rounded figure, so
 * that row order cannot move a figure across a target. The oracle rounds the same way before comparing.
 */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const statusOf = (value: number, target: number): Status => (round6(value) >= target ? 'met' : 'missed');
/** "every target and threshold can be overridden in the config" */
const targetOf = (org: Org, id: string, fallback: number): number => org.config.targets?.[id] ?? fallback;

function oracle(org: Org): Record<string, Figure> {
  const tz = org.config.timezone ?? 'UTC';
  const P = org.period;
  const T = P.end; // "As-of T = P.end"
  // "Trailing year Y = (T − 12 months, T]; Y₋₁ = (T − 24 months, T − 12 months]"
  const y1 = addMonthsD(T, -12);
  const y2 = addMonthsD(T, -24);
  const inY = (d: string): boolean => d > y1 && d <= T;
  const inY1 = (d: string): boolean => d > y2 && d <= y1;
  const dateOf = (ms: number): string => dateInZone(ms, tz); // "take the timestamp's calendar date in the configured time zone"
  // "Nothing dated after T_end is counted": a timestamp counts when its calendar date is on or before T
  const upToT = (ms: number | undefined): number | undefined => (ms !== undefined && dateOf(ms) <= T ? ms : undefined);
  const out: Record<string, Figure> = {};
  const noData: Figure = { value: null, n: null, status: 'no_data' };

  // ---------------- 5. Exception handling quality ----------------
  const incidents = org.incidents?.filter((i) => dateOf(i.opened.ms) <= T).map((i) => ({
    ...i, isP1: isP1(i.priorityText, org.config.priorities), openedMs: i.opened.ms, resolvedMs: upToT(i.resolved?.ms), rcaMs: upToT(i.rca?.ms),
  }));
  if (!incidents) {
    out.p1_rca_48h = noData; out.p1_unresolved = noData; out.recurrence_reduction_yoy = noData;
  } else {
    const clock = org.config.rca?.clockStartsAt ?? 'resolved';
    const hours = org.config.rca?.hours ?? 48;
    // p1_rca_48h: "P1 incidents whose RCA due time falls in P; due = clock start + 48 h ... On time:
    // rca_completed_at ≤ due. With the resolved clock an unresolved P1 has no due time yet"
    let n = 0;
    let onTime = 0;
    for (const i of incidents) {
      if (!i.isP1) continue;
      const start = clock === 'resolved' ? i.resolvedMs : i.openedMs;
      if (start === undefined) continue;
      const due = start + hours * 3_600_000;
      if (!inWin(dateOf(due), P.start, P.end)) continue;
      n++;
      if (i.rcaMs !== undefined && i.rcaMs <= due) onTime++;
    }
    out.p1_rca_48h = n === 0 ? { value: null, n: 0, status: 'insufficient_data' } : { value: onTime / n, n, status: statusOf(onTime / n, targetOf(org, 'p1_rca_48h', 0.9)) };
    // p1_unresolved: "P1 incidents opened in P and not resolved by T_end; value = their count, n absent"
    const unresolved = incidents.filter((i) => i.isP1 && inWin(dateOf(i.openedMs), P.start, P.end) && i.resolvedMs === undefined).length;
    out.p1_unresolved = { value: unresolved, n: null, status: 'info' };

    // recurrence_reduction_yoy
    const infer = org.config.recurrence?.infer ?? true;
    const windowMs = (org.config.recurrence?.windowDays ?? 90) * 24 * 3_600_000;
    // Ambiguity: an incident named by recurrence_of that opened after T_end is left out of every count, yet
    // it is in the export and did not open earlier, so it is not an "id not in the data" (which counts as
    // predating the export). The tool looks it up among all rows, and so does this oracle.
    const openedById = new Map(org.incidents!.map((i) => [i.id, i.opened.ms]));
    const isRecurrence = (i: (typeof incidents)[number]): boolean => {
      // "recurrence_of must name an incident that opened earlier (an id not in the data still counts)"
      if (i.recurrenceOf !== undefined) {
        const earlier = openedById.get(i.recurrenceOf);
        if (earlier === undefined || earlier < i.openedMs) return true;
      }
      if (!infer) return false;
      // "the inference window is opened_at − windowDays × 24 h ≤ earlier < opened_at; service and
      // root_cause_category match exactly after trimming, never when empty"
      const svc = i.service.trim();
      const cat = i.category.trim();
      if (svc === '' || cat === '') return false;
      return incidents.some((e) => e.service.trim() === svc && e.category.trim() === cat && e.openedMs >= i.openedMs - windowMs && e.openedMs < i.openedMs);
    };
    const rate = (inWindow: (d: string) => boolean): { count: number; rec: number } => {
      const opened = incidents.filter((i) => inWindow(dateOf(i.openedMs)));
      return { count: opened.length, rec: opened.filter(isRecurrence).length };
    };
    const rY = rate(inY);
    const rY1 = rate(inY1);
    // "insufficient_data when rate(Y₋₁) is 0 or Y₋₁ has no incidents"; "a Y with no incidents is insufficient_data"
    if (rY.count === 0 || rY1.count === 0 || rY1.rec === 0) out.recurrence_reduction_yoy = { value: null, n: null, status: 'insufficient_data' };
    else {
      const v = 1 - rY.rec / rY.count / (rY1.rec / rY1.count);
      out.recurrence_reduction_yoy = { value: v, n: null, status: statusOf(v, targetOf(org, 'recurrence_reduction_yoy', 0.3)) };
    }
  }
  // action_items_30d: "action items whose due date created_at + 30 days falls in P; share with completed_at ≤ due".
  // "created_at plus 30 calendar days at the same wall-clock time in the configured zone (date-fns addDays in that zone)"
  if (!org.actionItems) out.action_items_30d = noData;
  else {
    let n = 0;
    let onTime = 0;
    for (const a of org.actionItems) {
      if (dateOf(a.created.ms) > T) continue;
      const due = addDays(new TZDate(a.created.ms, tz), 30).getTime();
      if (!inWin(dateOf(due), P.start, P.end)) continue;
      n++;
      const done = upToT(a.completed?.ms);
      if (done !== undefined && done <= due) onTime++;
    }
    out.action_items_30d = n === 0 ? { value: null, n: 0, status: 'insufficient_data' } : { value: onTime / n, n, status: statusOf(onTime / n, targetOf(org, 'action_items_30d', 0.8)) };
  }

  // ---------------- people ----------------
  const timelines = (org.withPeople ? org.people : []).map((p) => timeline(p, T)).filter((t): t is Timeline => t !== undefined);
  const byId = new Map(timelines.map((t) => [t.id, t]));
  // "Eligible here: on the 2.0 track at T, with exposure = days of Y on or after s ≥ 90"
  const exposure = (t: Timeline): number => dayNumber(T) - dayNumber(maxD(t.s!, addDaysD(y1, 1))) + 1;
  const eligible = timelines.filter((t) => onTrack(t, T) && exposure(t) >= 90);
  const perEngineer = (count: (t: Timeline) => number): Figure => {
    if (eligible.length === 0) return { value: null, n: 0, status: 'insufficient_data' };
    const v = eligible.reduce((sum, t) => sum + (count(t) * 365) / exposure(t), 0) / eligible.length;
    return { value: v, n: eligible.length, status: 'info' };
  };

  // ---------------- 6. Process improvement impact ----------------
  const improvements = org.improvements?.filter((m) => m.completedOn <= T);
  if (!improvements) {
    out.improvements_per_engineer_year = noData; out.routine_time_reduction = noData; out.no_improvements = noData;
  } else {
    // "mean over eligible engineers of (significant improvements they own with completed_on in Y and on or after s) × 365 ÷ exposure"
    const f = perEngineer((t) => improvements.filter((m) => m.owner === t.id && m.significant && inY(m.completedOn) && m.completedOn >= t.s!).length);
    out.improvements_per_engineer_year = f.status === 'info' ? { ...f, status: statusOf(f.value!, targetOf(org, 'improvements_per_engineer_year', 5)) } : f;
    // "improvements completed in Y with minutes_before > 0 and minutes_after present: mean of (before − after) ÷ before"
    const timed = improvements.filter((m) => inY(m.completedOn) && m.before !== undefined && m.before > 0 && m.after !== undefined);
    if (timed.length === 0) out.routine_time_reduction = { value: null, n: 0, status: 'insufficient_data' };
    else {
      const v = timed.reduce((sum, m) => sum + (m.before! - m.after!) / m.before!, 0) / timed.length;
      out.routine_time_reduction = { value: v, n: timed.length, status: statusOf(v, targetOf(org, 'routine_time_reduction', 0.2)) };
    }
    // no_improvements: "someone was on the 2.0 track during P, and no significant improvement completed in P is
    // owned by a 2.0-track engineer"; value = the number of qualifying improvements
    const someoneOnTrack = timelines.some((t) => t.s !== undefined && maxD(t.s, P.start) <= P.end && onTrack(t, maxD(t.s, P.start)));
    const count = improvements.filter((m) => m.significant && inWin(m.completedOn, P.start, P.end) && byId.has(m.owner) && onTrack(byId.get(m.owner)!, m.completedOn)).length;
    out.no_improvements = !someoneOnTrack ? { value: null, n: null, status: 'insufficient_data' } : { value: count, n: null, status: count === 0 ? 'tripped' : 'clear' };
  }
  // automation_coverage_growth
  if (!org.coverage) out.automation_coverage_growth = noData;
  else {
    // "Several coverage snapshots on one date: the later row in the file wins"
    const snaps = new Map<string, number>();
    for (const c of org.coverage) if (c.measuredOn <= T) snaps.set(c.measuredOn, c.automated / c.total);
    const dates = [...snaps.keys()].sort();
    // "programStart is the config value, else the earliest 2.0 start in the data"
    const starts = timelines.map((t) => t.s).filter((s): s is string => s !== undefined).sort();
    const programStart = org.config.programStart ?? starts[0];
    if (dates.length === 0) out.automation_coverage_growth = { value: null, n: null, status: 'insufficient_data' };
    else {
      const latest = snaps.get(dates[dates.length - 1]!)!;
      // "baseline (latest snapshot on or before programStart, else the earliest)"
      const before = programStart === undefined ? [] : dates.filter((d) => d <= programStart);
      const baseline = snaps.get(before.length > 0 ? before[before.length - 1]! : dates[0]!)!;
      if (baseline === 0) out.automation_coverage_growth = { value: null, n: null, status: 'insufficient_data' };
      else {
        const v = latest / baseline;
        // "Due 18 months after programStart: before that, below 2.0 is pending"; "With no programStart and no
        // 2.0 start in the data, coverage growth is judged as due."
        const due = programStart === undefined || T >= addMonthsD(programStart, 18);
        out.automation_coverage_growth = { value: v, n: null, status: round6(v) >= targetOf(org, 'automation_coverage_growth', 2) ? 'met' : due ? 'missed' : 'pending' };
      }
    }
  }

  // ---------------- 8. Strategic visibility ----------------
  if (!org.meetings) out.roadmap_meetings_per_quarter = noData;
  else {
    // "engineers on the 2.0 track for all of P: mean number of product_roadmap meetings attended in P (scaled by
    // 91.3125 ÷ days in P when P is not a quarter)"; "A full quarter is never scaled; a cut quarter or a year is."
    const engineers = timelines.filter((t) => onTrack(t, P.start) && onTrack(t, P.end));
    if (engineers.length === 0) out.roadmap_meetings_per_quarter = { value: null, n: 0, status: 'insufficient_data' };
    else {
      const scale = P.fullQuarter ? 1 : 91.3125 / (dayNumber(P.end) - dayNumber(P.start) + 1);
      const total = engineers.reduce((sum, t) => sum + org.meetings!.filter((m) => m.counts && m.employee === t.id && inWin(m.date, P.start, P.end)).length, 0);
      const v = (total / engineers.length) * scale;
      out.roadmap_meetings_per_quarter = { value: v, n: engineers.length, status: statusOf(v, targetOf(org, 'roadmap_meetings_per_quarter', 2)) };
    }
  }
  if (!org.requirements) out.requirements_incorporated_per_year = noData;
  else {
    // "eligible as in metric 6: mean of (requirements they sourced with incorporated_on in Y and on or after s) × 365 ÷ exposure"
    const reqs = org.requirements.filter((r) => r.raisedOn <= T);
    const f = perEngineer((t) => reqs.filter((r) => r.sourcedBy === t.id && r.incorporatedOn !== undefined && inY(r.incorporatedOn) && r.incorporatedOn >= t.s!).length);
    out.requirements_incorporated_per_year = f.status === 'info' ? { ...f, status: statusOf(f.value!, targetOf(org, 'requirements_incorporated_per_year', 2)) } : f;
  }

  // ---------------- red flag task_execution ----------------
  if (!org.allocations) out.task_execution = noData;
  else {
    // "time_allocation rows with period_start in P of people on the 2.0 track at that date:
    // task_execution hours ÷ all hours > 0.25"
    let task = 0;
    let all = 0;
    for (const a of org.allocations) {
      const t = byId.get(a.employee);
      if (!t || !inWin(a.periodStart, P.start, P.end) || !onTrack(t, a.periodStart)) continue;
      all += a.hours;
      if (a.isTask) task += a.hours;
    }
    const thr = org.config.thresholds?.task_execution ?? 0.25;
    out.task_execution = all === 0 ? { value: null, n: null, status: 'insufficient_data' } : { value: task / all, n: null, status: round6(task / all) > thr ? 'tripped' : 'clear' };
  }
  // A file without one of the columns a measure rests on leaves it no_data (README: "An empty cell and a missing
  // column are not the same"; metrics.md is silent on missing optional columns).
  const lacks = (c: string): boolean => org.dropped.has(c);
  if (lacks('incidents.rca_completed_at') || (lacks('incidents.resolved_at') && (org.config.rca?.clockStartsAt ?? 'resolved') === 'resolved')) out.p1_rca_48h = noData;
  if (lacks('incidents.resolved_at')) out.p1_unresolved = noData;
  if (lacks('action_items.completed_at')) out.action_items_30d = noData;
  if (lacks('requirements.incorporated_on')) out.requirements_incorporated_per_year = noData;
  // "Every dataset is optional: a metric whose data is missing reports no_data and names the file that would
  // enable it": these all need people.csv to know who is on the 2.0 track.
  if (!org.withPeople) {
    for (const id of ['improvements_per_engineer_year', 'no_improvements', 'roadmap_meetings_per_quarter', 'requirements_incorporated_per_year', 'task_execution']) out[id] = noData;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The tool
// ---------------------------------------------------------------------------------------------

const MEASURES = ['p1_rca_48h', 'p1_unresolved', 'action_items_30d', 'recurrence_reduction_yoy', 'improvements_per_engineer_year',
  'routine_time_reduction', 'automation_coverage_growth', 'roadmap_meetings_per_quarter', 'requirements_incorporated_per_year'];
const FLAGS = ['task_execution', 'no_improvements'];

const MACHINE_ZONES = ['Pacific/Chatham', 'America/Los_Angeles', 'UTC', 'Asia/Tokyo', 'Australia/Lord_Howe'];
/** Runs the built command under a machine time zone that must not matter ("never in the machine's local zone"). */
const runAsync = (args: string[], machineZone: string): Promise<CliResult> => runCliAsync(args, { env: { TZ: machineZone } });

interface ToolFigure { value: number | null; n?: number | null; status: string }
function toolFigures(json: string): Record<string, ToolFigure> {
  const report = JSON.parse(json) as { metrics: { measures: (ToolFigure & { id: string })[] }[]; redFlags: (ToolFigure & { id: string })[] };
  const out: Record<string, ToolFigure> = {};
  for (const m of report.metrics) for (const x of m.measures) out[x.id] = x;
  for (const f of report.redFlags) out[f.id] = f;
  return out;
}

function differences(expected: Record<string, Figure>, actual: Record<string, ToolFigure>): string[] {
  const diffs: string[] = [];
  for (const id of [...MEASURES, ...FLAGS]) {
    const e = expected[id]!;
    const a = actual[id];
    if (!a) { diffs.push(`${id}: missing from the report`); continue; }
    const sameValue = e.value === null ? a.value === null : a.value !== null && Math.abs(a.value - e.value) <= 1e-6 * Math.max(1, Math.abs(e.value));
    const sameN = FLAGS.includes(id) || (a.n ?? null) === e.n;
    if (a.status !== e.status || !sameValue || !sameN) {
      diffs.push(`${id}: oracle ${JSON.stringify(e)} tool ${JSON.stringify({ value: a.value, n: a.n ?? null, status: a.status })}`);
    }
  }
  return diffs;
}

async function runCase(index: number): Promise<string[]> {
  const org = generateOrg(SEED + index);
  const dir = mkdtempSync(join(tmpdir(), 'oracle-incidents-'));
  try {
    for (const [name, text] of Object.entries(orgFiles(org))) writeFileSync(join(dir, name), text);
    const r = await runAsync(['report', '--data', dir, ...org.period.args, '--format', 'json', '--fail-on', 'never'], MACHINE_ZONES[index % MACHINE_ZONES.length]!);
    if (r.code !== 0) return [`case ${index}: exit ${String(r.code)}: ${r.stderr.slice(0, 2000)}`];
    if (process.env.ORACLE_STATS !== undefined) {
      const e = oracle(org);
      console.log(`STATS ${[...MEASURES, ...FLAGS].map((id) => `${id}=${e[id]!.status}`).join(' ')}`);
    }
    return differences(oracle(org), toolFigures(r.stdout)).map((d) => `case ${index} (${org.period.args.join(' ')}, tz ${org.config.timezone ?? 'UTC'}): ${d}`);
  } finally {
    if (process.env.ORACLE_KEEP === undefined) rmSync(dir, { recursive: true, force: true });
    else console.log(`case ${index}: ${dir}`);
  }
}

describe('incidents, improvements and visibility measures against an independent oracle', () => {
  it(`agrees on ${CASES} random organisations (seed ${SEED})`, async () => {
    const only = process.env.ORACLE_CASE;
    const indexes = only !== undefined ? [Number(only)] : Array.from({ length: CASES }, (_, i) => i);
    const problems = (await inParallel(indexes, 3, runCase)).flat();
    expect(problems.sort().slice(0, 40)).toEqual([]);
  }, 120_000);
});
