/**
 * Random small organisations for the people-and-timelines differential test: a seeded generator of
 * people, job histories and the activity rows the adoption, growth and mentorship measures read, with
 * dates clustered on the boundaries of metrics.md (exactly 6/12/24 months around the as-of date and the
 * 2.0 start, Feb 29, month ends, the day before and after). Plain date strings only; no tool code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './random.js';

// ---------------------------------------------------------------- calendar helpers (own code)

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export const addDays = (date: string, n: number): string => fromDayNumber(dayNumber(date) + n);

export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based: day 0 of the next month
}

/** metrics.md "N months after d" = date-fns addMonths: same day of month, clamped to the month's end. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- the data

export type Level = 'technician' | 'ops1' | 'ops1_senior' | 'manager' | 'ops2' | 'senior_architect' | 'strategy_lead' | 'other';
export const TRADITIONAL: readonly Level[] = ['technician', 'ops1', 'ops1_senior', 'manager'];
export const TRACK2: readonly Level[] = ['ops2', 'senior_architect', 'strategy_lead'];

/** Titles of inputs.md's default level map (plus titles outside operations, which map to `other`). */
const TITLES: Record<Level, readonly string[]> = {
  technician: ['Operations Technician'],
  ops1: ['Ops Engineer 1.0', 'Ops Engineer', 'Operations Engineer', 'ops engineer'],
  ops1_senior: ['Senior Ops Engineer', 'Senior Operations Engineer'],
  manager: ['Operations Manager'],
  ops2: ['Ops Engineer 2.0', 'Operations Architect', 'Infrastructure Operations Specialist', 'OPS ENGINEER 2.0'],
  senior_architect: ['Senior Operations Architect'],
  strategy_lead: ['Operations Strategy Lead'],
  other: ['Product Manager', 'Sales Engineer'],
};

export interface HistoryRow { employee_id: string; effective_date: string; title: string; level: Level; base_salary: string; total_comp: string; reason: string }
export interface Person { employee_id: string; title: string; level: Level; hire_date: string; title_start_date: string; termination_date: string }
export interface Incident { incident_id: string; opened_at: string; priority: string; postmortem_lead_id: string; postmortem_completed_at: string }
export interface Improvement { improvement_id: string; owner_id: string; completed_on: string; process: string; kind: string; critical: string }
export interface Mentorship { mentor_id: string; mentee_id: string; started_on: string; ended_on: string }
export interface Training { employee_id: string; course: string; completed_on: string }
export interface Contribution { employee_id: string; date: string; kind: string }
export interface Assessment { employee_id: string; assessed_on: string; score: string }

export interface Org {
  timezone: string;
  people: Person[];
  /** The roster file is not written (every measure here is then no_data). */
  noPeopleFile?: boolean;
  /** null: the file is not written (every timeline from the roster). */
  jobHistory: HistoryRow[] | null;
  incidents: Incident[] | null;
  improvements: Improvement[] | null;
  mentorships: Mentorship[] | null;
  trainings: Training[] | null;
  contributions: Contribution[] | null;
  assessments: Assessment[] | null;
  /** Config `levels` (added to the default map; a key given here wins), when set. */
  levels?: Record<string, Level>;
  /** How each dataset is written: csv (canonical headers), csv-spaced (`Employee ID`, BOM, CRLF), json or ndjson. */
  formats: Record<string, 'csv' | 'csv-spaced' | 'json' | 'ndjson'>;
  /** Config `targets` and `thresholds` for the measures and red flags tested, when set. */
  targets?: Record<string, number>;
  thresholds?: { year1_turnover?: number; promotion_pay?: { base?: number; totalComp?: number } };
  /** Optional columns left out of a dataset's file altogether (their cells are then absent). */
  dropped: Record<string, string[]>;
  /** Config `courses.automationDesign`, when set. */
  courses?: string[];
  /** As-of dates to run the report at. */
  asOfs: string[];
}

const AS_OF_ANCHORS = [
  '2026-09-30', '2026-03-31', '2028-02-29', '2024-03-31', '2026-12-31', '2026-08-31', '2027-02-28',
  '2025-02-28', '2025-03-01', '2024-02-29', '2026-06-30', '2027-03-31',
];

/** An ISO timestamp whose calendar date in UTC is `date`, at a time near midnight or midday, in one of several spellings. */
function timestampOn(rng: Rng, date: string): string {
  const form = rng.int(0, 4);
  if (form === 0) return `${date}T23:30:00Z`;
  if (form === 1) return `${date}T00:15:00Z`;
  if (form === 2) return `${date}T12:00:00Z`;
  if (form === 3) return `${date}T23:50:00-05:00`; // the next day in UTC
  return `${date}T09:00:00`; // no offset: read in the configured zone
}

export function generateOrg(rng: Rng): Org {
  const T0 = rng.pick(AS_OF_ANCHORS);
  const asOfs = [T0, rng.pick([addDays(T0, 1), addDays(T0, -1), addMonths(T0, 1), addMonths(T0, -6), addMonths(T0, 12), rng.pick(AS_OF_ANCHORS)])];
  const timezone = rng.pick(['UTC', 'UTC', 'America/New_York', 'Pacific/Auckland']);

  // Dates near the boundaries of T0 (−6, −12, −18, −24, −30 months ± 1 day), Feb 29, and anything in a 4-year span.
  const near = (): string => {
    const r = rng.next();
    if (r < 0.5) return addDays(addMonths(T0, -rng.pick([6, 12, 18, 24, 30, 36, 1, 0])), rng.pick([-1, 0, 0, 1]));
    if (r < 0.58) return rng.pick(['2024-02-29', '2024-02-28', '2024-03-01', '2025-02-28', '2028-02-29', '2023-08-31', '2025-08-31']);
    return addDays(T0, -rng.int(-40, 48 * 30));
  };
  const after = (d: string, months: number): string => addDays(addMonths(d, months), rng.pick([-1, 0, 0, 1]));
  const titleOf = (level: Level): string => rng.pick(TITLES[level]);
  const salary = (values: readonly string[]): string => rng.pick(values);

  const count = rng.int(5, 40);
  const people: Person[] = [];
  const history: HistoryRow[] = [];
  const starts: { id: string; s: string }[] = []; // 2.0 starts, to aim activity rows at
  const ids = Array.from({ length: count }, (_, i) => `E${String(i + 1).padStart(3, '0')}`);

  for (const id of ids) {
    const pattern = rng.pick(['trad', 'trad', 'promo', 'promo', 'promo', 'promo', 'direct', 'fromOther', 'roster', 'roster', 'reentry', 'rehire', 'migrated']);
    if (pattern === 'roster') {
      // No job_history rows: the roster title holds from title_start_date (else hire_date).
      const level = rng.pick<Level>([...TRADITIONAL, ...TRACK2, 'ops2', 'ops1', 'other']);
      const hire = near();
      const start = rng.chance(0.3) ? '' : rng.chance(0.5) ? hire : addDays(hire, rng.int(0, 400));
      const term = rng.chance(0.7) ? '' : rng.chance(0.5) ? after(start || hire, rng.pick([6, 12, 24])) : addDays(hire, rng.int(0, 900));
      people.push({ employee_id: id, title: titleOf(level), level, hire_date: hire, title_start_date: start, termination_date: term });
      if (TRACK2.includes(level)) starts.push({ id, s: start || hire });
      continue;
    }
    const rows: { date: string; level: Level; base: string; total: string; reason: string }[] = [];
    let termination = '';
    if (pattern === 'migrated') {
      // A job history that starts at a system migration, long after the hire date.
      const first = near();
      const level: Level = rng.pick([...TRADITIONAL, ...TRACK2, 'other']);
      rows.push({ date: first, level, base: '100000', total: '125000', reason: 'migration' });
      if (rng.chance(0.5)) rows.push({ date: addDays(first, rng.int(1, 400)), level: rng.pick([...TRADITIONAL, ...TRACK2]), base: '108000', total: '140000', reason: 'promotion' });
      if (TRACK2.includes(level)) starts.push({ id, s: first });
      if (rng.chance(0.2)) termination = addDays(first, rng.int(0, 500));
    } else if (pattern === 'trad') {
      const hire = addDays(near(), -rng.int(0, 400));
      let level = rng.pick(TRADITIONAL);
      rows.push({ date: hire, level, base: salary(['90000', '100000', '']), total: salary(['125000', '']), reason: 'hire' });
      let d = hire;
      for (let k = rng.int(0, 2); k > 0; k--) {
        d = rng.chance(0.5) ? near() : addDays(d, rng.int(1, 500));
        if (d <= rows[rows.length - 1]!.date) d = addDays(rows[rows.length - 1]!.date, rng.int(1, 200));
        level = rng.chance(0.2) ? 'other' : rng.pick(TRADITIONAL);
        rows.push({ date: d, level, base: salary(['100000', '']), total: salary(['125000', '']), reason: level === 'other' ? 'transfer' : 'promotion' });
        if (level === 'other') break;
      }
      if (rng.chance(0.3)) termination = rng.chance(0.5) ? near() : addDays(d, rng.int(0, 600));
      if (termination !== '' && termination < hire) termination = hire;
    } else if (pattern === 'reentry' || pattern === 'rehire') {
      // reentry: promoted to 2.0, back to a traditional level, then 2.0 again ("re-entering the track
      // after leaving it is not modelled"). rehire: in ops, transferred out, back in ops (maybe straight into 2.0).
      const hire = addDays(near(), -rng.int(0, 300));
      const first: Level = rng.pick(TRADITIONAL);
      rows.push({ date: hire, level: first, base: salary(['100000', '']), total: salary(['125000', '']), reason: 'hire' });
      const d1 = addDays(hire, rng.int(1, 400));
      const d2 = addDays(d1, rng.int(0, 1) === 0 ? rng.int(1, 30) : rng.int(31, 500));
      const d3 = addDays(d2, rng.int(1, 400));
      if (pattern === 'reentry') {
        rows.push({ date: d1, level: rng.pick(TRACK2), base: '108000', total: '140000', reason: 'promotion' });
        rows.push({ date: d2, level: rng.pick(TRADITIONAL), base: '100000', total: '125000', reason: 'adjustment' });
        rows.push({ date: d3, level: rng.pick(TRACK2), base: '110000', total: '150000', reason: 'promotion' });
        starts.push({ id, s: d1 });
      } else {
        rows.push({ date: d1, level: 'other', base: '', total: '', reason: 'transfer' });
        const back: Level = rng.pick([...TRADITIONAL, ...TRACK2]);
        rows.push({ date: d2, level: back, base: '110000', total: '150000', reason: 'hire' });
        if (TRACK2.includes(back)) starts.push({ id, s: d2 });
      }
      if (rng.chance(0.2)) termination = addDays(d2, rng.int(0, 400));
    } else {
      // A 2.0 start s, reached by promotion (from a traditional level), as a direct hire, or from outside ops.
      const s = rng.chance(0.6) ? near() : rng.pick([addMonths(T0, -6), addMonths(T0, -12), addMonths(T0, -24), '2024-02-29']);
      if (pattern === 'promo' || pattern === 'fromOther') {
        const hire = addDays(s, -rng.pick([1, 30, 200, 700]));
        const before: Level = pattern === 'promo' ? rng.pick(TRADITIONAL) : 'other';
        rows.push({ date: hire, level: before, base: salary(['90000', '100000', '']), total: salary(['125000', '120000', '']), reason: 'hire' });
        if (pattern === 'promo' && rng.chance(0.4)) {
          const mid = addDays(hire, Math.max(1, Math.floor(daysBetween(hire, s) / 2)));
          if (mid < s) rows.push({ date: mid, level: rng.pick(TRADITIONAL), base: salary(['100000', '']), total: salary(['125000', '']), reason: 'adjustment' });
        }
      }
      rows.push({
        date: s,
        level: rng.pick(TRACK2),
        base: salary(['108000', '107999', '115000', '100000', '107999.99', '']),
        total: salary(['140000', '139999', '150000', '139999.99', '']),
        reason: pattern === 'promo' ? 'promotion' : 'hire',
      });
      let d = s;
      if (rng.chance(0.25)) {
        d = addDays(s, rng.int(1, 500));
        rows.push({ date: d, level: rng.pick(TRACK2), base: '120000', total: '160000', reason: 'promotion' });
      }
      if (rng.chance(0.55)) {
        // Leaving the 2.0 track: termination, transfer out of ops, or back to a traditional level.
        const when = rng.chance(0.7) ? after(s, rng.pick([6, 12, 24])) : rng.chance(0.3) ? s : addDays(s, rng.int(1, 900));
        const how = rng.pick(['terminate', 'other', 'trad']);
        const date = when > d ? when : addDays(d, 1);
        if (how === 'terminate') termination = when; // may fall on s itself (a day-0 exit)
        else {
          rows.push({ date, level: how === 'other' ? 'other' : rng.pick(TRADITIONAL), base: '', total: '', reason: 'transfer' });
          if (rng.chance(0.3)) termination = addDays(date, rng.int(0, 300));
        }
      }
      starts.push({ id, s });
    }
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (rng.chance(0.1)) {
      // A second row on the date of an existing one (a same-day correction or salary change).
      const at = rng.int(0, rows.length - 1);
      const twin = rows[at]!;
      const level: Level = rng.chance(0.5) ? twin.level : rng.pick([...TRADITIONAL, ...TRACK2]);
      rows.splice(at + 1, 0, { date: twin.date, level, base: salary(['100000', '108000', '']), total: salary(['125000', '140000', '']), reason: 'adjustment' });
    }
    for (const r of rows) {
      history.push({ employee_id: id, effective_date: r.date, title: titleOf(r.level), level: r.level, base_salary: r.base, total_comp: r.total, reason: r.reason });
    }
    const last = rows[rows.length - 1]!;
    people.push({
      employee_id: id,
      title: titleOf(last.level),
      level: last.level,
      hire_date: pattern === 'migrated' ? addDays(rows[0]!.date, -rng.int(1, 800)) : rows[0]!.date,
      title_start_date: rng.chance(0.8) ? last.date : '',
      termination_date: termination,
    });
  }

  // A group of 1.0 engineers assessed through the trailing year of T0, so that mentored_growth_uplift has
  // both of its groups: first assessments on or just after T0 − 12 months, last ones on or near T0.
  if (rng.chance(0.75)) {
    const yStart = addMonths(T0, -12);
    for (let g = rng.int(3, 9); g > 0; g--) {
      const id = `G${String(g).padStart(3, '0')}`;
      const level: Level = rng.pick(['ops1', 'ops1_senior', 'ops1', 'technician']);
      const hire = addDays(yStart, -rng.pick([0, 1, 200, 800]));
      people.push({ employee_id: id, title: titleOf(level), level, hire_date: hire, title_start_date: hire, termination_date: rng.chance(0.1) ? addDays(yStart, rng.int(0, 300)) : '' });
      if (rng.chance(0.8)) history.push({ employee_id: id, effective_date: hire, title: titleOf(level), level, base_salary: '', total_comp: '', reason: 'hire' });
      ids.push(id);
    }
  }
  // Activity rows aimed at the 2.0 starts' boundaries.
  const incidents: Incident[] = [];
  const improvements: Improvement[] = [];
  const mentorships: Mentorship[] = [];
  const trainings: Training[] = [];
  const contributions: Contribution[] = [];
  const assessments: Assessment[] = [];
  const someone = (): string => rng.pick(ids);
  for (const { id, s } of starts) {
    for (let k = rng.int(0, 2); k > 0; k--) {
      const date = rng.pick([addDays(s, -1), s, addMonths(s, 6), addDays(addMonths(s, 6), 1), addDays(s, rng.int(0, 240))]);
      const completed = rng.chance(0.5) ? '' : rng.pick([date, addDays(date, 1), addMonths(s, 6), addDays(addMonths(s, 6), 1)]);
      incidents.push({
        incident_id: `INC-${incidents.length + 1}`,
        opened_at: timestampOn(rng, date),
        priority: 'P3',
        postmortem_lead_id: rng.chance(0.9) ? id : someone(),
        postmortem_completed_at: completed === '' ? '' : timestampOn(rng, completed < date ? date : completed),
      });
    }
    for (let k = rng.int(0, 2); k > 0; k--) {
      improvements.push({
        improvement_id: `IMP-${improvements.length + 1}`,
        owner_id: rng.chance(0.9) ? id : someone(),
        completed_on: rng.pick([addDays(s, -1), s, addMonths(s, 12), addDays(addMonths(s, 12), 1), addDays(s, rng.int(0, 400))]),
        process: 'deployment',
        kind: rng.pick(['design', 'redesign', 'improvement', 'Design']),
        critical: rng.pick(['true', 'yes', 'Y', '', 'false', 'no', '1', '0', 'TRUE', 'N']),
      });
    }
    for (let k = rng.int(0, 2); k > 0; k--) {
      const started = rng.pick([addDays(s, -200), addMonths(s, 12), addDays(addMonths(s, 12), 1), addDays(s, rng.int(-100, 400)), near()]);
      const ended = rng.chance(0.4) ? '' : rng.pick([addDays(s, -1), s, addDays(started, rng.int(0, 400))]);
      mentorships.push({ mentor_id: id, mentee_id: someone(), started_on: started, ended_on: ended !== '' && ended < started ? started : ended });
    }
    for (let k = rng.int(0, 2); k > 0; k--) {
      trainings.push({
        employee_id: id,
        course: rng.pick(['automation-design', 'Automation Design', ' AUTOMATION-DESIGN ', 'automation design 101', 'python-for-ops']),
        completed_on: rng.pick([addMonths(s, 6), addDays(addMonths(s, 6), 1), addDays(s, -100), addDays(s, rng.int(0, 250))]),
      });
    }
    for (let k = rng.int(0, 2); k > 0; k--) {
      contributions.push({
        employee_id: id,
        date: rng.pick([addDays(s, -1), s, addMonths(s, 12), addDays(addMonths(s, 12), 1), addDays(s, rng.int(0, 400))]),
        kind: rng.pick(['authored', 'improved', 'reviewed', 'Authored']),
      });
    }
  }
  if (rng.chance(0.2) && starts.length > 0) {
    // A mentee the roster does not know (a warning, not an error).
    const m = rng.pick(starts);
    mentorships.push({ mentor_id: m.id, mentee_id: 'X999', started_on: addDays(m.s, rng.int(0, 100)), ended_on: '' });
  }
  // Mentorships from anyone, and skill assessments around the trailing year Y of each as-of date.
  for (let k = rng.int(0, 6); k > 0; k--) {
    const started = near();
    mentorships.push({ mentor_id: someone(), mentee_id: someone(), started_on: started, ended_on: rng.chance(0.5) ? '' : addDays(started, rng.int(0, 300)) });
  }
  const yStart0 = addMonths(T0, -12);
  for (const id of ids) {
    if (!id.startsWith('G')) continue;
    // First on or just after the start of Y, last on or near T0 (T0 + 1 falls outside Y), maybe one between.
    const first = rng.pick([yStart0, addDays(yStart0, 1), addDays(yStart0, rng.int(1, 90))]);
    const last = rng.pick([T0, addDays(T0, 1), addDays(T0, -rng.int(0, 120))]);
    let score = rng.int(40, 70);
    for (const date of [first, addDays(first, rng.int(1, 60)), last].slice(rng.int(0, 1))) {
      if (assessments.some((a) => a.employee_id === id && a.assessed_on === date)) continue;
      assessments.push({ employee_id: id, assessed_on: date, score: String(score) });
      score += rng.int(-4, 12);
    }
    const mentors = starts.filter((m) => m.s <= last);
    if (mentors.length > 0 && rng.chance(0.5)) {
      const m = rng.pick(mentors);
      const started = m.s > first ? m.s : addDays(first, -rng.int(0, 60));
      mentorships.push({ mentor_id: m.id, mentee_id: id, started_on: started < m.s ? m.s : started, ended_on: rng.chance(0.6) ? '' : rng.pick([first, addDays(first, -1), addDays(started, 30)]) });
    }
  }
  for (const id of ids) {
    if (id.startsWith('G') || !rng.chance(0.6)) continue;
    const T = rng.pick(asOfs);
    const used = new Set<string>();
    let score = rng.int(40, 70);
    for (let k = rng.int(1, 4); k > 0; k--) {
      const date = rng.pick([addMonths(T, -12), addDays(addMonths(T, -12), 1), T, addDays(T, 1), addDays(T, -rng.int(0, 365)), addDays(T, -rng.int(0, 365))]);
      score += rng.int(-3, 10);
      if (used.has(date)) continue; // one assessment a day: which of two same-day scores is "first" is not defined
      used.add(date);
      assessments.push({ employee_id: id, assessed_on: date, score: String(score) });
    }
  }
  // Mentorships for assessed people from 2.0 mentors, so that both groups of the uplift fill up.
  for (const a of assessments) {
    if (starts.length === 0 || !rng.chance(0.4)) continue;
    const mentor = rng.pick(starts);
    const started = rng.chance(0.5) ? addDays(a.assessed_on, rng.int(-200, 30)) : addDays(mentor.s, rng.int(0, 60));
    mentorships.push({ mentor_id: mentor.id, mentee_id: a.employee_id, started_on: started, ended_on: rng.chance(0.5) ? '' : addDays(started, rng.int(0, 300)) });
  }

  const maybe = <T>(rows: T[]): T[] | null => (rng.chance(0.06) ? null : rows);
  if (rng.chance(0.5)) {
    // The history in no particular order, except that rows of one person and date keep their file order
    // (which decides between them).
    const key = new Map<string, number>();
    for (const r of history) if (!key.has(`${r.employee_id} ${r.effective_date}`)) key.set(`${r.employee_id} ${r.effective_date}`, rng.next());
    history.sort((a, b) => key.get(`${a.employee_id} ${a.effective_date}`)! - key.get(`${b.employee_id} ${b.effective_date}`)!);
  }
  respellDates(rng, timezone, people, history, improvements, mentorships, trainings, contributions, assessments);
  // Ids are compared exactly after trimming: some written with spaces around them, a few in lower case
  // (another id, unknown to the roster).
  const respellId = (id: string): string => (rng.chance(0.05) ? ` ${id} ` : rng.chance(0.02) ? id.toLowerCase() : id);
  for (const r of history) r.employee_id = rng.chance(0.05) ? ` ${r.employee_id} ` : r.employee_id;
  for (const r of incidents) r.postmortem_lead_id = r.postmortem_lead_id && respellId(r.postmortem_lead_id);
  for (const r of improvements) r.owner_id = respellId(r.owner_id);
  for (const r of mentorships) { r.mentor_id = respellId(r.mentor_id); r.mentee_id = respellId(r.mentee_id); }
  for (const r of trainings) r.employee_id = respellId(r.employee_id);
  for (const r of contributions) r.employee_id = respellId(r.employee_id);
  for (const r of assessments) r.employee_id = respellId(r.employee_id);
  // A config level map that adds a title and re-maps a default one (a key given there wins over the default).
  let levels: Record<string, Level> | undefined;
  if (rng.chance(0.2)) {
    levels = { 'Site Reliability Engineer': 'ops2', 'operations engineer': rng.pick<Level>(['ops1_senior', 'other', 'senior_architect']) };
    for (const row of [...people, ...history]) if (TRACK2.includes(row.level) && rng.chance(0.2)) row.title = 'Site Reliability Engineer';
  }
  for (const row of [...people, ...history]) if (rng.chance(0.05)) row.title = ` ${row.title.toUpperCase()} `;
  const formats: Org['formats'] = {};
  for (const name of ['people', 'job_history', 'incidents', 'improvements', 'mentorships', 'trainings', 'automation_contributions', 'skill_assessments']) {
    formats[name] = rng.pick(['csv', 'csv', 'csv', 'csv-spaced', 'json', 'ndjson']);
  }
  // Without people.csv, job_history's references cannot be checked (an error): both are left out then.
  const noPeopleFile = rng.chance(0.03);
  const dropped: Org['dropped'] = {};
  const OPTIONAL: Record<string, string[]> = {
    people: ['title_start_date', 'termination_date'],
    job_history: ['base_salary', 'total_comp', 'reason'],
    incidents: ['postmortem_lead_id', 'postmortem_completed_at'],
    improvements: ['critical'],
    mentorships: ['ended_on'],
  };
  for (const [name, columns] of Object.entries(OPTIONAL)) {
    if (rng.chance(0.12)) dropped[name] = [rng.pick(columns)];
  }
  return {
    timezone,
    formats,
    dropped,
    ...(noPeopleFile ? { noPeopleFile } : {}),
    ...(levels ? { levels } : {}),
    ...(rng.chance(0.2) ? {
      targets: {
        retention_2y: rng.pick([0.5, 0.75, 1]), retention_1y: rng.pick([0.5, 2 / 3, 0.8]), process_designers_1y: rng.pick([0.25, 0.5]),
        automation_contributors_1y: rng.pick([0.2, 0.5]), mentee_ops_retention: rng.pick([0.5, 0.75]), mentored_growth_uplift: rng.pick([0, -0.5, 0.1]),
        postmortem_leads_6m: rng.pick([1, 0.5]), mentors_1y: rng.pick([1, 0.5]), automation_course_6m: rng.pick([1, 0.5]),
      },
      thresholds: { year1_turnover: rng.pick([0, 0.25, 0.5]), promotion_pay: rng.chance(0.5) ? { base: rng.pick([0, 0.15]) } : { totalComp: 0.2 } },
    } : {}),
    ...(rng.chance(0.15) ? { courses: rng.pick([['Automation Design 101'], ['automation-design', ' PYTHON-FOR-OPS ']]) } : {}),
    people,
    jobHistory: noPeopleFile || rng.chance(0.08) ? null : history,
    incidents: maybe(incidents),
    improvements: maybe(improvements),
    mentorships: maybe(mentorships),
    trainings: maybe(trainings),
    contributions: maybe(contributions),
    assessments: maybe(assessments),
    asOfs,
  };
}

/**
 * Some date cells written as full timestamps (inputs.md: "its calendar date in the configured time zone is
 * taken"). Roster and history dates keep their calendar date in the zone (the validator checks their order);
 * activity dates may move to the next or previous day.
 */
function respellDates(rng: Rng, zone: string, ...tables: object[][]): void {
  const sameDay = (d: string): string => rng.pick([
    `${d}T10:00:00`,
    zone === 'Pacific/Auckland' ? `${d}T05:00:00Z` : `${d}T12:00:00Z`,
    zone === 'UTC' ? `${d}T23:59:59.999Z` : zone === 'Pacific/Auckland' ? `${d}T05:00:00+00:00` : `${d}T12:00:00+00:00`,
  ]);
  const anyDay = (d: string): string => rng.pick([`${d}T23:30:00-05:00`, `${d}T00:30:00+13:00`, `${d}T11:00:00Z`, `${d}T23:00:00`]);
  const [people, history, ...activity] = tables as Record<string, string>[][];
  const spell = (rows: Record<string, string>[], columns: string[], how: (d: string) => string): void => {
    for (const row of rows) for (const c of columns) if (row[c] && row[c]!.length === 10 && rng.chance(0.15)) row[c] = how(row[c]!);
  };
  spell(people!, ['hire_date', 'title_start_date', 'termination_date'], sameDay);
  spell(history!, ['effective_date'], sameDay);
  for (const rows of activity) spell(rows, ['completed_on', 'started_on', 'ended_on', 'date', 'assessed_on'], anyDay);
}

// ---------------------------------------------------------------- writing the canonical CSV files

function csv(columns: readonly string[], rows: readonly object[], spaced: boolean): string {
  // csv-spaced: headers as an HRIS writes them (`Employee ID`: case, spaces), a byte-order mark, CRLF.
  const header = spaced ? columns.map((c) => c.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')) : columns;
  const lines = [header.join(',')];
  for (const row of rows) {
    const r = row as Record<string, string>;
    lines.push(columns.map((c) => {
      const v = r[c] ?? '';
      return /[",\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
    }).join(','));
  }
  return spaced ? `\uFEFF${lines.join('\r\n')}\r\n` : `${lines.join('\n')}\n`;
}

function writeDataset(dir: string, name: string, format: Org['formats'][string], columns: readonly string[], rows: readonly object[]): void {
  // An NDJSON file with no line is an empty file (an error): no rows are written as CSV, a header alone.
  if (format === 'csv' || format === 'csv-spaced' || (format === 'ndjson' && rows.length === 0)) {
    writeFileSync(join(dir, `${name}.csv`), csv(columns, rows, format === 'csv-spaced'));
    return;
  }
  // JSON: only the dataset's columns, an empty cell left out (absent).
  const objects = rows.map((row) => {
    const r = row as Record<string, string>;
    const o: Record<string, string> = {};
    for (const c of columns) if ((r[c] ?? '') !== '') o[c] = r[c]!;
    return o;
  });
  if (format === 'json') writeFileSync(join(dir, `${name}.json`), JSON.stringify(objects, null, 1));
  else writeFileSync(join(dir, `${name}.ndjson`), objects.map((o) => JSON.stringify(o)).join('\n') + '\n');
}

export function writeOrg(dir: string, org: Org): void {
  mkdirSync(dir, { recursive: true });
  const w = (name: string, columns: readonly string[], rows: readonly object[] | null): void => {
    const kept = columns.filter((c) => !(org.dropped[name] ?? []).includes(c));
    if (rows !== null) writeDataset(dir, name, org.formats[name] ?? 'csv', kept, rows);
  };
  if (!org.noPeopleFile) w('people', ['employee_id', 'title', 'hire_date', 'title_start_date', 'termination_date'], org.people);
  w('job_history', ['employee_id', 'effective_date', 'title', 'base_salary', 'total_comp', 'reason'], org.jobHistory);
  w('incidents', ['incident_id', 'opened_at', 'priority', 'postmortem_lead_id', 'postmortem_completed_at'], org.incidents);
  w('improvements', ['improvement_id', 'owner_id', 'completed_on', 'process', 'kind', 'critical'], org.improvements);
  w('mentorships', ['mentor_id', 'mentee_id', 'started_on', 'ended_on'], org.mentorships);
  w('trainings', ['employee_id', 'course', 'completed_on'], org.trainings);
  w('automation_contributions', ['employee_id', 'date', 'kind'], org.contributions);
  w('skill_assessments', ['employee_id', 'assessed_on', 'score'], org.assessments);
  const config = { timezone: org.timezone, ...(org.levels ? { levels: org.levels } : {}), ...(org.targets ? { targets: org.targets } : {}),
    ...(org.thresholds ? { thresholds: org.thresholds } : {}), ...(org.courses ? { courses: { automationDesign: org.courses } } : {}) };
  writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify(config));
}
