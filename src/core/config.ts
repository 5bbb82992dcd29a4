/**
 * The resolved configuration every stage after loading sees: the config file merged over the defaults.
 * Maps are keyed by `matchKey()` of their text so lookups are case-insensitive after trimming.
 */
import type { DatasetName, IsoDate, QuestionId } from './datasets.js';
import type { LevelCode } from './levels.js';
import type { Priority } from './priorities.js';

export type Severity = 'error' | 'warn' | 'off';
export type FailOn = 'red-flag' | 'missed' | 'never';

export const RED_FLAG_IDS = [
  'task_execution', 'year1_turnover', 'coding_frustration', 'no_improvements', 'ops1_undervalued', 'promotion_pay',
] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

export interface DatasetSourceConfig {
  /** Relative to the data folder. */
  readonly path?: string;
  readonly preset?: string;
  /** Source header → canonical column. */
  readonly columns?: Readonly<Record<string, string>>;
  readonly dateFormat?: string;
  readonly delimiter?: string;
  /** Wide surveys. */
  readonly levelColumn?: string;
  readonly respondentIdColumn?: string;
  readonly wave?: string;
}

export interface Config {
  readonly timezone: string;
  readonly programStart: IsoDate | undefined;
  readonly levels: ReadonlyMap<string, LevelCode>;
  readonly priorities: ReadonlyMap<string, Priority>;
  /**
   * The config file's own `priorities` entries, which win over a vendor preset's names even where they
   * restate a default (`"Critical": "P1"` under Jira, whose Critical is P2); absent when none are given.
   */
  readonly givenPriorities?: ReadonlyMap<string, Priority>;
  readonly survey: {
    readonly scale: { readonly min: number; readonly max: number };
    readonly minGroupSize: number;
    readonly baselineWave: string | undefined;
    readonly questions: ReadonlyMap<string, QuestionId>;
    /**
     * The config file's own `survey.questions` entries, keyed as written: a wide survey file none of whose
     * columns one names is told so (a default the file lacks is not the user's doing); absent when none are given.
     */
    readonly givenQuestions?: ReadonlyMap<string, QuestionId>;
    readonly answers: ReadonlyMap<string, number>;
  };
  readonly courses: { readonly automationDesign: readonly string[] };
  readonly rca: { readonly clockStartsAt: 'resolved' | 'opened'; readonly hours: number };
  readonly recurrence: { readonly infer: boolean; readonly windowDays: number };
  /** Overrides of measure targets, by measure id. */
  readonly targets: Readonly<Record<string, number>>;
  readonly thresholds: {
    readonly task_execution: number;
    readonly year1_turnover: number;
    readonly coding_frustration: number;
    readonly ops1_undervalued: number;
    readonly promotion_pay: { readonly base: number; readonly totalComp: number };
  };
  readonly severity: Readonly<Record<RedFlagId, Severity>>;
  readonly datasets: Readonly<Partial<Record<DatasetName, DatasetSourceConfig>>>;
}

/** Case-insensitive, trimmed key for titles, priorities, question texts, course names and enums. */
export const matchKey = (text: string): string => text.trim().toLowerCase();

export const MIN_GROUP_SIZE_FLOOR = 3;
