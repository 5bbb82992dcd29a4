/**
 * Differential test of the survey measures (metric 2: role_scope_score, satisfaction_uplift, autonomy and
 * the other info means; red flags coding_frustration and ops1_undervalued; the metric status and the
 * gate) against a reference written from metrics.md and inputs.md alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, runCliAsync } from '../helpers/run-cli.js';
import { inParallel } from './in-parallel.js';
import { PERIODS, addDays, generateCase, toCsv, type SurveyConfig, type HistoryRow, type PersonRow, type SurveyCase, type SurveyRow } from './survey-data.js';

// ---------------------------------------------------------------------------------------------------
// The reference ("oracle")
// ---------------------------------------------------------------------------------------------------

type Status = 'met' | 'missed' | 'investigate' | 'pending' | 'suppressed' | 'insufficient_data' | 'no_data' | 'info';
type FlagStatus = 'tripped' | 'clear' | 'suppressed' | 'insufficient_data' | 'no_data' | 'off';

interface Figure { value: number | null; n: number | null; status: Status }
interface FlagFigure { value: number | null; status: FlagStatus }
export interface SurveyExpectation {
  /** Two candidate waves ended on one day (a tie the contract does not settle). */
  tie: boolean;
  measures: Record<string, Figure>;
  metricStatus: Status;
  flags: Record<'coding_frustration' | 'ops1_undervalued', FlagFigure>;
}

// inputs.md "Level codes": the default titles of each level code, and the track of each code.
const DEFAULT_TITLES: Record<string, string[]> = {
  technician: ['Operations Technician'],
  ops1: ['Ops Engineer 1.0', 'Ops Engineer', 'Operations Engineer'],
  ops1_senior: ['Senior Ops Engineer', 'Senior Operations Engineer'],
  manager: ['Operations Manager'],
  ops2: ['Ops Engineer 2.0', 'Operations Architect', 'Infrastructure Operations Specialist'],
  senior_architect: ['Senior Operations Architect'],
  strategy_lead: ['Operations Strategy Lead'],
};
const LEVEL_CODES = [...Object.keys(DEFAULT_TITLES), 'other'];
const TWO_TRACK = new Set(['ops2', 'senior_architect', 'strategy_lead']);
// metrics.md "People and timelines": Group 1.0 is ops1 and ops1_senior.
const ONE_GROUP = new Set(['ops1', 'ops1_senior']);
const CANONICAL_QUESTIONS = ['role_scope_satisfaction', 'autonomy', 'problem_quality', 'career_growth',
  'design_vs_execution_time', 'coding_expectations', 'feel_valued'];

// metrics.md "Matching": titles, respondent levels, question ids match case-insensitively after trimming.
const key = (text: string): string => text.trim().toLowerCase();

/** inputs.md: a title maps by the levels map (config keys win over the defaults), unknown → `other`. */
function levelOfTitle(title: string, configLevels: Record<string, string> | undefined): string {
  for (const [t, code] of Object.entries(configLevels ?? {})) if (key(t) === key(title)) return code;
  for (const [code, titles] of Object.entries(DEFAULT_TITLES)) if (titles.some((t) => key(t) === key(title))) return code;
  return 'other';
}

/** survey.respondent_level is "a title or a level code". */
function levelOfRespondent(text: string, configLevels: Record<string, string> | undefined): string {
  if (LEVEL_CODES.includes(key(text))) return key(text);
  return levelOfTitle(text, configLevels);
}

function questionOf(text: string, configQuestions: Record<string, string> | undefined): string | undefined {
  for (const [q, id] of Object.entries(configQuestions ?? {})) if (key(q) === key(text)) return id;
  return CANONICAL_QUESTIONS.find((q) => q === key(text));
}

/** inputs.md `date`: YYYY-MM-DD, or a timestamp whose calendar date in the configured zone is taken. */
function calendarDate(cell: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return cell;
  // A timestamp without an offset is read in the configured zone: its wall-clock date is the date.
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(cell)) return cell.slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(cell));
  const get = (type: string): string => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * metrics.md "programStart is the config value, else the earliest 2.0 start in the data"; the 2.0 start is
 * the effective date of the first 2.0-track level (job_history, or the roster title from title_start_date,
 * else hire_date, for someone without history rows). Rows dated after T are left out; an optional date
 * after T (title_start_date) counts as absent.
 */
function programStartOf(c: SurveyCase, T: string): string | undefined {
  if (c.config?.programStart) return c.config.programStart;
  const levels = c.config?.levels;
  let earliest: string | undefined;
  for (const p of c.people ?? []) {
    if (p.hire_date > T) continue;
    const rows = (c.jobHistory ?? []).filter((h) => h.employee_id === p.employee_id && h.effective_date <= T)
      .sort((a, b) => (a.effective_date < b.effective_date ? -1 : a.effective_date > b.effective_date ? 1 : 0));
    let start: string | undefined;
    if (rows.length) {
      start = rows.find((h) => TWO_TRACK.has(levelOfTitle(h.title, levels)))?.effective_date;
    } else if (TWO_TRACK.has(levelOfTitle(p.title, levels))) {
      start = p.title_start_date && p.title_start_date <= T ? p.title_start_date : p.hire_date;
    }
    if (start !== undefined && (earliest === undefined || start < earliest)) earliest = start;
  }
  return earliest;
}

interface Answer { wave: string; date: string; level: string; question: string | undefined; score: number; id: string | undefined }

/**
 * metrics.md "Survey groups": a group's size is the distinct respondent_ids when every row has one, else the
 * number of rows; zero answers is insufficient_data; below survey.minGroupSize is suppressed (n null); the
 * mean is over the answers (rescaled to 0–10) and n is the number of answers.
 */
function groupFigure(answers: readonly Answer[], minGroupSize: number, scale: { min: number; max: number }):
  { status: 'ok' | 'suppressed' | 'insufficient_data'; mean: number | null; n: number | null } {
  if (answers.length === 0) return { status: 'insufficient_data', mean: null, n: 0 };
  const size = answers.every((a) => a.id !== undefined) ? new Set(answers.map((a) => a.id)).size : answers.length;
  if (size < minGroupSize) return { status: 'suppressed', mean: null, n: null };
  // "Scores are rescaled to 0–10: (score − scale.min) / (scale.max − scale.min) × 10."
  const rescaled = answers.map((a) => ((a.score - scale.min) / (scale.max - scale.min)) * 10);
  return { status: 'ok', mean: rescaled.reduce((s, x) => s + x, 0) / rescaled.length, n: answers.length };
}

/** README "Figures are rounded to 6 decimal places before they are compared with targets". */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

// metrics.md "Statuses": the order of a metric's status.
const WORST_FIRST: Status[] = ['missed', 'investigate', 'pending', 'suppressed', 'insufficient_data', 'no_data', 'met'];

/** The figures of `c` for its period, or for `window` (a quarter of a trend). */
export function surveyOracle(c: SurveyCase, window: { start: string; end: string } = c.period): SurveyExpectation {
  const T = window.end;
  const zone = c.config?.timezone ?? 'UTC';
  const scale = c.config?.survey?.scale ?? { min: 0, max: 10 };
  const minGroupSize = c.config?.survey?.minGroupSize ?? 5;
  const targets = { role_scope_score: 8.5, satisfaction_uplift: 0.3, ...c.config?.targets };
  const thresholds = { coding_frustration: 6, ops1_undervalued: 6, ...c.config?.thresholds };
  const severity = { coding_frustration: 'error', ops1_undervalued: 'error', ...c.config?.severity };
  const infoIds = ['autonomy', 'problem_quality', 'career_growth', 'design_vs_execution_time'];
  const flagIds = ['coding_frustration', 'ops1_undervalued'] as const;
  let tie = false;

  // No survey file: every survey measure and red flag is no_data.
  if (c.survey === undefined) {
    const none: Figure = { value: null, n: null, status: 'no_data' };
    const measures: Record<string, Figure> = { role_scope_score: none, satisfaction_uplift: none };
    for (const id of infoIds) measures[id] = none;
    return {
      tie, measures, metricStatus: 'no_data',
      flags: {
        coding_frustration: { value: null, status: severity.coding_frustration === 'off' ? 'off' : 'no_data' },
        ops1_undervalued: { value: null, status: severity.ops1_undervalued === 'off' ? 'off' : 'no_data' },
      },
    };
  }

  // "Nothing dated after T_end is counted anywhere": an answer whose responded_on is after T is left out.
  const answers: Answer[] = c.survey.filter((r) => !r.rejected).map((r: SurveyRow) => ({
    wave: r.wave,
    date: calendarDate(r.responded_on, zone),
    level: levelOfRespondent(r.respondent_level, c.config?.levels),
    question: questionOf(r.question_id, c.config?.survey?.questions),
    score: Number(r.score),
    id: r.respondent_id.trim() === '' ? undefined : r.respondent_id.trim(),
  })).filter((a) => a.date <= T);

  const lastDate = new Map<string, string>();
  for (const a of answers) {
    if (!lastDate.has(a.wave) || a.date > lastDate.get(a.wave)!) lastDate.set(a.wave, a.date);
  }
  /**
   * "the latest such wave when several": the one whose last answer is latest. Two waves whose last answers
   * fall on one day are a tie the contract does not settle; the tool takes the greater wave name (by
   * code unit, so `a` after `B`), and the reference follows it.
   */
  const latestOf = (waves: string[]): string | undefined => {
    const later = (x: string, y: string): boolean => lastDate.get(x)! > lastDate.get(y)! || (lastDate.get(x) === lastDate.get(y) && x > y);
    const best = waves.reduce<string | undefined>((b, w) => (b === undefined || later(w, b) ? w : b), undefined);
    if (best !== undefined && waves.some((w) => w !== best && lastDate.get(w) === lastDate.get(best))) tie = true;
    return best;
  };

  // "The current wave is the wave whose latest responded_on falls in P (the latest such wave when several)."
  const current = latestOf([...lastDate.keys()].filter((w) => lastDate.get(w)! >= window.start && lastDate.get(w)! <= T));

  // "The baseline wave is survey.baselineWave, else the latest wave whose answers all precede programStart."
  const programStart = programStartOf(c, T);
  let baseline: string | undefined = c.config?.survey?.baselineWave;
  if (baseline === undefined && programStart !== undefined) {
    baseline = latestOf([...lastDate.keys()].filter((w) => lastDate.get(w)! < programStart));
  }

  const is2 = (a: Answer): boolean => TWO_TRACK.has(a.level);
  const is1 = (a: Answer): boolean => ONE_GROUP.has(a.level);
  const group = (wave: string | undefined, inGroup: (a: Answer) => boolean, question: string) =>
    groupFigure(answers.filter((a) => wave !== undefined && a.wave === wave && a.question === question && inGroup(a)), minGroupSize, scale);

  const measures: Record<string, Figure> = {};
  // A survey mean of group 2.0 in the current wave; no current wave → insufficient_data.
  const meanFigure = (question: string, target: number | undefined): Figure => {
    if (current === undefined) return { value: null, n: 0, status: 'insufficient_data' };
    const g = group(current, is2, question);
    if (g.status !== 'ok') return { value: null, n: g.n, status: g.status };
    const value = round6(g.mean!);
    return { value, n: g.n, status: target === undefined ? 'info' : value >= target ? 'met' : 'missed' };
  };
  // role_scope_score: mean role_scope_satisfaction, group 2.0, current wave, ≥ 8.5.
  const scope = meanFigure('role_scope_satisfaction', targets.role_scope_score);
  measures.role_scope_score = scope;

  // satisfaction_uplift = role_scope_score ÷ baseline mean of all respondents − 1, ≥ 0.30; n null.
  // Order: the current score's own status if it cannot be computed, no baseline wave → insufficient_data,
  // the baseline group's status, a baseline mean ≤ 0 → insufficient_data.
  let uplift: Figure;
  if (scope.value === null) uplift = { value: null, n: null, status: scope.status };
  else if (baseline === undefined) uplift = { value: null, n: null, status: 'insufficient_data' };
  else {
    const b = group(baseline, () => true, 'role_scope_satisfaction');
    if (b.status !== 'ok') uplift = { value: null, n: null, status: b.status };
    else if (b.mean! <= 0) uplift = { value: null, n: null, status: 'insufficient_data' };
    else {
      const cur = group(current, is2, 'role_scope_satisfaction').mean!;
      const value = round6(cur / b.mean! - 1);
      uplift = { value, n: null, status: value >= targets.satisfaction_uplift ? 'met' : 'missed' };
    }
  }
  measures.satisfaction_uplift = uplift;
  for (const id of infoIds) measures[id] = meanFigure(id, undefined);

  // "A metric's status is the worst of its measures that have a target"; info measures never change it.
  const metricStatus = WORST_FIRST.find((s) => [scope.status, uplift.status].includes(s)) ?? 'met';

  // Red flags: mean of a group in the current wave < threshold trips; the value is the mean.
  const flag = (id: (typeof flagIds)[number], inGroup: (a: Answer) => boolean, question: string): FlagFigure => {
    if (severity[id] === 'off') return { value: null, status: 'off' };
    if (current === undefined) return { value: null, status: 'insufficient_data' };
    const g = group(current, inGroup, question);
    if (g.status !== 'ok') return { value: null, status: g.status };
    const value = round6(g.mean!);
    return { value, status: value < thresholds[id] ? 'tripped' : 'clear' };
  };
  return {
    tie, measures, metricStatus,
    flags: {
      coding_frustration: flag('coding_frustration', is2, 'coding_expectations'),
      ops1_undervalued: flag('ops1_undervalued', is1, 'feel_valued'),
    },
  };
}

/**
 * metrics.md "Gate" / cli.md: red-flag (default) → exit 1 when a red flag of severity error trips;
 * missed → also when any measure is missed or investigate; never → 0.
 */
export function expectedExit(report: Report, failOn: SurveyCase['failOn']): number {
  const mode = failOn ?? 'red-flag';
  if (mode === 'never') return 0;
  const flagTrips = report.redFlags.some((f) => f.status === 'tripped' && (f.severity ?? 'error') === 'error');
  const missed = report.metrics.some((m) => m.measures.some((x) => x.status === 'missed' || x.status === 'investigate'));
  return flagTrips || (mode === 'missed' && missed) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Running the tool
// ---------------------------------------------------------------------------------------------------

interface Point { period: string; value: number | null; status: string }
interface Report {
  metrics: { id: string; status: string; measures: { id: string; value: number | null; n: number | null; status: string; target: unknown; history?: Point[] }[] }[];
  redFlags: { id: string; status: string; value: number | null; severity?: string; history?: Point[] }[];
  gate: { failed: boolean; trippedRedFlags?: string[] };
}

const folders: string[] = [];
/** Folders of failing cases, kept for a look. */
const kept = new Set<string>();

const SURVEY_COLUMNS = ['wave', 'responded_on', 'respondent_level', 'question_id', 'score', 'respondent_id'] as const;

/** inputs.md: CSV, JSON (an array of objects) or NDJSON; headers match case-insensitively, `-`/space/`_` alike. */
function writeSurvey(dir: string, rows: readonly SurveyRow[], format: 'csv' | 'csv-headers' | 'json' | 'ndjson'): void {
  // An NDJSON file of no lines is an empty file, which is refused: such a survey is written as a header.
  if (format === 'csv' || rows.length === 0) { writeFileSync(join(dir, 'survey.csv'), toCsv<SurveyRow>([...SURVEY_COLUMNS], rows)); return; }
  if (format === 'csv-headers') {
    const csv = toCsv<SurveyRow>([...SURVEY_COLUMNS], rows).replace(/^[^\n]*/, 'Wave,Responded On,respondent-level,QUESTION_ID, Score ,Respondent Id');
    writeFileSync(join(dir, 'survey.csv'), csv);
    return;
  }
  // JSON: a number for a plain numeric score, and an absent key for an empty respondent_id.
  const objects = rows.map((r) => {
    const o: Record<string, string | number> = { wave: r.wave, responded_on: r.responded_on, respondent_level: r.respondent_level,
      question_id: r.question_id, score: /^\d+(\.\d+)?$/.test(r.score) ? Number(r.score) : r.score };
    if (r.respondent_id !== '') o.respondent_id = r.respondent_id;
    return o;
  });
  if (format === 'json') writeFileSync(join(dir, 'survey.json'), JSON.stringify(objects, null, 1));
  else writeFileSync(join(dir, 'survey.ndjson'), objects.map((o) => JSON.stringify(o)).join('\n') + '\n');
}

/**
 * inputs.md: "Wide exports (one column per question, one row per respondent) are read through a preset or a
 * column map". Each long row becomes a Google Forms response of one answer (its other question cells empty),
 * under a column headed by the canonical id of its question, so the figures must be the long form's. The
 * question texts are mapped here, so the config written for it keeps no survey.questions.
 */
function writeWideSurvey(dir: string, rows: readonly SurveyRow[], config: SurveyConfig | undefined, format: string): SurveyConfig {
  const columns = CANONICAL_QUESTIONS;
  const lines = [['Timestamp', 'Round', 'Role', 'Respondent', ...columns].join(',')];
  for (const r of rows) {
    const question = questionOf(r.question_id, config?.survey?.questions);
    const cells = columns.map((q) => (q === question ? r.score.trim() : ''));
    lines.push([r.responded_on, r.wave, r.respondent_level, r.respondent_id].map((t) => (/[",]/.test(t) || t !== t.trim() ? `"${t}"` : t))
      .concat(cells).join(','));
  }
  writeFileSync(join(dir, 'survey.csv'), lines.join('\n') + '\n');
  const { questions: _mapped, ...survey } = config?.survey ?? {};
  return {
    ...config,
    survey,
    datasets: { survey: { preset: 'google-forms', levelColumn: 'Role',
      ...(format === 'wide-no-id' ? {} : { respondentIdColumn: 'Respondent' }),
      ...(format === 'wide-quarter' ? {} : { columns: { Round: 'wave' } }) } },
  };
}

/**
 * A wide file has no place for an answer to a question no measure uses (its column is ignored, so it dates
 * no wave): such rows are left out of a case written wide, for the reference as for the tool.
 */
function wideReady(c: SurveyCase): SurveyCase {
  if (!c.surveyFormat?.startsWith('wide') || !c.survey) return c;
  const zone = c.config?.timezone ?? 'UTC';
  const survey = c.survey.filter((r) => questionOf(r.question_id, c.config?.survey?.questions) !== undefined).map((r) => {
    // README (wide surveys): without a wave column or setting, the wave is the calendar quarter of the
    // response date (its date in the configured zone).
    if (c.surveyFormat === 'wide-quarter') {
      const date = calendarDate(r.responded_on, zone);
      return { ...r, wave: `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}` };
    }
    // Without respondentIdColumn no answer has a respondent id.
    if (c.surveyFormat === 'wide-no-id') return { ...r, respondent_id: '' };
    return r;
  });
  return { ...c, survey };
}

function writeCase(c: SurveyCase): string {
  const dir = mkdtempSync(join(tmpdir(), 'survey-oracle-'));
  folders.push(dir);
  let config = c.config;
  const format = c.surveyFormat ?? 'csv';
  if (c.survey && format.startsWith('wide')) config = writeWideSurvey(dir, c.survey, c.config, format);
  else if (c.survey) writeSurvey(dir, c.survey, format as 'csv');
  if (c.people) writeFileSync(join(dir, 'people.csv'), toCsv<PersonRow>(['employee_id', 'title', 'hire_date', 'title_start_date', 'termination_date'], c.people));
  if (c.jobHistory) writeFileSync(join(dir, 'job_history.csv'), toCsv<HistoryRow>(['employee_id', 'effective_date', 'title'], c.jobHistory));
  if (config) writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

function runTool(c: SurveyCase, dir: string, format = 'json'): Promise<CliResult> {
  const args = ['report', '--data', dir, ...c.period.args, '--format', format, ...(c.failOn ? ['--fail-on', c.failOn] : []),
    ...(c.trend ? ['--trend', String(c.trend)] : []), ...(c.survey?.some((r) => r.rejected) ? ['--skip-invalid'] : [])];
  return runCliAsync(args, { env: { TZ: c.machineZone ?? 'UTC' } });
}

/** Compares the tool's report with the oracle; returns the differences as lines. */
export function compare(c: SurveyCase, report: Report, code: number | null): string[] {
  const want = surveyOracle(c);
  const diffs: string[] = [];
  const satisfaction = report.metrics.find((m) => m.id === 'satisfaction');
  if (!satisfaction) return ['no satisfaction metric in the report'];
  {
    for (const [id, fig] of Object.entries(want.measures)) {
      const got = satisfaction.measures.find((m) => m.id === id);
      if (!got) { diffs.push(`${id}: missing`); continue; }
      const close = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-6);
      if (got.status !== fig.status || !close(got.value, fig.value) || got.n !== fig.n) {
        diffs.push(`${id}: tool ${got.status} ${got.value} n=${got.n}, oracle ${fig.status} ${fig.value} n=${fig.n}`);
      }
    }
    if (satisfaction.status !== want.metricStatus) diffs.push(`satisfaction status: tool ${satisfaction.status}, oracle ${want.metricStatus}`);
    for (const [id, fig] of Object.entries(want.flags)) {
      const got = report.redFlags.find((f) => f.id === id);
      if (!got) { diffs.push(`${id}: missing`); continue; }
      const valueOk = got.value === null || fig.value === null ? got.value === fig.value : Math.abs(got.value - fig.value) < 1e-6;
      if (got.status !== fig.status || !valueOk) diffs.push(`${id}: tool ${got.status} ${got.value}, oracle ${fig.status} ${fig.value}`);
    }
  }
  if (c.trend) diffs.push(...compareTrend(c, report, satisfaction));
  // The status rule holds for every metric of the report: the worst of the measures that have a target.
  for (const metric of report.metrics) {
    const judged = metric.measures.filter((m) => m.target !== null).map((m) => m.status as Status);
    const worst = WORST_FIRST.find((st) => judged.includes(st)) ?? 'met';
    if (metric.status !== worst) diffs.push(`${metric.id} status: tool ${metric.status}, worst of its target measures ${worst}`);
  }
  const exit = expectedExit(report, c.failOn);
  if (code !== exit) diffs.push(`exit code: tool ${code}, oracle ${exit} (fail-on ${c.failOn ?? 'default'})`);
  if (report.gate.failed !== (exit === 1)) diffs.push(`gate.failed: tool ${report.gate.failed}, oracle ${exit === 1}`);
  for (const id of ['coding_frustration', 'ops1_undervalued']) {
    const sev = c.config?.severity?.[id] ?? 'error';
    const got = report.redFlags.find((f) => f.id === id);
    if (got && (got.severity ?? 'error') !== sev) diffs.push(`${id} severity: tool ${got.severity}, config ${sev}`);
  }
  const tripped = report.redFlags.filter((f) => f.status === 'tripped' && (f.severity ?? 'error') === 'error').map((f) => f.id);
  if (JSON.stringify(report.gate.trippedRedFlags ?? tripped) !== JSON.stringify(tripped)) diffs.push(`gate.trippedRedFlags: tool ${JSON.stringify(report.gate.trippedRedFlags)}, oracle ${JSON.stringify(tripped)}`);
  return diffs;
}

/**
 * `--trend N`: the N quarters ending at the period (a year's are its own last quarters), the last cut at T as
 * the period is (README); each point is judged as a report of that quarter would be, so nothing after the
 * quarter's end counts in it.
 */
function trendQuarters(c: SurveyCase): { label: string; start: string; end: string }[] {
  const [y, endMonth] = c.period.end.split('-').map(Number) as [number, number];
  const m = Math.floor((endMonth - 1) / 3) * 3 + 1;
  const quarters: { label: string; start: string; end: string }[] = [];
  for (let k = c.trend! - 1; k >= 0; k--) {
    const index = y * 4 + (m - 1) / 3 - k;
    const year = Math.floor(index / 4);
    const q = index % 4;
    const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const end = k === 0 ? c.period.end : addDays(`${q === 3 ? year + 1 : year}-${String(((q + 1) % 4) * 3 + 1).padStart(2, '0')}-01`, -1);
    quarters.push({ label: `${year}-Q${q + 1}`, start, end });
  }
  return quarters;
}

function compareTrend(c: SurveyCase, report: Report, satisfaction: Report['metrics'][number]): string[] {
  const diffs: string[] = [];
  for (const quarter of trendQuarters(c)) {
    const want = surveyOracle(c, quarter);
    const figures: [string, Point[] | undefined, { value: number | null; status: string }][] = [
      ...Object.entries(want.measures).map(([id, f]): [string, Point[] | undefined, Figure] => [id, satisfaction.measures.find((m) => m.id === id)?.history, f]),
      ...Object.entries(want.flags).filter(([, f]) => f.status !== 'off')
        .map(([id, f]): [string, Point[] | undefined, FlagFigure] => [id, report.redFlags.find((r) => r.id === id)?.history, f]),
    ];
    for (const [id, history, fig] of figures) {
      const got = history?.find((p) => p.period === quarter.label);
      if (!got) { diffs.push(`${id} trend ${quarter.label}: no point`); continue; }
      const valueOk = got.value === null || fig.value === null ? got.value === fig.value : Math.abs(got.value - fig.value) < 1e-6;
      if (got.status !== fig.status || !valueOk) diffs.push(`${id} trend ${quarter.label}: tool ${got.status} ${got.value}, oracle ${fig.status} ${fig.value}`);
    }
  }
  return diffs;
}

// ---------------------------------------------------------------------------------------------------
// The property test
// ---------------------------------------------------------------------------------------------------

/** One survey row: wave, responded_on, level, question, score, respondent id ('' = none). */
const row = (wave: string, date: string, level: string, q: string, score: number | string, id = ''): SurveyRow =>
  ({ wave, responded_on: date, respondent_level: level, question_id: q, score: String(score), respondent_id: id });
/** `count` answers of one level to one question, ids `prefix1`..; scores cycle through `scores`. */
const answers = (wave: string, date: string, level: string, q: string, scores: number[], prefix: string, count = scores.length): SurveyRow[] =>
  Array.from({ length: count }, (_, i) => row(wave, date, level, q, scores[i % scores.length]!, prefix ? `${prefix}${i + 1}` : ''));
const Q3 = PERIODS[0]!; // 2026-Q3: P = [2026-07-01, 2026-09-30]
const fixed = (name: string, survey: SurveyRow[], config?: SurveyConfig, extra: Partial<SurveyCase> = {}): [string, SurveyCase] =>
  [name, { seed: 0, period: Q3, failOn: 'missed', config, survey, people: undefined, jobHistory: undefined, ...extra }];

/** Boundaries worked out by hand; each is also judged by the reference. */
const FIXED_CASES: [string, SurveyCase][] = [
  // Scale 1–10: 13 × 9 and 7 × 8 rescale to a mean of 8.5 exactly (8.499999999999996 in floating point): met.
  // coding_expectations 7,6,7,6,6 rescale to 6.0 exactly: not below 6, clear.
  fixed('mean exactly on the target after rescaling', [
    ...answers('W', '2026-08-01', 'ops2', 'role_scope_satisfaction', [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8], 'r'),
    ...answers('W', '2026-08-01', 'ops2', 'coding_expectations', [7, 6, 7, 6, 6], 'r')], { survey: { scale: { min: 1, max: 10 } } }),
  // Scale 1–5: baseline all 3 → 5.0; current 4,4,4,3,3 → 6.5; uplift 6.5 ÷ 5 − 1 = 0.30: met.
  fixed('uplift exactly 0.30', [
    ...answers('base', '2026-01-15', 'ops1', 'role_scope_satisfaction', [3], 'b', 5),
    ...answers('now', '2026-09-30', 'ops2', 'role_scope_satisfaction', [4, 4, 4, 3, 3], 'r')],
  { programStart: '2026-02-01', survey: { scale: { min: 1, max: 5 } } }),
  // The baseline wave has an answer after T (2026-10-02): it is left out, so the wave's answers all precede
  // programStart 2026-03-01 and it is the baseline (mean 5, current 10: uplift 1.0).
  fixed('baseline wave with an answer after T', [
    ...answers('base', '2026-02-10', 'ops1', 'role_scope_satisfaction', [5], 'b', 5),
    row('base', '2026-10-02', 'ops1', 'role_scope_satisfaction', 0, 'b9'),
    ...answers('now', '2026-09-01', 'ops2', 'role_scope_satisfaction', [10], 'r', 5)], { programStart: '2026-03-01' }),
  // A wave whose last answer is on programStart does not precede it; the earlier wave is the baseline.
  fixed('a wave ending on programStart is not the baseline', [
    ...answers('old', '2025-12-01', 'ops1', 'role_scope_satisfaction', [4], 'a', 5),
    ...answers('edge', '2026-03-01', 'ops1', 'role_scope_satisfaction', [8], 'b', 5),
    ...answers('now', '2026-09-01', 'ops2', 'role_scope_satisfaction', [9], 'r', 5)], { programStart: '2026-03-01' }),
  // Exactly minGroupSize distinct respondents (one of them answering twice): not suppressed, n = 6 answers.
  fixed('group exactly at the minimum', [
    ...answers('now', '2026-09-01', 'ops2', 'role_scope_satisfaction', [9], 'r', 5),
    row('now', '2026-09-02', 'Ops Engineer 2.0', 'role_scope_satisfaction', 3, 'r1')]),
  // Four distinct ids over five answers: suppressed, n null.
  fixed('one below the minimum with a repeat', [
    ...answers('now', '2026-09-01', 'ops2', 'role_scope_satisfaction', [9], 'r', 4),
    row('now', '2026-09-01', 'ops2', 'role_scope_satisfaction', 9, 'r2')]),
  // One row without an id: the size is the number of answers (5), not the 2 distinct ids.
  fixed('a row without respondent_id counts answers', [
    ...answers('now', '2026-09-01', 'ops2', 'autonomy', [9], '', 1),
    row('now', '2026-09-01', 'ops2', 'autonomy', 8, 'r1'), row('now', '2026-09-01', 'ops2', 'autonomy', 8, 'r1'),
    row('now', '2026-09-01', 'ops2', 'autonomy', 8, 'r1'), row('now', '2026-09-01', 'ops2', 'autonomy', 8, 'r2')]),
  // 23:30 at −05:00 on 30 September is 1 October in UTC (after T: the wave ends in no P) but 30 September in
  // New York.
  fixed('a timestamp after T in UTC', answers('now', '2026-09-30T23:30:00-05:00', 'ops2', 'role_scope_satisfaction', [9], 'r', 5)),
  fixed('the same timestamp in New York', answers('now', '2026-09-30T23:30:00-05:00', 'ops2', 'role_scope_satisfaction', [9], 'r', 5),
    { timezone: 'America/New_York' }),
  // Scale 1–5, every baseline answer 1 → rescaled mean 0: insufficient_data.
  fixed('baseline mean zero', [
    ...answers('base', '2025-10-01', 'ops1', 'role_scope_satisfaction', [1], 'b', 5),
    ...answers('now', '2026-09-01', 'ops2', 'role_scope_satisfaction', [5], 'r', 5)],
  { programStart: '2026-01-01', survey: { scale: { min: 1, max: 5 } } }),
  // The roster's 2.0 title began after T (title_start_date 2026-11-01 counts as absent): the 2.0 start is the
  // hire date 2026-02-01, so programStart = 2026-02-01 and the January wave is the baseline.
  fixed('programStart from the roster when title_start_date is after T', [
    ...answers('jan', '2026-01-20', 'ops1', 'role_scope_satisfaction', [5], 'b', 5),
    ...answers('may', '2026-05-20', 'ops1', 'role_scope_satisfaction', [2], 'c', 5),
    ...answers('now', '2026-09-01', 'ops2', 'role_scope_satisfaction', [9], 'r', 5)], undefined, {
    people: [{ employee_id: 'E1', title: 'Ops Engineer 2.0', hire_date: '2026-02-01', title_start_date: '2026-11-01', termination_date: '' }],
  }),
  // --trend 3: the only 2.0 start (2026-05-01) is after 2026-Q1's end, so as of Q1 there is no program start
  // and no baseline (uplift insufficient_data); as of Q3 the baseline is q1 (8.0): 9 ÷ 8 − 1 = 0.125.
  fixed('a trend quarter before the first 2.0 start has no baseline', [
    ...answers('base', '2026-01-10', 'ops2', 'role_scope_satisfaction', [5], 'r', 5),
    ...answers('q1', '2026-03-20', 'ops2', 'role_scope_satisfaction', [8], 'r', 5),
    ...answers('q3', '2026-09-10', 'ops2', 'role_scope_satisfaction', [9], 'r', 5)], undefined, {
    trend: 3,
    people: [{ employee_id: 'E1', title: 'Ops Engineer 2.0', hire_date: '2025-01-01', title_start_date: '', termination_date: '' }],
    jobHistory: [{ employee_id: 'E1', effective_date: '2025-01-01', title: 'Ops Engineer' },
      { employee_id: 'E1', effective_date: '2026-05-01', title: 'Ops Engineer 2.0' }],
  }),
  // Group 1.0 is ops1 and ops1_senior only: technicians and managers are in neither group.
  fixed('group 1.0 leaves technicians and managers out', [
    ...answers('now', '2026-09-01', 'ops1', 'feel_valued', [2], 'a', 3),
    ...answers('now', '2026-09-01', 'Senior Ops Engineer', 'feel_valued', [4], 'b', 2),
    ...answers('now', '2026-09-01', 'technician', 'feel_valued', [9], 'c', 3),
    ...answers('now', '2026-09-01', 'Operations Manager', 'feel_valued', [9], 'd', 3)]),
  // A warn red flag that trips does not fail the gate; a missed measure does with --fail-on missed.
  fixed('warn flag trips, gate on red flags', answers('now', '2026-09-01', 'ops2', 'coding_expectations', [2], 'r', 5),
    { severity: { coding_frustration: 'warn' } }, { failOn: 'red-flag' }),
];

// Fixed so that a failure is reproducible; the environment may widen a local search.
const SEED = Number(process.env.ORACLE_SEED ?? 20261127);
const CASES = Number(process.env.ORACLE_CASES ?? 150);
const CONCURRENCY = 4;

describe('survey measures against the reference', () => {
  // A long local search leaves many folders: the hook gets time to remove them.
  afterAll(() => { for (const dir of folders) if (!kept.has(dir)) rmSync(dir, { recursive: true, force: true }); }, 300_000);

  it.each(FIXED_CASES)('agrees on a boundary: %s', async (_name, c) => {
    const dir = writeCase(c);
    const { code, stdout, stderr } = await runTool(c, dir);
    expect(code, stderr).not.toBe(2);
    expect(compare(c, JSON.parse(stdout) as Report, code)).toEqual([]);
  });

  // metrics.md "Gate": invalid input or usage: exit 2, always.
  it('exits 2 on a minGroupSize below 3 or a score that is no number, whatever --fail-on says', async () => {
    for (const failOn of ['never', 'missed', 'red-flag'] as const) {
      const small: SurveyCase = { ...FIXED_CASES[0]![1], failOn, config: { survey: { minGroupSize: 2 } } };
      expect((await runTool(small, writeCase(small))).code).toBe(2);
      const bad: SurveyCase = { ...FIXED_CASES[0]![1], failOn, survey: [row('W', '2026-08-01', 'ops2', 'autonomy', 'high', 'r1')] };
      expect((await runTool(bad, writeCase(bad))).code).toBe(2);
    }
  });

  it(`agrees on ${CASES} random organisations (seed ${SEED})`, async () => {
    const cases = Array.from({ length: CASES }, (_, i) => wideReady(generateCase(SEED + i)));
    const failures: string[] = [];
    await inParallel(cases, CONCURRENCY, async (c) => {
      const dir = writeCase(c);
      const { code, stdout, stderr } = await runTool(c, dir);
      if (code === 2 || stdout.trim() === '') { kept.add(dir); failures.push(`seed ${c.seed}: exit ${code}\n${stderr.slice(0, 2000)}`); return; }
      const report = JSON.parse(stdout) as Report;
      const diffs = compare(c, report, code);
      // The gate does not depend on the format.
      if (c.otherFormat) {
        const other = await runTool(c, dir, c.otherFormat);
        if (other.code !== code) diffs.push(`exit code with --format ${c.otherFormat}: ${other.code}, with json ${code}`);
      }
      if (diffs.length) kept.add(dir);
      if (diffs.length) failures.push(`seed ${c.seed} (${dir}, ${c.period.args.join(' ')}):\n  ${diffs.join('\n  ')}`);
    });
    if (process.env.ORACLE_STATS) {
      const tally = new Map<string, number>();
      for (const c of cases) {
        const e = surveyOracle(c);
        if (e.tie) tally.set('tie', (tally.get('tie') ?? 0) + 1);
        for (const [id, f] of [...Object.entries(e.measures), ...Object.entries(e.flags)]) {
          const k = `${id} ${f.status}`;
          tally.set(k, (tally.get(k) ?? 0) + 1);
        }
        tally.set(`metric ${e.metricStatus}`, (tally.get(`metric ${e.metricStatus}`) ?? 0) + 1);
      }
      console.log([...tally].sort().map(([k, v]) => `${k}: ${v}`).join('\n'));
    }
    expect(failures.slice(0, 10).join('\n')).toBe('');
  }, 1_200_000);
});
