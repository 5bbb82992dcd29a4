/**
 * "Was it just a title? Compensation fair?": promotions to 2.0 effective in Y whose base salary or total
 * comp rose less than the configured share over the person's row before the promotion. The value is the
 * number of offending promotions.
 */
import type { Config } from '../core/config.js';
import type { JobChange } from '../core/datasets.js';
import type { Detail } from '../core/report.js';
import { isTwoPointO } from '../core/levels.js';
import { inTrailingYear } from '../model/window.js';
import type { MeasureContext } from '../metrics/define.js';
import { defineRedFlag, type RedFlagComputed } from './define.js';
import { byId, countText, limitText, percentText } from './figures.js';
import { roundFigure } from '../stats/round.js';

const bySequence = (a: JobChange, b: JobChange): number =>
  a.effective_date < b.effective_date ? -1 : a.effective_date > b.effective_date ? 1 : a.seq - b.seq;

/**
 * What is kept of a promoted person's history as it is read: the promotion row and the candidates for
 * the row before it, rather than every row (at the large bench scale, 11,476 promotions with ~4 rows
 * each, held as records while every other row was built and dropped).
 *
 * The comparison is from the raw history rather than the per-date steps, so a pay row on the promotion
 * date itself (an adjustment just before the new title) is the comparison. The promotion row is the
 * one that wins its date, as in the timeline: the latest in the file of the rows dated `start`. The row
 * before it is the latest row off the track that comes before it in (date, file order): rows of that same
 * date earlier in the file (`sameDay`: earlier versions of it on the 2.0 track are superseded, not
 * compared with) or, when there is none, rows of earlier dates (`earlier`).
 */
export class PromotionRows {
  private after: JobChange | undefined;
  private sameDay: JobChange | undefined;
  private earlier: JobChange | undefined;

  constructor(readonly start: string) {}

  add(row: JobChange): void {
    if (row.effective_date === this.start) {
      const beaten = this.after === undefined || row.seq > this.after.seq ? this.after : row;
      if (beaten !== row) this.after = row;
      if (beaten !== undefined && !isTwoPointO(beaten.level) && (this.sameDay === undefined || beaten.seq > this.sameDay.seq)) this.sameDay = beaten;
    } else if (row.effective_date < this.start && !isTwoPointO(row.level)) {
      if (this.earlier === undefined || bySequence(row, this.earlier) > 0) this.earlier = row;
    }
  }

  /** The promotion row and the row before it, when both were read. */
  pair(): { before: JobChange; after: JobChange } | undefined {
    const before = this.sameDay ?? this.earlier;
    return this.after !== undefined && before !== undefined ? { before, after: this.after } : undefined;
  }
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

function evaluate(ctx: MeasureContext): RedFlagComputed {
  const promotions = new Map<string, PromotionRows>();
  for (const person of ctx.model.people.values()) {
    if (!person.isPromotion) continue;
    const start = person.twoPointOStart;
    if (start !== undefined && inTrailingYear(ctx.window, start)) promotions.set(person.id, new PromotionRows(start));
  }
  for (const row of ctx.data.job_history ?? []) promotions.get(row.employee_id)?.add(row);
  const promoted = [...promotions.keys()].sort(byId);
  const evidence: Detail[] = [];
  let judged = 0;
  for (const id of promoted) {
    const rows = promotions.get(id)!;
    const pair = rows.pair();
    const verdict = pair && judge(rows.start, pair, ctx.config);
    if (verdict === undefined) continue;
    judged++;
    if (verdict.offends) evidence.push({ employeeId: id, note: verdict.note });
  }
  if (judged === 0) {
    const reason = promoted.length === 0
      ? 'no promotion to 2.0 in the trailing year'
      : `${countText(promoted.length, 'promotion')} to 2.0 in the trailing year, none with base or total comp known before and after ` +
        '(job_history needs base_salary or total_comp on the promotion row and the row before it; a preset that does not read pay needs them mapped under "columns")';
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
