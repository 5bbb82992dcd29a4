/**
 * Checks between two columns of one row, declared as data. ROW_CHECKS are inputs.md's ("Bad input"): the
 * `high` column, when present, must not be below the `low` one, or the row is rejected. ROW_WARNINGS are
 * rows inputs.md accepts but that most likely say something other than what was meant (two columns
 * swapped, an id copied into the wrong column): the row is read as it stands, and the warning says how.
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

/** A row accepted as it stands, with something to say of it; `message` is undefined when there is nothing. */
export interface RowWarning {
  readonly dataset: DatasetName;
  /** The column the warning is reported on. */
  readonly reportOn: string;
  readonly message: (row: Readonly<Record<string, unknown>>) => string | undefined;
}

/** checkOrder's message, reported on the `high` column, and how the row is read all the same. */
const orderWarning = (order: Omit<OrderCheck, 'reportOn'>, howRead: string): RowWarning => {
  const check: OrderCheck = { ...order, reportOn: order.high };
  return {
    dataset: check.dataset, reportOn: check.reportOn,
    message: (row) => {
      const found = checkOrder(check, row);
      return found === undefined ? undefined : `${found}: ${howRead}; are the two columns swapped?`;
    },
  };
};

/** The same id in two columns of a row that should name two different things. */
const sameIdWarning = (dataset: DatasetName, first: string, second: string, howRead: string): RowWarning => ({
  dataset, reportOn: second,
  message: (row) => (typeof row[first] === 'string' && row[first] === row[second] ? `${first} and ${second} are both "${row[first] as string}": ${howRead}` : undefined),
});

export const ROW_WARNINGS: readonly RowWarning[] = [
  orderWarning({ dataset: 'action_items', low: 'created_at', high: 'completed_at', kind: 'instant' },
    'read as it stands, the item counts as implemented within 30 days'),
  orderWarning({ dataset: 'incidents', low: 'opened_at', high: 'postmortem_completed_at', kind: 'instant' },
    'read as it stands, the postmortem counts on that date'),
  orderWarning({ dataset: 'mentorships', low: 'started_on', high: 'ended_on', kind: 'date' },
    'read as it stands'),
  sameIdWarning('mentorships', 'mentor_id', 'mentee_id', 'a person mentoring themselves, read as it stands, counts as their own mentor and mentee'),
  sameIdWarning('incidents', 'incident_id', 'recurrence_of', 'an incident naming itself names no earlier one, so the link is not counted as a recurrence'),
];
