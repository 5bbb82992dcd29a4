/**
 * Every key of the config file with a one-line meaning and its default, for the README and the
 * example config `init` writes. A test checks it lists exactly the keys the schema accepts.
 */
import { DEFAULTS } from './defaults.js';

export interface ConfigKeyDoc {
  /** Dotted path; `<...>` stands for a key the user chooses or one of a known list. */
  readonly key: string;
  readonly meaning: string;
  /** The default as JSON text, when there is one. */
  readonly default?: string;
}

const json = (value: unknown): string => JSON.stringify(value);

export const CONFIG_KEYS_DOC: readonly ConfigKeyDoc[] = [
  { key: 'timezone', meaning: 'IANA time zone for timestamps without an offset and for calendar dates of instants', default: json(DEFAULTS.timezone) },
  { key: 'programStart', meaning: 'date YYYY-MM-DD the 2.0 programme started (coverage growth is due 18 months later; default: the earliest 2.0 start in the data)' },
  { key: 'levels', meaning: 'job title → level code (technician, ops1, ops1_senior, manager, ops2, senior_architect, strategy_lead, other); adds to the role design\'s titles' },
  { key: 'priorities', meaning: 'incident priority name → P1..P5; adds to the default names (SEV1, High, ...)' },
  // Both ends or neither: a 1-5 survey configured as { "max": 5 } would take min 0 and shift every score.
  { key: 'survey.scale.min', meaning: 'lowest score of the survey scale (given with max: a scale names both ends)', default: json(DEFAULTS.survey.scale.min) },
  { key: 'survey.scale.max', meaning: 'highest score of the survey scale (given with min)', default: json(DEFAULTS.survey.scale.max) },
  { key: 'survey.minGroupSize', meaning: 'smallest survey group whose results are shown (3 at least)', default: json(DEFAULTS.survey.minGroupSize) },
  { key: 'survey.baselineWave', meaning: 'the wave satisfaction is compared with (e.g. the last wave before the programme)' },
  { key: 'survey.questions', meaning: 'question text (or a wide export\'s column id) → canonical question id; adds to the defaults; a key no column of a wide survey file matches is warned of' },
  { key: 'survey.answers', meaning: 'answer text (e.g. "Strongly agree") → score; adds to the defaults' },
  { key: 'courses.automationDesign', meaning: 'course ids or names that count as automation-design training', default: json(DEFAULTS.courses.automationDesign) },
  { key: 'rca.clockStartsAt', meaning: 'when the 48-hour RCA clock starts: resolved or opened', default: json(DEFAULTS.rca.clockStartsAt) },
  { key: 'rca.hours', meaning: 'hours allowed for a P1 root-cause analysis', default: json(DEFAULTS.rca.hours) },
  { key: 'recurrence.infer', meaning: 'infer recurrences from same service and root-cause category', default: json(DEFAULTS.recurrence.infer) },
  { key: 'recurrence.windowDays', meaning: 'days back an earlier incident counts as the same problem', default: json(DEFAULTS.recurrence.windowDays) },
  { key: 'targets.<measure id>', meaning: "overrides the target value of a measure (e.g. retention_2y; the comparison stays, and an info measure has no target to set: `postmortem_leads_6m`'s target is `= 1.0`, so setting it to 0.5 asks for exactly half, and 1.0 then misses). A target the figure can never reach is refused: a share's is a fraction from 0 to 1 (`0.95`, not `95`), a score's from 0 to 10, a count's, rate's or multiple's at least 0, a reduction's at most 1, `satisfaction_uplift`'s at least -1" },
  { key: 'thresholds.task_execution', meaning: 'red flag: share of 2.0 hours on task execution above which it trips', default: json(DEFAULTS.thresholds.task_execution) },
  { key: 'thresholds.year1_turnover', meaning: 'red flag: year-1 turnover of promoted 2.0s above which it trips', default: json(DEFAULTS.thresholds.year1_turnover) },
  { key: 'thresholds.coding_frustration', meaning: 'red flag: mean coding_expectations score (0-10) of 2.0s below which it trips', default: json(DEFAULTS.thresholds.coding_frustration) },
  { key: 'thresholds.ops1_undervalued', meaning: 'red flag: mean feel_valued score (0-10) of 1.0s below which it trips', default: json(DEFAULTS.thresholds.ops1_undervalued) },
  { key: 'thresholds.promotion_pay.base', meaning: 'red flag: smallest base-salary rise of a promotion to 2.0', default: json(DEFAULTS.thresholds.promotion_pay.base) },
  { key: 'thresholds.promotion_pay.totalComp', meaning: 'red flag: smallest total-comp rise of a promotion to 2.0', default: json(DEFAULTS.thresholds.promotion_pay.totalComp) },
  { key: 'severity.<red flag id>', meaning: 'error (a trip fails the gate), warn (shown only) or off (not evaluated)', default: json('error') },
  { key: 'datasets.<dataset>.path', meaning: 'file of the dataset, relative to the data folder' },
  { key: 'datasets.<dataset>.preset', meaning: 'vendor export layout the file follows; "pagerduty" picks pagerduty-csv or pagerduty-api by the file\'s format' },
  { key: 'datasets.<dataset>.columns', meaning: 'source header → canonical column of that dataset (another name is a config error)' },
  { key: 'datasets.<dataset>.dateFormat', meaning: 'date format of the export when it is not ISO 8601' },
  { key: 'datasets.<dataset>.delimiter', meaning: 'CSV field delimiter (one character)' },
  { key: 'datasets.<dataset>.levelColumn', meaning: 'wide surveys: the column holding the respondent\'s title or level' },
  { key: 'datasets.<dataset>.respondentIdColumn', meaning: 'wide surveys: the column holding the respondent id' },
  { key: 'datasets.<dataset>.wave', meaning: 'wide surveys: the wave every row of the file belongs to' },
];
