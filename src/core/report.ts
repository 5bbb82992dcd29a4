/**
 * The report: everything a reporter needs, and exactly the JSON of cli.md (schema version 1) plus
 * documented additions. Reporters are pure functions of this object; none recomputes a figure.
 */
import type { FailOn, RedFlagId, Severity } from './config.js';
import type { DatasetName, IsoDate } from './datasets.js';

export const SCHEMA_VERSION = 1;

export const METRIC_IDS = [
  'retention', 'satisfaction', 'adoption', 'technical_growth', 'exception_handling', 'process_improvement',
  'mentorship', 'strategic_visibility',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const MEASURE_IDS = [
  'retention_2y', 'retention_1y', 'km_retention_1y', 'km_retention_2y', 'ops_retention_12m',
  'role_scope_score', 'satisfaction_uplift', 'autonomy', 'problem_quality', 'career_growth', 'design_vs_execution_time',
  'postmortem_leads_6m', 'process_designers_1y', 'mentors_1y',
  'automation_course_6m', 'automation_contributors_1y',
  'p1_rca_48h', 'p1_unresolved', 'action_items_30d', 'recurrence_reduction_yoy',
  'improvements_per_engineer_year', 'routine_time_reduction', 'automation_coverage_growth',
  'mentored_growth_uplift', 'mentee_ops_retention',
  'roadmap_meetings_per_quarter', 'requirements_incorporated_per_year',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** The measures metrics.md gives no target (`info`): shown, never judged, so a target for one is refused. */
export const INFO_MEASURE_IDS: readonly MeasureId[] = [
  'km_retention_1y', 'km_retention_2y', 'ops_retention_12m',
  'autonomy', 'problem_quality', 'career_growth', 'design_vs_execution_time',
  'p1_unresolved',
];

/**
 * What a judged measure's figure can be, where metrics.md bounds it: a share of a group (0 to 1), a score
 * on the 0-10 scale, a count, rate or multiple (never below 0), a reduction (at most 1, all of it) or an
 * uplift of a score (at least -1, none of it left). A target outside can never be met, or is met whatever
 * happens: a percent given for a share (`95` for 0.95) is the usual slip, so the config refuses it. The
 * uplift of skill growth is unbounded (velocities can be negative).
 */
export type FigureKind = 'share' | 'score' | 'non_negative' | 'reduction' | 'uplift';

export const FIGURE_BOUNDS: Readonly<Record<FigureKind, { readonly min?: number; readonly max?: number }>> = {
  share: { min: 0, max: 1 },
  score: { min: 0, max: 10 },
  non_negative: { min: 0 },
  reduction: { max: 1 },
  uplift: { min: -1 },
};

export const FIGURE_KINDS: Readonly<Partial<Record<MeasureId, FigureKind>>> = {
  retention_2y: 'share',
  retention_1y: 'share',
  role_scope_score: 'score',
  satisfaction_uplift: 'uplift',
  postmortem_leads_6m: 'share',
  process_designers_1y: 'share',
  mentors_1y: 'share',
  automation_course_6m: 'share',
  automation_contributors_1y: 'share',
  p1_rca_48h: 'share',
  action_items_30d: 'share',
  recurrence_reduction_yoy: 'reduction',
  improvements_per_engineer_year: 'non_negative',
  routine_time_reduction: 'reduction',
  automation_coverage_growth: 'non_negative',
  mentee_ops_retention: 'share',
  roadmap_meetings_per_quarter: 'non_negative',
  requirements_incorporated_per_year: 'non_negative',
};

/** Status words of metrics.md; `info` is a computed measure without a target. */
export type MeasureStatus =
  | 'met' | 'missed' | 'investigate' | 'pending' | 'insufficient_data' | 'suppressed' | 'no_data' | 'info';
export type MetricStatus = Exclude<MeasureStatus, 'info'>;
/** `off`: the config's severity switched the flag off, so it was not evaluated. */
export type RedFlagStatus = 'tripped' | 'clear' | 'no_data' | 'insufficient_data' | 'suppressed' | 'off';

export type ComparisonOp = '>=' | '>' | '=' | '<=' | '<';
export interface Threshold { readonly op: ComparisonOp; readonly value: number }

/** Whether `value` stands on the passing side of `op bound`: a target met, or a red flag's threshold crossed. */
export const holds = (value: number, op: ComparisonOp, bound: number): boolean => {
  switch (op) {
    case '>=': return value >= bound;
    case '>': return value > bound;
    case '=': return value === bound;
    case '<=': return value <= bound;
    case '<': return value < bound;
    default: { const never: never = op; return never; }
  }
};

/** ratio: a fraction (0.96); score: 0-10; count; rate: per engineer-year or per quarter; multiple: ×. */
export type Unit = 'ratio' | 'score' | 'count' | 'rate' | 'multiple';

export interface Detail {
  readonly employeeId?: string;
  /** Present only with `--names`. */
  readonly name?: string;
  readonly note: string;
}

/** The Kaplan-Meier fit behind km_retention_*: the whole step curve and the risk set at the measure's day. */
export interface SurvivalSummary {
  readonly atDay: number;
  readonly atRisk: number;
  readonly censored: number;
  readonly events: number;
  /** Steps of S(t): [day, survival after that day's exits]; starts at [0, 1]. */
  readonly curve: ReadonlyArray<readonly [number, number]>;
  /** Days at which subjects were censored (ticks on a chart). */
  readonly censoredAt: readonly number[];
}

export interface MeasureResult {
  readonly id: MeasureId;
  readonly label: string;
  readonly unit: Unit;
  readonly value: number | null;
  readonly target: Threshold | null;
  readonly status: MeasureStatus;
  readonly n: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly details: readonly Detail[];
  /** Why there is no figure (no_data names the file that would enable it; pending names the due date). */
  readonly reason?: string;
  /** For `pending`: when the measure becomes due. */
  readonly dueOn?: IsoDate;
  readonly survival?: SurvivalSummary;
  /** With `--compare`: the earlier report's value and status. */
  readonly previous?: { readonly value: number | null; readonly status: MeasureStatus; readonly period: string };
  /** With `--trend N`: oldest first, the chosen period last. */
  readonly history?: ReadonlyArray<{ readonly period: string; readonly value: number | null; readonly status: MeasureStatus }>;
}

export interface MetricResult {
  readonly id: MetricId;
  readonly title: string;
  readonly status: MetricStatus;
  readonly measures: readonly MeasureResult[];
}

export interface RedFlagResult {
  readonly id: RedFlagId;
  readonly title: string;
  readonly status: RedFlagStatus;
  readonly severity: Severity;
  readonly value: number | null;
  readonly threshold: Threshold;
  readonly evidence: readonly Detail[];
  readonly fix: string;
  readonly reason?: string;
  /** With `--compare`: the earlier report's value and status. */
  readonly previous?: { readonly value: number | null; readonly status: RedFlagStatus; readonly period: string };
  /** With `--trend N`: oldest first, the chosen period last. */
  readonly history?: ReadonlyArray<{ readonly period: string; readonly value: number | null; readonly status: RedFlagStatus }>;
}

export interface InputSummary {
  readonly dataset: DatasetName;
  readonly file: string;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly warnings: number;
  /**
   * Present (true) for a file found but not read at all (under --skip-invalid): a misplaced quote, a
   * wrong encoding. Its rows are unknown, not zero, and its measures say so.
   */
  readonly unreadable?: true;
  /**
   * Present (true) for a file whose header was refused (a required column missing, two columns meaning
   * one), under --skip-invalid: its rows were read and all rejected, and its measures say it could not be used.
   */
  readonly rejectedWhole?: true;
}

export interface Period {
  /** `2026-Q3` or `2026`; a period cut at an as-of date keeps its label and shows the cut in `end`. */
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export interface GateResult {
  readonly failOn: FailOn;
  readonly failed: boolean;
  /** Red-flag ids that tripped with severity error, then measure ids that failed under `failOn`. */
  readonly trippedRedFlags: readonly RedFlagId[];
  readonly failedMeasures: readonly MeasureId[];
}

export interface Report {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: { readonly name: 'ops-metrics'; readonly version: string };
  /** The version of metrics.md these figures follow. */
  readonly definitionsVersion: string;
  readonly asOf: IsoDate;
  readonly period: Period;
  readonly timezone: string;
  /**
   * The survey's smallest group shown (`survey.minGroupSize`): what `--compare` needs to know of an earlier
   * report, to show none of its survey figures that this run's minimum would not. Absent in reports made
   * before it was written.
   */
  readonly survey?: { readonly minGroupSize: number };
  readonly metrics: readonly MetricResult[];
  readonly redFlags: readonly RedFlagResult[];
  readonly inputs: readonly InputSummary[];
  readonly gate: GateResult;
}
