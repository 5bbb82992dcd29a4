/**
 * How a metric is declared: its id, title and measures, each measure with its label, unit, default
 * target, the datasets it needs and a pure `compute`. Statuses against targets are decided in one place
 * (src/report/evaluate.ts), never inside a measure.
 */
import type { Config } from '../core/config.js';
import type { DatasetName, IsoDate, OrgData, QuestionId } from '../core/datasets.js';
import type { Detail, MeasureId, MetricId, SurvivalSummary, Threshold, Unit } from '../core/report.js';
import type { OrgModel } from '../model/org-model.js';
import type { ReportWindow } from '../model/window.js';

/** What every measure and red flag reads: the data cut at T, the config, the window and the model. */
export interface MeasureContext {
  readonly data: OrgData;
  readonly config: Config;
  readonly window: ReportWindow;
  readonly model: OrgModel;
  /**
   * Why each dataset whose file was found cannot be used (under --skip-invalid), as a phrase naming the
   * file: `people.csv could not be read`, `improvements.csv was rejected whole (its header)`.
   */
  readonly unusable?: ReadonlyMap<DatasetName, string>;
  /** Each file's optional columns it does not have at all (see DatasetValidation.absentColumns). */
  readonly absentColumns?: ReadonlyMap<DatasetName, AbsentColumns>;
}

/** The optional columns a dataset's file does not have, with the file's name as reports show it. */
export interface AbsentColumns { readonly file: string; readonly columns: readonly string[] }

/** A column of a dataset that a measure's figure rests on. */
export interface ColumnNeed { readonly dataset: DatasetName; readonly column: string }

/** The config that reads a column an export holds under another header, as a missing column's message gives it. */
export const columnMapping = ({ dataset, column }: ColumnNeed): string =>
  `{ "datasets": { "${dataset}": { "columns": { "<its header>": "${column}" } } } }`;

/** Why a measure has no figure. */
export type Unavailable = 'insufficient_data' | 'suppressed' | 'no_data';

/** What a measure's `compute` returns: a figure, or the reason there is none. */
export type Computed =
  | {
      readonly value: number;
      readonly n: number | null;
      readonly ci95?: readonly [number, number] | null;
      readonly details?: readonly Detail[];
      /** Before this date a value that misses the target is `pending`, not `missed`. */
      readonly pendingUntil?: IsoDate;
      readonly survival?: SurvivalSummary;
      readonly reason?: string;
    }
  | {
      readonly value: null;
      readonly status: Unavailable;
      readonly n?: number | null;
      readonly details?: readonly Detail[];
      readonly reason?: string;
      readonly survival?: SurvivalSummary;
    };

export interface MeasureDefinition {
  readonly id: MeasureId;
  /** What the figure is, in words; a function where a config value is part of it (the RCA's hours). */
  readonly label: string | ((config: Config) => string);
  readonly unit: Unit;
  /** Default target (`config.targets[id]` overrides its value); null for an info measure. */
  readonly target: Threshold | null;
  /** The status when the target is missed: `investigate` for retention_1y, else `missed`. */
  readonly belowTarget?: 'missed' | 'investigate';
  /** Datasets without which the measure is `no_data` (its reason names them). */
  readonly needs: readonly DatasetName[];
  /**
   * Optional columns whose absence from the whole file leaves the measure without a figure: an empty cell
   * says "not done", but a file without the column cannot say whether anything was done, and counting
   * every row as not done would be a wrong figure (a PagerDuty export has no RCA time: 0 % on time).
   */
  readonly needsColumns?: (config: Config) => readonly ColumnNeed[];
  /** The survey question whose answers it is computed from: a survey file without it is told what it leaves out. */
  readonly question?: QuestionId;
  compute(ctx: MeasureContext): Computed;
}

export interface MetricDefinition {
  readonly id: MetricId;
  readonly title: string;
  readonly measures: readonly MeasureDefinition[];
}

/** Identity helper: gives a metric file its type checking without any magic. */
export const defineMetric = (metric: MetricDefinition): MetricDefinition => metric;

/** A figure, with the common shape most measures return. */
export const figure = (value: number, n: number | null, extra: Omit<Extract<Computed, { value: number }>, 'value' | 'n'> = {}): Computed => ({
  value,
  n,
  ...extra,
});

export const unavailable = (status: Unavailable, reason: string, extra: { n?: number | null; details?: readonly Detail[] } = {}): Computed => ({
  value: null,
  status,
  reason,
  ...extra,
});
