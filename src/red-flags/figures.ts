/** Small figure helpers shared by the red flags' evidence. */
import { roundFigure } from '../stats/round.js';

/**
 * A share as a percentage with one decimal (`5.0%`), or more when one decimal would print it the same
 * as the threshold it is judged against (7.99% is not shown as `8.0%` next to a limit of 8%). The
 * share is judged as figures are, rounded to 6 places (a float quotient of 12% that lands a hair off
 * 0.12 is 12% exactly), and printed unrounded: rounding it first and then to the digits shown would
 * round twice (4.94999% would show as 5.0%).
 */
export function percentText(share: number, threshold?: number): string {
  const judged = roundFigure(share);
  let digits = 1;
  while (
    digits < 4 && threshold !== undefined && judged !== threshold &&
    (judged * 100).toFixed(digits) === (threshold * 100).toFixed(digits)
  ) digits++;
  return `${(share * 100).toFixed(digits)}%`;
}

/** A threshold as a percentage without trailing zeros: `8%`, `12.5%`. */
export const limitText = (share: number): string => `${Number((share * 100).toFixed(4))}%`;

/** Sorts by employee id, for deterministic evidence. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `1 promotion`, `3 promotions`. */
export const countText = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
