/** A card per metric: its title and status, then each of its measures. Cards never split across printed pages. */
import type { MetricResult } from '../../core/report.js';
import { xmlText } from '../escape.js';
import { measureRow } from './measure-row.js';
import { statusBadge } from './status-badge.js';

/** The anchor of the i-th metric card (from 1): built from the index, never from report text. */
export const metricAnchor = (index: number): string => `metric-${index}`;

export function metricCard(metric: MetricResult, index: number): string {
  const anchor = metricAnchor(index);
  const measures = metric.measures.map((m, j) => measureRow(m, `${anchor}-${j + 1}`)).join('');
  return (
    `<section class="card metric" id="${anchor}" aria-labelledby="${anchor}-h">` +
    `<header class="card-head"><h2 id="${anchor}-h"><span class="num">${index}</span>${xmlText(metric.title)}</h2>` +
    `${statusBadge(metric.status)}</header>${measures}</section>`
  );
}
