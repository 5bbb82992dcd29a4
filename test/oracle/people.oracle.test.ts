/**
 * Differential test of the people-and-timelines measures: an independent reference implementation
 * ("oracle"), written from metrics.md and inputs.md alone, against the built command's JSON report on
 * random small organisations (test/oracle/people-data.ts). Seeded: a failure names its case and as-of
 * date, and ORACLE_SEED / ORACLE_CASES / ORACLE_KEEP=1 reproduce and keep it.
 *
 * Measures: retention_2y, retention_1y, km_retention_1y, km_retention_2y, ops_retention_12m,
 * postmortem_leads_6m, process_designers_1y, mentors_1y, automation_course_6m,
 * automation_contributors_1y, mentored_growth_uplift, mentee_ops_retention; red flags year1_turnover
 * and promotion_pay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, runCliAsync } from '../helpers/run-cli.js';
import {
  type Level, type Org, TRACK2, TRADITIONAL, addMonths, dayNumber as dayOf, daysBetween, fromDayNumber as fromDay, generateOrg, writeOrg,
} from './people-data.js';
import { inParallel } from './in-parallel.js';
import { Rng } from './random.js';


// ================================================================ the oracle

/** A measure's figures as the report gives them. */
export interface Figure { status: string; value: number | null; n: number | null }

const is2 = (l: Level | undefined): boolean => l !== undefined && TRACK2.includes(l);
const isTrad = (l: Level | undefined): boolean => l !== undefined && TRADITIONAL.includes(l);
const inOpsLevel = (l: Level | undefined): boolean => l !== undefined && l !== 'other';
/** The smaller of two optional dates (`YYYY-MM-DD` strings compare as calendar dates). */
const minDate = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

/** metrics.md "Timestamps against date windows": the timestamp's calendar date in the configured zone. */
function calendarDate(ts: string, zone: string): string {
  if (!/(Z|[+-]\d\d:\d\d)$/.test(ts)) return ts.slice(0, 10); // no offset: read in the configured zone, so its own date
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ts));
  const get = (t: string): string => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** One person's timeline at as-of T ("People and timelines", "Membership on a date d"). */
interface Timeline {
  id: string;
  /** Level rows with effective date ≤ T, oldest first. */
  rows: { date: string; level: Level; base: string; total: string }[];
  /** True when the rows come from the roster (the level before title_start_date is unknown). */
  fromRoster: boolean;
  hire: string;
  /** termination_date, or null when absent or after T_end ("counts as absent"). */
  termination: string | null;
  /** The 2.0 start s: effective date of the first 2.0-track level; null for none. */
  s: string | null;
  /** "Promotion to 2.0": the level before s was on the traditional track. */
  promotion: boolean;
  /** Index in rows of the 2.0 start. */
  sIndex: number;
  /** Every history row ≤ T, same-date rows included, in (date, file) order. */
  allRows: { date: string; level: Level; base: string; total: string }[];
  /** "Exits ops": termination_date or the first move to `other`, whichever comes first. */
  exitOps: string | null;
  /** "Leaves the 2.0 track": exiting ops, or a move from a 2.0-track level to a traditional one. */
  leave2: string | null;
}

/** "Membership on a date d": the level of the latest row with effective date ≤ d, and termination_date absent or > d. */
function levelOn(t: Timeline, d: string): Level | undefined {
  if (t.termination !== null && t.termination <= d) return undefined;
  let level: Level | undefined;
  for (const r of t.rows) if (r.date <= d) level = r.level;
  return level;
}
/**
 * In ops on d, as ops_retention_12m reads it: "hired on or before it, not exited by it", at a level other
 * than `other`. Ambiguity: before the first known row (a roster title_start_date after the hire date) the
 * contract says the level is unknown; the tool lets the first known level stand for it, and so does this.
 */
function inOpsOn(t: Timeline, d: string): boolean {
  if (t.hire > d || (t.exitOps !== null && t.exitOps <= d)) return false;
  let level: Level | undefined = t.rows[0]?.level;
  for (const r of t.rows) if (r.date <= d) level = r.level;
  return inOpsLevel(level);
}
/** On the 2.0 track on d: s ≤ d and not yet left it ("re-entering the track after leaving it is not modelled"). */
const on2On = (t: Timeline, d: string): boolean => t.s !== null && t.s <= d && !(t.leave2 !== null && t.leave2 <= d);

/**
 * inputs.md, `date`: "YYYY-MM-DD; also a full timestamp (its calendar date in the configured time zone is
 * taken)". Every date cell of the written data is read back this way before anything else.
 */
function readDates(written: Org): Org {
  // A column left out of the file: every cell of it is absent.
  const blank = <R extends object>(name: string, rows: R[] | null): R[] | null =>
    rows?.map((r) => {
      const copy = { ...r } as Record<string, unknown>;
      for (const c of written.dropped[name] ?? []) copy[c] = '';
      return copy as R;
    }) ?? null;
  const org: Org = {
    ...written,
    people: blank('people', written.people)!,
    jobHistory: blank('job_history', written.jobHistory),
    incidents: blank('incidents', written.incidents),
    improvements: blank('improvements', written.improvements),
    mentorships: blank('mentorships', written.mentorships),
  };
  const z = (v: string): string => (v === '' || v.length === 10 ? v : calendarDate(v, org.timezone));
  // inputs.md `id`: "non-empty string after trim", "compared exactly".
  const id = (v: string): string => v.trim();
  return {
    ...org,
    incidents: org.incidents?.map((r) => ({ ...r, postmortem_lead_id: id(r.postmortem_lead_id) })) ?? null,
    people: org.people.map((p) => ({ ...p, level: levelOf(org, p.title), hire_date: z(p.hire_date), title_start_date: z(p.title_start_date), termination_date: z(p.termination_date) })),
    jobHistory: org.jobHistory?.map((r) => ({ ...r, employee_id: id(r.employee_id), level: levelOf(org, r.title), effective_date: z(r.effective_date) })) ?? null,
    improvements: org.improvements?.map((r) => ({ ...r, owner_id: id(r.owner_id), completed_on: z(r.completed_on) })) ?? null,
    mentorships: org.mentorships?.map((r) => ({ ...r, mentor_id: id(r.mentor_id), mentee_id: id(r.mentee_id), started_on: z(r.started_on), ended_on: z(r.ended_on) })) ?? null,
    trainings: org.trainings?.map((r) => ({ ...r, employee_id: id(r.employee_id), completed_on: z(r.completed_on) })) ?? null,
    contributions: org.contributions?.map((r) => ({ ...r, employee_id: id(r.employee_id), date: z(r.date) })) ?? null,
    assessments: org.assessments?.map((r) => ({ ...r, employee_id: id(r.employee_id), assessed_on: z(r.assessed_on) })) ?? null,
  };
}

/** inputs.md "Level codes": the default titles, matched case-insensitively after trimming; others are `other`. */
const DEFAULT_LEVELS: Record<string, Level> = {
  'operations technician': 'technician',
  'ops engineer 1.0': 'ops1', 'ops engineer': 'ops1', 'operations engineer': 'ops1',
  'senior ops engineer': 'ops1_senior', 'senior operations engineer': 'ops1_senior',
  'operations manager': 'manager',
  'ops engineer 2.0': 'ops2', 'operations architect': 'ops2', 'infrastructure operations specialist': 'ops2',
  'senior operations architect': 'senior_architect',
  'operations strategy lead': 'strategy_lead',
};

/** The config's `levels` are added to the defaults; a key given there wins. */
function levelOf(org: Org, title: string): Level {
  const key = title.trim().toLowerCase();
  for (const [k, v] of Object.entries(org.levels ?? {})) if (k.trim().toLowerCase() === key) return v;
  return DEFAULT_LEVELS[key] ?? 'other';
}

/** README: figures are rounded to 6 decimal places before they are compared with targets and thresholds. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function buildTimelines(org: Org, T: string): Map<string, Timeline> {
  const out = new Map<string, Timeline>();
  for (const p of org.people) {
    if (p.hire_date > T) continue; // a row whose own date is after T_end is left out
    // Job-history rows dated after T_end are left out. Ambiguity: when that leaves none for a person, "when
    // job_history has no rows for a person, the roster is used" is read after the cut (the tool's reading).
    const history = (org.jobHistory ?? []).filter((r) => r.employee_id === p.employee_id && r.effective_date <= T);
    let rows: Timeline['rows'];
    let allRows: Timeline['rows'] = [];
    let fromRoster = false;
    if (history.length > 0) {
      // Sorted by date; rows of one date stay in file order (a stable sort).
      allRows = history.map((r) => ({ date: r.effective_date, level: r.level, base: r.base_salary, total: r.total_comp }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      // Ambiguity: several rows on one date. Membership takes "the latest history row with effective date ≤ d",
      // so the last row of a date (in file order) is the level held from that date; the tool also takes it as
      // the only level of that date for 2.0 starts, promotions and moves (the others lasted zero days).
      rows = allRows.filter((r, i) => allRows[i + 1]?.date !== r.date);
    } else {
      // Without job_history: the roster title from title_start_date (absent after T_end), else hire_date.
      const from = p.title_start_date !== '' && p.title_start_date <= T ? p.title_start_date : p.hire_date;
      rows = [{ date: from, level: p.level, base: '', total: '' }];
      allRows = rows;
      fromRoster = true;
    }
    const termination = p.termination_date !== '' && p.termination_date <= T ? p.termination_date : null;
    const sIndex = rows.findIndex((r) => is2(r.level));
    const s = sIndex >= 0 ? rows[sIndex]!.date : null;
    const promotion = !fromRoster && sIndex > 0 && isTrad(rows[sIndex - 1]!.level);
    // A move to `other` is a transfer out of ops: a row at `other` whose previous level was in ops.
    let moveOut: string | null = null;
    for (let i = 1; i < rows.length; i++) {
      if (rows[i]!.level === 'other' && inOpsLevel(rows[i - 1]!.level)) { moveOut = rows[i]!.date; break; }
    }
    const exitOps = minDate(termination, moveOut);
    // "Leaves the 2.0 track on exiting ops or on a move from a 2.0-track level to a traditional-track level":
    // the first later row off the track (to a traditional level, or to `other`, which exits ops), or the
    // termination. Ambiguity (the tool's reading kept): a move to `other` BEFORE s (someone who left ops and
    // came back straight into 2.0) is not taken as leaving a track not yet joined, although it is their
    // "exit from ops"; a termination before s is (a terminated person holds no level, so never joined).
    // ops_retention_12m and mentee_ops_retention still use that first exit (re-entering ops is not modelled).
    let offTrack: string | null = null;
    if (sIndex >= 0) {
      for (let i = sIndex + 1; i < rows.length; i++) {
        if (!is2(rows[i]!.level)) { offTrack = rows[i]!.date; break; }
      }
    }
    out.set(p.employee_id, {
      id: p.employee_id, rows, allRows, fromRoster, hire: p.hire_date, termination, s, promotion, sIndex, exitOps,
      leave2: s === null ? null : minDate(termination, offTrack),
    });
  }
  return out;
}

const ratio = (num: number, den: number, target: (v: number) => boolean, present = true): Figure => {
  if (!present) return { status: 'no_data', value: null, n: null };
  if (den === 0) return { status: 'insufficient_data', value: null, n: 0 };
  const value = num / den;
  return { status: target(round6(value)) ? 'met' : 'missed', value, n: den };
};

/** Kaplan–Meier S(t): product over exit times u ≤ t of (1 − d_u / n_u); at a tie, exits before censorings. */
function kaplanMeier(subjects: { time: number; event: boolean }[], t: number): number {
  let s = 1;
  const eventTimes = [...new Set(subjects.filter((x) => x.event).map((x) => x.time))].sort((a, b) => a - b);
  for (const u of eventTimes) {
    if (u > t) break;
    const d = subjects.filter((x) => x.event && x.time === u).length;
    const n = subjects.filter((x) => x.time >= u).length; // censored at u are still at risk at u
    s *= 1 - d / n;
  }
  return s;
}

/** How often the boundary cases came up (printed with ORACLE_STATS=1). */
export const edgeCounts = new Map<string, number>();
const edge = (name: string, hit: boolean): void => {
  if (hit) edgeCounts.set(name, (edgeCounts.get(name) ?? 0) + 1);
};

export function oracle(written: Org, T: string): Record<string, Figure> {
  const org = readDates(written);
  if (org.noPeopleFile) {
    // "Every dataset is optional: a metric whose data is missing reports no_data"; every measure here needs people.
    const none: Figure = { status: 'no_data', value: null, n: null };
    return Object.fromEntries(COMPARED.map((id) => [id, { ...none }]));
  }
  const tl = buildTimelines(org, T);
  const all = [...tl.values()];
  for (const t of all) {
    if (t.s === null) continue;
    edge('2.0 start on Feb 29', t.s.endsWith('-02-29'));
    edge('promotion with s = T - 24 months', t.promotion && t.s === addMonths(T, -24));
    edge('promotion with s = T - 12 months', t.promotion && t.s === addMonths(T, -12));
    edge('2.0 start with s + 6 months = T', addMonths(t.s, 6) === T);
    edge('left the track on s + 24 months', t.leave2 === addMonths(t.s, 24));
    edge('left the track on s + 12 months', t.leave2 === addMonths(t.s, 12));
    edge('left the track the day before s + 12 months', t.leave2 !== null && t.leave2 === fromDay(dayOf(addMonths(t.s, 12)) - 1));
    edge('left the track on s', t.leave2 === t.s);
    edge('terminated before a 2.0 row', t.termination !== null && t.termination < t.s);
    edge('left the track on T', t.leave2 === T);
    edge('same-date history rows', t.allRows.length > t.rows.length);
    edge('re-entered the 2.0 track', t.leave2 !== null && t.rows.some((r) => r.date > t.leave2! && is2(r.level)));
  }
  for (const t of all) edge('terminated on T', t.termination === T);
  const out: Record<string, Figure> = {};
  const yStart = addMonths(T, -12); // Y = (T − 12 months, T]

  // 1. retention_2y / retention_1y: promotions to 2.0 with s ≤ T − N months; share who did not leave
  //    the 2.0 track before s + N months (leaving on the anniversary is not "before" it).
  const promotions = all.filter((t) => t.promotion);
  // Targets (config `targets` overrides the value; the comparison stays: README, `targets.<measure id>`).
  const goal = (id: string, dflt: number): number => org.targets?.[id] ?? dflt;
  const atLeast = (id: string, dflt: number) => (v: number): boolean => v >= goal(id, dflt);
  const exactly = (id: string, dflt: number) => (v: number): boolean => v === goal(id, dflt);
  for (const [id, months, dflt] of [['retention_2y', 24, 0.95], ['retention_1y', 12, 0.9]] as const) {
    const base = promotions.filter((t) => t.s! <= addMonths(T, -months));
    const stayed = base.filter((t) => !(t.leave2 !== null && t.leave2 < addMonths(t.s!, months)));
    const f = ratio(stayed.length, base.length, atLeast(id, dflt));
    // retention_1y: below its target is `investigate`, not `missed`.
    if (id === 'retention_1y' && f.status === 'missed') f.status = 'investigate';
    out[id] = f;
  }

  // km_retention_1y / km_retention_2y: time = days from s to leaving the 2.0 track, censored at T.
  // Someone terminated before a 2.0 row dated after it never was on the track: an exit on day 0.
  const subjects = promotions.map((t) => (t.leave2 !== null && t.leave2 <= T
    ? { time: Math.max(0, daysBetween(t.s!, t.leave2)), event: true }
    : { time: daysBetween(t.s!, T), event: false }));
  for (const [id, days] of [['km_retention_1y', 365], ['km_retention_2y', 730]] as const) {
    out[id] = promotions.length === 0
      ? { status: 'insufficient_data', value: null, n: 0 }
      : { status: 'info', value: kaplanMeier(subjects, days), n: promotions.length };
  }

  // ops_retention_12m: people in ops on T − 12 months (hired on or before it, not exited by it):
  // share still in ops at T.
  {
    const D = yStart;
    const base = all.filter((t) => t.hire <= D && inOpsOn(t, D));
    const still = base.filter((t) => inOpsOn(t, T));
    const f = ratio(still.length, base.length, () => true);
    if (f.status === 'met') f.status = 'info';
    out.ops_retention_12m = f;
  }

  // N-month cohort: a 2.0 start s with s + N months ≤ T, not left the 2.0 track before s + N months.
  const cohort = (months: number): Timeline[] => all.filter((t) => t.s !== null && addMonths(t.s, months) <= T
    && !(t.leave2 !== null && t.leave2 < addMonths(t.s, months)));
  const within = (d: string, s: string, months: number): boolean => d >= s && d <= addMonths(s, months);
  const c6 = cohort(6);
  const c12 = cohort(12);

  // 3. postmortem_leads_6m: postmortem_lead_id of an incident whose postmortem_completed_at (else
  //    opened_at) is within 6 months of s. Incidents opened after T_end are left out; a completion after
  //    T_end counts as absent.
  {
    const incidents = (org.incidents ?? []).filter((i) => calendarDate(i.opened_at, org.timezone) <= T);
    const led = c6.filter((t) => incidents.some((i) => {
      if (i.postmortem_lead_id !== t.id) return false;
      const done = i.postmortem_completed_at !== '' ? calendarDate(i.postmortem_completed_at, org.timezone) : null;
      const date = done !== null && done <= T ? done : calendarDate(i.opened_at, org.timezone);
      return within(date, t.s!, 6);
    }));
    // An incidents file without a postmortem_lead_id column cannot say who led a postmortem: the tool reports
    // no_data (naming the column), as for a missing file. (Contract: "a metric whose data is missing reports no_data".)
    // A JSON file has no header: a column is absent there when no record holds it (and with no record at
    // all nothing says a column is absent).
    const json = written.formats.incidents === 'json' || (written.formats.incidents === 'ndjson' && (org.incidents ?? []).length > 0);
    const absent = json
      ? (org.incidents ?? []).length > 0 && (org.incidents ?? []).every((i) => i.postmortem_lead_id === '')
      : (org.dropped.incidents ?? []).includes('postmortem_lead_id');
    const hasLeads = org.incidents !== null && !absent;
    out.postmortem_leads_6m = ratio(led.length, c6.length, exactly('postmortem_leads_6m', 1), hasLeads);
  }

  // process_designers_1y: an improvement with kind design/redesign and critical true, completed within 12 months of s.
  {
    // inputs.md `bool`: true/false, yes/no, y/n, 1/0, case-insensitive; `critical` defaults to false.
    const critical = (v: string): boolean => ['true', 'yes', 'y', '1'].includes(v.trim().toLowerCase());
    const designers = c12.filter((t) => (org.improvements ?? []).some((m) => m.owner_id === t.id
      && ['design', 'redesign'].includes(m.kind.trim().toLowerCase()) && critical(m.critical)
      && m.completed_on <= T && within(m.completed_on, t.s!, 12)));
    out.process_designers_1y = ratio(designers.length, c12.length, atLeast('process_designers_1y', 0.8), org.improvements !== null);
  }

  // mentors_1y: mentor_id of a mentorship overlapping [s, s + 12 months] whose mentee held technician,
  // ops1 or ops1_senior on started_on. ended_on after T_end counts as absent (ongoing).
  const mentorships = (org.mentorships ?? []).filter((m) => m.started_on <= T)
    .map((m) => ({ ...m, ended: m.ended_on !== '' && m.ended_on <= T ? m.ended_on : null }));
  {
    const junior: readonly Level[] = ['technician', 'ops1', 'ops1_senior'];
    const mentors = c12.filter((t) => mentorships.some((m) => {
      if (m.mentor_id !== t.id) return false;
      const end = addMonths(t.s!, 12);
      if (!(m.started_on <= end && (m.ended === null || m.ended >= t.s!))) return false;
      const mentee = tl.get(m.mentee_id);
      const level = mentee === undefined ? undefined : levelOn(mentee, m.started_on);
      return level !== undefined && junior.includes(level);
    }));
    out.mentors_1y = ratio(mentors.length, c12.length, exactly('mentors_1y', 1), org.mentorships !== null);
  }

  // 4. automation_course_6m: a completion of the automation-design course on or before s + 6 months.
  {
    const names = (org.courses ?? ['automation-design', 'automation design']).map((c) => c.trim().toLowerCase());
    const done = c6.filter((t) => (org.trainings ?? []).some((r) => r.employee_id === t.id
      && names.includes(r.course.trim().toLowerCase()) && r.completed_on <= T && r.completed_on <= addMonths(t.s!, 6)));
    out.automation_course_6m = ratio(done.length, c6.length, exactly('automation_course_6m', 1), org.trainings !== null);
  }

  // automation_contributors_1y: an authored or improved contribution within 12 months of s.
  {
    const done = c12.filter((t) => (org.contributions ?? []).some((r) => r.employee_id === t.id
      && ['authored', 'improved'].includes(r.kind.trim().toLowerCase()) && r.date <= T && within(r.date, t.s!, 12)));
    out.automation_contributors_1y = ratio(done.length, c12.length, atLeast('automation_contributors_1y', 0.7), org.contributions !== null);
  }

  // 7. mentored_growth_uplift. A 2.0-track mentor: on the 2.0 track on the mentorship's started_on.
  const twoPointOhMentorships = mentorships.filter((m) => {
    const mentor = tl.get(m.mentor_id);
    return mentor !== undefined && on2On(mentor, m.started_on);
  });
  {
    const inY = (d: string): boolean => d > yStart && d <= T;
    const mentored: number[] = [];
    const others: number[] = [];
    for (const t of all) {
      const rows = (org.assessments ?? []).filter((a) => a.employee_id === t.id && inY(a.assessed_on))
        .sort((a, b) => (a.assessed_on < b.assessed_on ? -1 : a.assessed_on > b.assessed_on ? 1 : 0));
      if (rows.length < 2) continue;
      const first = rows[0]!;
      const last = rows[rows.length - 1]!;
      const level = levelOn(t, first.assessed_on);
      if (level !== 'ops1' && level !== 'ops1_senior') continue;
      if (first.assessed_on === last.assessed_on) continue; // same day: no velocity
      const velocity = (Number(last.score) - Number(first.score)) / (daysBetween(first.assessed_on, last.assessed_on) / 30.4375);
      const isMentored = twoPointOhMentorships.some((m) => m.mentee_id === t.id
        && m.started_on <= last.assessed_on && (m.ended === null || m.ended >= first.assessed_on));
      (isMentored ? mentored : others).push(velocity);
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    if (org.assessments === null || org.mentorships === null) out.mentored_growth_uplift = { status: 'no_data', value: null, n: null };
    else if (mentored.length < 2 || others.length < 2 || mean(others) <= 0) out.mentored_growth_uplift = { status: 'insufficient_data', value: null, n: null };
    else {
      const value = mean(mentored) / mean(others) - 1;
      out.mentored_growth_uplift = { status: atLeast('mentored_growth_uplift', 0.25)(round6(value)) ? 'met' : 'missed', value, n: null };
    }
  }

  // mentee_ops_retention: mentees of 2.0-track mentors with started_on ≤ T: share not exited from ops by T.
  {
    const mentees = [...new Set(twoPointOhMentorships.map((m) => m.mentee_id))].filter((id) => tl.has(id));
    const stayed = mentees.filter((id) => {
      const t = tl.get(id)!;
      return !(t.exitOps !== null && t.exitOps <= T);
    });
    out.mentee_ops_retention = ratio(stayed.length, mentees.length, atLeast('mentee_ops_retention', 0.9), org.mentorships !== null);
  }

  // Red flag year1_turnover: value 1 − S(365), trips when > 0.20; not evaluated without promotions.
  {
    const km = out.km_retention_1y!;
    out['flag:year1_turnover'] = km.value === null
      ? { status: 'insufficient_data', value: null, n: null }
      : { status: round6(1 - km.value) > (org.thresholds?.year1_turnover ?? 0.2) ? 'tripped' : 'clear', value: 1 - km.value, n: null };
  }

  // Red flag promotion_pay: promotions to 2.0 effective in Y whose base rose < 8% or total comp < 12%
  // over the immediately preceding history row (each pair judged only where both are known).
  {
    let judged = 0;
    let offending = 0;
    for (const t of promotions) {
      if (!(t.s! > yStart && t.s! <= T)) continue;
      // The promotion row is the row that holds the level from s (the last of its date); the row "immediately
      // preceding" it is the one before it in (date, file) order, passing over 2.0 rows of the same date
      // (superseded versions of the promotion row, not a level held before it).
      const at = t.allRows.lastIndexOf(t.rows[t.sIndex]!);
      const now = t.allRows[at]!;
      let k = at - 1;
      while (k >= 0 && t.allRows[k]!.date === now.date && is2(t.allRows[k]!.level)) k--;
      const before = t.allRows[k]!;
      // A rise is known when both figures are; from 0 there is no rise to speak of (the tool: unknown).
      const rise = (a: string, b: string): number | null => (a === '' || b === '' || Number(a) <= 0 ? null : Number(b) / Number(a) - 1);
      const base = rise(before.base, now.base);
      const total = rise(before.total, now.total);
      if (base === null && total === null) continue;
      judged++;
      const limits = { base: 0.08, totalComp: 0.12, ...org.thresholds?.promotion_pay };
      if ((base !== null && round6(base) < limits.base) || (total !== null && round6(total) < limits.totalComp)) offending++;
    }
    // Without job_history there is no history row to compare with: the dataset is missing (no_data).
    out['flag:promotion_pay'] = org.jobHistory === null
      ? { status: 'no_data', value: null, n: null }
      : judged === 0
      ? { status: 'insufficient_data', value: null, n: null }
      : { status: offending > 0 ? 'tripped' : 'clear', value: offending, n: null };
  }
  return out;
}

// ================================================================ running the tool

interface Report {
  metrics: { measures: { id: string; status: string; value: number | null; n?: number | null }[] }[];
  redFlags: { id: string; status: string; value: number | null }[];
}

function runTool(dir: string, asOf: string): Promise<CliResult> {
  // A quarter's or a year's last day is also asked for as `--period` (T = P.end), the rest as `--as-of`.
  const md = asOf.slice(5);
  const when = md === '12-31' && asOf < '2027' ? ['--period', asOf.slice(0, 4)]
    : ['03-31', '06-30', '09-30', '12-31'].includes(md) ? ['--period', `${asOf.slice(0, 4)}-Q${Math.ceil(Number(asOf.slice(5, 7)) / 3)}`]
      : ['--as-of', asOf];
  return runCliAsync(['report', '--data', dir, ...when, '--format', 'json', '--fail-on', 'never'], { env: { TZ: 'Pacific/Chatham' } });
}

function toolFigures(report: Report): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const m of report.metrics) for (const x of m.measures) out[x.id] = { status: x.status, value: x.value, n: x.n ?? null };
  for (const f of report.redFlags) out[`flag:${f.id}`] = { status: f.status, value: f.value, n: null };
  return out;
}

const COMPARED = [
  'retention_2y', 'retention_1y', 'km_retention_1y', 'km_retention_2y', 'ops_retention_12m',
  'postmortem_leads_6m', 'process_designers_1y', 'mentors_1y', 'automation_course_6m', 'automation_contributors_1y',
  'mentored_growth_uplift', 'mentee_ops_retention', 'flag:year1_turnover', 'flag:promotion_pay',
];

/** The report rounds to 6 decimals. */
const sameValue = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) <= 1.5e-6);

const SEED = Number(process.env.ORACLE_SEED ?? 20260927);
const CASES = Number(process.env.ORACLE_CASES ?? 90);

describe('people and timelines: tool against the oracle', () => {
  it(`agrees on ${CASES} random organisations, two as-of dates each (seed ${SEED})`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'people-oracle-'));
    const jobs: { index: number; org: Org; dir: string; asOf: string }[] = [];
    for (let index = 0; index < CASES; index++) {
      const org = generateOrg(new Rng(SEED + index * 7919));
      const dir = join(root, `case-${index}`);
      writeOrg(dir, org);
      for (const asOf of new Set(org.asOfs)) jobs.push({ index, org, dir, asOf });
    }
    const problems: string[] = [];
    const stats = new Map<string, number>();
    await inParallel(jobs, 3, async (job) => {
      const run = await runTool(job.dir, job.asOf);
      if (run.code !== 0) {
        problems.push(`case ${job.index} as-of ${job.asOf}: exit ${run.code}: ${run.stderr.slice(0, 400)}`);
        return;
      }
      const tool = toolFigures(JSON.parse(run.stdout) as Report);
      for (const id of COMPARED) {
        const key = `${id} ${tool[id]?.status}`;
        stats.set(key, (stats.get(key) ?? 0) + 1);
      }
      const expected = oracle(job.org, job.asOf);
      for (const id of COMPARED) {
        const a = tool[id];
        const e = expected[id]!;
        if (a === undefined || a.status !== e.status || !sameValue(a.value, e.value) || a.n !== e.n) {
          problems.push(`case ${job.index} as-of ${job.asOf} ${id}: tool ${JSON.stringify(a)} oracle ${JSON.stringify(e)}`);
        }
      }
    });
    if (process.env.ORACLE_STATS === '1') console.log([...stats, ...edgeCounts].sort().map(([k, v]) => `${k}: ${v}`).join('\n'));
    if (process.env.ORACLE_KEEP !== '1') rmSync(root, { recursive: true, force: true });
    else console.log(`kept ${root}`);
    expect(jobs.length).toBeGreaterThanOrEqual(CASES);
    expect(problems.slice(0, 40)).toEqual([]);
  }, 120_000);
});
