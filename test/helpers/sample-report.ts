/**
 * Report fixtures for reporter tests: `sampleReport()` is a complete, realistic 2026-Q3 report (8 metrics,
 * 27 measures in MEASURE_IDS order, every status word, every red-flag status); `previousReport()` is the
 * 2026-Q2 report it is compared with; `withHistory()` adds a trend; `hostileReport()` is the same shape
 * with adversarial text in every string that can come from input files.
 *
 * Figures are worked out by hand: proportions are k/n with their Wilson interval (z = 1.96), rounded to
 * 6 places as src/report/evaluate.ts does; comments give k/n.
 */
import type {
  Detail, MeasureResult, MetricResult, RedFlagResult, Report, SurvivalSummary,
} from '../../src/core/report.js';

/**
 * 32 promotions. Exits at days 95, 180, 250, 330, 500, 610; censorings listed in `censoredAt`.
 * S(95) = 30/31 (one censored at 60) = 0.967742; S(180) = × 28/29 = 0.934372; S(250) = × 25/26 = 0.898434;
 * S(330) = × 23/24 = 0.860999; S(500) = × 17/18 = 0.813166; S(610) = × 15/16 = 0.762343.
 * At day 365: 4 exits, 6 censored, 22 at risk (32 = 4 + 6 + 22). At day 730: 6 exits, 13 censored, 13 at risk.
 */
const CURVE: SurvivalSummary['curve'] = [
  [0, 1], [95, 0.967742], [180, 0.934372], [250, 0.898434], [330, 0.860999], [500, 0.813166], [610, 0.762343],
];
const CENSORED_AT = [60, 120, 200, 220, 300, 340, 400, 420, 450, 480, 540, 700, 720, 760, 780, 800, 820, 850, 870, 900,
  920, 950, 980, 1010, 1040, 1100];

const survivalAt = (atDay: number, atRisk: number, censored: number, events: number): SurvivalSummary => ({
  atDay, atRisk, censored, events, curve: CURVE, censoredAt: CENSORED_AT,
});

const person = (employeeId: string, note: string): Detail => ({ employeeId, note });

const retention: MetricResult = {
  id: 'retention', title: 'Retention rate', status: 'investigate',
  measures: [
    // 24 of 25 promotions stayed 24 months.
    { id: 'retention_2y', label: 'Promoted 2.0s who stayed 2+ years', unit: 'ratio', value: 0.96,
      target: { op: '>=', value: 0.95 }, status: 'met', n: 25, ci95: [0.804559, 0.992904],
      details: [person('E042', 'left the 2.0 track on 2026-03-02')] },
    // 17 of 20 stayed 12 months: below 0.90 is `investigate`.
    { id: 'retention_1y', label: 'Promoted 2.0s who stayed 1+ year', unit: 'ratio', value: 0.85,
      target: { op: '>=', value: 0.9 }, status: 'investigate', n: 20, ci95: [0.639581, 0.947631],
      details: [person('E017', 'left the 2.0 track on 2026-01-15'), person('E023', 'terminated on 2026-04-30'),
        person('E031', 'moved to SRE II on 2026-06-01')] },
    { id: 'km_retention_1y', label: 'Kaplan–Meier retention at 1 year', unit: 'ratio', value: 0.860999,
      target: null, status: 'info', n: 32, ci95: null,
      details: [{ note: 'day 365: 22 at risk, 6 censored, 4 exits' }], survival: survivalAt(365, 22, 6, 4) },
    { id: 'km_retention_2y', label: 'Kaplan–Meier retention at 2 years', unit: 'ratio', value: 0.762343,
      target: null, status: 'info', n: 32, ci95: null,
      details: [{ note: 'day 730: 13 at risk, 13 censored, 6 exits' }], survival: survivalAt(730, 13, 13, 6) },
    // 41 of 50 in ops a year ago are still in ops.
    { id: 'ops_retention_12m', label: 'Ops engineers still in ops after 12 months', unit: 'ratio', value: 0.82,
      target: null, status: 'info', n: 50, ci95: [0.692039, 0.902298], details: [] },
  ],
};

const satisfaction: MetricResult = {
  id: 'satisfaction', title: 'Job satisfaction', status: 'suppressed',
  measures: [
    { id: 'role_scope_score', label: 'Role scope satisfaction of 2.0s (0–10)', unit: 'score', value: 8.6,
      target: { op: '>=', value: 8.5 }, status: 'met', n: 14, ci95: null, details: [] },
    { id: 'satisfaction_uplift', label: 'Role scope satisfaction uplift over the baseline wave', unit: 'ratio',
      value: null, target: { op: '>=', value: 0.3 }, status: 'suppressed', n: null, ci95: null, details: [],
      reason: 'the baseline wave 2025-Q4 has fewer than 5 respondents' },
    { id: 'autonomy', label: 'Autonomy (0–10)', unit: 'score', value: 7.9, target: null, status: 'info', n: 14,
      ci95: null, details: [] },
    { id: 'problem_quality', label: 'Quality of problems worked on (0–10)', unit: 'score', value: 8.1, target: null,
      status: 'info', n: 14, ci95: null, details: [] },
    { id: 'career_growth', label: 'Career growth (0–10)', unit: 'score', value: 7.2, target: null, status: 'info',
      n: 13, ci95: null, details: [] },
    { id: 'design_vs_execution_time', label: 'Design versus execution time (0–10)', unit: 'score', value: 6.4,
      target: null, status: 'info', n: 14, ci95: null, details: [] },
  ],
};

const adoption: MetricResult = {
  id: 'adoption', title: 'Responsibility adoption', status: 'missed',
  measures: [
    // 9 of 9 led a postmortem within 6 months.
    { id: 'postmortem_leads_6m', label: '2.0s who led a postmortem within 6 months', unit: 'ratio', value: 1,
      target: { op: '=', value: 1 }, status: 'met', n: 9, ci95: [0.700855, 1], details: [] },
    // 5 of 8 designed a critical process within 12 months.
    { id: 'process_designers_1y', label: '2.0s who designed a critical process within a year', unit: 'ratio',
      value: 0.625, target: { op: '>=', value: 0.8 }, status: 'missed', n: 8, ci95: [0.305742, 0.863156],
      details: [person('E012', 'no critical design within 12 months of 2025-08-04'),
        person('E019', 'no critical design within 12 months of 2025-06-16'),
        person('E027', 'no critical design within 12 months of 2025-09-01')] },
    { id: 'mentors_1y', label: '2.0s who mentored a 1.0 within a year', unit: 'ratio', value: 1,
      target: { op: '=', value: 1 }, status: 'met', n: 8, ci95: [0.675592, 1], details: [] },
  ],
};

const technicalGrowth: MetricResult = {
  id: 'technical_growth', title: 'Technical growth', status: 'no_data',
  measures: [
    { id: 'automation_course_6m', label: '2.0s who finished automation design within 6 months', unit: 'ratio',
      value: 1, target: { op: '=', value: 1 }, status: 'met', n: 9, ci95: [0.700855, 1], details: [] },
    { id: 'automation_contributors_1y', label: '2.0s contributing automation within a year', unit: 'ratio',
      value: null, target: { op: '>=', value: 0.7 }, status: 'no_data', n: null, ci95: null, details: [],
      reason: 'needs automation_contributions.csv (or .json / .ndjson) in the data folder' },
  ],
};

const exceptionHandling: MetricResult = {
  id: 'exception_handling', title: 'Exception handling quality', status: 'insufficient_data',
  measures: [
    // 13 of 14 P1 RCAs on time.
    { id: 'p1_rca_48h', label: 'P1 RCAs completed within 48 hours', unit: 'ratio', value: 0.928571,
      target: { op: '>=', value: 0.9 }, status: 'met', n: 14, ci95: [0.685313, 0.987278],
      details: [{ note: 'INC-2207: RCA completed 61 h after resolution' }] },
    { id: 'p1_unresolved', label: 'P1 incidents opened and not yet resolved', unit: 'count', value: 2, target: null,
      status: 'info', n: null, ci95: null,
      details: [{ note: 'INC-2291 opened 2026-09-28' }, { note: 'INC-2296 opened 2026-09-29' }] },
    // 43 of 50 action items closed within 30 days.
    { id: 'action_items_30d', label: 'Action items completed within 30 days', unit: 'ratio', value: 0.86,
      target: { op: '>=', value: 0.8 }, status: 'met', n: 50, ci95: [0.738138, 0.930492], details: [] },
    { id: 'recurrence_reduction_yoy', label: 'Reduction in incident recurrence, year over year', unit: 'ratio',
      value: null, target: { op: '>=', value: 0.3 }, status: 'insufficient_data', n: null, ci95: null, details: [],
      reason: 'no recurrences in the year before (rate 0)' },
  ],
};

const processImprovement: MetricResult = {
  id: 'process_improvement', title: 'Process improvement impact', status: 'pending',
  measures: [
    { id: 'improvements_per_engineer_year', label: 'Significant improvements per engineer-year', unit: 'rate',
      value: 5.2, target: { op: '>=', value: 5 }, status: 'met', n: 11, ci95: null, details: [] },
    { id: 'routine_time_reduction', label: 'Routine time saved by improvements', unit: 'ratio', value: 0.27,
      target: { op: '>=', value: 0.2 }, status: 'met', n: 18, ci95: null, details: [] },
    // programStart 2026-02-01 + 18 months.
    { id: 'automation_coverage_growth', label: 'Automation coverage growth since the program start',
      unit: 'multiple', value: 1.6, target: { op: '>=', value: 2 }, status: 'pending', n: null, ci95: null,
      details: [], dueOn: '2027-08-01', reason: 'due on 2027-08-01' },
  ],
};

const mentorship: MetricResult = {
  id: 'mentorship', title: 'Mentorship effectiveness', status: 'met',
  measures: [
    { id: 'mentored_growth_uplift', label: 'Skill growth of mentored 1.0s over the others', unit: 'ratio',
      value: 0.31, target: { op: '>=', value: 0.25 }, status: 'met', n: null, ci95: null, details: [] },
    // 11 of 12 mentees still in ops.
    { id: 'mentee_ops_retention', label: 'Mentees of 2.0s still in ops', unit: 'ratio', value: 0.916667,
      target: { op: '>=', value: 0.9 }, status: 'met', n: 12, ci95: [0.64612, 0.985135],
      details: [person('E088', 'terminated on 2026-05-20')] },
  ],
};

const strategicVisibility: MetricResult = {
  id: 'strategic_visibility', title: 'Strategic visibility', status: 'missed',
  measures: [
    { id: 'roadmap_meetings_per_quarter', label: 'Product roadmap meetings per 2.0 per quarter', unit: 'rate',
      value: 2.4, target: { op: '>=', value: 2 }, status: 'met', n: 10, ci95: null, details: [] },
    { id: 'requirements_incorporated_per_year', label: 'Requirements incorporated per 2.0 per year', unit: 'rate',
      value: 1.5, target: { op: '>=', value: 2 }, status: 'missed', n: 11, ci95: null, details: [] },
  ],
};

const RED_FLAGS: readonly RedFlagResult[] = [
  { id: 'task_execution', title: '2.0 engineers still doing task execution', status: 'tripped', severity: 'error',
    value: 0.31, threshold: { op: '>', value: 0.25 },
    evidence: [person('E051', 'task execution 42% of 160 h'), person('E058', 'task execution 38% of 152 h')],
    fix: 'Move routine execution to automation or technicians; protect design time in planning.' },
  // 1 − S(365) = 1 − 0.860999.
  { id: 'year1_turnover', title: 'High turnover of 2.0s in year 1', status: 'clear', severity: 'error',
    value: 0.139001, threshold: { op: '>', value: 0.2 }, evidence: [],
    fix: 'Investigate: exit interviews, workload and on-call load of new 2.0s.' },
  { id: 'coding_frustration', title: '2.0s frustrated with coding expectations', status: 'tripped', severity: 'warn',
    value: 5.4, threshold: { op: '<', value: 6 }, evidence: [{ note: 'wave 2026-Q3, 14 answers' }],
    fix: 'Pair 2.0s with automation engineers and fund coding training.' },
  { id: 'no_improvements', title: 'No process improvements documented', status: 'clear', severity: 'error', value: 7,
    threshold: { op: '=', value: 0 }, evidence: [],
    fix: 'Make improvement documentation part of the 2.0 role review.' },
  { id: 'ops1_undervalued', title: '1.0 engineers feel undervalued', status: 'suppressed', severity: 'error',
    value: null, threshold: { op: '<', value: 6 }, evidence: [],
    fix: 'Recognise 1.0 work explicitly and publish the path from 1.0 to 2.0.',
    reason: 'group 1.0 has fewer than 5 respondents in wave 2026-Q3' },
  { id: 'promotion_pay', title: 'Promotion without a fair raise', status: 'off', severity: 'off', value: null,
    threshold: { op: '>', value: 0 }, evidence: [],
    fix: 'Review compensation bands for 2.0 promotions.', reason: 'switched off by the config (severity: off)' },
];

export function sampleReport(): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'ops-metrics', version: '0.1.0' },
    definitionsVersion: 'metrics.md v1',
    asOf: '2026-09-30',
    period: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
    timezone: 'America/New_York',
    survey: { minGroupSize: 5 },
    metrics: [retention, satisfaction, adoption, technicalGrowth, exceptionHandling, processImprovement, mentorship,
      strategicVisibility],
    redFlags: RED_FLAGS,
    inputs: [
      { dataset: 'people', file: 'people.csv', rows: 64, accepted: 64, rejected: 0, warnings: 0 },
      { dataset: 'job_history', file: 'job_history.csv', rows: 151, accepted: 151, rejected: 0, warnings: 0 },
      { dataset: 'incidents', file: 'exports/pd.csv', rows: 120, accepted: 118, rejected: 2, warnings: 1 },
      { dataset: 'action_items', file: 'action_items.csv', rows: 212, accepted: 212, rejected: 0, warnings: 0 },
      { dataset: 'survey', file: 'survey.csv', rows: 420, accepted: 420, rejected: 0, warnings: 0 },
      { dataset: 'improvements', file: 'improvements.json', rows: 48, accepted: 48, rejected: 0, warnings: 0 },
      { dataset: 'time_allocation', file: 'time_allocation.ndjson', rows: 96, accepted: 95, rejected: 1, warnings: 0 },
    ],
    gate: { failOn: 'red-flag', failed: true, trippedRedFlags: ['task_execution'], failedMeasures: [] },
  };
}

export const mapMeasures = (report: Report, f: (m: MeasureResult) => MeasureResult): Report => ({
  ...report,
  metrics: report.metrics.map((metric) => ({ ...metric, measures: metric.measures.map(f) })),
});

/**
 * The 2026-Q2 report: a few figures and statuses differ from Q3 so that a comparison has something to show
 * (retention_1y 0.92 met → 0.85 investigate; process_designers_1y 0.8 met → 0.625 missed; p1_rca_48h 0.85
 * missed → 0.928571 met; automation_contributors_1y had a figure, now no_data).
 */
export function previousReport(): Report {
  const q2: Partial<Record<MeasureResult['id'], Pick<MeasureResult, 'value' | 'status'>>> = {
    retention_2y: { value: 0.95, status: 'met' },
    retention_1y: { value: 0.92, status: 'met' },
    process_designers_1y: { value: 0.8, status: 'met' },
    p1_rca_48h: { value: 0.85, status: 'missed' },
    automation_contributors_1y: { value: 0.75, status: 'met' },
    role_scope_score: { value: 8.2, status: 'missed' },
    requirements_incorporated_per_year: { value: 1.5, status: 'missed' },
    p1_unresolved: { value: 4, status: 'info' },
  };
  // In Q2 task execution was below its threshold and the 2.0s' coding score above it: both tripped since.
  const q2Flags: Partial<Record<RedFlagResult['id'], Pick<RedFlagResult, 'value' | 'status'>>> = {
    task_execution: { value: 0.22, status: 'clear' },
    coding_frustration: { value: 6.4, status: 'clear' },
  };
  const q3 = sampleReport();
  const withQ2Measures = mapMeasures(q3, (m) => ({ ...m, ...(q2[m.id] ?? {}) }));
  return {
    ...withQ2Measures,
    redFlags: withQ2Measures.redFlags.map((f) => ({ ...f, ...(q2Flags[f.id] ?? {}) })),
    asOf: '2026-06-30',
    period: { label: '2026-Q2', start: '2026-04-01', end: '2026-06-30' },
  };
}

/** Adds four quarters of history to every measure and red flag that has a value: the chosen period last, one gap. */
export function withHistory(report: Report): Report {
  const periods = ['2025-Q4', '2026-Q1', '2026-Q2', report.period.label];
  const historyOf = <S extends string>(v: number, status: S) => {
    const values = [v * 0.8, null, v * 0.9, v];
    return periods.map((period, i) => ({ period, value: values[i] ?? null, status }));
  };
  const withMeasures = mapMeasures(report, (m) => (m.value === null ? m : { ...m, history: historyOf(m.value, m.status) }));
  return { ...withMeasures, redFlags: withMeasures.redFlags.map((f) => (f.value === null ? f : { ...f, history: historyOf(f.value, f.status) })) };
}

/** Text built to break out of every format: spreadsheet formulas, HTML, CDATA, table pipes, terminal escapes. */
export const HOSTILE = {
  formula: '=HYPERLINK("http://x","y")',
  html: '<script>alert(1)</script>',
  cdata: ']]>',
  pipe: 'a | b',
  newline: 'line one\nline two\r\n::error::injected',
  ansi: '\u001b[31mred\u001b[0m',
  osc: '\u001b]0;pwned\u0007',
  nul: 'nul\u0000byte',
  del: 'del\u007fete',
  c1: 'c1\u009b2J\u0085',
  command: '::error::injected',
  // GitHub's runner reads the legacy form anywhere in a log line, not only at its start.
  legacy: '##[error]forged ##[stop-commands]halt',
  encoded: '%0A::warning::encoded',
  entity: 'R&D &amp; &#0;',
} as const;

const ALL_HOSTILE = Object.values(HOSTILE).join(' ');

/** Same shape as sampleReport(), every input-derived string adversarial; names present as with `--names`. */
export function hostileReport(): Report {
  const base = mapMeasures(withHistory(sampleReport()), (m) => ({
    ...m,
    label: `${HOSTILE.formula} ${m.label} ${HOSTILE.html}`,
    ...(m.reason !== undefined ? { reason: `${HOSTILE.newline} ${m.reason}` } : {}),
    details: [
      ...m.details,
      { employeeId: `${HOSTILE.newline}E1${HOSTILE.pipe}`, name: `${HOSTILE.html}Mallory${HOSTILE.osc}`, note: ALL_HOSTILE },
      { employeeId: `-2+3${HOSTILE.ansi}`, name: `@SUM(1,1)${HOSTILE.cdata}`, note: `${HOSTILE.command}${HOSTILE.nul}` },
    ],
    previous: { value: m.value, status: 'met', period: `${HOSTILE.html}${HOSTILE.newline}` },
    ...(m.history !== undefined ? { history: m.history.map((h) => ({ ...h, period: `${HOSTILE.cdata}${h.period}` })) } : {}),
  }));
  return {
    ...base,
    period: { ...base.period, label: `+2026-Q3${HOSTILE.newline}${HOSTILE.pipe}` },
    timezone: `${HOSTILE.ansi}America/New_York${HOSTILE.osc}`,
    metrics: base.metrics.map((metric) => ({ ...metric, title: `${HOSTILE.html}${metric.title}${HOSTILE.pipe}${HOSTILE.cdata}` })),
    redFlags: base.redFlags.map((flag) => ({
      ...flag,
      title: `${HOSTILE.command}${flag.title}${HOSTILE.encoded}${HOSTILE.entity}`,
      fix: `${HOSTILE.formula}\n${flag.fix}${HOSTILE.html}`,
      evidence: [
        ...flag.evidence,
        { employeeId: `=E9${HOSTILE.command}`, name: `${HOSTILE.newline}Eve`, note: ALL_HOSTILE },
      ],
      ...(flag.reason !== undefined ? { reason: `${flag.reason}${HOSTILE.nul}${HOSTILE.html}` } : {}),
    })),
    inputs: base.inputs.map((input) => ({ ...input, file: `${HOSTILE.formula}${input.file}${HOSTILE.pipe}${HOSTILE.newline}` })),
  };
}
