/**
 * High turnover of 2.0s in year 1: 1 − S(365) of the Kaplan–Meier fit over all promotions to 2.0, the
 * same fit behind km_retention_1y, so the flag and the measure always agree.
 */
import type { Detail } from '../core/report.js';
import { promotionSurvival } from '../metrics/promotion-survival.js';
import type { MeasureContext } from '../metrics/define.js';
import { defineRedFlag, type RedFlagComputed } from './define.js';
import { countText } from './figures.js';

const YEAR_DAYS = 365;

function evaluate(ctx: MeasureContext): RedFlagComputed {
  const survival = promotionSurvival(ctx);
  if (survival === undefined) return { value: null, status: 'insufficient_data', reason: 'no promotions to 2.0 yet' };
  const { atRisk, events, censored } = survival.fit.riskSetAt(YEAR_DAYS);
  const evidence: Detail[] = [{
    note: `${countText(survival.subjects.length, 'promotion')} to 2.0: ${events} left the track within ${YEAR_DAYS} days, ` +
      `${censored} promoted ${YEAR_DAYS} days or less before ${ctx.window.asOf} and still on it, ${atRisk} still on it after ${YEAR_DAYS} days`,
  }];
  // Subjects come sorted by id; S(365) counts exits on day 365 itself.
  for (const subject of survival.subjects) {
    if (!subject.exited || subject.days > YEAR_DAYS) continue;
    // Every subject is a person of the model, with a 2.0 start and a departure.
    const person = ctx.model.people.get(subject.id)!;
    const when = person.leftTrack! < person.twoPointOStart! ? 'before' : `${subject.days} days after`;
    evidence.push({
      employeeId: subject.id,
      note: `left the 2.0 track on ${person.leftTrack}, ${when} the 2.0 start on ${person.twoPointOStart}`,
    });
  }
  return { value: 1 - survival.fit.survivalAt(YEAR_DAYS), evidence };
}

export default defineRedFlag({
  id: 'year1_turnover',
  title: 'High turnover of 2.0s in year 1',
  fix: 'Investigate: interview leavers, check workload, support and pay of new 2.0s.',
  needs: ['people'],
  threshold: (config) => ({ op: '>', value: config.thresholds.year1_turnover }),
  evaluate,
});
