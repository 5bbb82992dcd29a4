/**
 * Builders for hand-made test organisations: typed records with sensible defaults, a default config,
 * and a measure context for a given as-of date.
 */
import type { Config } from '../../src/core/config.js';
import { matchKey } from '../../src/core/config.js';
import type {
  ActionItem, CoverageSnapshot, Improvement, Incident, JobChange, Meeting, Mentorship, OrgData, Person, Requirement,
  SkillAssessment, SurveyAnswer,
} from '../../src/core/datasets.js';
import { DEFAULT_LEVEL_TITLES, type LevelCode } from '../../src/core/levels.js';
import { DEFAULT_PRIORITY_NAMES } from '../../src/core/priorities.js';
import type { MeasureContext, MeasureDefinition, MetricDefinition } from '../../src/metrics/define.js';
import type { MeasureId } from '../../src/core/report.js';
import { cutAtAsOf } from '../../src/model/as-of.js';
import { IncidentTable } from '../../src/core/incident-table.js';
import { SurveySummary } from '../../src/core/survey-summary.js';
import { buildOrgModel } from '../../src/model/org-model.js';
import { resolveWindow } from '../../src/model/window.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    timezone: 'UTC',
    programStart: undefined,
    levels: new Map(Object.entries(DEFAULT_LEVEL_TITLES).map(([k, v]) => [matchKey(k), v])),
    priorities: new Map(Object.entries(DEFAULT_PRIORITY_NAMES).map(([k, v]) => [matchKey(k), v])),
    survey: { scale: { min: 0, max: 10 }, minGroupSize: 5, baselineWave: undefined, questions: new Map(), answers: new Map() },
    courses: { automationDesign: ['automation-design', 'automation design'] },
    rca: { clockStartsAt: 'resolved', hours: 48 },
    recurrence: { infer: true, windowDays: 90 },
    targets: {},
    thresholds: { task_execution: 0.25, year1_turnover: 0.2, coding_frustration: 6, ops1_undervalued: 6, promotion_pay: { base: 0.08, totalComp: 0.12 } },
    severity: {
      task_execution: 'error', year1_turnover: 'error', coding_frustration: 'error', no_improvements: 'error',
      ops1_undervalued: 'error', promotion_pay: 'error',
    },
    datasets: {},
    ...overrides,
  };
}

/** Every dataset absent: a test adds the ones it needs. */
export const emptyData = (): OrgData => ({
  people: undefined, job_history: undefined, incidents: undefined, action_items: undefined, survey: undefined,
  trainings: undefined, automation_contributions: undefined, improvements: undefined, automation_coverage: undefined,
  mentorships: undefined, skill_assessments: undefined, meetings: undefined, requirements: undefined, time_allocation: undefined,
});

export const person = (p: Partial<Person> & { employee_id: string; level?: LevelCode }): Person => ({
  name: undefined, title: p.level ?? 'ops1', level: 'ops1', team: undefined, hire_date: '2020-01-01',
  title_start_date: undefined, termination_date: undefined, termination_reason: undefined, manager_id: undefined,
  base_salary: undefined, ...p,
});

let seq = 0;
export const change = (employee_id: string, effective_date: string, level: LevelCode, extra: Partial<JobChange> = {}): JobChange => ({
  employee_id, effective_date, level, title: level, team: undefined, base_salary: undefined, total_comp: undefined,
  reason: undefined, seq: seq++, ...extra,
});

/** A timestamp as an instant: `at('2026-07-01T10:00:00Z')`. */
export const at = (iso: string): number => Date.parse(iso);

export const incident = (i: Partial<Incident> & { incident_id: string; opened_at: number }): Incident => ({
  priority: 'P3', title: undefined, service: undefined, resolved_at: undefined, rca_completed_at: undefined,
  postmortem_lead_id: undefined, postmortem_completed_at: undefined, root_cause_category: undefined, recurrence_of: undefined,
  ...i,
});

export const actionItem = (a: Partial<ActionItem> & { action_id: string; created_at: number }): ActionItem => ({
  incident_id: 'INC-1', completed_at: undefined, owner_id: undefined, ...a,
});

export const answer = (a: Partial<SurveyAnswer> & { question_id: string; score: number }): SurveyAnswer => ({
  wave: '2026-Q3', responded_on: '2026-08-01', respondent_level: 'ops2', respondent_id: undefined, ...a,
});

/** The context a measure sees for `data` reported for `period` (default 2026-Q3, T = 2026-09-30). */
/**
 * Test data: like OrgData, but survey answers and incidents are given as rows (answers are folded and
 * incidents put in columns, as the loader does).
 */
export type TestData = Partial<Omit<OrgData, 'survey' | 'incidents'>> & {
  survey?: readonly SurveyAnswer[] | undefined;
  incidents?: readonly Incident[] | undefined;
};

export function contextFor(
  data: TestData,
  options: { period?: string; asOf?: string; config?: Config } = {},
): MeasureContext {
  const config = options.config ?? testConfig();
  const window = resolveWindow({ period: options.period ?? (options.asOf ? undefined : '2026-Q3'), asOf: options.asOf, today: '2026-11-25', timezone: config.timezone });
  const survey = data.survey === undefined ? undefined : SurveySummary.of(data.survey, config.survey.minGroupSize);
  const incidents = data.incidents === undefined ? undefined : IncidentTable.of(data.incidents);
  const cut = cutAtAsOf({ ...emptyData(), ...data, survey, incidents }, window);
  return { data: cut, config, window, model: buildOrgModel(cut, config) };
}

export const improvement = (i: Partial<Improvement> & { improvement_id: string; owner_id: string; completed_on: string }): Improvement => ({
  process: 'deploy', kind: 'improvement', critical: false, significant: true, minutes_before: undefined, minutes_after: undefined, ...i,
});

let coverageSeq = 0;
/** A coverage snapshot; `seq` follows call order, like rows in a file. */
export const coverage = (measured_on: string, automated_tasks: number, total_tasks: number): CoverageSnapshot => ({
  measured_on, automated_tasks, total_tasks, seq: coverageSeq++,
});

export const mentorship = (mentor_id: string, mentee_id: string, started_on: string, ended_on?: string): Mentorship => ({
  mentor_id, mentee_id, started_on, ended_on,
});

export const assessment = (employee_id: string, assessed_on: string, score: number): SkillAssessment => ({ employee_id, assessed_on, score });

export const meeting = (employee_id: string, date: string, kind = 'product_roadmap'): Meeting => ({ employee_id, date, kind });

export const requirement = (r: Partial<Requirement> & { requirement_id: string; sourced_by: string }): Requirement => ({
  raised_on: '2026-01-01', incorporated_on: undefined, ...r,
});

/** A metric's measure definition by id (throws when the metric has no such measure). */
export const measureOf = (metric: MetricDefinition, id: MeasureId): MeasureDefinition => {
  const found = metric.measures.find((m) => m.id === id);
  if (!found) throw new Error(`${metric.id} has no measure ${id}`);
  return found;
};

/** A person at ops1 from 2020-01-01 promoted to ops2 on `start`: the roster row and its history rows. */
export function promotedPerson(
  id: string,
  start: string,
  options: { termination?: string; after?: ReadonlyArray<readonly [string, LevelCode]> } = {},
): { person: Person; history: JobChange[] } {
  return {
    person: person({ employee_id: id, level: 'ops2', ...(options.termination !== undefined ? { termination_date: options.termination } : {}) }),
    history: [change(id, '2020-01-01', 'ops1'), change(id, start, 'ops2'), ...(options.after ?? []).map(([date, level]) => change(id, date, level))],
  };
}

/** `people` and `job_history` of several `promotedPerson`s, plus any other people and history rows. */
export const orgOf = (
  entries: ReadonlyArray<{ person: Person; history: JobChange[] }>,
  extraPeople: readonly Person[] = [],
  extraHistory: readonly JobChange[] = [],
): { people: Person[]; job_history: JobChange[] } => ({
  people: [...entries.map((e) => e.person), ...extraPeople],
  job_history: [...entries.flatMap((e) => e.history), ...extraHistory],
});
