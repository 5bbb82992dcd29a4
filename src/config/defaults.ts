/**
 * The configuration in force when the config file says nothing (cli.md and metrics.md defaults).
 */
import { RED_FLAG_IDS, type Config, type RedFlagId, type Severity } from '../core/config.js';
import { DEFAULT_LEVEL_TITLES } from '../core/levels.js';
import { DEFAULT_PRIORITY_NAMES } from '../core/priorities.js';
import type { QuestionId } from '../core/datasets.js';

export const DEFAULTS = {
  timezone: 'UTC',
  levels: DEFAULT_LEVEL_TITLES,
  priorities: DEFAULT_PRIORITY_NAMES,
  survey: {
    scale: { min: 0, max: 10 },
    minGroupSize: 5,
    /** Question texts of the canonical ids; presets add their own. */
    questions: {} as Readonly<Record<string, QuestionId>>,
    /** Answer texts (e.g. `Strongly agree`) and their scores; presets add their own. */
    answers: {} as Readonly<Record<string, number>>,
  },
  courses: { automationDesign: ['automation-design', 'automation design'] },
  rca: { clockStartsAt: 'resolved', hours: 48 },
  recurrence: { infer: true, windowDays: 90 },
  thresholds: {
    task_execution: 0.25,
    year1_turnover: 0.2,
    coding_frustration: 6,
    ops1_undervalued: 6,
    promotion_pay: { base: 0.08, totalComp: 0.12 },
  },
  severity: Object.fromEntries(RED_FLAG_IDS.map((id) => [id, 'error'])) as Record<RedFlagId, Severity>,
} as const satisfies Partial<Record<keyof Config, unknown>>;
