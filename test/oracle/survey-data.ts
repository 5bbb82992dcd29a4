/**
 * Random small survey datasets (plus the people / job_history that give the program start) for the
 * survey differential test. Seeded, so a failing case is reproducible from its seed.
 */
import { Rng } from './random.js';

/** ISO date arithmetic in whole days (UTC calendar). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface PeriodChoice {
  readonly args: readonly string[];
  /** P = [start, end]; T = end. */
  readonly start: string;
  readonly end: string;
}

export const PERIODS: readonly PeriodChoice[] = [
  { args: ['--period', '2026-Q3'], start: '2026-07-01', end: '2026-09-30' },
  { args: ['--period', '2025'], start: '2025-01-01', end: '2025-12-31' },
  { args: ['--as-of', '2026-08-15'], start: '2026-07-01', end: '2026-08-15' },
  { args: ['--period', '2024-Q1'], start: '2024-01-01', end: '2024-03-31' },
  { args: ['--period', '2026-Q3', '--as-of', '2026-08-20'], start: '2026-07-01', end: '2026-08-20' },
  { args: ['--period', '2025-Q4'], start: '2025-10-01', end: '2025-12-31' },
  { args: ['--as-of', '2026-07-01'], start: '2026-07-01', end: '2026-07-01' },
  // An as-of date after the period's end does not stretch it: T stays 2026-06-30.
  { args: ['--period', '2026-Q2', '--as-of', '2026-08-15'], start: '2026-04-01', end: '2026-06-30' },
  { args: ['--as-of', '2024-02-29'], start: '2024-01-01', end: '2024-02-29' },
];

export interface SurveyRow {
  wave: string;
  /** As written in the file: a date, or a timestamp (with or without an offset). */
  responded_on: string;
  respondent_level: string;
  question_id: string;
  score: string;
  respondent_id: string;
  /** A score off the scale: the row is rejected, and the run needs --skip-invalid. */
  rejected?: boolean;
}

export interface PersonRow {
  employee_id: string;
  title: string;
  hire_date: string;
  title_start_date: string;
  termination_date: string;
}

export interface HistoryRow {
  employee_id: string;
  effective_date: string;
  title: string;
}

export interface SurveyConfig {
  timezone?: string;
  programStart?: string;
  levels?: Record<string, string>;
  survey?: {
    scale?: { min: number; max: number };
    minGroupSize?: number;
    baselineWave?: string;
    questions?: Record<string, string>;
  };
  targets?: Record<string, number>;
  thresholds?: Record<string, number>;
  severity?: Record<string, string>;
  datasets?: Record<string, unknown>;
}

export interface SurveyCase {
  readonly seed: number;
  readonly period: PeriodChoice;
  readonly failOn: 'red-flag' | 'missed' | 'never' | undefined;
  readonly config: SurveyConfig | undefined;
  /** Absent: no survey file at all. */
  readonly survey: SurveyRow[] | undefined;
  readonly people: PersonRow[] | undefined;
  readonly jobHistory: HistoryRow[] | undefined;
  /** How the survey file is written: canonical CSV, CSV with other spellings of the headers, JSON, NDJSON. */
  readonly surveyFormat?: 'csv' | 'csv-headers' | 'json' | 'ndjson' | 'wide' | 'wide-quarter' | 'wide-no-id';
  /** The machine's time zone the tool runs under (never to leak into a figure). */
  readonly machineZone?: string;
  /** Another report format whose exit code must be the JSON run's. */
  readonly otherFormat?: string | undefined;
  /** `--trend N`: every quarter's figure is judged too. */
  readonly trend?: number | undefined;
}

const TWO_LEVELS = ['ops2', ' OPS2 ', 'Ops Engineer 2.0', 'operations architect', 'Senior Operations Architect',
  'strategy_lead', 'Infrastructure Operations Specialist', 'Senior_Architect'];
const ONE_LEVELS = ['ops1', 'Ops Engineer', 'Senior Ops Engineer', 'ops1_senior', 'Operations Engineer',
  ' ops engineer 1.0 ', 'OPS1'];
const OTHER_LEVELS = ['technician', 'Operations Technician', 'manager', 'Operations Manager', 'Janitor', 'other'];
const QUESTIONS = ['role_scope_satisfaction', 'autonomy', 'problem_quality', 'career_growth',
  'design_vs_execution_time', 'coding_expectations', 'feel_valued'];
const SCOPE_TEXT = 'How satisfied are you with the scope of your role?';
const WAVE_NAMES = ['2026-Q3', '2026-Q2', '2025-Q4', 'pulse-7', 'W1', 'W2', '2024-Q1', 'baseline'];
const ZONES = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const SCALES = [{ min: 0, max: 10 }, { min: 1, max: 5 }, { min: 1, max: 10 }, { min: 0, max: 100 }, { min: -2, max: 2 }];

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(String(row[c] ?? ''))).join(','));
  return lines.join('\n') + '\n';
}

/** A timestamp whose calendar date depends on the zone: near midnight, with Z, an offset or none. */
function timestampNear(rng: Rng, date: string): string {
  const form = rng.int(0, 2);
  if (form === 0) return `${date}T${rng.pick(['00:30:00', '23:30:00', '12:00:00'])}Z`;
  if (form === 1) return `${date}T${rng.pick(['00:30:00', '23:30:00'])}${rng.pick(['+02:00', '-05:00', '+13:00'])}`;
  return `${date}T${rng.pick(['00:15:00', '23:45:00'])}`;
}

function scoreOn(rng: Rng, scale: { min: number; max: number }, mood: number): string {
  const span = scale.max - scale.min;
  // Around the wave's mood (a share of the scale), with the scale's ends reachable.
  const r = rng.next();
  const share = r < 0.05 ? 0 : r < 0.12 ? 1 : Math.min(1, Math.max(0, mood + (rng.next() - 0.5) * 0.3));
  let score = scale.min + Math.round(span * share);
  if (rng.chance(0.1)) score = Math.min(scale.max, score + 0.5);
  return String(score);
}

/** Builds one random case; `seed` fixes every choice. */
export function generateCase(seed: number): SurveyCase {
  const rng = new Rng(seed);
  const period = rng.pick(PERIODS);
  const T = period.end;
  const config: SurveyConfig = {};
  const survey: NonNullable<SurveyConfig['survey']> = {};
  if (rng.chance(0.35)) config.timezone = rng.pick(ZONES);
  const scale = rng.chance(0.5) ? rng.pick(SCALES) : { min: 0, max: 10 };
  if (scale.min !== 0 || scale.max !== 10 || rng.chance(0.1)) survey.scale = scale;
  const minGroupSize = rng.chance(0.5) ? rng.pick([3, 4, 5, 6]) : 5;
  if (minGroupSize !== 5 || rng.chance(0.1)) survey.minGroupSize = minGroupSize;
  const mapScopeText = rng.chance(0.3);
  if (mapScopeText) survey.questions = { [SCOPE_TEXT]: 'role_scope_satisfaction' };
  // A key given in the config wins over a canonical id: answers to `Autonomy` then count as feel_valued.
  if (rng.chance(0.08)) survey.questions = { ...survey.questions, Autonomy: 'feel_valued' };
  if (rng.chance(0.2)) config.levels = rng.chance(0.5) ? { 'SRE II': 'ops2' } : { 'Ops Engineer': 'ops2', 'SRE II': 'ops1' };
  if (rng.chance(0.15)) config.targets = { role_scope_score: rng.pick([7, 8, 9.25]), satisfaction_uplift: rng.pick([0, 0.1, 0.5]) };
  if (rng.chance(0.15)) config.thresholds = { coding_frustration: rng.pick([5, 7.5]), ops1_undervalued: rng.pick([4, 8]) };
  if (rng.chance(0.15)) config.severity = { coding_frustration: rng.pick(['warn', 'off', 'error']), ops1_undervalued: rng.pick(['warn', 'off', 'error']) };

  // Dates near the boundaries: P's ends, T, and earlier quarters (baseline candidates).
  const key = [period.start, addDays(period.start, -1), addDays(period.start, 1), T, addDays(T, 1), addDays(T, -1),
    addDays(period.start, 20), addDays(period.start, -45), addDays(period.start, -46), addDays(period.start, -120),
    addDays(period.start, -200), addDays(T, 10)];
  if (period.start === '2024-01-01') key.push('2024-02-29');

  // Waves: a few dates each; some straddle T or P's start.
  const waveCount = rng.int(1, 5);
  const names = [...WAVE_NAMES].sort(() => rng.next() - 0.5).slice(0, waveCount);
  const rows: SurveyRow[] = [];
  const waveDates = new Map<string, string[]>();
  const levelPool = [...TWO_LEVELS, ...TWO_LEVELS, ...TWO_LEVELS, ...ONE_LEVELS, ...ONE_LEVELS, ...OTHER_LEVELS, 'SRE II'];
  const questionPool = [...QUESTIONS, 'role_scope_satisfaction', 'role_scope_satisfaction', ' Role_Scope_Satisfaction ',
    'AUTONOMY', 'office_snacks', SCOPE_TEXT, 'Coding_Expectations', 'FEEL_VALUED '];
  for (const wave of names) {
    const dates = Array.from({ length: rng.int(1, 3) }, () => rng.pick(key));
    waveDates.set(wave, dates);
    const respondents = rng.chance(0.1) ? rng.int(0, 3) : rng.int(minGroupSize, 5 * minGroupSize);
    const mood = rng.pick([0.55, 0.7, 0.8, 0.85, 0.9, 0.95]);
    // Every answer at the bottom of the scale: a baseline mean of 0.
    const floor = rng.chance(0.05);
    const withIds = rng.chance(0.75);
    for (let r = 0; r < respondents; r++) {
      // Ids are compared after trimming: ` r7` and `r7` are one respondent.
      // `R7` and `r7` are two respondents: ids compare exactly.
      const id = withIds || rng.chance(0.5) ? `${rng.chance(0.1) ? ' ' : ''}${rng.chance(0.05) ? 'R' : 'r'}${rng.int(1, 40)}` : '';
      const level = rng.pick(levelPool);
      const asked = QUESTIONS.filter(() => rng.chance(0.8));
      if (rng.chance(0.3)) asked.push(rng.pick(questionPool));
      for (const q of asked) {
        const date = rng.pick(dates);
        const written = rng.chance(0.85) ? q.replace('role_scope_satisfaction', rng.pick(questionPool.filter((x) => /scope/i.test(x)))) : q;
        const row: SurveyRow = {
          wave,
          responded_on: rng.chance(0.15) ? timestampNear(rng, date) : date,
          respondent_level: level,
          question_id: written,
          score: (floor ? String(scale.min) : scoreOn(rng, scale, mood)) + (rng.chance(0.05) ? ' ' : ''),
          respondent_id: id,
        };
        rows.push(row);
        // The same respondent answering twice: one respondent, two answers.
        if (rng.chance(0.05)) rows.push({ ...row, score: scoreOn(rng, scale, mood) });
      }
    }
  }
  // A wave that holds only answers no measure uses (an unknown question, or level `other`), ending late in P:
  // it is still the wave whose latest responded_on falls in P.
  if (rng.chance(0.08)) {
    const date = rng.pick([T, addDays(T, -1), addDays(period.start, 20)]);
    for (let r = 0; r < 6; r++) {
      rows.push({ wave: 'noise', responded_on: date, respondent_level: rng.pick(['Janitor', 'ops2']),
        question_id: rng.pick(['office_snacks', 'parking']), score: String(scale.max), respondent_id: `n${r}` });
    }
    waveDates.set('noise', [date]);
  }
  // Rows off the scale, read with --skip-invalid: they count nowhere, not even for their wave's dates.
  if (rng.chance(0.07) && names.length) {
    for (let k = rng.int(1, 3); k > 0; k--) {
      rows.push({ wave: rng.pick(names), responded_on: addDays(T, -rng.int(0, 2)), respondent_level: 'ops2',
        question_id: rng.pick(QUESTIONS), score: String(scale.max + 1), respondent_id: `x${k}`, rejected: true });
    }
  }
  rows.sort(() => rng.next() - 0.5);

  // The program start: from the config, or the earliest 2.0 start in people / job_history, chosen near
  // the waves' last dates so that "all answers precede programStart" is tested at its edge.
  const lastDates = [...waveDates.values()].map((dates) => dates.reduce((a, b) => (a > b ? a : b)));
  const near = lastDates.length ? rng.pick(lastDates) : rng.pick(key);
  const startCandidate = addDays(near, rng.pick([0, 1, 2, 1, 30, -1]));
  let people: PersonRow[] | undefined;
  let jobHistory: HistoryRow[] | undefined;
  if (rng.chance(0.3)) config.programStart = rng.chance(0.2) ? addDays(T, rng.int(1, 60)) : startCandidate;
  if (rng.chance(0.7)) {
    people = [];
    const withHistory = rng.chance(0.5);
    if (withHistory) jobHistory = [];
    const count = rng.int(1, 6);
    for (let i = 0; i < count; i++) {
      const id = `E${i + 1}`;
      const hire = addDays(startCandidate, -rng.int(100, 900));
      const twoStart = i === 0 ? startCandidate : addDays(startCandidate, rng.pick([0, 1, 2, 30, -1, 400]));
      // 0: promoted to 2.0, 1: hired into 2.0, 2: traditional only, 3: 2.0 start after T, 4: back and forth
      const kind = rng.int(0, 4);
      const person: PersonRow = { employee_id: id, title: 'Ops Engineer', hire_date: hire, title_start_date: '', termination_date: '' };
      const history: HistoryRow[] = [];
      if (kind === 0 || kind === 3) {
        const start = kind === 3 ? addDays(T, rng.int(1, 20)) : twoStart;
        history.push({ employee_id: id, effective_date: hire, title: 'Ops Engineer' },
          { employee_id: id, effective_date: start, title: 'Ops Engineer 2.0' });
        person.title = 'Ops Engineer 2.0';
        person.title_start_date = start;
      } else if (kind === 1) {
        person.hire_date = twoStart;
        person.title = rng.pick(['Operations Architect', 'Ops Engineer 2.0']);
        history.push({ employee_id: id, effective_date: twoStart, title: person.title });
        if (rng.chance(0.5)) person.title_start_date = twoStart;
      } else if (kind === 4) {
        // Traditional → 2.0 → traditional → 2.0 again: the 2.0 start is the first 2.0 row.
        history.push({ employee_id: id, effective_date: hire, title: 'Senior Ops Engineer' },
          { employee_id: id, effective_date: twoStart, title: 'Senior Operations Architect' },
          { employee_id: id, effective_date: addDays(twoStart, 40), title: 'Ops Engineer' },
          { employee_id: id, effective_date: addDays(twoStart, 80), title: 'Ops Engineer 2.0' });
        person.title = 'Ops Engineer 2.0';
        person.title_start_date = addDays(twoStart, 80);
      } else {
        history.push({ employee_id: id, effective_date: hire, title: 'Ops Engineer' });
      }
      if (rng.chance(0.15)) person.termination_date = addDays(history[history.length - 1]!.effective_date, rng.int(1, 300));
      people.push(person);
      // Someone with no job_history rows: the roster is used for them.
      if (jobHistory && !rng.chance(0.15)) jobHistory.push(...history);
    }
  }
  if (rng.chance(0.15)) survey.baselineWave = rng.chance(0.8) && names.length ? rng.pick(names) : 'no-such-wave';
  if (Object.keys(survey).length) config.survey = survey;
  const failOn = rng.pick(['red-flag', 'missed', 'never', undefined] as const);
  return {
    seed,
    period,
    failOn,
    config: Object.keys(config).length || rng.chance(0.1) ? config : undefined,
    survey: rng.chance(0.04) ? undefined : rows,
    people,
    jobHistory,
    surveyFormat: rng.pick(['csv', 'csv', 'csv', 'csv-headers', 'json', 'ndjson', 'wide', 'wide-quarter', 'wide-no-id'] as const),
    machineZone: rng.pick(['UTC', 'Pacific/Chatham', 'America/Los_Angeles']),
    trend: rng.chance(0.35) ? rng.int(2, 5) : undefined,
    otherFormat: rng.chance(0.08) ? rng.pick(['table', 'markdown', 'junit', 'github', 'csv']) : undefined,
  };
}
