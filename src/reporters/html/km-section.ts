/**
 * The Kaplan–Meier retention curve of promoted 2.0s, from the `survival` summary that km_retention_1y and
 * km_retention_2y carry (one fit, read at 365 and 730 days), with the figures beside it.
 */
import { counted } from '../../metrics/counted.js';
import type { MeasureResult, Report, SurvivalSummary } from '../../core/report.js';
import { kmChart } from '../charts/km-chart.js';
import { xmlText } from '../escape.js';
import { formatAmount, formatValue } from '../format-values.js';
import { statusBadge } from './status-badge.js';

const YEAR = 365;
const yearsText = (day: number): string => (day % YEAR === 0 ? `${day / YEAR} year${day === YEAR ? '' : 's'}` : `day ${day}`);

const kmMeasures = (report: Report): MeasureResult[] =>
  report.metrics.flatMap((m) => m.measures).filter((m) => m.id === 'km_retention_1y' || m.id === 'km_retention_2y');

function chartDesc(survival: SurvivalSummary, measures: readonly MeasureResult[], subjects: number | null): string {
  const readings = measures.map((m) => `${formatValue(m)} at ${yearsText(m.survival?.atDay ?? 0)}`).join(', ');
  const steps = survival.curve.slice(1).map(([day, s]) => `day ${day}: ${formatAmount(s, 'ratio')}`).join(', ');
  return (
    `Share of ${subjects ?? 'the'} promoted 2.0s still on the 2.0 track, by days since promotion: ${readings}. ` +
    `Exits: ${steps === '' ? 'none' : steps}. ${survival.censoredAt.length} people censored (still on the track at the as-of date).`
  );
}

function figure(m: MeasureResult): string {
  const risk = m.survival === undefined ? '' : `by day ${m.survival.atDay}: ${counted(m.survival.events, 'exit')} · ${m.survival.censored} censored · ${m.survival.atRisk} still at risk after it`;
  return (
    `<div class="km-figure"><p class="km-value">${xmlText(formatValue(m))}</p><p>${xmlText(m.label)} ${statusBadge(m.status)}</p>` +
    `<p class="muted">${xmlText(risk)}</p></div>`
  );
}

export function kmSection(report: Report): string {
  const measures = kmMeasures(report);
  const survival = measures.find((m) => m.survival !== undefined)?.survival;
  const head = `<header class="card-head"><h2 id="km-h">Retention of promoted 2.0s over time</h2></header>`;
  if (survival === undefined) {
    const reason = measures.find((m) => m.reason !== undefined)?.reason ?? 'no promotion to 2.0 in the data yet';
    return `<section class="card km" aria-labelledby="km-h">${head}<p class="reason">No retention curve: ${xmlText(reason)}</p></section>`;
  }
  const subjects = measures[0]?.n ?? null;
  const chart = kmChart({
    id: 'km-chart',
    title: 'Kaplan–Meier retention curve of promoted 2.0s',
    desc: chartDesc(survival, measures, subjects),
    curve: survival.curve,
    censoredAt: survival.censoredAt,
    marks: measures.flatMap((m) => (m.survival === undefined ? [] : [{ day: m.survival.atDay, label: `${yearsText(m.survival.atDay)}: ${formatValue(m)}` }])),
  });
  const legend =
    `<p class="legend muted">The line is the share still on the 2.0 track (Kaplan–Meier estimate over ${subjects === null ? 'all promotions' : counted(subjects, 'promotion')}); ` +
    `each tick marks someone still on the track at the as-of date, followed for that long so far.</p>`;
  return (
    `<section class="card km" aria-labelledby="km-h">${head}<div class="km-body"><div class="km-chart-box">${chart}${legend}</div>` +
    `<div class="km-figures">${measures.map(figure).join('')}</div></div></section>`
  );
}
