/**
 * The value axis of a measure, chosen by its unit: a ratio reads on 0–100 %, a score on 0–10, and a
 * count, rate or multiple on a nice range from 0 that covers every figure drawn (value, target, interval).
 * A figure outside the natural range (a negative uplift, a ratio above 1) widens the axis, never clips.
 */
import type { Unit } from '../../core/report.js';
import { niceDomain, niceTicks, type Domain } from './scale.js';

const NATURAL: Readonly<Record<Unit, Domain | null>> = {
  ratio: [0, 1],
  score: [0, 10],
  count: null,
  rate: null,
  multiple: null,
};

export function unitDomain(unit: Unit, figures: readonly number[]): Domain {
  const finite = figures.filter(Number.isFinite);
  const natural = NATURAL[unit];
  const low = Math.min(0, ...finite);
  if (natural !== null) {
    const high = Math.max(natural[1], ...finite);
    return low >= natural[0] && high <= natural[1] ? natural : niceDomain(low, high);
  }
  return niceDomain(low, Math.max(0, ...finite));
}

/** About `count` nice ticks over the domain; a count has whole-number ticks only. */
export function unitTicks(unit: Unit, domain: Domain, count: number): number[] {
  const ticks = niceTicks(domain[0], domain[1], count);
  return unit === 'count' ? ticks.filter(Number.isInteger) : ticks;
}

/** A short axis label: `50%`, `7.5`, `2×`. */
export function tickLabel(unit: Unit, x: number): string {
  const short = (v: number): string => String(Number(v.toFixed(2)));
  switch (unit) {
    case 'ratio':
      return `${short(x * 100)}%`;
    case 'multiple':
      return `${short(x)}×`;
    case 'score':
    case 'count':
    case 'rate':
      return short(x);
    default: {
      const unknown: never = unit;
      return String(unknown);
    }
  }
}
