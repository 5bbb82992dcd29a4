/**
 * How a red flag is declared: id, title, the role design's fix, the datasets it needs, its threshold
 * (from the config) and a pure `evaluate` that returns the figure and evidence. Whether it trips is
 * decided by comparing the value with the threshold in src/report/evaluate.ts.
 */
import type { Config, RedFlagId } from '../core/config.js';
import type { DatasetName, QuestionId } from '../core/datasets.js';
import type { Detail, Threshold } from '../core/report.js';
import type { MeasureContext, Unavailable } from '../metrics/define.js';

export type RedFlagComputed =
  | { readonly value: number; readonly evidence: readonly Detail[]; readonly reason?: string }
  | { readonly value: null; readonly status: Unavailable; readonly reason: string; readonly evidence?: readonly Detail[] };

export interface RedFlagDefinition {
  readonly id: RedFlagId;
  readonly title: string;
  /** The role design's fix for this failure. */
  readonly fix: string;
  readonly needs: readonly DatasetName[];
  /** The survey question whose answers it is computed from: a survey file without it is told what it leaves out. */
  readonly question?: QuestionId;
  /** The trip condition: the flag trips when `value op threshold.value` holds. */
  threshold(config: Config): Threshold;
  evaluate(ctx: MeasureContext): RedFlagComputed;
}

export const defineRedFlag = (flag: RedFlagDefinition): RedFlagDefinition => flag;
