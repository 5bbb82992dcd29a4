/**
 * Random small organisations for the incidents/improvements/visibility differential test: calendar helpers that work on `YYYY-MM-DD` strings, and a generator that writes canonical CSV files.
 * Dates cluster near the boundaries that matter (first/last day of P, T - 12/24 months, exactly 48 h,
 * exactly 30 days, exactly the recurrence window) and timestamps come with `Z`, with an offset, without
 * an offset (read in the configured zone) or as a bare date.
 */
import { TZDate } from '@date-fns/tz';
import { Rng } from './random.js';

// ---------- calendar dates as strings ----------
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const dayNumber = (d: string): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
export const fromDayNumber = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
export const addDaysD = (d: string, n: number): string => fromDayNumber(dayNumber(d) + n);
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** date-fns addMonths: the day is clamped to the last day of the target month (Jan 31 + 1 month = Feb 28/29). */
export const addMonthsD = (d: string, n: number): string => {
  const total = +d.slice(0, 4) * 12 + (+d.slice(5, 7) - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return `${y}-${pad(m)}-${pad(Math.min(+d.slice(8, 10), daysInMonth(y, m)))}`;
};
export const minD = (a: string, b: string): string => (a < b ? a : b);
export const maxD = (a: string, b: string): string => (a > b ? a : b);

// ---------- instants in a time zone ----------
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
/** The calendar date of an instant in the zone. */
export const dateInZone = (ms: number, tz: string): string => {
  let f = dateFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(tz, f);
  }
  return f.format(new Date(ms));
};
/** The instant of a wall-clock time in the zone. */
export const wallToInstant = (d: string, h: number, mi: number, s: number, tz: string): number =>
  new TZDate(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), h, mi, s, 0, tz).getTime();
const wallClock = (ms: number, tz: string): { date: string; h: number; mi: number; s: number } => {
  const t = new TZDate(ms, tz);
  return { date: `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`, h: t.getHours(), mi: t.getMinutes(), s: t.getSeconds() };
};

/** A calendar date as written in a date column: mostly `YYYY-MM-DD`, sometimes a timestamp on that date in the zone. */
export function formatDate(rng: Rng, d: string, tz: string): string {
  if (!rng.chance(0.2)) return d;
  const [h, mi] = rng.pick<[number, number]>([[0, 0], [23, 59], [12, 30], [6, 0], [21, 15]]);
  return formatTs(rng, wallToInstant(d, h, mi, 0, tz), tz);
}

export interface Ts { readonly ms: number; readonly text: string }

/** Writes an instant as one of the accepted timestamp forms. */
export function formatTs(rng: Rng, ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  const sameInstant = wallToInstant(w.date, w.h, w.mi, w.s, tz) === ms;
  const r = rng.next();
  if (r < 0.1 && sameInstant && w.h === 0 && w.mi === 0 && w.s === 0) return w.date; // bare date: midnight in the zone
  if (r < 0.35 && sameInstant && !(w.h >= 0 && w.h <= 4)) {
    // no offset: read in the configured zone (kept away from the hours where DST makes it ambiguous)
    return `${w.date}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
  }
  if (r < 0.65) return new Date(ms).toISOString().replace('.000Z', 'Z');
  if (r < 0.7) return new Date(ms).toISOString(); // with milliseconds
  const off = rng.pick([-600, -300, -210, 0, 330, 345, 780, 840]);
  const wall = new Date(ms + off * 60_000).toISOString().slice(0, ms % 1000 === 0 ? 19 : 23); // milliseconds kept
  const sign = off < 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

// ---------- the generated organisation ----------
export type Level = 'technician' | 'ops1' | 'ops1_senior' | 'manager' | 'ops2' | 'senior_architect' | 'strategy_lead' | 'other';
export const TWO_TRACK: readonly Level[] = ['ops2', 'senior_architect', 'strategy_lead'];
export const TRADITIONAL: readonly Level[] = ['technician', 'ops1', 'ops1_senior', 'manager'];
const TITLES: Record<Level, readonly string[]> = {
  technician: ['Operations Technician', 'operations technician'],
  ops1: ['Ops Engineer 1.0', 'Ops Engineer', 'Operations Engineer', ' OPS ENGINEER '],
  ops1_senior: ['Senior Ops Engineer', 'Senior Operations Engineer'],
  manager: ['Operations Manager'],
  ops2: ['Ops Engineer 2.0', 'Operations Architect', 'Infrastructure Operations Specialist', 'ops engineer 2.0'],
  senior_architect: ['Senior Operations Architect'],
  strategy_lead: ['Operations Strategy Lead', 'OPERATIONS STRATEGY LEAD'],
  other: ['Product Manager', 'Data Scientist'],
};

export interface Person {
  id: string;
  hire: string;
  /** The roster's hire_date when it differs from the first history row (a rehire: the latest hire). */
  rosterHire?: string | undefined;
  termination?: string | undefined;
  /** Level changes in file order (dates non-decreasing); the first is the hire. */
  rows: { date: string; level: Level; title: string }[];
  /** Written to job_history (else the roster alone describes the person). */
  inHistory: boolean;
  /** Roster's title_start_date when written. */
  titleStart?: string | undefined;
}
export interface Incident {
  id: string; opened: Ts; priorityText: string; service: string; category: string;
  resolved?: Ts | undefined; rca?: Ts | undefined; recurrenceOf?: string | undefined;
}
export interface ActionItem { id: string; incidentId: string; created: Ts; completed?: Ts | undefined }
export interface Improvement {
  id: string; owner: string; completedOn: string; kind: string; criticalText: string; significantText: string;
  significant: boolean; before?: number | undefined; after?: number | undefined; beforeText: string; afterText: string;
}
export interface Snapshot { measuredOn: string; automated: number; total: number }
export interface Meeting { employee: string; date: string; kind: string; counts: boolean }
export interface Requirement { id: string; sourcedBy: string; raisedOn: string; incorporatedOn?: string | undefined }
export interface Allocation { employee: string; periodStart: string; category: string; isTask: boolean; hours: number }

export interface Config {
  timezone?: string | undefined;
  programStart?: string | undefined;
  rca?: { clockStartsAt?: 'resolved' | 'opened' | undefined; hours?: number | undefined };
  priorities?: Record<string, string> | undefined;
  recurrence?: { infer?: boolean | undefined; windowDays?: number | undefined };
  thresholds?: { task_execution?: number | undefined } | undefined;
  targets?: Record<string, number> | undefined;
}
export interface Period { args: string[]; start: string; end: string; fullQuarter: boolean }
/** The text of a date in a file: written by orgFiles with formatDate. */
export type DateWriter = (d: string) => string;

export interface Org {
  config: Config;
  period: Period;
  people: Person[];
  /** false: no people.csv (nor job_history.csv). */
  withPeople: boolean;
  withHistory: boolean;
  seed: number;
  /** Optional columns left out of their file altogether (`dataset.column`). */
  dropped: Set<string>;
  incidents?: Incident[] | undefined;
  actionItems?: ActionItem[] | undefined;
  improvements?: Improvement[] | undefined;
  coverage?: Snapshot[] | undefined;
  meetings?: Meeting[] | undefined;
  requirements?: Requirement[] | undefined;
  allocations?: Allocation[] | undefined;
}

const quarterOf = (d: string): { start: string; end: string } => {
  const y = +d.slice(0, 4);
  const q = Math.floor((+d.slice(5, 7) - 1) / 3);
  const start = `${y}-${pad(q * 3 + 1)}-01`;
  return { start, end: addDaysD(addMonthsD(start, 3), -1) };
};

function pickPeriod(rng: Rng): Period {
  const r = rng.next();
  if (r < 0.55) {
    const y = rng.pick([2024, 2025, 2026]);
    const q = rng.int(1, 4);
    const start = `${y}-${pad(q * 3 - 2)}-01`;
    return { args: ['--period', `${y}-Q${q}`], start, end: addDaysD(addMonthsD(start, 3), -1), fullQuarter: true };
  }
  if (r < 0.62) {
    // --period with an earlier --as-of: the quarter cut at that date
    const y = rng.pick([2024, 2025, 2026]);
    const q = rng.int(1, 4);
    const start = `${y}-${pad(q * 3 - 2)}-01`;
    const end = addDaysD(start, rng.pick([0, 1, 28, 59, 60, 89, 90, 91, 150])); // an as-of after the quarter leaves it whole
    const qEnd = addDaysD(addMonthsD(start, 3), -1);
    return { args: ['--period', `${y}-Q${q}`, '--as-of', end], start, end: minD(end, qEnd), fullQuarter: end >= qEnd };
  }
  if (r < 0.75) {
    const y = rng.pick([2024, 2025, 2026]);
    if (rng.chance(0.3)) {
      // a year cut at an as-of date
      const end = rng.pick([`${y}-02-29`, `${y}-06-30`, `${y}-03-31`, `${y}-01-01`]).replace(/^(\d+)-02-29$/, (m, yy: string) => (+yy % 4 === 0 ? m : `${yy}-02-28`));
      return { args: ['--period', String(y), '--as-of', end], start: `${y}-01-01`, end, fullQuarter: false };
    }
    return { args: ['--period', String(y)], start: `${y}-01-01`, end: `${y}-12-31`, fullQuarter: false };
  }
  // --as-of alone: the quarter holding that date, cut at it (sometimes the quarter's own last day)
  // (some just after a DST change in New York / London, so 48 h and 30 days straddle it near T)
  const asOf = rng.pick(['2025-03-10', '2025-11-03', '2026-03-09', '2024-11-04', '2025-03-31', '2024-02-29', '2026-03-08', '2025-11-02',
    '2026-03-29', '2025-10-26', '2025-04-06', '2025-09-28', '2026-04-05', '2025-10-05', '2025-02-28', '2026-03-31', '2025-08-15', '2026-06-30', '2024-12-31', '2026-07-01', '2025-05-31']);
  const q = quarterOf(asOf);
  return { args: ['--as-of', asOf], start: q.start, end: asOf, fullQuarter: asOf === q.end };
}

export function generateOrg(seed: number): Org {
  const rng = new Rng(seed);
  const config: Config = {};
  if (rng.chance(0.7)) config.timezone = rng.pick(['UTC', 'America/New_York', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'Pacific/Kiritimati', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Pago_Pago']);
  const tz = config.timezone ?? 'UTC';
  const period = pickPeriod(rng);
  const T = period.end;
  const y1 = addMonthsD(T, -12);
  const y2 = addMonthsD(T, -24);
  if (rng.chance(0.3)) config.rca = rng.pick([{ clockStartsAt: 'opened' as const }, { hours: 24 }, { hours: 36.5 }, { clockStartsAt: 'resolved' as const, hours: 48 }, { clockStartsAt: 'opened' as const, hours: 72 }]);
  if (rng.chance(0.3)) config.recurrence = rng.pick([{ infer: false }, { windowDays: 30 }, { windowDays: 1 }, { infer: true, windowDays: 90 }]);
  if (rng.chance(0.25)) config.priorities = rng.pick([{ Sev0: 'P1' }, { Critical: 'P2', Urgent: 'P1' }, { ' sev-1 ': 'P3', high: 'P1' }]);
  if (rng.chance(0.25)) {
    // other targets, some equal to a likely value (a value equal to its target is met)
    const choices: Record<string, number[]> = {
      p1_rca_48h: [0.5, 1, 0.75], action_items_30d: [0.5, 1, 0], recurrence_reduction_yoy: [0, 0.5, -1],
      improvements_per_engineer_year: [0, 1, 0.5], routine_time_reduction: [0, 0.5], automation_coverage_growth: [1, 1.5, 3],
      roadmap_meetings_per_quarter: [0, 1, 3], requirements_incorporated_per_year: [0, 1],
    };
    config.targets = {};
    for (const [id, values] of Object.entries(choices)) if (rng.chance(0.5)) config.targets[id] = rng.pick(values);
  }
  if (rng.chance(0.2)) config.thresholds = { task_execution: rng.pick([0.1, 0.25, 0.5]) };

  // Boundary dates every dataset draws from.
  const anchors = [period.start, period.end, addDaysD(period.start, -1), addDaysD(period.end, 1), y1, addDaysD(y1, 1), addDaysD(y1, -1), y2, addDaysD(y2, 1),
    addDaysD(period.start, -30), addDaysD(period.end, -30), addDaysD(period.start, -31), addDaysD(period.end, -29), addDaysD(period.start, -2), addDaysD(period.end, -2),
    addDaysD(y1, 90), addDaysD(y1, 91), addDaysD(T, -89), addDaysD(T, -90), '2024-02-29', '2025-02-28', '2023-12-31'];
  const randomDate = (lo: string, hi: string): string => fromDayNumber(rng.int(dayNumber(lo), dayNumber(hi)));
  const someDate = (): string => (rng.chance(0.55) ? rng.pick(anchors) : randomDate(addMonthsD(T, -27), addDaysD(T, 20)));
  const someTime = (): [number, number, number] =>
    rng.chance(0.5) ? rng.pick<[number, number, number]>([[0, 0, 0], [23, 59, 59], [0, 0, 1], [12, 0, 0], [23, 0, 0]]) : [rng.int(0, 23), rng.pick([0, 15, 30, 59]), rng.pick([0, 0, 1, 59])];
  const ts = (ms: number): Ts => ({ ms, text: formatTs(rng, ms, tz) });
  const tsOn = (d: string): Ts => { const [h, mi, s] = someTime(); return ts(wallToInstant(d, h, mi, s, tz)); };

  // ---- people ----
  const people: Person[] = [];
  const withHistory = rng.chance(0.7);
  const nPeople = rng.int(5, 40);
  for (let i = 0; i < nPeople; i++) {
    const id = `E${pad(i + 1, 3)}`;
    const hire = rng.chance(0.15) ? rng.pick(anchors) : randomDate(addMonthsD(T, -36), addDaysD(T, 5));
    let level: Level = rng.chance(0.08) ? 'other' : rng.pick(rng.chance(0.4) ? TWO_TRACK : TRADITIONAL);
    const rows: Person['rows'] = [{ date: hire, level, title: rng.pick(TITLES[level]) }];
    let left2 = false; // left the 2.0 track to a traditional level: never re-enters (not modelled)
    let date = hire;
    const nMoves = level === 'other' ? 0 : rng.int(0, 3);
    for (let k = 0; k < nMoves; k++) {
      // the next change: sometimes the same day, sometimes on a boundary, else some weeks/months later
      const cands = anchors.filter((a) => a >= date);
      date = rng.chance(0.1) ? date : cands.length > 0 && rng.chance(0.4) ? rng.pick(cands) : addDaysD(date, rng.int(1, 400));
      const was2 = TWO_TRACK.includes(level);
      let next: Level;
      const r = rng.next();
      if (r < 0.08) next = 'other';
      else if (left2 || r < 0.45) next = rng.pick(TRADITIONAL);
      else next = rng.pick(TWO_TRACK);
      if (was2 && TRADITIONAL.includes(next)) left2 = true;
      level = next;
      rows.push({ date, level, title: rng.pick(TITLES[level]) });
      // A move to other mostly ends the history; sometimes the person comes back into ops later (a transfer
      // out and back in), but never back onto the 2.0 track after leaving it.
      if (level === 'other' && (left2 || TWO_TRACK.includes(rows[rows.length - 2]!.level) || rng.chance(0.7))) break;
    }
    let termination: string | undefined;
    if (rng.chance(0.25)) {
      // (sometimes a roster that kept an old termination date before later history rows)
      const last = rng.chance(0.1) ? rows[0]!.date : rows[rows.length - 1]!.date;
      const cands = anchors.filter((a) => a >= last);
      termination = cands.length > 0 && rng.chance(0.6) ? rng.pick(cands) : addDaysD(last, rng.int(0, 300));
    }
    const inHistory = withHistory && rng.chance(0.9);
    // Without history the roster's title_start_date (else the hire date) starts the current title.
    let titleStart: string | undefined;
    if (!inHistory) {
      if (rows.length > 1 || rng.chance(0.5)) titleStart = rows[rows.length - 1]!.date;
    }
    // A rehire: the roster holds the latest hire date, the history the earlier stint too.
    let rosterHire = inHistory && rows.length > 1 && rng.chance(0.15) ? rng.pick(rows.slice(1)).date : undefined;
    if (termination !== undefined && rosterHire !== undefined && termination < rosterHire) rosterHire = undefined; // (a check forbids it)
    people.push({ id, hire, rosterHire, termination, rows, inHistory, titleStart });
  }
  const ids = people.map((p) => p.id);
  const twoStarts = people.map((p) => p.rows.find((r) => TWO_TRACK.includes(r.level))?.date).filter((d): d is string => d !== undefined);
  if (rng.chance(0.5)) config.programStart = rng.chance(0.5) && twoStarts.length > 0 ? rng.pick(twoStarts) : rng.pick([addMonthsD(T, -18), addDaysD(addMonthsD(T, -18), 1), addMonthsD(T, -6), y1, '2024-02-29']);
  const personDates = (): string[] => people.flatMap((p) => p.rows.map((r) => r.date).concat(p.termination ? [p.termination] : []));
  const nearPerson = (): string => { const d = rng.pick(personDates()); return addDaysD(d, rng.pick([-1, 0, 0, 1, 30])); };
  const dateFor = (): string => (rng.chance(0.3) ? nearPerson() : someDate());
  const owner = (): string => (rng.chance(0.95) ? rng.pick(ids) : 'X999');
  const present = (): boolean => rng.chance(0.9);

  // ---- incidents ----
  const P1_TEXTS = ['P1', 'SEV1', 'SEV-1', 'SEV 1', 'Sev1', '1', 'Critical', 'Highest', 'p1', ' critical ', 'sev-1'];
  const OTHER_PRIORITIES = ['P2', 'SEV2', 'High', 'P3', 'Medium', 'P4', 'Low', 'P5', 'Lowest', 'Info', 'sev 2'];
  const SERVICES = ['api', 'db', ' api', 'web', '', 'API'];
  const CATEGORIES = ['config', 'capacity', '', 'Config', 'config '];
  let incidents: Incident[] | undefined;
  let actionItems: ActionItem[] | undefined;
  if (present()) {
    incidents = [];
    const n = rng.int(0, 28);
    const windowDays = config.recurrence?.windowDays ?? 90;
    for (let i = 0; i < n; i++) {
      const id = `INC-${pad(i + 1, 3)}`;
      let opened: Ts;
      let service = rng.pick(SERVICES);
      let category = rng.pick(CATEGORIES);
      const prev = incidents.length > 0 && rng.chance(0.3) ? rng.pick(incidents) : undefined;
      if (prev) {
        // a near-repeat of an earlier incident, exactly on the window's edge or just inside/outside it
        service = rng.chance(0.8) ? prev.service : service;
        category = rng.chance(0.8) ? prev.category : category;
        const delta = rng.pick([windowDays * 86_400_000, windowDays * 86_400_000 + 1, windowDays * 86_400_000 + 1000, windowDays * 86_400_000 - 1000, 0, 3_600_000, 86_400_000 * rng.int(1, 400)]);
        opened = ts(prev.opened.ms + delta);
      } else {
        opened = tsOn(someDate());
      }
      const extra = Object.keys(config.priorities ?? {}).map((k) => (rng.chance(0.3) ? ` ${k.toUpperCase()}` : k)); // matched case-insensitively after trimming
      const priorityText = rng.pick(rng.chance(0.55) ? [...P1_TEXTS, ...extra] : OTHER_PRIORITIES);
      let resolved: Ts | undefined;
      const hours = config.rca?.hours ?? 48;
      // The RCA clock set so that its due time is the first or last second of P in the zone (or one second
      // outside): across a DST change, hours of elapsed time and days of wall clock then differ in date.
      const dueEdge = rng.chance(0.25)
        ? rng.pick([wallToInstant(period.start, 0, 0, 0, tz), wallToInstant(addDaysD(period.end, 1), 0, 0, 0, tz)]) + rng.pick([0, -1000])
        : undefined;
      if (dueEdge !== undefined) {
        const clockStart = dueEdge - hours * 3_600_000;
        if (config.rca?.clockStartsAt === 'opened') opened = ts(clockStart);
        else {
          opened = ts(clockStart - rng.pick([0, 3_600_000, 86_400_000 * 3]));
          resolved = ts(clockStart);
        }
      } else if (rng.chance(0.8)) {
        resolved = rng.chance(0.5)
          ? ts(opened.ms + rng.pick([0, 60_000, 3_600_000 * rng.int(1, 60), 86_400_000 * rng.int(1, 20)]))
          : (() => { const d = maxD(dateInZone(opened.ms, tz), rng.pick(anchors.map((a) => addDaysD(a, -2)))); const t = tsOn(d); return t.ms >= opened.ms ? t : ts(opened.ms); })();
      }
      let rca: Ts | undefined;
      if (rng.chance(0.75)) {
        const base = resolved && rng.chance(0.8) ? resolved.ms : opened.ms;
        rca = ts(base + rng.pick([hours * 3_600_000, hours * 3_600_000 + 1, hours * 3_600_000 + 1000, hours * 3_600_000 - 1000, 0, 3_600_000 * rng.int(1, 200), 48 * 3_600_000]));
      }
      let recurrenceOf: string | undefined;
      if (rng.chance(0.25)) recurrenceOf = rng.chance(0.2) ? 'INC-OLD' : rng.chance(0.1) ? id : incidents.length > 0 ? rng.pick(incidents).id : 'INC-OLD';
      incidents.push({ id, opened, priorityText, service, category, resolved, rca, recurrenceOf });
    }
    // a later incident named by an earlier one's recurrence_of
    if (incidents.length > 2 && rng.chance(0.3)) incidents[0]!.recurrenceOf = incidents[incidents.length - 1]!.id;
    if (incidents.length > 0 && present()) {
      actionItems = [];
      const m = rng.int(0, 20);
      for (let i = 0; i < m; i++) {
        // created 30/31 days before a day of P's edges, near midnight: the due date is then on either side
        const created = rng.chance(0.5)
          ? ts(wallToInstant(rng.pick([addDaysD(period.start, -30), addDaysD(period.start, -31), addDaysD(period.end, -30), addDaysD(period.end, -29)]), ...rng.pick<[number, number, number]>([[0, 0, 0], [23, 59, 59], [0, 30, 0], [23, 30, 0], [12, 0, 0]]), tz))
          : tsOn(someDate());
        let completed: Ts | undefined;
        if (rng.chance(0.7)) {
          const due = new TZDate(created.ms, tz);
          due.setDate(due.getDate() + 30);
          // (sometimes before created_at: no check forbids it)
          completed = ts(rng.chance(0.05) ? created.ms - 86_400_000 : Math.max(created.ms, rng.pick([due.getTime(), due.getTime() + 1000, due.getTime() - 1000, created.ms + 86_400_000 * rng.int(0, 60), 30 * 86_400_000 + created.ms])));
        }
        actionItems.push({ id: `AI-${pad(i + 1, 3)}`, incidentId: rng.pick(incidents).id, created, completed });
      }
    }
  }

  // ---- improvements ----
  let improvements: Improvement[] | undefined;
  if (present()) {
    improvements = [];
    const n = rng.int(0, 25);
    for (let i = 0; i < n; i++) {
      const significantText = rng.pick(['', '', 'true', 'false', 'yes', 'no', 'Y', 'n', '1', '0', 'TRUE']);
      const significant = significantText === '' || ['true', 'yes', 'y', '1'].includes(significantText.toLowerCase());
      const before = rng.chance(0.7) ? rng.pick([0, 10, 30, 45.5, 120]) : undefined;
      const after = rng.chance(0.7) ? rng.pick([0, 5, 10, 30, 60, 200]) : undefined;
      improvements.push({
        id: `IMP-${pad(i + 1, 3)}`, owner: owner(), completedOn: dateFor(), kind: rng.pick(['design', 'redesign', 'improvement', 'Design']),
        criticalText: rng.pick(['', 'true', 'false']), significantText, significant,
        before, after, beforeText: before === undefined ? '' : String(before), afterText: after === undefined ? '' : ` ${String(after)} `,
      });
    }
  }

  // ---- automation coverage ----
  let coverage: Snapshot[] | undefined;
  if (present()) {
    coverage = [];
    const n = rng.int(0, 6);
    const covDates = [T, addDaysD(T, 1), config.programStart ?? y1, addDaysD(config.programStart ?? y1, 1), addDaysD(config.programStart ?? y1, -1), ...twoStarts.slice(0, 3)];
    for (let i = 0; i < n; i++) {
      const total = rng.int(1, 50);
      const measuredOn = rng.chance(0.6) ? rng.pick(covDates) : someDate();
      coverage.push({ measuredOn, total, automated: rng.chance(0.15) ? 0 : rng.int(0, total) });
    }
  }

  // ---- meetings ----
  let meetings: Meeting[] | undefined;
  if (present()) {
    meetings = [];
    const n = rng.int(0, 40);
    for (let i = 0; i < n; i++) {
      const kind = rng.pick(['product_roadmap', 'product_roadmap', 'Product_Roadmap', ' product_roadmap ', 'standup', 'roadmap']);
      meetings.push({ employee: owner(), date: rng.chance(0.5) ? rng.pick([period.start, period.end, addDaysD(period.start, -1), addDaysD(period.end, 1)]) : dateFor(), kind, counts: kind.trim().toLowerCase() === 'product_roadmap' });
    }
  }

  // ---- requirements ----
  let requirements: Requirement[] | undefined;
  if (present()) {
    requirements = [];
    const n = rng.int(0, 20);
    for (let i = 0; i < n; i++) {
      const raisedOn = dateFor();
      // (sometimes incorporated before it was raised: no check forbids it, and a raised_on after T_end drops the row)
      const incorporatedOn = rng.chance(0.7) ? (rng.chance(0.15) ? dateFor() : maxD(raisedOn, rng.chance(0.5) ? dateFor() : addDaysD(raisedOn, rng.int(0, 200)))) : undefined;
      requirements.push({ id: `REQ-${pad(i + 1, 3)}`, sourcedBy: owner(), raisedOn, incorporatedOn });
    }
  }

  // ---- time allocation ----
  let allocations: Allocation[] | undefined;
  if (present()) {
    allocations = [];
    const n = rng.int(0, 30);
    for (let i = 0; i < n; i++) {
      const category = rng.pick(['task_execution', 'Task_Execution', 'process_design', 'automation', 'other', 'incident_response']);
      allocations.push({ employee: owner(), periodStart: dateFor(), category, isTask: category.toLowerCase() === 'task_execution', hours: rng.pick([0, 1, 2.5, 8, 20, 40]) });
    }
  }

  const withPeople = rng.chance(0.95);
  const dropped = new Set<string>();
  for (const c of ['incidents.rca_completed_at', 'incidents.resolved_at', 'action_items.completed_at', 'requirements.incorporated_on']) if (rng.chance(0.05)) dropped.add(c);
  return { config, period, people, withPeople, withHistory: withHistory && withPeople, seed, dropped, incidents, actionItems, improvements, coverage, meetings, requirements, allocations };
}

// ---------- CSV files ----------
const cell = (v: string | number | undefined): string => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: (string | number | undefined)[][]): string =>
  [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';

/** The canonical CSV files (and the config) of an organisation, by file name. */
export function orgFiles(org: Org): Record<string, string> {
  const rng = new Rng(org.seed ^ 0x5eed);
  const tz = org.config.timezone ?? 'UTC';
  const dt = (d: string | undefined): string | undefined => (d === undefined ? undefined : formatDate(rng, d, tz));
  const files: Record<string, string> = {};
  /**
   * One dataset as CSV (mostly), a JSON array or NDJSON. In JSON, number columns are numbers, a
   * `true`/`false` flag a boolean, and an empty cell null.
   */
  const NUMBERS = new Set(['hours', 'automated_tasks', 'total_tasks', 'minutes_before', 'minutes_after']);
  const put = (name: string, fullHeader: string[], fullRows: (string | number | undefined)[][]): void => {
    const keep = fullHeader.map((h) => !org.dropped.has(`${name}.${h}`));
    const header = fullHeader.filter((_, i) => keep[i]);
    const rows = fullRows.map((row) => row.filter((_, i) => keep[i]));
    const r = rng.next();
    // (an empty NDJSON file is an error, and a JSON file without a key anywhere lacks that column: both CSV here)
    if (r < 0.75 || rows.length === 0) { files[`${name}.csv`] = csv(header, rows); return; }
    const objects = rows.map((row) => {
      const o: Record<string, unknown> = {};
      header.forEach((h, i) => {
        const v = row[i];
        if (v === undefined || (typeof v === 'string' && v.trim() === '')) { o[h] = null; return; }
        if (NUMBERS.has(h) || (h === 'priority' && /^\s*\d+\s*$/.test(String(v)))) o[h] = Number(v); // priority 1 as a JSON number
        else if ((h === 'significant' || h === 'critical') && /^(true|false)$/i.test(String(v))) o[h] = String(v).toLowerCase() === 'true';
        else o[h] = v;
      });
      return o;
    });
    if (r < 0.88) files[`${name}.json`] = JSON.stringify(objects, null, 1);
    else files[`${name}.ndjson`] = objects.map((o) => JSON.stringify(o)).join('\n') + '\n';
  };
  if (org.withPeople) put('people', ['employee_id', 'title', 'hire_date', 'title_start_date', 'termination_date'],
    org.people.map((p) => [p.id, p.rows[p.rows.length - 1]!.title, dt(p.rosterHire ?? p.hire), dt(p.titleStart), dt(p.termination)]));
  if (org.withHistory) {
    put('job_history', ['employee_id', 'effective_date', 'title', 'reason'],
      org.people.filter((p) => p.inHistory).flatMap((p) => p.rows.map((r, i) => [p.id, dt(r.date), r.title, i === 0 || r.date === p.rosterHire ? 'hire' : 'promotion'])));
  }
  if (org.incidents) {
    put('incidents', ['incident_id', 'opened_at', 'priority', 'title', 'service', 'resolved_at', 'rca_completed_at', 'root_cause_category', 'recurrence_of'],
      org.incidents.map((i) => [i.id, i.opened.text, i.priorityText, `Outage, "${i.id}"`, i.service, i.resolved?.text, i.rca?.text, i.category, i.recurrenceOf]));
  }
  if (org.actionItems) {
    put('action_items', ['action_id', 'incident_id', 'created_at', 'completed_at', 'owner_id'],
      org.actionItems.map((a) => [a.id, a.incidentId, a.created.text, a.completed?.text, 'E001']));
  }
  if (org.improvements) {
    put('improvements', ['improvement_id', 'owner_id', 'completed_on', 'process', 'kind', 'critical', 'significant', 'minutes_before', 'minutes_after'],
      org.improvements.map((m) => [m.id, m.owner, dt(m.completedOn), 'deploys', m.kind, m.criticalText, m.significantText, m.beforeText, m.afterText]));
  }
  if (org.coverage) {
    put('automation_coverage', ['measured_on', 'automated_tasks', 'total_tasks'], org.coverage.map((c) => [dt(c.measuredOn), c.automated, c.total]));
  }
  if (org.meetings) put('meetings', ['employee_id', 'date', 'kind'], org.meetings.map((m) => [m.employee, dt(m.date), m.kind]));
  if (org.requirements) {
    put('requirements', ['requirement_id', 'sourced_by', 'raised_on', 'incorporated_on'],
      org.requirements.map((r) => [r.id, r.sourcedBy, dt(r.raisedOn), dt(r.incorporatedOn)]));
  }
  if (org.allocations) {
    put('time_allocation', ['employee_id', 'period_start', 'category', 'hours'], org.allocations.map((a) => [a.employee, dt(a.periodStart), a.category, a.hours]));
  }
  files['ops-metrics.config.json'] = JSON.stringify(org.config, null, 2);
  return files;
}
