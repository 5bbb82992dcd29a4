/** The red flags, tripped ones first: value against threshold, what the severity means, evidence and the fix. */
import type { RedFlagResult, RedFlagStatus } from '../../core/report.js';
import { xmlText } from '../escape.js';
import { formatRedFlagThreshold, formatRedFlagValue, describeRedFlagValue, RED_FLAG_UNIT, redFlagChangeSince, STATUS_WORD } from '../format-values.js';
import { detailList } from './measure-row.js';
import { SEVERITY_NOTE } from './page-header.js';
import { statusBadge, statusClass } from './status-badge.js';
import { trendChart } from './trend-chart.js';

const EVIDENCE_SHOWN = 6;
const ORDER: Readonly<Record<RedFlagStatus, number>> = {
  tripped: 0, clear: 1, suppressed: 2, insufficient_data: 2, no_data: 2, off: 3,
};

/** With `--trend`: the flag's figure by quarter, against its threshold. */
function flagTrend(flag: RedFlagResult): string {
  // A flag with no figure in any quarter (one switched off) has no line to draw.
  if (flag.history === undefined || flag.history.every((h) => h.value === null)) return '';
  return trendChart({
    id: `flag-${flag.id}-trend`, title: flag.title, unit: RED_FLAG_UNIT[flag.id], target: flag.threshold.value,
    status: flag.status, history: flag.history,
    describe: (point) => `${formatRedFlagValue({ ...flag, value: point.value })}, ${STATUS_WORD[point.status]}`,
  });
}

function flagCard(flag: RedFlagResult): string {
  const figures = `${describeRedFlagValue(flag)} · trips when ${formatRedFlagThreshold(flag)} · ${SEVERITY_NOTE[flag.severity]}`;
  const reason = flag.reason === undefined ? '' : `<p class="reason">${xmlText(flag.reason)}</p>`;
  const since = redFlagChangeSince(flag);
  const change = since === undefined ? '' : `<p class="change">${xmlText(since)}</p>`;
  return (
    `<article class="flag ${statusClass(flag.status)}"><h3>${statusBadge(flag.status)} ${xmlText(flag.title)}</h3>` +
    `<p class="figures">${xmlText(figures)}</p>${flagTrend(flag)}${change}${reason}${detailList(flag.evidence, EVIDENCE_SHOWN)}` +
    `<p class="fix"><strong>Fix:</strong> ${xmlText(flag.fix)}</p></article>`
  );
}

export function redFlagList(flags: readonly RedFlagResult[]): string {
  // Array.prototype.sort is stable: within a status the metrics.md order holds.
  const sorted = [...flags].sort((a, b) => (ORDER[a.status] ?? 3) - (ORDER[b.status] ?? 3));
  return (
    `<section class="card flags" aria-labelledby="flags-h"><header class="card-head"><h2 id="flags-h">Red flags</h2></header>` +
    `<div class="flag-grid">${sorted.map(flagCard).join('')}</div></section>`
  );
}
