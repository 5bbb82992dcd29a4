/**
 * With `--trend`: a measure's or red flag's figure by quarter, each dot in the colour of that quarter's
 * status (a missed or tripped quarter is not drawn as met), its target or threshold drawn, and each
 * quarter's figure in the chart's text alternative.
 */
import type { Unit } from '../../core/report.js';
import { lineChart } from '../charts/line-chart.js';
import type { AnyStatus } from '../format-values.js';
import { statusMark } from './status-badge.js';

export interface QuarterPoint<S extends AnyStatus> { readonly period: string; readonly value: number | null; readonly status: S }

export interface TrendChartInput<S extends AnyStatus> {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  /** The target or threshold line, when there is one. */
  readonly target: number | null;
  /** The status of the report's own period: the line's colour. */
  readonly status: S;
  readonly history: readonly QuarterPoint<S>[];
  /** A quarter's figure in words, for the text alternative. */
  readonly describe: (point: QuarterPoint<S> & { readonly value: number }) => string;
}

export function trendChart<S extends AnyStatus>(input: TrendChartInput<S>): string {
  const points = input.history.map((h) => ({ label: h.period, value: h.value, colour: statusMark(h.status) }));
  const desc = input.history
    .map((h) => `${h.period}: ${h.value === null ? 'no figure' : input.describe({ ...h, value: h.value })}`)
    .join('; ');
  return lineChart({
    id: input.id, title: `${input.title}: by quarter`, desc, unit: input.unit, points, target: input.target,
    colour: statusMark(input.status),
  });
}
