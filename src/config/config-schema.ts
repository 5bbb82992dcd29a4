/**
 * The zod schema of the config file (cli.md, "Config"). Strict at every level: an unknown key is an
 * error naming its path. Each check's `error` is the "expected" half of the message that
 * config-problems.ts completes with what was found.
 */
import * as z from 'zod';
import { RED_FLAG_IDS, MIN_GROUP_SIZE_FLOOR } from '../core/config.js';
import { DATASET_NAMES, QUESTION_IDS } from '../core/datasets.js';
import { LEVEL_CODES } from '../core/levels.js';
import { PRIORITIES } from '../core/priorities.js';
import { MEASURE_IDS } from '../core/report.js';
import { isIsoDate } from '../validate/temporal-values.js';
import { isValidTimeZone } from '../validate/time-zone.js';

const range = (min: number, max: number) =>
  z.number().min(min, { error: `a number from ${min} to ${max}` }).max(max, { error: `a number from ${min} to ${max}` });
const ratio = range(0, 1);
const nonNegative = z.number().min(0, { error: 'a number >= 0' });
const positive = z.number().gt(0, { error: 'a number > 0' });
const text = z.string().refine((value) => value.trim() !== '', { error: 'a non-empty string' });

/** A strict object whose keys, all optional, are the given ids. */
const optionalKeys = <T extends z.ZodType>(ids: readonly string[], value: T) =>
  z.strictObject(Object.fromEntries(ids.map((id) => [id, value.optional()])) as Record<string, z.ZodOptional<T>>);

const datasetSource = z.strictObject({
  path: text.optional(),
  preset: text.optional(),
  columns: z.record(z.string(), text).optional(),
  dateFormat: text.optional(),
  delimiter: z.string().length(1, { error: 'a single character' }).optional(),
  levelColumn: text.optional(),
  respondentIdColumn: text.optional(),
  wave: text.optional(),
});

const surveyScale = z.strictObject({ min: z.number(), max: z.number() }).check(
  z.superRefine((scale, ctx) => {
    if (scale.min >= scale.max) ctx.addIssue({ code: 'custom', message: `a number above min (${scale.min})`, path: ['max'], input: scale.max });
  }),
);

export const CONFIG_FILE_SCHEMA = z.strictObject({
  timezone: z.string().refine(isValidTimeZone, { error: 'an IANA time zone name like America/New_York' }).optional(),
  programStart: z.string().refine(isIsoDate, { error: 'a date YYYY-MM-DD' }).optional(),
  levels: z.record(z.string(), z.enum(LEVEL_CODES)).optional(),
  priorities: z.record(z.string(), z.enum(PRIORITIES)).optional(),
  survey: z.strictObject({
    scale: surveyScale.optional(),
    minGroupSize: z.int().min(MIN_GROUP_SIZE_FLOOR, {
      error: `an integer >= ${MIN_GROUP_SIZE_FLOOR} (the floor is ${MIN_GROUP_SIZE_FLOOR}, so small groups stay anonymous)`,
    }).optional(),
    baselineWave: text.optional(),
    questions: z.record(z.string(), z.enum(QUESTION_IDS)).optional(),
    answers: z.record(z.string(), z.number()).optional(),
  }).optional(),
  courses: z.strictObject({ automationDesign: z.array(text) }).optional(),
  rca: z.strictObject({ clockStartsAt: z.enum(['resolved', 'opened']).optional(), hours: positive.optional() }).optional(),
  recurrence: z.strictObject({
    infer: z.boolean().optional(),
    windowDays: z.int().min(1, { error: 'a whole number of days >= 1' }).optional(),
  }).optional(),
  targets: optionalKeys(MEASURE_IDS, z.number()).optional(),
  thresholds: z.strictObject({
    task_execution: ratio.optional(),
    year1_turnover: ratio.optional(),
    coding_frustration: range(0, 10).optional(),
    ops1_undervalued: range(0, 10).optional(),
    promotion_pay: z.strictObject({ base: nonNegative.optional(), totalComp: nonNegative.optional() }).optional(),
  }).optional(),
  severity: optionalKeys(RED_FLAG_IDS, z.enum(['error', 'warn', 'off'])).optional(),
  datasets: optionalKeys(DATASET_NAMES, datasetSource).optional(),
});

/** The config file as written, after validation. */
export type ConfigFile = z.infer<typeof CONFIG_FILE_SCHEMA>;

/** What the keys of an object at a path must be, for the message about an unknown key there. */
export const KEY_KINDS: Readonly<Record<string, { readonly kind: string; readonly ids: readonly string[] }>> = {
  '$.targets': { kind: 'a measure id', ids: MEASURE_IDS },
  '$.severity': { kind: 'a red-flag id', ids: RED_FLAG_IDS },
  '$.datasets': { kind: 'a dataset name', ids: DATASET_NAMES },
};
