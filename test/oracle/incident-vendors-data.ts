/**
 * Random small incident histories for the round-trip test of the incident-tracker presets: each case is
 * one vendor (PagerDuty CSV, PagerDuty API JSON, Jira CSV, Opsgenie API JSON, incident.io API JSON), a
 * canonical data folder, and the same records written as that vendor's export. The converters below
 * follow README.md "Vendor exports" and /work/shared/research/export-formats.md, not the preset code.
 *
 * A record the vendor cannot express is not generated for it (Jira keeps minutes, a local time that
 * happens twice is read as the earlier one, PagerDuty's CSV has urgency only); a column it lacks is left
 * out of the canonical file too, so both folders lack it. Records a preset leaves out by rule (Jira
 * duplicates, incident.io test/declined incidents, deleted follow-ups) are written to the vendor file only.
 */
import { TZDate } from '@date-fns/tz';
import { addDaysD, addMonthsD, dateInZone, formatTs, wallToInstant } from './incidents-data.js';
import { Rng } from './random.js';

export const VENDORS = ['pagerduty-csv', 'pagerduty-api', 'jira', 'opsgenie', 'incidentio'] as const;
export type Vendor = (typeof VENDORS)[number];

/** Optional canonical incident columns a vendor case may carry (its own, or mapped by `columns`). */
export type Extra = 'rca_completed_at' | 'postmortem_lead_id' | 'postmortem_completed_at' | 'root_cause_category' | 'recurrence_of' | 'service';

export interface Incident {
  id: string;
  opened: number;
  /** Canonical priority text (P1..P5), or undefined when the vendor record gives no readable priority. */
  priority?: string | undefined;
  title: string;
  service: string;
  category: string;
  resolved?: number | undefined;
  rca?: number | undefined;
  lead?: string | undefined;
  pmDone?: number | undefined;
  recurrenceOf?: string | undefined;
  /** The vendor's own priority fields (written by the converter). */
  vendor: Record<string, unknown>;
  /** Set on records only the vendor file holds, which its preset leaves out by rule. */
  leftOut?: string | undefined;
}
export interface ActionItem {
  id: string;
  incidentId: string;
  created: number;
  completed?: number | undefined;
  /** Vendor status text (Jira resolution, incident.io follow-up status). */
  vendorStatus?: string | undefined;
  /** A vendor-only record: deleted follow-up, or an item of a left-out incident. */
  leftOut?: boolean | undefined;
  /** A vendor-side close time that is no completion (Jira Won't Do...). */
  closedAt?: number | undefined;
}
export interface Person { id: string; title: string; hire: string; titleStart?: string | undefined }

export interface Case {
  index: number;
  vendor: Vendor;
  config: Record<string, unknown>;
  tz: string;
  periodArgs: string[];
  T: string;
  people: Person[];
  incidents: Incident[];
  /** undefined: no action-item file. */
  actionItems?: ActionItem[] | undefined;
  /** Canonical columns the vendor case carries beyond the base ones. */
  extras: Set<Extra>;
  /** PagerDuty (CSV or API): whether the config says which urgency is P1. */
  urgencyMapped: boolean;
  /** Jira: incidents keyed by `Issue id` and sub-tasks naming it in `Parent` (mapped in the config), not by `Issue key`. */
  jiraById: boolean;
  improvements?: string | undefined;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

// ---------- wall clock ----------
export const wall = (ms: number, tz: string): { date: string; h: number; mi: number; s: number; ms: number } => {
  const t = new TZDate(ms, tz);
  return { date: `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`, h: t.getHours(), mi: t.getMinutes(), s: t.getSeconds(), ms: t.getMilliseconds() };
};
/** Offset of the zone at the instant, in minutes east of UTC. */
const offsetMinutes = (ms: number, tz: string): number => {
  const w = wall(ms, tz);
  const asUtc = Date.UTC(+w.date.slice(0, 4), +w.date.slice(5, 7) - 1, +w.date.slice(8, 10), w.h, w.mi, w.s, w.ms);
  return Math.round((asUtc - ms) / 60_000);
};
/** ISO 8601 at the zone's offset (PagerDuty's CSV: the account's zone, offset changing at DST). */
export const isoAtOffset = (ms: number, tz: string, withMs = false): string => {
  const off = offsetMinutes(ms, tz);
  const local = new Date(ms + off * 60_000).toISOString().slice(0, withMs ? 23 : 19);
  const a = Math.abs(off);
  return `${local}${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Jira's default complete date/time format `dd/MMM/yy h:mm a`, in the exporting user's zone. */
export const jiraDate = (ms: number, tz: string, format: 'default' | 'dmy24' | 'iso'): string => {
  const w = wall(ms, tz);
  const [y, m, d] = [w.date.slice(0, 4), +w.date.slice(5, 7), w.date.slice(8, 10)];
  if (format === 'dmy24') return `${d}/${pad(m)}/${y} ${pad(w.h)}:${pad(w.mi)}`;
  if (format === 'iso') return `${w.date}T${pad(w.h)}:${pad(w.mi)}`;
  const h12 = w.h % 12 === 0 ? 12 : w.h % 12;
  return `${d}/${MONTHS[m - 1]}/${y.slice(2)} ${h12}:${pad(w.mi)} ${w.h < 12 ? 'AM' : 'PM'}`;
};

// ---------- generation ----------
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'America/Los_Angeles'];
const ACCOUNT_ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];

function pickPeriod(rng: Rng): { args: string[]; start: string; end: string } {
  const r = rng.next();
  if (r < 0.6) {
    const y = rng.pick([2025, 2026]);
    const q = rng.int(1, 4);
    const start = `${y}-${pad(q * 3 - 2)}-01`;
    return { args: ['--period', `${y}-Q${q}`], start, end: addDaysD(addMonthsD(start, 3), -1) };
  }
  if (r < 0.75) {
    const y = rng.pick([2025, 2026]);
    return { args: ['--period', String(y)], start: `${y}-01-01`, end: `${y}-12-31` };
  }
  // an as-of just after a DST change (New York, London, Lord Howe, Berlin): 48 h and 30 days straddle it
  const asOf = rng.pick(['2025-03-10', '2025-11-03', '2026-03-09', '2025-03-31', '2025-10-27', '2026-04-06', '2025-10-06', '2025-11-02', '2026-03-08', '2026-03-29']);
  const q = Math.floor((+asOf.slice(5, 7) - 1) / 3);
  return { args: ['--as-of', asOf], start: `${asOf.slice(0, 4)}-${pad(q * 3 + 1)}-01`, end: asOf };
}

const SERVICES = ['api', 'db', ' api', 'web', '', 'API', 'checkout, eu'];
const CATEGORIES = ['config', 'capacity', '', 'Config', 'change "x"'];

export function generateCase(seed: number, index: number): Case {
  const rng = new Rng(seed + index * 7919);
  const vendor = VENDORS[index % VENDORS.length]!;
  const config: Record<string, unknown> = {};
  const tz = rng.chance(0.85) ? rng.pick(ZONES) : 'UTC';
  if (tz !== 'UTC' || rng.chance(0.5)) config.timezone = tz;
  const period = rngPeriod(rng);
  const T = period.end;
  if (rng.chance(0.25)) config.rca = rng.pick([{ clockStartsAt: 'opened' }, { hours: 24 }, { clockStartsAt: 'resolved', hours: 48 }]);
  if (rng.chance(0.2)) config.recurrence = rng.pick([{ windowDays: 30 }, { infer: false }, { windowDays: 1 }]);
  const rcaHours = (config.rca as { hours?: number } | undefined)?.hours ?? 48;
  const clockOpened = (config.rca as { clockStartsAt?: string } | undefined)?.clockStartsAt === 'opened';
  const windowDays = (config.recurrence as { windowDays?: number } | undefined)?.windowDays ?? 90;

  // Time grain the vendor keeps: Jira minutes, PagerDuty seconds, Opsgenie / incident.io milliseconds (and more).
  const grain = vendor === 'jira' ? 60_000 : vendor.startsWith('pagerduty') ? 1000 : 1;
  /** An instant the vendor can express; Jira's local times without offset read a repeated hour as its first pass. */
  const fit = (ms: number): number => {
    let x = Math.floor(ms / grain) * grain;
    if (vendor === 'jira') {
      const w = wall(x, tz);
      x = wallToInstant(w.date, w.h, w.mi, w.s, tz);
    }
    return x;
  };

  // ---- people: 2.0 engineers whose 6-month anniversary falls near T, and some others ----
  const people: Person[] = [];
  const nPeople = rng.int(2, 8);
  const starts: string[] = [];
  for (let i = 0; i < nPeople; i++) {
    const id = `E${pad(i + 1, 3)}`;
    const two = rng.chance(0.75);
    const s = rng.chance(0.5) ? addMonthsD(T, -rng.pick([6, 7, 9, 12])) : addDaysD(addMonthsD(T, -6), rng.int(-200, 10));
    const hire = addDaysD(s, -rng.pick([0, 0, 100, 400]));
    people.push({ id, title: two ? rng.pick(['Ops Engineer 2.0', 'Operations Architect']) : 'Ops Engineer', hire, titleStart: two ? s : undefined });
    if (two) starts.push(s);
  }
  const leadIds = [...people.map((p) => p.id), 'E999'];

  // ---- dates that matter ----
  const anchors = [period.start, period.end, addDaysD(period.start, -1), addDaysD(period.end, 1), addMonthsD(T, -12), addDaysD(addMonthsD(T, -12), 1),
    addMonthsD(T, -24), addDaysD(addMonthsD(T, -24), 1), addDaysD(period.start, -2), addDaysD(period.end, -2), addDaysD(period.start, -31), addDaysD(period.end, -30)];
  const someDate = (): string => (rng.chance(0.5) ? rng.pick(anchors) : addDaysD(addMonthsD(T, -26), rng.int(0, 800)));
  const onDate = (d: string): number => {
    const [h, mi, s] = rng.chance(0.4) ? rng.pick<[number, number, number]>([[0, 0, 0], [23, 59, 59], [0, 30, 0], [23, 30, 0], [1, 30, 0], [2, 30, 0]]) : [rng.int(0, 23), rng.int(0, 59), rng.int(0, 59)];
    return fit(wallToInstant(d, h, mi, s, tz) + (grain === 1 ? rng.int(0, 999) : 0));
  };
  const later = (from: number, deltas: number[]): number => {
    // a time at or after `from` (never before opened_at: that is an error)
    const x = fit(from + rng.pick(deltas));
    return x < from ? from : x;
  };
  const H = 3_600_000;

  // ---- priorities, per vendor ----
  let urgencyMapped = false;
  const priorityFor = (): { priority?: string | undefined; vendor: Record<string, unknown> } => {
    const level = rng.chance(0.5) ? 1 : rng.int(2, 5);
    switch (vendor) {
      case 'pagerduty-csv': {
        const urgency = rng.chance(0.5) ? 'high' : 'low';
        return { priority: urgencyMapped ? (urgency === 'high' ? 'P1' : 'P3') : undefined, vendor: { urgency } };
      }
      case 'pagerduty-api': {
        const urgency = rng.pick(['high', 'low', 'high', null]);
        if (rng.chance(0.8)) return { priority: `P${level}`, vendor: { priority: pdNames[level - 1], urgency } };
        // an account without priorities: null priority, urgency only
        const p = urgency === null || !urgencyMapped ? undefined : urgency === 'high' ? 'P1' : 'P3';
        return { priority: p, vendor: { priority: null, urgency } };
      }
      case 'jira': {
        const names = jiraNames;
        const name = rng.pick(names[level - 1]!);
        return { priority: `P${level}`, vendor: { priority: name } };
      }
      case 'opsgenie':
        return { priority: `P${level}`, vendor: { priority: `P${level}` } };
      case 'incidentio': {
        const rank = rankOf[level];
        if (rank === undefined) return priorityFor();
        const name = rng.chance(0.7) ? ({ 1: 'Minor', 2: 'Major', 3: 'Critical' } as Record<number, string>)[rank] ?? `Sev ${rank}` : rng.pick(['SEV1', 'Severe', `SEV${5 - rank}`]);
        return { priority: `P${level}`, vendor: { rank, severityName: name } };
      }
    }
  };
  // Jira: both default schemes (Blocker P1, Critical P2 ...), and sometimes renamed priorities mapped in the config.
  let jiraNames: string[][] = [['Highest', 'Blocker', 'highest'], ['High', 'Critical'], ['Medium', 'Major'], ['Low', 'Minor'], ['Lowest', 'Trivial']];
  // incident.io: default ranks 3/2/1 → P1/P2/P3; or four ranks mapped in the config.
  let rankOf: Record<number, number | undefined> = { 1: 3, 2: 2, 3: 1 };
  // PagerDuty: P1..P5 by default, or renamed priorities mapped in the config (Sev1 is P2 there, where the default names say P1).
  let pdNames = ['P1', 'P2', 'P3', 'P4', 'P5'];
  if (vendor.startsWith('pagerduty')) {
    urgencyMapped = rng.chance(vendor === 'pagerduty-csv' ? 0.8 : 0.7);
    if (urgencyMapped) config.priorities = rng.pick([{ high: 'P1', low: 'P3' }, { High: 'P1', LOW: 'P3' }, { ' high ': 'P1', low: 'P3' }]);
    if (vendor === 'pagerduty-api' && rng.chance(0.25)) {
      pdNames = ['Sev0', 'Sev1', 'Sev2', 'Sev3', 'Sev4'];
      config.priorities = { ...(config.priorities as object | undefined), Sev0: 'P1', Sev1: 'P2', Sev2: 'P3', Sev3: 'P4', Sev4: 'P5' };
    }
  } else if (vendor === 'jira') {
    const r = rng.next();
    if (r < 0.2) {
      config.priorities = { 'Sev A': 'P1', 'Sev B': 'P2', 'Sev C': 'P3' };
      jiraNames = [['Sev A'], ['Sev B', 'High'], ['Sev C', 'Major'], ['Low'], ['Trivial']];
    } else if (r < 0.35) {
      config.priorities = { Critical: 'P1' }; // restating a default makes Jira's Critical a P1
      jiraNames = [['Highest', 'Critical', 'Blocker'], ['High'], ['Medium', 'Major'], ['Low', 'Minor'], ['Lowest', 'Trivial']];
    }
  } else if (vendor === 'incidentio' && rng.chance(0.3)) {
    config.priorities = { 'rank 4': 'P1', 'rank 3': 'P2', 'rank 2': 'P3', 'rank 1': 'P4' };
    rankOf = { 1: 4, 2: 3, 3: 2, 4: 1 };
  }

  // ---- which optional columns this case carries ----
  const extras = new Set<Extra>();
  const BASE: Record<Vendor, Extra[]> = { 'pagerduty-csv': ['service'], 'pagerduty-api': ['service'], jira: ['service', 'root_cause_category'], opsgenie: ['service'], incidentio: [] };
  for (const e of BASE[vendor]) extras.add(e);
  for (const e of ['rca_completed_at', 'postmortem_lead_id', 'postmortem_completed_at', 'root_cause_category', 'recurrence_of', 'service'] as Extra[]) {
    if (!extras.has(e) && rng.chance(0.6)) extras.add(e);
  }

  // ---- incidents ----
  const incidents: Incident[] = [];
  const n = rng.int(0, 22);
  const idOf = (i: number): string => {
    switch (vendor) {
      case 'pagerduty-csv': case 'pagerduty-api': return String(1000 + i * rng.int(1, 3) + rng.int(0, 1) * 0);
      case 'opsgenie': return String(1200 + i);
      case 'jira': return jiraById ? String(10_100 + i) : `OPS-${100 + i}`;
      case 'incidentio': return `01HV${Array.from({ length: 22 }, () => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[rng.int(0, 31)]).join('')}`;
    }
  };
  const jiraById = vendor === 'jira' && rng.chance(0.25);
  const used = new Set<string>();
  const freshId = (i: number): string => { let id = idOf(i); while (used.has(id)) id = `${id}7`; used.add(id); return id; };
  const total = n + (vendor === 'jira' || vendor === 'incidentio' ? rng.int(0, 4) : 0);
  for (let i = 0; i < total; i++) {
    const leftOut = i >= n ? (vendor === 'jira' ? rng.pick(['Duplicate', 'Cannot Reproduce', 'Declined']) : rng.pick(['mode:test', 'mode:tutorial', 'status:declined', 'status:merged', 'status:canceled'])) : undefined;
    const prev = incidents.length > 0 && rng.chance(0.35) ? rng.pick(incidents) : undefined;
    let service = rng.pick(SERVICES);
    let category = rng.pick(CATEGORIES);
    let opened: number;
    if (prev) {
      service = rng.chance(0.8) ? prev.service : service;
      category = rng.chance(0.8) ? prev.category : category;
      opened = later(prev.opened, [windowDays * 86_400_000, windowDays * 86_400_000 + grain, windowDays * 86_400_000 - 60_000, H, 0, 86_400_000 * rng.int(1, 300)]);
    } else if (starts.length > 0 && rng.chance(0.25)) {
      const s = rng.pick(starts);
      opened = onDate(rng.pick([s, addDaysD(s, -1), addMonthsD(s, 6), addDaysD(addMonthsD(s, 6), 1), addDaysD(s, 40)]));
    } else opened = onDate(someDate());
    const prio = priorityFor();
    let resolved: number | undefined;
    const dueEdge = rng.chance(0.2) ? rng.pick([wallToInstant(period.start, 0, 0, 0, tz), wallToInstant(addDaysD(period.end, 1), 0, 0, 0, tz)]) - rng.pick([0, grain]) : undefined;
    if (dueEdge !== undefined && !clockOpened && dueEdge - rcaHours * H > opened) resolved = fit(dueEdge - rcaHours * H);
    else if (rng.chance(0.75)) resolved = later(opened, [0, 60_000, H * rng.int(1, 60), 86_400_000 * rng.int(1, 20), 86_400_000 * rng.int(20, 120)]);
    let rca: number | undefined;
    if (rng.chance(0.7)) {
      const base = resolved !== undefined && !clockOpened ? resolved : opened;
      rca = later(base, [rcaHours * H, rcaHours * H + grain, rcaHours * H - grain, rcaHours * H + 1000, 0, H * rng.int(1, 200)]);
    }
    let lead: string | undefined;
    let pmDone: number | undefined;
    if (rng.chance(0.6)) {
      lead = rng.pick(leadIds);
      if (rng.chance(0.7)) {
        const s = starts.length > 0 ? rng.pick(starts) : T;
        pmDone = rng.chance(0.6) ? onDate(rng.pick([s, addDaysD(s, -1), addMonthsD(s, 6), addDaysD(addMonthsD(s, 6), 1)])) : later(opened, [86_400_000 * rng.int(0, 30)]);
      }
    }
    let recurrenceOf: string | undefined;
    if (rng.chance(0.2) && incidents.length > 0) recurrenceOf = rng.pick(incidents).id;
    else if (rng.chance(0.05)) recurrenceOf = vendor === 'jira' && !jiraById ? 'OPS-1' : '900';
    const id = freshId(i);
    incidents.push({ id, opened, priority: prio.priority, vendor: prio.vendor, title: `Outage ${id}, "${service.trim() || 'svc'}"`, service, category, resolved, rca, lead, pmDone, recurrenceOf, leftOut });
  }
  // A kept incident that names a left-out one as the incident it repeats (in the canonical file, an id not in the data).
  const kept = incidents.filter((x) => x.leftOut === undefined);
  const dropped = incidents.filter((x) => x.leftOut !== undefined);
  if (dropped.length > 0 && kept.length > 0 && rng.chance(0.5)) rng.pick(kept).recurrenceOf = rng.pick(dropped).id;
  // The vendor file holds the left-out records among the others, in opened order or not.
  if (rng.chance(0.5)) incidents.sort((a, b) => a.opened - b.opened);

  // ---- action items ----
  let actionItems: ActionItem[] | undefined;
  if (incidents.length > 0 && (vendor === 'jira' || vendor === 'incidentio' ? rng.chance(0.85) : rng.chance(0.5))) {
    actionItems = [];
    const m = rng.int(0, 16);
    for (let i = 0; i < m; i++) {
      const inc = rng.pick(incidents);
      const leftOutIncident = inc.leftOut !== undefined;
      const created = rng.chance(0.5)
        ? fit(wallToInstant(rng.pick([addDaysD(period.start, -30), addDaysD(period.start, -31), addDaysD(period.end, -30), addDaysD(period.end, -29)]), ...rng.pick<[number, number, number]>([[0, 0, 0], [23, 59, 0], [0, 30, 0], [23, 30, 0], [12, 0, 0], [1, 30, 0]]), tz))
        : onDate(someDate());
      const dueT = new TZDate(created, tz);
      dueT.setDate(dueT.getDate() + 30);
      const due = dueT.getTime();
      const doneAt = later(created, [due - created, due - created + grain, due - created - grain, 86_400_000 * rng.int(0, 60)]);
      const item: ActionItem = { id: vendor === 'jira' ? `OPS-${500 + i}` : vendor === 'incidentio' ? `01FU${pad(i, 4)}` : `AI-${i}`, incidentId: inc.id, created, leftOut: leftOutIncident };
      const r = rng.next();
      if (vendor === 'jira') {
        if (r < 0.5) { item.vendorStatus = rng.pick(['Done', 'Fixed']); item.completed = doneAt; }
        else if (r < 0.7) { item.vendorStatus = rng.pick(["Won't Do", 'Duplicate', 'Cannot Reproduce', "Won't Fix", 'Declined']); item.closedAt = doneAt; }
        else item.vendorStatus = '';
      } else if (vendor === 'incidentio') {
        if (r < 0.5) { item.vendorStatus = 'completed'; item.completed = doneAt; }
        else if (r < 0.65) item.vendorStatus = 'not_doing';
        else if (r < 0.75) { item.vendorStatus = 'deleted'; item.leftOut = true; }
        else item.vendorStatus = 'outstanding';
      } else if (r < 0.6) item.completed = doneAt;
      if (vendor !== 'jira' && vendor !== 'incidentio' && leftOutIncident) continue;
      actionItems.push(item);
    }
  }
  let improvements: string | undefined;
  if (rng.chance(0.4)) {
    const rows = Array.from({ length: rng.int(0, 3) }, (_, i) => `IMP-${i},${rng.pick(people).id},${rng.pick([period.start, period.end, addDaysD(period.start, -1)])},deploys,design`);
    improvements = ['improvement_id,owner_id,completed_on,process,kind', ...rows].join('\n') + '\n';
  }
  return { index, vendor, config, tz, periodArgs: period.args, T, people, incidents, actionItems, extras, urgencyMapped, jiraById, improvements };
}
const rngPeriod = pickPeriod;

// ---------- files ----------
const cell = (v: string | number | undefined | null): string => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function csvText(rng: Rng, header: string[], rows: (string | number | undefined | null)[][], opts: { bom?: boolean; crlf?: boolean; shuffle?: boolean } = {}): string {
  let order = header.map((_, i) => i);
  if (opts.shuffle) {
    for (let i = order.length - 1; i > 0; i--) { const j = rng.int(0, i); [order[i], order[j]] = [order[j]!, order[i]!]; }
  }
  const eol = opts.crlf ? '\r\n' : '\n';
  const lines = [order.map((i) => cell(header[i])).join(','), ...rows.map((r) => order.map((i) => cell(r[i])).join(','))];
  return (opts.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}

const CANONICAL_ORDER: Extra[] = ['service', 'rca_completed_at', 'postmortem_lead_id', 'postmortem_completed_at', 'root_cause_category', 'recurrence_of'];

/** The canonical folder: incidents (the columns the vendor case carries), action items, people, config. */
export function canonicalFiles(c: Case, seed: number): Record<string, string> {
  const rng = new Rng(seed ^ (c.index * 31 + 0x5eed));
  const ts = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : formatTs(rng, ms, c.tz));
  const files: Record<string, string> = {};
  const cols = CANONICAL_ORDER.filter((e) => c.extras.has(e));
  const header = ['incident_id', 'opened_at', 'priority', 'title', 'resolved_at', ...cols];
  const rows = c.incidents.filter((i) => i.leftOut === undefined).map((i) => {
    const v: Record<Extra, string | undefined> = {
      service: i.service, rca_completed_at: ts(i.rca), postmortem_lead_id: i.lead, postmortem_completed_at: ts(i.pmDone),
      root_cause_category: i.category, recurrence_of: i.recurrenceOf,
    };
    // an incident whose vendor record gives no readable priority: any canonical priority (its P1 measures are compared apart)
    return [i.id, ts(i.opened), i.priority ?? 'P3', i.title, ts(i.resolved), ...cols.map((e) => v[e])];
  });
  // A JSON export with no record says nothing of its columns (README): its canonical equivalent is an empty JSON array.
  // An incident.io export whose every incident is left out (test, declined...) has records, whose keys say
  // which columns it has: its equivalent is a header alone.
  if (c.vendor !== 'pagerduty-csv' && c.vendor !== 'jira' && c.incidents.length === 0) files['incidents.json'] = '[]\n';
  else files['incidents.csv'] = csvText(rng, header, rows);
  if (c.actionItems) {
    files['action_items.csv'] = csvText(rng, ['action_id', 'incident_id', 'created_at', 'completed_at'],
      c.actionItems.filter((a) => !a.leftOut).map((a) => [a.id, a.incidentId, ts(a.created), ts(a.completed)]));
  }
  Object.assign(files, commonFiles(c));
  files['ops-metrics.config.json'] = JSON.stringify(c.config, null, 2);
  return files;
}

function commonFiles(c: Case): Record<string, string> {
  const files: Record<string, string> = {};
  files['people.csv'] = ['employee_id,title,hire_date,title_start_date', ...c.people.map((p) => `${p.id},${p.title},${p.hire},${p.titleStart ?? ''}`)].join('\n') + '\n';
  if (c.improvements !== undefined) files['improvements.csv'] = c.improvements;
  return files;
}

/** Source names of the mapped extra columns, per vendor. */
const EXTRA_SOURCES: Record<Vendor, Partial<Record<Extra, string>>> = {
  'pagerduty-csv': { rca_completed_at: 'rca_completed_on', postmortem_lead_id: 'postmortem_lead', postmortem_completed_at: 'postmortem_completed_on', root_cause_category: 'root_cause', recurrence_of: 'repeats_incident' },
  'pagerduty-api': { rca_completed_at: 'custom_rca_completed_at', postmortem_lead_id: 'custom_postmortem_lead', postmortem_completed_at: 'custom_postmortem_completed_at', root_cause_category: 'custom_root_cause', recurrence_of: 'custom_repeats' },
  jira: { rca_completed_at: 'Custom field (RCA completed)', postmortem_lead_id: 'Custom field (Postmortem lead ID)', postmortem_completed_at: 'Custom field (Postmortem completed)', recurrence_of: 'Custom field (Recurrence of)' },
  opsgenie: { rca_completed_at: 'details.RCA completed', postmortem_lead_id: 'details.Postmortem lead', postmortem_completed_at: 'details.Postmortem completed', root_cause_category: 'details.Root cause', recurrence_of: 'details.Repeats' },
  incidentio: {
    rca_completed_at: 'incident_timestamp_values[incident_timestamp.name=RCA completed].value.value',
    postmortem_completed_at: 'incident_timestamp_values[incident_timestamp.name=Postmortem completed].value.value',
    postmortem_lead_id: 'postmortem_lead_employee_id', root_cause_category: 'root_cause', recurrence_of: 'repeats_incident', service: 'affected_service',
  },
};

/** The vendor folder: the export file(s), the same people (and improvements) as canonical, and the config with presets. */
export function vendorFiles(c: Case, seed: number): Record<string, string> {
  const rng = new Rng(seed ^ (c.index * 131 + 0xbeef));
  const files: Record<string, string> = { ...commonFiles(c) };
  const config: Record<string, unknown> = JSON.parse(JSON.stringify(c.config)) as Record<string, unknown>;
  const columns: Record<string, string> = {};
  const datasets: Record<string, unknown> = {};
  const src = EXTRA_SOURCES[c.vendor];
  const mapExtras = (): void => {
    for (const e of c.extras) { const s = src[e]; if (s !== undefined) columns[s] = e; }
  };
  const keep = c.incidents; // every record: the left-out ones too
  const canonicalItems = (): void => {
    if (c.actionItems) {
      files['action_items.csv'] = csvText(rng, ['action_id', 'incident_id', 'created_at', 'completed_at'],
        c.actionItems.map((a) => [a.id, a.incidentId, new Date(a.created).toISOString(), a.completed === undefined ? undefined : new Date(a.completed).toISOString()]));
    }
  };
  switch (c.vendor) {
    case 'pagerduty-csv': {
      const zone = rng.pick(ACCOUNT_ZONES);
      const t = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : isoAtOffset(ms, zone));
      const header = ['id', 'incident_number', 'description', 'service_id', 'service_name', 'escalation_policy_id', 'escalation_policy_name', 'created_on', 'resolved_on',
        'seconds_to_first_ack', 'seconds_to_resolve', 'auto_resolved', 'escalation_count', 'auto_escalation_count', 'acknowledge_count', 'assignment_count',
        'acknowledged_by_user_ids', 'acknowledged_by_user_names', 'assigned_to_user_ids', 'assigned_to_user_names', 'resolved_by_user_id', 'resolved_by_user_name', 'urgency'];
      const extraCols = [...c.extras].filter((e) => src[e] !== undefined);
      const rows = keep.map((i) => [
        `Q${i.id}XYZ`, i.id, i.title, `PSVC${i.service.length}`, i.service, 'PEP001', 'On-call', t(i.opened), t(i.resolved),
        rng.chance(0.5) ? '' : rng.int(1, 900), i.resolved === undefined ? '' : Math.round((i.resolved - i.opened) / 1000), rng.pick(['0', '1']), 0, 0, 1, 1,
        'PU0001', 'Ana Lee', 'PU0001,PU0002', 'Ana Lee,Bo Chen', '', '', String(i.vendor.urgency),
        ...extraCols.map((e) => (e === 'rca_completed_at' ? t(i.rca) : e === 'postmortem_completed_at' ? t(i.pmDone) : e === 'postmortem_lead_id' ? i.lead : e === 'root_cause_category' ? i.category : i.recurrenceOf)),
      ]);
      const path = rng.pick(['incidents.csv', 'PagerDuty incidents.csv', 'pd_export.csv']);
      files[path] = csvText(rng, [...header, ...extraCols.map((e) => src[e]!)], rows, { bom: rng.chance(0.3), crlf: rng.chance(0.5), shuffle: rng.chance(0.3) });
      if (c.urgencyMapped) columns.urgency = 'priority';
      mapExtras();
      datasets.incidents = { path, preset: rng.chance(0.3) ? 'pagerduty' : 'pagerduty-csv', ...(Object.keys(columns).length > 0 ? { columns } : {}) };
      canonicalItems();
      break;
    }
    case 'pagerduty-api': {
      const form = rng.next();
      const t = (ms: number | undefined): string | null => {
        if (ms === undefined) return null;
        const r = rng.next();
        // REST API v2 DateTime: ISO 8601; lists use Z (`2015-10-06T21:30:42Z`), the types page shows `2011-05-06T17:00Z`
        if (r < 0.8 || ms % 60_000 !== 0) return new Date(ms).toISOString().replace('.000Z', 'Z');
        if (r < 0.9) return new Date(ms).toISOString().slice(0, 16) + 'Z';
        // `2011-05-06T03:30-07`: minutes, and an offset of whole hours
        const off = rng.pick([-7, -4, 0, 5, 9]);
        return `${new Date(ms + off * 3_600_000).toISOString().slice(0, 16)}${off < 0 ? '-' : '+'}${pad(Math.abs(off))}`;
      };
      const records = keep.map((i) => {
        const o: Record<string, unknown> = {
          id: `Q${i.id}XYZ`, type: 'incident', summary: `[#${i.id}] ${i.title}`, incident_number: Number(i.id), title: i.title, description: i.title,
          created_at: t(i.opened), updated_at: t(i.resolved ?? i.opened), status: i.resolved !== undefined ? 'resolved' : rng.pick(['triggered', 'acknowledged']),
          resolved_at: t(i.resolved), incident_key: `${i.service}/${i.id}`, urgency: i.vendor.urgency,
          priority: i.vendor.priority === null ? null : { id: `PPRI${String(i.vendor.priority)}`, type: 'priority_reference', summary: i.vendor.priority, name: i.vendor.priority },
          // (any field may be null unless required: a service reference without its summary is no service)
          service: { id: 'PSVC', type: 'service_reference', summary: i.service === '' ? null : i.service },
          teams: [], assignments: [], acknowledgements: [], pending_actions: [], alert_counts: { all: 1, triggered: 0, resolved: 1 },
        };
        if (i.vendor.urgency === null && rng.chance(0.5)) delete o.urgency;
        for (const e of c.extras) {
          const s = src[e];
          if (s === undefined) continue;
          o[s] = e === 'rca_completed_at' ? t(i.rca) : e === 'postmortem_completed_at' ? t(i.pmDone) : e === 'postmortem_lead_id' ? i.lead ?? null : e === 'root_cause_category' ? i.category : i.recurrenceOf ?? null;
        }
        return o;
      });
      let path: string;
      if (form < 0.7) { path = 'incidents.json'; files[path] = JSON.stringify({ incidents: records, limit: 25, offset: 0, total: null, more: false }, null, rng.pick([0, 2])); }
      else if (form < 0.85 || records.length === 0) { path = 'pd-incidents.json'; files[path] = JSON.stringify(records, null, 1); }
      else { path = 'incidents.ndjson'; files[path] = records.map((r) => JSON.stringify(r)).join('\n') + '\n'; }
      mapExtras();
      datasets.incidents = { path, preset: rng.chance(0.3) ? 'pagerduty' : 'pagerduty-api', ...(Object.keys(columns).length > 0 ? { columns } : {}) };
      canonicalItems();
      break;
    }
    case 'jira': {
      const format = rng.pick(['default', 'default', 'default', 'dmy24'] as const);
      if (format === 'dmy24') datasets.dateFormat = 'dd/MM/yyyy HH:mm';
      // Jira's own format, now and then ISO text (always accepted): local without offset, or an exact instant
      const t = (ms: number | undefined): string | undefined => {
        if (ms === undefined) return undefined;
        const r = rng.next();
        if (r < 0.04) return jiraDate(ms, c.tz, 'iso');
        if (r < 0.07) return jiraDate(ms, c.tz, 'iso').replace('T', ' ');
        if (r < 0.1) return new Date(ms).toISOString().replace('Z', '+0000');
        return jiraDate(ms, c.tz, format);
      };
      // service: in Custom field (Service), else the first Component/s (sometimes a second value beside it)
      const serviceCol = rng.chance(0.6);
      const header = ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Priority', 'Resolution', 'Assignee', 'Reporter', 'Created', 'Updated', 'Resolved', 'Labels', 'Labels',
        'Component/s', 'Component/s', ...(serviceCol ? ['Custom field (Service)'] : []), ...(c.extras.has('root_cause_category') ? ['Custom field (Root Cause Category)'] : []), 'Description'];
      const extraCols = [...c.extras].filter((e) => src[e] !== undefined);
      const rows = keep.map((i, k) => {
        const resolution = i.leftOut ?? (i.resolved !== undefined ? rng.pick(['Done', 'Fixed', "Won't Do", "Won't Fix", 'Done']) : '');
        const inCf = serviceCol && i.service !== '' && rng.chance(0.8);
        return [i.title, c.jiraById ? `OPS-${Number(i.id) - 10_000}` : i.id, c.jiraById ? i.id : 10_000 + k, 'Incident', i.resolved !== undefined || i.leftOut ? 'Done' : 'In Progress', String(i.vendor.priority), resolution, 'Jane Doe', 'PagerDuty',
          t(i.opened), t(i.resolved ?? i.opened), t(i.leftOut && i.resolved === undefined ? i.opened : i.resolved), 'sev', rng.chance(0.5) ? 'ops' : '',
          inCf ? rng.pick(['', 'other-component']) : i.service, inCf && rng.chance(0.5) ? 'x' : '',
          ...(serviceCol ? [inCf ? i.service : ''] : []), ...(c.extras.has('root_cause_category') ? [i.category] : []), 'Line one,\nline "two".',
          ...extraCols.map((e) => (e === 'rca_completed_at' ? t(i.rca) : e === 'postmortem_completed_at' ? t(i.pmDone) : e === 'postmortem_lead_id' ? i.lead : i.recurrenceOf)),
        ];
      });
      const bom = rng.chance(0.8);
      const crlf = rng.chance(0.6);
      files['Jira incidents.csv'] = csvText(rng, [...header, ...extraCols.map((e) => src[e]!)], rows, { bom, crlf });
      mapExtras();
      if (c.jiraById) columns['Issue id'] = 'incident_id';
      datasets.incidents = { path: 'Jira incidents.csv', preset: 'jira', ...(Object.keys(columns).length > 0 ? { columns: { ...columns } } : {}), ...(format === 'dmy24' ? { dateFormat: 'dd/MM/yyyy HH:mm' } : {}) };
      delete datasets.dateFormat;
      if (c.actionItems) {
        // sub-tasks name their incident by Parent key (and Parent, its numeric id), or only by Parent; tasks by a custom field
        const byParent = c.jiraById || rng.chance(0.5);
        const ids = new Map(keep.map((i, k) => [i.id, c.jiraById ? i.id : String(10_000 + k)]));
        const aHeader = ['Summary', 'Issue key', 'Issue id', ...(c.jiraById ? ['Parent', 'Parent summary'] : byParent ? ['Parent', 'Parent key', 'Parent summary'] : ['Custom field (Incident)']), 'Issue Type', 'Status', 'Priority', 'Resolution', 'Assignee', 'Created', 'Updated', 'Resolved', 'Labels'];
        const aRows = c.actionItems.map((a, k) => {
          const closed = a.completed ?? a.closedAt;
          return [`Fix ${a.id}`, a.id, 20_000 + k, ...(c.jiraById ? [a.incidentId, 'Parent, "x"'] : byParent ? [ids.get(a.incidentId), a.incidentId, 'Parent, "x"'] : [a.incidentId]), byParent ? 'Sub-task' : 'Task',
            closed !== undefined ? 'Done' : 'To Do', 'Medium', a.vendorStatus ?? '', 'Raj Patel', t(a.created), t(closed ?? a.created), t(closed), 'postmortem'];
        });
        files['Jira action items.csv'] = csvText(rng, aHeader, aRows, { bom, crlf, shuffle: rng.chance(0.3) });
        datasets.action_items = { path: 'Jira action items.csv', preset: 'jira', ...(c.jiraById ? { columns: { Parent: 'incident_id' } } : {}), ...(format === 'dmy24' ? { dateFormat: 'dd/MM/yyyy HH:mm' } : {}) };
      }
      break;
    }
    case 'opsgenie': {
      const t = (ms: number): string => {
        const s = new Date(ms).toISOString();
        return rng.chance(0.3) ? s.replace(/\.(\d)00Z$/, '.$1Z') : s; // `2025-05-06T22:15:30.5Z`
      };
      const records = keep.map((i) => {
        const details: Record<string, string> = { region: 'eu' };
        for (const e of c.extras) {
          const s = src[e];
          if (s === undefined) continue;
          const key = s.slice('details.'.length);
          const v = e === 'rca_completed_at' ? (i.rca === undefined ? undefined : t(i.rca)) : e === 'postmortem_completed_at' ? (i.pmDone === undefined ? undefined : t(i.pmDone)) : e === 'postmortem_lead_id' ? i.lead : e === 'root_cause_category' ? i.category : i.recurrenceOf;
          details[key] = v ?? '';
        }
        const closed = i.resolved !== undefined;
        return {
          seen: true, id: `uuid-${i.id}`, tinyId: i.id, alias: `${i.service}-${i.id}`, message: i.title, status: closed ? 'closed' : 'open', acknowledged: closed, isSeen: true,
          tags: ['x'], snoozed: false, count: 1, lastOccurredAt: t(i.opened), createdAt: t(i.opened),
          // a closed alert's updatedAt is its close time; an open one's is any later change
          updatedAt: t(closed ? i.resolved! : i.opened + rng.int(0, 3) * 60_000), source: 'Datadog', owner: 'oncall@example.com', priority: i.vendor.priority,
          teams: [], responders: [], entity: i.service, details,
        };
      });
      const path = rng.pick(['alerts.json', 'opsgenie-alerts.json']);
      files[path] = rng.chance(0.8) || records.length === 0
        ? JSON.stringify({ data: records, paging: { first: 'https://api.opsgenie.com/v2/alerts?limit=100&offset=0', last: 'https://api.opsgenie.com/v2/alerts?limit=100&offset=0' }, took: 0.05, requestId: 'r' }, null, 2)
        : JSON.stringify(records);
      mapExtras();
      datasets.incidents = { path, preset: 'opsgenie', ...(Object.keys(columns).length > 0 ? { columns } : {}) };
      canonicalItems();
      break;
    }
    case 'incidentio': {
      const micro = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString().replace('Z', `${pad(rng.int(0, 999), 3)}Z`));
      const records = keep.map((i) => {
        const tsv: unknown[] = [{ incident_timestamp: { id: 'TS1', name: 'Reported at', rank: 1 }, value: { value: micro(i.opened) } }];
        const resolvedName = rng.chance(0.8) ? 'Resolved at' : 'Resolved';
        tsv.push(i.resolved !== undefined ? { incident_timestamp: { id: 'TS4', name: resolvedName, rank: 4 }, value: { value: micro(i.resolved) } } : { incident_timestamp: { id: 'TS4', name: resolvedName, rank: 4 } });
        if (c.extras.has('rca_completed_at')) tsv.push({ incident_timestamp: { id: 'TS5', name: 'RCA completed', rank: 5 }, ...(i.rca !== undefined ? { value: { value: micro(i.rca) } } : {}) });
        if (c.extras.has('postmortem_completed_at')) tsv.push({ incident_timestamp: { id: 'TS6', name: 'Postmortem completed', rank: 6 }, ...(i.pmDone !== undefined ? { value: { value: micro(i.pmDone) } } : {}) });
        if (rng.chance(0.5)) tsv.reverse();
        // a retrospective incident (declared after the fact) is an incident all the same
        const [mode, category] = i.leftOut?.startsWith('mode:') ? [i.leftOut.slice(5), 'closed'] : i.leftOut?.startsWith('status:') ? ['standard', i.leftOut.slice(7)] : [rng.chance(0.2) ? 'retrospective' : 'standard', i.resolved !== undefined ? rng.pick(['closed', 'learning']) : rng.pick(['live', 'triage', 'learning', 'closed'])];
        const o: Record<string, unknown> = {
          id: i.id, reference: `INC-${i.id.slice(-3)}`, name: i.title, summary: i.title, mode, visibility: 'public', permalink: 'https://app.incident.io/x',
          severity: { id: 'SEV', name: i.vendor.severityName, rank: i.vendor.rank, description: '' },
          incident_status: { id: 'ST', name: category[0]!.toUpperCase() + category.slice(1), category },
          created_at: micro(i.opened), updated_at: micro(i.resolved ?? i.opened), incident_timestamp_values: tsv, custom_field_entries: [], incident_role_assignments: [],
        };
        for (const e of c.extras) {
          const s = src[e];
          if (s === undefined || s.startsWith('incident_timestamp_values')) continue;
          o[s] = e === 'postmortem_lead_id' ? i.lead ?? null : e === 'root_cause_category' ? i.category : e === 'service' ? i.service : i.recurrenceOf ?? null;
        }
        return o;
      });
      files['incidents.json'] = JSON.stringify({ incidents: records, pagination_meta: { after: records.at(-1)?.id ?? null, page_size: 250, total_record_count: records.length } }, null, 2);
      mapExtras();
      datasets.incidents = { path: 'incidents.json', preset: 'incidentio', ...(Object.keys(columns).length > 0 ? { columns } : {}) };
      if (c.actionItems) {
        const fu = c.actionItems.map((a) => ({
          id: a.id, incident_id: a.incidentId, title: `Fix ${a.id}`, description: '', status: a.vendorStatus, priority: null,
          assignee: rng.chance(0.5) ? null : { id: '01USER', name: 'Ana', email: 'ana@example.com' },
          created_at: micro(a.created), updated_at: micro(a.completed ?? a.created), completed_at: micro(a.completed) ?? null,
        }));
        files['follow-ups.json'] = JSON.stringify({ follow_ups: fu }, null, 2);
        datasets.action_items = { path: 'follow-ups.json', preset: 'incidentio' };
      }
      break;
    }
  }
  config.datasets = datasets;
  files['ops-metrics.config.json'] = JSON.stringify(config, null, 2);
  return files;
}

/** Incidents opened on or before T (in the zone): the base of "priority unknown for K of N". */
export const openedByT = (c: Case): Incident[] => c.incidents.filter((i) => i.leftOut === undefined && dateInZone(i.opened, c.tz) <= c.T);
