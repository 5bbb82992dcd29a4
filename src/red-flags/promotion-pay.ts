/**
 * "Was it just a title? Compensation fair?": promotions to 2.0 effective in Y whose base salary or total
 * comp rose less than the configured share over the person's row before the promotion. The value is the
 * number of offending promotions.
 */
import type { Config } from '../core/config.js';
import type { JobChange } from '../core/datasets.js';
import type { Detail } from '../core/report.js';
import { isTwoPointO } from '../core/levels.js';
import type { PersonTimeline } from '../model/timeline.js';
import { inTrailingYear } from '../model/window.js';
import type { MeasureContext } from '../metrics/define.js';
import { defineRedFlag, type RedFlagComputed } from './define.js';
import { byId, countText, limitText, percentText } from './figures.js';
import { roundFigure } from '../stats/round.js';

const bySequence = (a: JobChange, b: JobChange): number =>
  a.effective_date < b.effective_date ? -1 : a.effective_date > b.effective_date ? 1 : a.seq - b.seq;

/**
 * The promotion row and the row before it, from the raw history rather than the per-date steps, so a
 * pay row on the promotion date itself (an adjustment just before the new title) is the comparison.
 * The promotion row is the one that wins its date, as in the timeline; earlier rows of that date already
 * on the 2.0 track are superseded versions of it, so the row before is the latest earlier row off the track.
 */
function promotionRows(rows: readonly JobChange[], start: string): { before: JobChange; after: JobChange } | undefined {
  const sorted = [...rows].sort(bySequence);
  const afterIndex = sorted.findLastIndex((r) => r.effective_date === start);
  const after = sorted[afterIndex];
  const before = sorted.slice(0, Math.max(afterIndex, 0)).findLast((r) => !isTwoPointO(r.level));
  return after !== undefined && before !== undefined ? { before, after } : undefined;
}

/**
 * The rise from `before` to `after`, when both are known and the old figure is positive. Unrounded: it is
 * judged rounded, as every figure is, but shown rounded once, to the digits shown (a rise of 4.94999 %
 * rounded first to 6 places, 4.95 %, would show as 5.0 %).
 */
const riseOf = (before: number | undefined, after: number | undefined): number | undefined =>
  before !== undefined && after !== undefined && before > 0 ? after / before - 1 : undefined;

interface Judgement { readonly offends: boolean; readonly note: string }

function judge(start: string, pair: { before: JobChange; after: JobChange }, config: Config): Judgement | undefined {
  const limits = config.thresholds.promotion_pay;
  const parts = [
    { label: 'base', rise: riseOf(pair.before.base_salary, pair.after.base_salary), limit: limits.base },
    { label: 'total comp', rise: riseOf(pair.before.total_comp, pair.after.total_comp), limit: limits.totalComp },
  ];
  if (parts.every((p) => p.rise === undefined)) return undefined;
  let offends = false;
  const texts = parts.map(({ label, rise, limit }) => {
    if (rise === undefined) return `${label} unknown`;
    const low = roundFigure(rise) < limit;
    offends ||= low;
    return `${label} ${rise >= 0 ? '+' : ''}${percentText(rise, limit)}${low ? ` (< ${limitText(limit)})` : ''}`;
  });
  return { offends, note: `promoted ${start}: ${texts.join(', ')}` };
}

/** The history rows of `people` only: a large history is mostly other people's, and none of it is kept. */
function historyOf(rows: Iterable<JobChange>, people: ReadonlySet<string>): Map<string, JobChange[]> {
  const byPerson = new Map<string, JobChange[]>();
  for (const row of rows) {
    if (!people.has(row.employee_id)) continue;
    const list = byPerson.get(row.employee_id);
    if (list) list.push(row);
    else byPerson.set(row.employee_id, [row]);
  }
  return byPerson;
}

function evaluate(ctx: MeasureContext): RedFlagComputed {
  const promoted = [...ctx.model.people.values()]
    .filter((p): p is PersonTimeline & { twoPointOStart: string } =>
      p.isPromotion && p.twoPointOStart !== undefined && inTrailingYear(ctx.window, p.twoPointOStart))
    .sort((a, b) => byId(a.id, b.id));
  const history = historyOf(ctx.data.job_history ?? [], new Set(promoted.map((p) => p.id)));
  const evidence: Detail[] = [];
  let judged = 0;
  for (const person of promoted) {
    const pair = promotionRows(history.get(person.id) ?? [], person.twoPointOStart);
    const verdict = pair && judge(person.twoPointOStart, pair, ctx.config);
    if (verdict === undefined) continue;
    judged++;
    if (verdict.offends) evidence.push({ employeeId: person.id, note: verdict.note });
  }
  if (judged === 0) {
    const reason = promoted.length === 0
      ? 'no promotion to 2.0 in the trailing year'
      : `${countText(promoted.length, 'promotion')} to 2.0 in the trailing year, none with base or total comp known before and after`;
    return { value: null, status: 'insufficient_data', reason };
  }
  const limits = ctx.config.thresholds.promotion_pay;
  const unjudged = promoted.length - judged;
  return {
    value: evidence.length,
    evidence,
    reason:
      `${countText(judged, 'promotion')} to 2.0 in the trailing year judged against a base rise of ${limitText(limits.base)} ` +
      `and a total comp rise of ${limitText(limits.totalComp)}${unjudged > 0 ? `; ${unjudged} not judged (pay unknown)` : ''}`,
  };
}

export default defineRedFlag({
  id: 'promotion_pay',
  title: 'Promotions to 2.0 without a fair pay rise ("was it just a title?")',
  fix: 'Review the pay of each promotion listed and bring base and total comp in line with the 2.0 pay band.',
  needs: ['people', 'job_history'],
  threshold: () => ({ op: '>', value: 0 }),
  evaluate,
});
