/**
 * The references between datasets (inputs.md, "Bad input"), declared as data. An `error` rejects the
 * row; a `warning` keeps it (a postmortem lead or mentor may have left before the roster export). Every
 * check runs only when the target dataset is present.
 */
import type { DatasetName } from '../core/datasets.js';

export type ReferenceTarget = 'people' | 'incidents';

export interface Reference {
  readonly dataset: DatasetName;
  readonly column: string;
  readonly target: ReferenceTarget;
  readonly severity: 'error' | 'warning';
}

const personWarning = (dataset: DatasetName, column: string): Reference => ({ dataset, column, target: 'people', severity: 'warning' });

export const REFERENCES: readonly Reference[] = [
  { dataset: 'job_history', column: 'employee_id', target: 'people', severity: 'error' },
  { dataset: 'action_items', column: 'incident_id', target: 'incidents', severity: 'error' },
  personWarning('people', 'manager_id'),
  personWarning('incidents', 'postmortem_lead_id'),
  personWarning('action_items', 'owner_id'),
  personWarning('improvements', 'owner_id'),
  personWarning('mentorships', 'mentor_id'),
  personWarning('mentorships', 'mentee_id'),
  personWarning('requirements', 'sourced_by'),
  personWarning('trainings', 'employee_id'),
  personWarning('automation_contributions', 'employee_id'),
  personWarning('skill_assessments', 'employee_id'),
  personWarning('meetings', 'employee_id'),
  personWarning('time_allocation', 'employee_id'),
];

