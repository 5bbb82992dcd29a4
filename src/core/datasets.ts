/**
 * The canonical datasets of inputs.md, declared as data: every column's value type, whether it is
 * required, and its meaning. The validator, `schema`, `init` and the README are all generated from
 * this table, so they cannot drift apart.
 */
import type { LevelCode } from './levels.js';
import type { IncidentPriority } from './priorities.js';
import type { IncidentTable } from './incident-table.js';
import type { Rows } from './record-table.js';
import type { SurveySummary } from './survey-summary.js';

export type ValueType =
  | 'id'
  | 'string'
  | 'date'
  | 'timestamp'
  | 'number'
  | 'share'
  | 'bool'
  | 'title'
  | 'respondent_level'
  | 'priority'
  | 'question'
  | 'enum';

export interface ColumnSpec {
  readonly type: ValueType;
  readonly required: boolean;
  readonly meaning: string;
  /** For `enum` columns: the accepted values (matched case-insensitively, stored lower-case). */
  readonly values?: readonly string[];
  /** For `number` columns: inclusive/exclusive lower bound, and inclusive upper bound. */
  readonly min?: number;
  readonly exclusiveMin?: boolean;
  readonly max?: number;
  /** For `bool` columns: the value of an empty cell. */
  readonly default?: boolean;
  /**
   * The cells are personal data (a name, pay, a survey respondent's id): a problem says where a bad one is,
   * never what it holds, since problem lines land in terminals and CI logs.
   */
  readonly personal?: true;
}

const req = (type: ValueType, meaning: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ type, required: true, meaning, ...extra });
const opt = (type: ValueType, meaning: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ type, required: false, meaning, ...extra });

export const AUTOMATION_KINDS = ['authored', 'improved', 'reviewed'] as const;
export const IMPROVEMENT_KINDS = ['design', 'redesign', 'improvement'] as const;
export const TIME_CATEGORIES = [
  'incident_response', 'process_design', 'automation', 'policy', 'mentorship', 'stakeholder', 'task_execution', 'other',
] as const;
export const QUESTION_IDS = [
  'role_scope_satisfaction', 'autonomy', 'problem_quality', 'career_growth', 'design_vs_execution_time',
  'coding_expectations', 'feel_valued',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];
/** The one meeting kind the measures count (metrics.md, strategic visibility); others are ignored. */
export const ROADMAP_MEETING_KIND = 'product_roadmap';

export const DATASETS = {
  people: {
    title: 'HRIS roster, one row per person',
    key: 'employee_id',
    columns: {
      employee_id: req('id', 'unique employee id'),
      name: opt('string', 'shown only in per-person detail with --names', { personal: true }),
      title: req('title', 'current title (or title at exit), mapped to a level code'),
      team: opt('string', 'team'),
      hire_date: req('date', 'hire date'),
      title_start_date: opt('date', 'when the current title began; the 2.0 start when job_history is absent'),
      termination_date: opt('date', 'absent while employed'),
      termination_reason: opt('string', 'free text, e.g. voluntary / involuntary'),
      manager_id: opt('id', 'employee id of the manager'),
      base_salary: opt('number', 'current base salary', { min: 0, personal: true }),
    },
  },
  job_history: {
    title: 'HRIS effective-dated changes, one row per change',
    key: null,
    columns: {
      employee_id: req('id', 'must exist in people'),
      effective_date: req('date', 'date the change took effect'),
      title: req('title', 'title from this date on, mapped to a level code'),
      team: opt('string', 'team from this date on'),
      base_salary: opt('number', 'base salary from this date on', { min: 0, personal: true }),
      total_comp: opt('number', 'base + target bonus + annualised equity, from this date on', { min: 0, personal: true }),
      reason: opt('string', 'hire / promotion / transfer / adjustment (informational)'),
    },
  },
  incidents: {
    title: 'incident tracker, one row per incident',
    key: 'incident_id',
    columns: {
      incident_id: req('id', 'unique incident id'),
      opened_at: req('timestamp', 'when the incident was opened'),
      priority: req('priority', 'mapped to P1..P5 by the priorities map'),
      title: opt('string', 'incident title'),
      service: opt('string', 'affected service'),
      resolved_at: opt('timestamp', 'when it was resolved'),
      rca_completed_at: opt('timestamp', 'when the root-cause analysis was completed'),
      postmortem_lead_id: opt('id', 'who led the postmortem'),
      postmortem_completed_at: opt('timestamp', 'when the postmortem was completed'),
      root_cause_category: opt('string', 'root-cause category'),
      recurrence_of: opt('id', 'an earlier incident this one repeats'),
    },
  },
  action_items: {
    title: 'postmortem recommendations, one row per item',
    key: 'action_id',
    columns: {
      action_id: req('id', 'unique action-item id'),
      incident_id: req('id', 'must exist in incidents'),
      created_at: req('timestamp', 'when the item was created'),
      completed_at: opt('timestamp', 'when implemented; absent while open'),
      owner_id: opt('id', 'who owns the item'),
    },
  },
  survey: {
    title: 'pulse-survey answers, long form: one row per answer',
    key: null,
    columns: {
      wave: req('string', 'survey round, e.g. 2026-Q3'),
      responded_on: req('date', 'date of the answer'),
      respondent_level: req('respondent_level', 'title or level code of the respondent'),
      question_id: req('question', 'canonical question id (or a text the survey.questions map knows)'),
      score: req('number', 'answer on the configured scale (default 0-10)'),
      respondent_id: opt('id', 'pseudonymous; only counts distinct respondents, never printed', { personal: true }),
    },
  },
  trainings: {
    title: 'course completions',
    key: null,
    columns: {
      employee_id: req('id', 'who completed the course'),
      course: req('string', 'course id or name'),
      completed_on: req('date', 'completion date'),
    },
  },
  automation_contributions: {
    title: 'automation code written or substantially improved',
    key: null,
    columns: {
      employee_id: req('id', 'contributor'),
      date: req('date', 'date of the contribution'),
      kind: req('enum', 'authored / improved / reviewed', { values: AUTOMATION_KINDS }),
      ref: opt('string', 'commit or PR'),
    },
  },
  improvements: {
    title: 'process designs and redesigns',
    key: 'improvement_id',
    columns: {
      improvement_id: req('id', 'unique improvement id'),
      owner_id: req('id', 'owner'),
      completed_on: req('date', 'completion date'),
      process: req('string', 'the process designed or improved'),
      kind: req('enum', 'design / redesign / improvement', { values: IMPROVEMENT_KINDS }),
      critical: opt('bool', 'a critical operations workflow (deployment, scaling, failover, ...); default false', { default: false }),
      significant: opt('bool', 'a significant improvement; default true', { default: true }),
      minutes_before: opt('number', 'minutes per run of the routine task before the change', { min: 0 }),
      minutes_after: opt('number', 'minutes per run after the change', { min: 0 }),
    },
  },
  automation_coverage: {
    title: 'periodic snapshots of automation coverage',
    key: null,
    columns: {
      measured_on: req('date', 'snapshot date'),
      automated_tasks: req('number', 'automated tasks, >= 0', { min: 0 }),
      total_tasks: req('number', 'all tasks, > 0 and >= automated_tasks', { min: 0, exclusiveMin: true }),
    },
  },
  mentorships: {
    title: 'mentoring relationships',
    key: null,
    columns: {
      mentor_id: req('id', 'mentor'),
      mentee_id: req('id', 'mentee'),
      started_on: req('date', 'start date'),
      ended_on: opt('date', 'absent while ongoing'),
    },
  },
  skill_assessments: {
    title: 'technical skill assessments',
    key: null,
    columns: {
      employee_id: req('id', 'person assessed'),
      assessed_on: req('date', 'assessment date'),
      score: req('number', 'score on any fixed scale'),
    },
  },
  meetings: {
    title: 'meeting attendance',
    key: null,
    columns: {
      employee_id: req('id', 'attendee'),
      date: req('date', 'meeting date'),
      kind: req('string', 'product_roadmap counts; anything else is ignored'),
    },
  },
  requirements: {
    title: 'operational requirements raised into product design',
    key: 'requirement_id',
    columns: {
      requirement_id: req('id', 'unique requirement id'),
      sourced_by: req('id', 'who raised it'),
      raised_on: req('date', 'date raised'),
      incorporated_on: opt('date', 'when product design took it in'),
    },
  },
  time_allocation: {
    title: 'how 2.0 engineers spend their time',
    key: null,
    columns: {
      employee_id: req('id', 'engineer'),
      period_start: req('date', 'start of the week/month the hours belong to'),
      category: req('enum', 'time category', { values: TIME_CATEGORIES }),
      // At most the hours of a 31-day month: a row is one person's week or month. Beyond that a value is
      // not a time log, and values near 1e308 would add up to Infinity and turn the share into 0.
      hours: req('number', 'hours of one week or month, 0 to 744 (a 31-day month)', { min: 0, max: 744 }),
    },
  },
} as const satisfies Record<string, { title: string; key: string | null; columns: Record<string, ColumnSpec> }>;

export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];
/** The datasets whose records carry `seq`, their row's position in the file (it orders rows of one date). */
export const SEQUENCED_DATASETS: ReadonlySet<DatasetName> = new Set(['job_history', 'automation_coverage']);

/** ISO calendar date `YYYY-MM-DD`; compares correctly as a string. */
export type IsoDate = string;
/** An instant: milliseconds since the Unix epoch. */
export type Instant = number;

export interface Person {
  employee_id: string;
  name: string | undefined;
  title: string;
  level: LevelCode;
  team: string | undefined;
  hire_date: IsoDate;
  title_start_date: IsoDate | undefined;
  termination_date: IsoDate | undefined;
  termination_reason: string | undefined;
  manager_id: string | undefined;
  base_salary: number | undefined;
}
export interface JobChange {
  employee_id: string;
  effective_date: IsoDate;
  title: string;
  level: LevelCode;
  team: string | undefined;
  base_salary: number | undefined;
  total_comp: number | undefined;
  reason: string | undefined;
  /** Position in the file: orders two changes on the same date (the later row wins). */
  seq: number;
}
export interface Incident {
  incident_id: string;
  opened_at: Instant;
  /** `unknown` only through a preset whose export has no priority and none was mapped (see IncidentPriority). */
  priority: IncidentPriority;
  title: string | undefined;
  service: string | undefined;
  resolved_at: Instant | undefined;
  rca_completed_at: Instant | undefined;
  postmortem_lead_id: string | undefined;
  postmortem_completed_at: Instant | undefined;
  root_cause_category: string | undefined;
  recurrence_of: string | undefined;
}
export interface ActionItem {
  action_id: string;
  incident_id: string;
  created_at: Instant;
  completed_at: Instant | undefined;
  owner_id: string | undefined;
}
export interface SurveyAnswer {
  wave: string;
  responded_on: IsoDate;
  respondent_level: LevelCode;
  /** A canonical question id, or the lower-cased text of a question the tool does not use. */
  question_id: string;
  /** As given, on the configured scale; metrics rescale it to 0-10. */
  score: number;
  respondent_id: string | undefined;
}
export interface Training { employee_id: string; course: string; completed_on: IsoDate }
export interface AutomationContribution {
  employee_id: string;
  date: IsoDate;
  kind: (typeof AUTOMATION_KINDS)[number];
  ref: string | undefined;
}
export interface Improvement {
  improvement_id: string;
  owner_id: string;
  completed_on: IsoDate;
  process: string;
  kind: (typeof IMPROVEMENT_KINDS)[number];
  critical: boolean;
  significant: boolean;
  minutes_before: number | undefined;
  minutes_after: number | undefined;
}
export interface CoverageSnapshot {
  measured_on: IsoDate;
  automated_tasks: number;
  total_tasks: number;
  /** Position in the file: of several snapshots on one date, the later row wins. */
  seq: number;
}
export interface Mentorship { mentor_id: string; mentee_id: string; started_on: IsoDate; ended_on: IsoDate | undefined }
export interface SkillAssessment { employee_id: string; assessed_on: IsoDate; score: number }
/** `kind` is stored lower-cased and trimmed. */
export interface Meeting { employee_id: string; date: IsoDate; kind: string }
export interface Requirement {
  requirement_id: string;
  sourced_by: string;
  raised_on: IsoDate;
  incorporated_on: IsoDate | undefined;
}
export interface TimeAllocation {
  employee_id: string;
  period_start: IsoDate;
  category: (typeof TIME_CATEGORIES)[number];
  hours: number;
}

/** The typed records of each dataset. */
export interface RecordOf {
  people: Person;
  job_history: JobChange;
  incidents: Incident;
  action_items: ActionItem;
  survey: SurveyAnswer;
  trainings: Training;
  automation_contributions: AutomationContribution;
  improvements: Improvement;
  automation_coverage: CoverageSnapshot;
  mentorships: Mentorship;
  skill_assessments: SkillAssessment;
  meetings: Meeting;
  requirements: Requirement;
  time_allocation: TimeAllocation;
}

/**
 * What the measures keep of each dataset: survey answers folded, incidents in their own columns, the
 * others as rows (a `RecordTable` when read from a file, an array when made by hand).
 */
export type DatasetRecords<D extends DatasetName> = D extends 'survey' ? SurveySummary : D extends 'incidents' ? IncidentTable : Rows<RecordOf[D]>;

/** All the evidence: a dataset is `undefined` when its file is absent (its measures are `no_data`). */
export type OrgData = { [D in DatasetName]: DatasetRecords<D> | undefined };
