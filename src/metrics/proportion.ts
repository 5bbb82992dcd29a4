/** The share of a group that qualifies, with its Wilson interval; details name those who do not. */
import type { Detail } from '../core/report.js';
import { wilson } from '../stats/wilson.js';
import { figure, unavailable, type Computed } from './define.js';

export interface Subject { readonly id: string }

/**
 * `base` is the denominator (sorted by id for stable details); `qualifies` decides each subject;
 * `shortfall(subject)` is the note for someone who does not qualify. An empty base is
 * `insufficient_data` with n = 0 (metrics.md, Settled details).
 */
export function proportion<S extends Subject>(
  base: readonly S[],
  qualifies: (subject: S) => boolean,
  shortfall: (subject: S) => string,
  emptyReason: string,
): Computed {
  if (base.length === 0) return unavailable('insufficient_data', emptyReason, { n: 0 });
  let yes = 0;
  const details: Detail[] = [];
  for (const subject of base) {
    if (qualifies(subject)) yes++;
    else details.push({ employeeId: subject.id, note: shortfall(subject) });
  }
  details.sort((a, b) => (a.employeeId! < b.employeeId! ? -1 : a.employeeId! > b.employeeId! ? 1 : 0));
  return figure(yes / base.length, base.length, { ci95: wilson(yes, base.length), details });
}
