/**
 * One measure inside a metric card: its label and status, the figure with target, interval and n, the
 * bullet chart, the quarterly trend (with --trend), the change since the compared report (with --compare),
 * the reason when there is no figure, and the first few people behind it.
 */
import type { Detail, MeasureResult } from '../../core/report.js';
import { bulletChart } from '../charts/bullet-chart.js';
import { xmlText } from '../escape.js';
import {
  formatAgainst, formatChange, formatInterval, formatN, formatTarget, formatValue, statusChange, STATUS_WORD,
} from '../format-values.js';
import { statusBadge, statusMark } from './status-badge.js';
import { trendChart } from './trend-chart.js';

const DETAILS_SHOWN = 3;

/** `Mallory (E042): left on 2026-03-02`; the name appears only when the report carries it (--names). */
export const detailText = (detail: Detail): string => {
  const who = detail.employeeId === undefined ? undefined : detail.name === undefined ? detail.employeeId : `${detail.name} (${detail.employeeId})`;
  return who === undefined ? detail.note : `${who}: ${detail.note}`;
};

export function detailList(details: readonly Detail[], limit = DETAILS_SHOWN): string {
  if (details.length === 0) return '';
  const items = details.slice(0, limit).map((d) => `<li>${xmlText(detailText(d))}</li>`);
  if (details.length > limit) items.push(`<li class="more">and ${details.length - limit} more</li>`);
  return `<ul class="details">${items.join('')}</ul>`;
}

function figureLine(m: MeasureResult): string {
  const parts = [m.target === null ? 'no target' : `target ${formatTarget(m.target, m.unit)}`];
  if (m.ci95 !== null) parts.push(`95% CI ${formatInterval(m.ci95, m.unit)}`);
  if (m.n !== null) parts.push(`n = ${formatN(m.n)}`);
  return parts.map(xmlText).join(' · ');
}

function bulletDesc(m: MeasureResult): string {
  return [
    `Value ${formatValue(m)}`,
    `target ${formatTarget(m.target, m.unit)}`,
    `95% interval ${formatInterval(m.ci95, m.unit)}`,
    `status ${STATUS_WORD[m.status]}`,
    `n ${formatN(m.n)}`,
  ].join('; ');
}

function measureTrend(m: MeasureResult, id: string): string {
  if (m.history === undefined) return '';
  return trendChart({
    id, title: m.label, unit: m.unit, target: m.target?.value ?? null, status: m.status, history: m.history,
    describe: (point) => formatAgainst(point.value, m.unit, m.target),
  });
}

function changeLine(m: MeasureResult): string {
  if (m.previous === undefined) return '';
  const status = statusChange(m);
  const text = `since ${m.previous.period}: ${formatChange(m)}${status === undefined ? '' : ` (${status})`}`;
  return `<p class="change">${xmlText(text)}</p>`;
}

export function measureRow(m: MeasureResult, id: string): string {
  const reason = m.reason === undefined ? '' : `<p class="reason">${xmlText(m.reason)}</p>`;
  const bullet = bulletChart({
    id: `${id}-bullet`, title: m.label, desc: bulletDesc(m), unit: m.unit, value: m.value,
    target: m.target?.value ?? null, interval: m.ci95, colour: statusMark(m.status),
  });
  return (
    `<div class="measure">` +
    `<div class="measure-text"><h3>${xmlText(m.label)}</h3>` +
    `<p class="figure"><span class="value">${xmlText(formatValue(m))}</span> ${statusBadge(m.status)}</p>` +
    `<p class="figures">${figureLine(m)}</p>${changeLine(m)}${reason}${detailList(m.details)}</div>` +
    `<div class="measure-charts">${bullet}${measureTrend(m, `${id}-trend`)}</div>` +
    `</div>`
  );
}
