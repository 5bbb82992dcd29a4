/**
 * The top of the page, what a reader sees first: the period, as-of date and time zone, the gate verdict,
 * the red flags that tripped, and one tile per metric linking to its card.
 */
import type { RedFlagResult, Report } from '../../core/report.js';
import { xmlText } from '../escape.js';
import { formatRedFlagThreshold, describeRedFlagValue, gateLine } from '../format-values.js';
import { metricAnchor } from './metric-card.js';
import { statusBadge, statusClass, statusLabel } from './status-badge.js';

export const SEVERITY_NOTE = {
  error: 'fails the gate',
  warn: 'warning only, never fails the gate',
  off: 'switched off in the config',
} as const;

function trippedItem(flag: RedFlagResult): string {
  const figures = `${describeRedFlagValue(flag)} (trips when ${formatRedFlagThreshold(flag)}) · ${SEVERITY_NOTE[flag.severity]}`;
  return `<li>${statusBadge(flag.status)} <strong>${xmlText(flag.title)}</strong> <span class="muted">${xmlText(figures)}</span></li>`;
}

function verdict(report: Report): string {
  const tripped = report.redFlags.filter((f) => f.status === 'tripped');
  const list =
    tripped.length === 0
      ? `<p class="no-flags">No red flag tripped.</p>`
      : `<ul class="tripped" aria-label="Red flags tripped">${tripped.map(trippedItem).join('')}</ul>`;
  const outcome = report.gate.failed ? 'failed' : 'passed';
  return (
    `<div class="verdict verdict-${outcome}"><p class="gate">${report.gate.failed ? '✗' : '✓'} ${xmlText(gateLine(report))}</p>` +
    `${list}</div>`
  );
}

function overview(report: Report): string {
  const tiles = report.metrics.map((metric, i) => {
    const status = `<span class="tile-status ${statusClass(metric.status)}">${xmlText(statusLabel(metric.status))}</span>`;
    return `<li><a class="tile ${statusClass(metric.status)}" href="#${metricAnchor(i + 1)}"><span class="tile-title">${xmlText(metric.title)}</span>${status}</a></li>`;
  });
  return `<nav aria-label="Metrics at a glance"><ul class="overview">${tiles.join('')}</ul></nav>`;
}

export function pageHeader(report: Report): string {
  const { period } = report;
  const meta = `Period ${period.start} to ${period.end} · as of ${report.asOf} · time zone ${report.timezone}`;
  return (
    `<header class="masthead"><p class="eyebrow">Ops Engineer 2.0 · role redesign success metrics</p>` +
    `<h1>Success metrics, ${xmlText(period.label)}</h1><p class="meta">${xmlText(meta)}</p>` +
    `${verdict(report)}${overview(report)}</header>`
  );
}
