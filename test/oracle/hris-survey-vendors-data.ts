/**
 * Converters from canonical records to the HRIS and survey vendor exports (BambooHR, Workday, Qualtrics,
 * SurveyMonkey), written from README "Vendor exports" and /work/shared/research/export-formats.md, not from
 * the preset code. Each writer gives the vendor file(s), the config entries that read them, and the
 * canonical records the vendor file can express (what it cannot, e.g. BambooHR salaries, is left out of the
 * canonical side too, and checked apart).
 */
import { addDays, type HistoryRow, type Org, type Person, TRACK2 } from './people-data.js';
import { Rng } from './random.js';

// ---------------------------------------------------------------- CSV and dates

export function cell(text: string): string {
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines joined with LF or CRLF, with or without a BOM. */
export function csvText(lines: readonly (readonly string[])[], opts: { bom: boolean; crlf: boolean }): string {
  const eol = opts.crlf ? '\r\n' : '\n';
  return (opts.bom ? '\uFEFF' : '') + lines.map((l) => l.map(cell).join(',')).join(eol) + eol;
}

/** Lines as TSV: tab-separated, a cell quoted only when it holds a tab, quote or line break. */
export function tsvText(lines: readonly (readonly string[])[], rng: Rng): string {
  const q = (t: string): string => (/[\t"\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const eol = rng.chance(0.5) ? '\r\n' : '\n';
  return (rng.chance(0.5) ? '\uFEFF' : '') + lines.map((l) => l.map(q).join('\t')).join(eol) + eol;
}

/** A calendar date `YYYY-MM-DD` written in a date-fns pattern made of yyyy, MM, dd, M, d. */
export function formatDate(date: string, pattern: string): string {
  if (date === '') return '';
  const [y, m, d] = date.split('-') as [string, string, string];
  return pattern.replace(/yyyy|MM|dd|M|d/g, (t) => (t === 'yyyy' ? y : t === 'MM' ? m : t === 'dd' ? d : t === 'M' ? String(Number(m)) : String(Number(d))));
}

/** The offset (minutes east of UTC) of `zone` at the instant `ms`. */
function offsetAt(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - ms) / 60000);
}

/**
 * A wall-clock time `YYYY-MM-DDTHH:MM:SS` in `zone` as ISO 8601 with that zone's offset. README: a local time
 * that happens twice (clocks going back) is the earlier one; one inside a DST gap is moved forward by the
 * gap's length, i.e. read with the offset before the gap.
 */
export function withOffset(local: string, zone: string): string {
  const naive = Date.parse(`${local}Z`);
  const offs = [...new Set([offsetAt(zone, naive), offsetAt(zone, naive - offsetAt(zone, naive) * 60000), offsetAt(zone, naive - 14 * 3600000), offsetAt(zone, naive + 14 * 3600000)])];
  const fits = offs.filter((o) => offsetAt(zone, naive - o * 60000) === o);
  // Two fits: the earlier instant (the larger offset). None: a gap, read with the offset before it (the smaller).
  const off = fits.length ? Math.max(...fits) : Math.min(...offs);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The calendar date of an ISO instant in `zone`. */
export function dateIn(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (t: string): string => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------- HRIS

export type HrisVendor = 'bamboohr-csv' | 'bamboohr-json' | 'workday';

export interface VendorFiles {
  /** File name → content. */
  files: Record<string, string>;
  /** `datasets` entries of the config. */
  datasets: Record<string, unknown>;
  /** The org as canonical files that say what the vendor files say. */
  canonical: Org;
  /** Notes on what the vendor cannot say (checked apart). */
  lacks: string[];
}

const FIRST = ['Maria', 'Tom', 'Aiko', 'Chidi', 'José', 'Anne-Marie'];
const LAST = ['Garcia', 'Baker', "O'Neil", 'Tanaka', 'Van der Berg', 'Nair'];

/** The date of the row a person came back on after a spell outside ops (the 'rehire' pattern), if any. */
function returnDate(rows: readonly HistoryRow[]): string | undefined {
  let out = false;
  for (const r of rows) {
    if (r.level === 'other') out = true;
    else if (out) return r.effective_date;
  }
  return undefined;
}

/**
 * Writes `org`'s people and job_history as `vendor` exports. `org` is not changed; `canonical` is the
 * org whose people / job_history files say the same.
 */
export function hrisVendorFiles(rng: Rng, org: Org, vendor: HrisVendor): VendorFiles {
  const files: Record<string, string> = {};
  const datasets: Record<string, unknown> = {};
  const lacks: string[] = [];
  const dropPeople = new Set(org.dropped.people ?? []);
  const dropHistory = new Set(org.dropped.job_history ?? []);
  // Neither vendor roster has the title's start date (README: people columns of both presets).
  dropPeople.add('title_start_date');
  if (vendor !== 'workday') { dropHistory.add('base_salary'); dropHistory.add('total_comp'); lacks.push('salaries'); }
  else dropHistory.add('total_comp');
  dropHistory.add('reason');
  // A canonical date may be a full timestamp (its calendar date in the configured zone is taken); an HRIS
  // export writes the calendar date.
  const day = (d: string): string => (d.length <= 10 ? d : /(Z|[+-]\d\d:\d\d)$/.test(d) ? dateIn(d, org.timezone) : d.slice(0, 10));
  const people: Person[] = org.people.map((p) => ({ ...p, hire_date: day(p.hire_date), termination_date: day(p.termination_date), title_start_date: day(p.title_start_date) }));
  const byId = new Map<string, HistoryRow[]>();
  const jobHistory = org.jobHistory === null ? null : org.jobHistory.map((r) => ({ ...r, effective_date: day(r.effective_date) }));
  for (const r of jobHistory ?? []) byId.set(r.employee_id, [...(byId.get(r.employee_id) ?? []), r]);
  const opts = { bom: rng.chance(0.4), crlf: rng.chance(0.4) };
  /**
   * A roster with an original hire date beside the hire date: a person back after a spell outside ops is
   * written as a rehire (hire date = the return, original = the first hire), and the canonical hire_date is
   * then the latest hire date, as README reads such a roster ("a rehire whose roster gives the latest hire
   * date, as BambooHR's hireDate does"). Returns the original hire date to write ('' for none).
   */
  const rehire = (p: Person): string => {
    const back = returnDate(byId.get(p.employee_id) ?? []);
    if (back !== undefined && back > p.hire_date && (p.termination_date === '' || back <= p.termination_date) && rng.chance(0.7)) {
      const first = p.hire_date;
      p.hire_date = back;
      return first;
    }
    return rng.chance(0.5) ? '' : p.hire_date;
  };
  const hasTermination = !dropPeople.has('termination_date');

  if (vendor === 'bamboohr-json') {
    // README: the API custom report, { title, fields, employees }; ISO dates, 0000-00-00 for none.
    const withOriginal = rng.chance(0.5);
    const employees = people.map((p, i) => {
      const o: Record<string, unknown> = { id: String(40 + i), employeeNumber: p.employee_id, firstName: rng.pick(FIRST), lastName: rng.pick(LAST),
        jobTitle: p.title, department: rng.pick(['Infrastructure', 'Platform', null]), hireDate: p.hire_date };
      if (withOriginal) {
        // BambooHR: "On rehire, hireDate moves to originalHireDate" (research §2.1); 0000-00-00 for none.
        const first = rehire(p);
        o.hireDate = p.hire_date;
        o.originalHireDate = first === '' ? '0000-00-00' : first;
      }
      if (hasTermination) o.terminationDate = p.termination_date === '' ? rng.pick(['0000-00-00', '0000-00-00', '', null]) : p.termination_date;
      o.status = p.termination_date === '' ? 'Active' : 'Inactive';
      if (rng.chance(0.3)) o.supervisor = 'Okafor, Chidi';
      return o;
    });
    const fields = Object.keys(employees[0] ?? { employeeNumber: '' }).map((id) => ({ id, type: 'text', name: id }));
    if (!org.noPeopleFile) {
      files['custom-report.json'] = JSON.stringify({ title: 'Ops roster', fields, employees }, null, rng.chance(0.5) ? 2 : undefined);
      datasets.people = { path: 'custom-report.json', preset: 'bamboohr' };
    }
  } else if (vendor === 'bamboohr-csv') {
    // README: Employee #, First Name + Last Name (or Name "Last, First"), Job Title, Department, Hire Date,
    // Termination Date; dates in the company's format, MM/dd/yyyy unless dateFormat says otherwise.
    // M/d/yyyy: the default format's month and day without their leading zeros, as a spreadsheet writes them.
    const format = rng.pick(['MM/dd/yyyy', 'MM/dd/yyyy', 'dd/MM/yyyy', 'yyyy-MM-dd', 'M/d/yyyy']);
    const fullName = rng.chance(0.4);
    const withOriginal = rng.chance(0.4);
    const original = new Map<string, string>();
    if (withOriginal) for (const p of people) original.set(p.employee_id, rehire(p));
    const idHeader = rng.pick(['Employee #', 'Employee #', 'Employee Number', 'EEID']);
    const columns = shuffled(rng, [idHeader, ...(fullName ? ['Name'] : ['First Name', 'Last Name']), 'Job Title', 'Department', 'Hire Date',
      ...(withOriginal ? ['Original Hire Date'] : []),
      ...(hasTermination ? ['Termination Date', 'Termination Type'] : []), 'Status', 'Reports To', 'Location']);
    const lines: string[][] = [columns];
    for (const p of people) {
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      const v: Record<string, string> = {
        [idHeader]: p.employee_id, Name: `${last}, ${first}`, 'First Name': first, 'Last Name': last, 'Job Title': p.title,
        Department: rng.pick(['Infrastructure', '']), 'Hire Date': formatDate(p.hire_date, format), 'Original Hire Date': formatDate(original.get(p.employee_id) ?? '', format),
        'Termination Date': formatDate(p.termination_date, format),
        'Termination Type': p.termination_date === '' ? '' : rng.pick(['Resignation (Voluntary)', 'Termination (Involuntary)']),
        Status: p.termination_date === '' ? 'Active' : 'Inactive', 'Reports To': rng.pick(['Okafor, Chidi', '']), Location: 'Remote',
      };
      lines.push(columns.map((c) => v[c]!));
    }
    if (!org.noPeopleFile) {
      files['BambooHR roster.csv'] = csvText(lines, opts);
      datasets.people = { path: 'BambooHR roster.csv', preset: 'bamboohr', ...(format === 'dd/MM/yyyy' || rng.chance(0.3) ? { dateFormat: format === 'yyyy-MM-dd' || format === 'M/d/yyyy' ? 'MM/dd/yyyy' : format } : {}) };
    }
  } else {
    // README: Employee_ID, Full_Name, Business_Title, Hire_Date, Termination_Date, Manager_ID; ISO dates
    // unless dateFormat says otherwise.
    const format = rng.pick(['yyyy-MM-dd', 'yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy']);
    const idCol = rng.pick(['Employee_ID', 'Employee ID', 'Worker_ID']);
    const titleCol = rng.pick(['Business_Title', 'Job_Title', 'Job_Profile_Name']);
    const hireCol = rng.pick(['Hire_Date', 'Current_Hire_Date', 'Start_Date']);
    // research §2.2: an extract with `Current_Hire Date` and `Original_Hire Date` side by side.
    const withOriginal = hireCol === 'Current_Hire_Date' && rng.chance(0.6);
    const original = new Map<string, string>();
    if (withOriginal) for (const p of people) original.set(p.employee_id, rehire(p) || p.hire_date);
    // research §2.2: a feed with both Business_Title and Job_Title; the business title is the person's title.
    const jobProfile = titleCol === 'Business_Title' && rng.chance(0.5);
    const columns = shuffled(rng, [idCol, 'Full_Name', titleCol, ...(jobProfile ? ['Job_Title'] : []), 'Supervisory_Organization', hireCol, ...(withOriginal ? ['Original_Hire_Date'] : []),
      ...(hasTermination ? ['Termination_Date', 'Primary_Termination_Reason'] : []), 'Manager_ID', 'Location_-_Current']);
    const lines: string[][] = [columns];
    for (const p of people) {
      const v: Record<string, string> = {
        [idCol]: p.employee_id, Full_Name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`, [titleCol]: p.title, Supervisory_Organization: 'Infrastructure Operations (Sofia Rossi)',
        ...(jobProfile ? { Job_Title: rng.pick(['Systems Engineer', 'Ops Engineer', 'Recruiter']) } : {}), Original_Hire_Date: formatDate(original.get(p.employee_id) ?? '', format),
        [hireCol]: formatDate(p.hire_date, format), Termination_Date: formatDate(p.termination_date, format),
        Primary_Termination_Reason: p.termination_date === '' ? '' : 'Resignation > Voluntary', Manager_ID: rng.pick(['', people[0]!.employee_id]),
        'Location_-_Current': 'Berlin',
      };
      lines.push(columns.map((c) => v[c]!));
    }
    if (!org.noPeopleFile) {
      files['workers.csv'] = csvText(lines, opts);
      datasets.people = { path: 'workers.csv', preset: 'workday', ...(format !== 'yyyy-MM-dd' || rng.chance(0.3) ? { dateFormat: format } : {}) };
    }
  }

  // Job history, in the order of the canonical file, or newest first (as an HRIS lists a person's changes),
  // rows of one person on one date kept in their order (the later one holds from that date on; an id is
  // the same person's with spaces around it, so rows are grouped by the trimmed id).
  if (jobHistory !== null) {
    const order = rng.pick(['file', 'newest-first', 'by-person']);
    const rowsOut = order === 'file' ? jobHistory
      : [...jobHistory].sort((a, b) => (order === 'newest-first' ? (a.effective_date < b.effective_date ? 1 : a.effective_date > b.effective_date ? -1 : 0)
        : a.employee_id.trim() < b.employee_id.trim() ? 1 : a.employee_id.trim() > b.employee_id.trim() ? -1 : 0));
    if (vendor === 'workday') {
      const format = rng.pick(['yyyy-MM-dd', 'yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy']);
      const payCol = rng.pick(['Base_Pay', 'Annual_Base_Pay']);
      const withPay = !dropHistory.has('base_salary');
      const idHeader = rng.pick(['Employee_ID', 'Employee ID', 'Worker_ID']);
      const columns = shuffled(rng, [idHeader, 'Effective_Date', 'Business_Process_Reason', 'Business_Title', 'Supervisory_Organization', ...(withPay ? [payCol] : []), 'Job_Code']);
      const lines: string[][] = [columns];
      for (const r of rowsOut) {
        const reason = { hire: 'Hire > New Hire', promotion: 'Promotion > Promotion', transfer: 'Transfer > Transfer', adjustment: 'Data Change > Change Job', migration: 'Hire > Conversion' }[r.reason] ?? r.reason;
        // Pay as a plain number, sometimes with two decimals (a report's numeric field).
        const pay = r.base_salary === '' ? '' : rng.chance(0.3) && !r.base_salary.includes('.') ? `${r.base_salary}.00` : r.base_salary;
        const v: Record<string, string> = { [idHeader]: r.employee_id, Effective_Date: formatDate(r.effective_date, format), Business_Process_Reason: reason,
          Business_Title: r.title, Supervisory_Organization: 'Infrastructure Operations', [payCol]: pay, Job_Code: 'J-17' };
        lines.push(columns.map((c) => v[c]!));
      }
      files['job-history.csv'] = csvText(lines, opts);
      datasets.job_history = { path: 'job-history.csv', preset: 'workday', ...(format !== 'yyyy-MM-dd' ? { dateFormat: format } : {}) };
    } else {
      // README: the Job Information table, Employee #, Effective Date, Job Title, Department (as in the UI).
      const format = rng.pick(['MM/dd/yyyy', 'MM/dd/yyyy', 'dd/MM/yyyy', 'M/d/yyyy']);
      const idHeader = rng.pick(['Employee #', 'Employee #', 'Employee Number']);
      const dateHeader = rng.pick(['Effective Date', 'Effective Date', 'Date']);
      const columns = shuffled(rng, [idHeader, 'Name', dateHeader, 'Location', 'Division', 'Department', 'Job Title', 'Reports To']);
      const lines: string[][] = [columns];
      for (const r of rowsOut) {
        const v: Record<string, string> = { [idHeader]: r.employee_id, Name: `${rng.pick(LAST)}, ${rng.pick(FIRST)}`, [dateHeader]: formatDate(r.effective_date, format),
          Location: 'Remote', Division: 'Engineering', Department: 'Infrastructure', 'Job Title': r.title, 'Reports To': rng.pick(['Okafor, Chidi', '']) };
        lines.push(columns.map((c) => v[c]!));
      }
      files['job-info.csv'] = csvText(lines, opts);
      datasets.job_history = { path: 'job-info.csv', preset: 'bamboohr', ...(format === 'dd/MM/yyyy' || rng.chance(0.3) ? { dateFormat: format === 'M/d/yyyy' ? 'MM/dd/yyyy' : format } : {}) };
    }
  }
  const canonical: Org = {
    ...org,
    people,
    jobHistory,
    formats: { ...org.formats, people: 'csv', job_history: 'csv' },
    dropped: { ...org.dropped, people: [...dropPeople], job_history: [...dropHistory] },
  };
  return { files, datasets, canonical, lacks };
}

/** True when some promotion to 2.0 has a base salary on both of its rows (so promotion_pay could be judged from pay). */
export function hasJudgeablePay(org: Org): boolean {
  const byId = new Map<string, HistoryRow[]>();
  for (const r of org.jobHistory ?? []) byId.set(r.employee_id, [...(byId.get(r.employee_id) ?? []), r]);
  for (const rows of byId.values()) {
    for (let i = 1; i < rows.length; i++) {
      if (TRACK2.includes(rows[i]!.level) && !TRACK2.includes(rows[i - 1]!.level) && rows[i]!.base_salary !== '' && rows[i - 1]!.base_salary !== '') return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------- surveys

export type SurveyVendor = 'qualtrics' | 'surveymonkey';
export const SURVEY_QUESTIONS = ['role_scope_satisfaction', 'autonomy', 'coding_expectations', 'feel_valued', 'career_growth'] as const;
type Question = (typeof SURVEY_QUESTIONS)[number];

export interface Respondent {
  id: string;
  level: string;
  wave: string;
  /** Wall-clock time of the response `YYYY-MM-DDTHH:MM:SS` in the export's zone. */
  local: string;
  answers: Partial<Record<Question, number>>;
  /** Qualtrics: left out by the preset (a preview, spam or an unfinished response). */
  leftOut?: { status: number; finished: number };
}

export interface SurveyCaseV {
  seed: number;
  vendor: SurveyVendor;
  period: readonly string[];
  config: Record<string, unknown>;
  /** Config `timezone`. */
  zone: string;
  /** Qualtrics: the zone of its third header row. SurveyMonkey: the configured zone. */
  exportZone: string;
  scale: { min: number; max: number };
  labels: boolean;
  waveMode: 'file' | 'column' | 'quarter';
  excel?: 'M/d/yyyy H:mm' | 'd/M/yyyy H:mm';
  respondents: Respondent[];
  files: Record<string, string>;
  /** The canonical survey.csv (long form). */
  canonical: string;
}

const AGREE = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const AGREE_ALT: Record<number, string> = { 2: 'Somewhat disagree', 4: 'Somewhat agree' };
const LEVELS = ['Ops Engineer 2.0', 'Ops Engineer 2.0', 'ops2', 'Ops Engineer', 'Senior Ops Engineer', 'Ops Engineer 2.0', 'Operations Architect', 'ops2', 'Senior Operations Architect', 'Operations Strategy Lead', 'Infrastructure Operations Specialist',
  'Ops Engineer 2.0', 'Operations Architect', 'Ops Engineer', 'Ops Engineer 1.0', 'Senior Ops Engineer', 'ops1', 'Operations Engineer', 'Operations Manager', 'Operations Technician', 'Recruiter'];
const TEXTS: Record<Question, string> = {
  role_scope_satisfaction: 'How satisfied are you with the scope of your role?',
  autonomy: 'I decide how my work gets done.',
  coding_expectations: 'I am comfortable with the coding expected of me.',
  feel_valued: 'I feel valued, and my work is "seen".',
  career_growth: 'My career is growing here.',
};
const PERIODS_V = [{ args: ['--period', '2026-Q3'], start: '2026-07-01', end: '2026-09-30' }, { args: ['--period', '2026-Q2'], start: '2026-04-01', end: '2026-06-30' },
  { args: ['--period', '2025-Q4'], start: '2025-10-01', end: '2025-12-31' }, { args: ['--period', '2026-Q1'], start: '2026-01-01', end: '2026-03-31' },
  { args: ['--as-of', '2026-08-15'], start: '2026-07-01', end: '2026-08-15' }] as const;

/** Times near midnight and midday, and in the hours clocks skip or repeat on DST days (01:30, 02:30). */
const TIMES = ['00:00:30', '00:30:00', '23:30:00', '23:59:59', '12:00:00', '09:15:27', '18:45:00', '01:30:00', '02:30:00'];

export function generateSurveyCase(seed: number): SurveyCaseV {
  const rng = new Rng(seed);
  const vendor: SurveyVendor = rng.chance(0.5) ? 'qualtrics' : 'surveymonkey';
  const zone = rng.pick(['UTC', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata']);
  const exportZone = vendor === 'qualtrics' ? rng.pick(['America/Denver', 'UTC', 'Europe/Berlin', 'Pacific/Auckland', zone]) : zone;
  const labels = rng.chance(0.5);
  const scale = labels ? { min: 1, max: 5 } : rng.pick([{ min: 0, max: 10 }, { min: 1, max: 5 }, { min: 1, max: 10 }]);
  const excel = vendor === 'qualtrics' && rng.chance(0.2) ? rng.pick(['M/d/yyyy H:mm', 'd/M/yyyy H:mm'] as const) : undefined;
  const period = rng.pick(PERIODS_V);
  // Days near the period's ends (its quarter turns) and DST changes (US 2026-03-08, 2025-11-02; Europe
  // 2026-03-29, 2025-10-26; Auckland 2026-04-05, 2026-09-27), the baseline candidate's before the period.
  const inP = [period.start, addDays(period.start, 1), addDays(period.start, -1), period.end, addDays(period.end, -1), addDays(period.end, 1),
    addDays(period.start, 40), '2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2025-10-26', '2025-11-02'].filter((d) => d >= addDays(period.start, -1) && d <= addDays(period.end, 1));
  const before = [addDays(period.start, -60), addDays(period.start, -95), addDays(period.start, -2), addDays(period.start, -120)];
  const waveCount = rng.int(1, 3);
  const waveMode: SurveyCaseV['waveMode'] = waveCount === 1 && rng.chance(0.3) ? 'file' : rng.pick(['column', 'quarter'] as const);
  const respondents: Respondent[] = [];
  const waveNames = shuffled(rng, ['pulse-1', 'pulse-2', '2026-Q3', '2026-Q2', 'baseline', '2025-Q4']).slice(0, waveCount);
  let n = 0;
  for (const [w, wave] of waveNames.entries()) {
    const pool = w === waveCount - 1 || rng.chance(0.3) ? inP : before;
    const days = Array.from({ length: rng.int(1, 2) }, () => rng.pick(pool));
    const count = rng.chance(0.1) ? rng.int(0, 4) : rng.int(6, 24);
    const mood = rng.pick([0.4, 0.6, 0.75, 0.9]);
    for (let i = 0; i < count; i++) {
      n++;
      const time = excel ? rng.pick(TIMES).slice(0, 5) + ':00' : rng.pick(TIMES);
      const answers: Respondent['answers'] = {};
      for (const q of SURVEY_QUESTIONS) {
        if (!rng.chance(0.8)) continue;
        const r = rng.next();
        const share = r < 0.1 ? 0 : r < 0.2 ? 1 : Math.min(1, Math.max(0, mood + (rng.next() - 0.5) * 0.4));
        answers[q] = scale.min + Math.round((scale.max - scale.min) * share);
      }
      const id = vendor === 'qualtrics' ? `R_${seed.toString(36)}x${n}${rng.pick(['aBc', 'QrS', 'zz9'])}` : String(114227839200 + n * 7919);
      const res: Respondent = { id, level: rng.pick(LEVELS), wave, local: `${rng.pick(days)}T${time}`, answers };
      if (vendor === 'qualtrics' && rng.chance(0.1)) res.leftOut = rng.pick([{ status: 1, finished: 1 }, { status: 2, finished: 1 }, { status: 8, finished: 1 }, { status: 0, finished: 0 }, { status: 4, finished: 0 }]);
      respondents.push(res);
    }
  }
  // Program start: between the waves sometimes, so that a baseline wave exists.
  const survey: Record<string, unknown> = { scale };
  if (rng.chance(0.5)) survey.minGroupSize = rng.pick([3, 4, 5]);
  if (rng.chance(0.2)) survey.baselineWave = rng.pick(waveNames);
  const config: Record<string, unknown> = { timezone: zone, programStart: rng.pick([period.start, addDays(period.start, -1), addDays(period.start, -30), addDays(period.start, -94), '2026-01-15']), survey };
  if (rng.chance(0.2)) config.thresholds = { coding_frustration: rng.pick([2.5, 3.5, 7]), ops1_undervalued: rng.pick([2.5, 4, 8]) };

  const c: SurveyCaseV = { seed, vendor, period: period.args, config, zone, exportZone, scale, labels, waveMode, ...(excel ? { excel } : {}), respondents, files: {}, canonical: '' };
  if (vendor === 'qualtrics') writeQualtrics(rng, c); else writeSurveyMonkey(rng, c);
  c.canonical = canonicalSurvey(c);
  return c;
}

function answerText(rng: Rng, c: SurveyCaseV, score: number | undefined): string {
  if (score === undefined) return '';
  if (!c.labels) return String(score);
  return AGREE_ALT[score] !== undefined && rng.chance(0.3) ? AGREE_ALT[score]! : AGREE[score - 1]!;
}

/** The response's instant as canonical ISO text: with the export zone's offset, or none (read in the configured zone). */
function instantText(c: SurveyCaseV, local: string): string {
  return c.vendor === 'qualtrics' ? withOffset(local, c.exportZone) : local;
}

function canonicalSurvey(c: SurveyCaseV): string {
  const lines: string[][] = [['wave', 'responded_on', 'respondent_level', 'question_id', 'score', 'respondent_id']];
  for (const r of c.respondents) {
    if (r.leftOut) continue;
    const when = instantText(c, r.local);
    const wave = c.waveMode === 'quarter' ? quarterOf(c.vendor === 'qualtrics' ? dateIn(when, c.zone) : r.local.slice(0, 10)) : r.wave;
    for (const q of SURVEY_QUESTIONS) {
      const s = r.answers[q];
      if (s !== undefined) lines.push([wave, when, r.level, q, String(s), r.id]);
    }
  }
  return csvText(lines, { bom: false, crlf: false });
}

function wideWave(c: SurveyCaseV): Record<string, unknown> {
  if (c.waveMode === 'file') return { wave: c.respondents[0]?.wave ?? 'pulse-1' };
  return {};
}

/**
 * Qualtrics (research §3, README): three header rows (ids; texts, a matrix statement as "Question - Statement";
 * ImportId JSON with the zone of the dates); Status 0/4 and Finished 1 kept; RecordedDate in that zone;
 * ResponseId; choice text or recode values; an embedded-data column for the wave.
 */
function writeQualtrics(rng: Rng, c: SurveyCaseV): void {
  const matrixText = 'How much do you agree with each statement?';
  // Question id, text of row 2, how the config maps it (by id, by text, or none: a column headed by a canonical id).
  const qs = SURVEY_QUESTIONS.map((q, i) => {
    const inMatrix = q !== 'role_scope_satisfaction';
    const id = inMatrix ? `Q3_${i}` : 'Q4';
    const text = inMatrix ? `${matrixText} - ${TEXTS[q]}` : TEXTS[q];
    const by = rng.pick(['id', 'text', 'text']);
    return { q, id, text, importId: inMatrix ? `QID3_${i}` : 'QID4', by };
  });
  const questions: Record<string, string> = {};
  for (const x of qs) questions[x.by === 'id' ? x.id : x.text] = x.q;
  (c.config.survey as Record<string, unknown>).questions = questions;
  const waveCol = c.waveMode === 'column';
  const meta = ['StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId', 'DistributionChannel', 'UserLanguage'];
  const metaText: Record<string, string> = { StartDate: 'Start Date', EndDate: 'End Date', Status: 'Response Type', IPAddress: 'IP Address', Progress: 'Progress',
    'Duration (in seconds)': 'Duration (in seconds)', Finished: 'Finished', RecordedDate: 'Recorded Date', ResponseId: 'Response ID',
    DistributionChannel: 'Distribution Channel', UserLanguage: 'User Language' };
  const tz = (id: string): string => JSON.stringify({ ImportId: id, timeZone: c.exportZone });
  const metaImport: Record<string, string> = { StartDate: tz('startDate'), EndDate: tz('endDate'), Status: '{"ImportId":"status"}', IPAddress: '{"ImportId":"ipAddress"}',
    Progress: '{"ImportId":"progress"}', 'Duration (in seconds)': '{"ImportId":"duration"}', Finished: '{"ImportId":"finished"}', RecordedDate: tz('recordedDate'),
    ResponseId: '{"ImportId":"_recordId"}', DistributionChannel: '{"ImportId":"distributionChannel"}', UserLanguage: '{"ImportId":"userLanguage"}' };
  const questionCols = shuffled(rng, qs);
  const ids = [...meta, 'Q1', ...questionCols.map((x) => x.id), 'Q5_TEXT', ...(waveCol ? ['Round'] : [])];
  const texts = [...meta.map((m) => metaText[m]!), 'What is your role?', ...questionCols.map((x) => x.text), 'Anything else?', ...(waveCol ? ['Round'] : [])];
  const imports = [...meta.map((m) => metaImport[m]!), '{"ImportId":"QID1"}', ...questionCols.map((x) => `{"ImportId":"${x.importId}"}`), '{"ImportId":"QID5_TEXT"}',
    ...(waveCol ? ['{"ImportId":"Round"}'] : [])];
  const lines: string[][] = [ids, texts, imports];
  const fmt = (local: string): string => {
    if (!c.excel) return local.replace('T', ' ');
    const [d, t] = local.split('T') as [string, string];
    const [y, m, day] = d.split('-');
    const hm = `${Number(t.slice(0, 2))}:${t.slice(3, 5)}`;
    return c.excel === 'M/d/yyyy H:mm' ? `${Number(m)}/${Number(day)}/${y} ${hm}` : `${Number(day)}/${Number(m)}/${y} ${hm}`;
  };
  const minus = (local: string, s: number): string => new Date(Date.parse(`${local}Z`) - s * 1000).toISOString().slice(0, 19);
  for (const r of c.respondents) {
    const status = r.leftOut?.status ?? rng.pick([0, 0, 0, 4]);
    const finished = r.leftOut?.finished ?? 1;
    // An export of choice text writes Status and Finished as text too (research §3: "numeric or text").
    const statusText = c.labels ? ({ 0: 'IP Address', 1: 'Survey Preview', 2: 'Survey Test', 4: 'Imported', 8: 'Spam' } as Record<number, string>)[status]! : String(status);
    const finishedText = c.labels ? (finished ? 'True' : 'False') : String(finished);
    const v: Record<string, string> = {
      // EndDate a second before RecordedDate, and StartDate minutes before: at 00:00:30 they fall on the day before.
      StartDate: fmt(minus(r.local, 300)), EndDate: fmt(minus(r.local, 1)), Status: statusText, IPAddress: status === 4 ? '' : '203.0.113.7',
      Progress: finished ? '100' : '40', 'Duration (in seconds)': '299', Finished: finishedText, RecordedDate: fmt(r.local), ResponseId: r.id,
      DistributionChannel: status === 1 ? 'preview' : 'anonymous', UserLanguage: 'EN', Q1: r.level, Q5_TEXT: rng.pick(['', 'More design time, please.', 'Tickets, "tickets",\ntickets']),
      Round: r.wave,
    };
    for (const x of qs) v[x.id] = answerText(rng, c, r.answers[x.q]);
    lines.push(ids.map((col) => v[col] ?? ''));
  }
  // research §3: CSV or TSV (a TSV given as the dataset's path; README: a tab delimiter is detected).
  const tsv = rng.chance(0.2);
  const file = tsv ? 'Ops pulse 2026.tsv' : 'Ops+pulse+2026_July+1,+2026_09.14.csv';
  const text = csvText(lines, { bom: rng.chance(0.7), crlf: rng.chance(0.6) });
  c.files[file] = tsv ? tsvText(lines, rng) : text;
  c.config.datasets = { survey: { path: file, preset: 'qualtrics', levelColumn: rng.pick(['Q1', 'What is your role?']),
    ...(waveCol ? { columns: { Round: 'wave' } } : {}), ...wideWave(c), ...(c.excel ? { dateFormat: c.excel } : {}) } };
}

/**
 * SurveyMonkey (research §3, README): two header rows (the question, then the matrix statement or
 * "Response"); Respondent ID, Collector ID, Start Date, End Date (MM/dd/yyyy hh:mm:ss AM, the response date,
 * in the account's zone = the configured one); choice text; Custom Data 1 for the wave.
 */
function writeSurveyMonkey(rng: Rng, c: SurveyCaseV): void {
  const matrix = 'Please rate how much you agree with the following statements.';
  const inMatrix = SURVEY_QUESTIONS.filter((q) => q !== 'role_scope_satisfaction');
  const order = shuffled(rng, inMatrix);
  const waveCol = c.waveMode === 'column';
  const levelQ = 'What is your current job title?';
  const row1 = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1', levelQ,
    matrix, ...order.slice(1).map(() => ''), TEXTS.role_scope_satisfaction, 'Any other feedback?'];
  const row2 = ['', '', '', '', '', '', '', '', '', 'Response', ...order.map((q) => TEXTS[q]), 'Response', 'Open-Ended Response'];
  const questions: Record<string, string> = {};
  for (const q of SURVEY_QUESTIONS) questions[TEXTS[q]] = q;
  (c.config.survey as Record<string, unknown>).questions = questions;
  const lines: string[][] = [row1, row2];
  // README: MM/dd/yyyy hh:mm:ss a (or h:mm:ss a).
  const padHour = rng.chance(0.7);
  const fmt = (local: string): string => {
    const [d, t] = local.split('T') as [string, string];
    const [y, m, day] = d.split('-');
    const h = Number(t.slice(0, 2));
    const h12 = h % 12 === 0 ? 12 : h % 12;
    return `${m}/${day}/${y} ${padHour ? String(h12).padStart(2, '0') : h12}:${t.slice(3)} ${h < 12 ? 'AM' : 'PM'}`;
  };
  const minus = (local: string, s: number): string => new Date(Date.parse(`${local}Z`) - s * 1000).toISOString().slice(0, 19);
  for (const r of c.respondents) {
    lines.push([r.id, '431250176', fmt(minus(r.local, 240)), fmt(r.local), '198.51.100.23', '', '', '', waveCol ? r.wave : '', r.level,
      ...order.map((q) => answerText(rng, c, r.answers[q])), answerText(rng, c, r.answers.role_scope_satisfaction), rng.pick(['', 'Pager load is too high, again'])]);
  }
  c.files['Ops pulse.csv'] = csvText(lines, { bom: rng.chance(0.5), crlf: rng.chance(0.5) });
  c.config.datasets = { survey: { path: 'Ops pulse.csv', preset: 'surveymonkey', levelColumn: levelQ,
    ...(waveCol ? { columns: { 'Custom Data 1': 'wave' } } : {}), ...wideWave(c) } };
}

export { addDays };
