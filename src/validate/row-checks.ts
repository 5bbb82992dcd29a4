/**
 * Checks between two columns of one row (inputs.md, "Bad input"), declared as data: the `high` column,
 * when present, must not be below the `low` one.
 */
import type { DatasetName } from '../core/datasets.js';

export interface OrderCheck {
  readonly dataset: DatasetName;
  readonly low: string;
  readonly high: string;
  /** Dates and instants read "X is before Y" (instants shown in UTC); counts read "X is more than Y". */
  readonly kind: 'instant' | 'date' | 'count';
  /** The column the problem is reported on. */
  readonly reportOn: string;
}

export const ROW_CHECKS: readonly OrderCheck[] = [
  { dataset: 'incidents', low: 'opened_at', high: 'resolved_at', kind: 'instant', reportOn: 'resolved_at' },
  { dataset: 'incidents', low: 'opened_at', high: 'rca_completed_at', kind: 'instant', reportOn: 'rca_completed_at' },
  { dataset: 'people', low: 'hire_date', high: 'termination_date', kind: 'date', reportOn: 'termination_date' },
  { dataset: 'automation_coverage', low: 'automated_tasks', high: 'total_tasks', kind: 'count', reportOn: 'automated_tasks' },
];


/** The message of a failed check, or undefined when the pair is in order or a value is absent. */
export const checkOrder = (check: OrderCheck, row: Readonly<Record<string, unknown>>): string | undefined => {
  const low = row[check.low];
  const high = row[check.high];
  if (low === undefined || high === undefined) return undefined;
  if ((high as number | string) >= (low as number | string)) return undefined;
  const show = (value: unknown): string => (check.kind === 'instant' ? new Date(value as number).toISOString() : String(value));
  return check.kind !== 'count'
    ? `${check.high} (${show(high)}) is before ${check.low} (${show(low)})`
    : `${check.low} (${show(low)}) is more than ${check.high} (${show(high)})`;
};
