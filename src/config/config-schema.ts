/**
 * The zod schema of the config file (cli.md, "Config"). Strict at every level: an unknown key is an
 * error naming its path. Each check's `error` is the "expected" half of the message that
 * config-problems.ts completes with what was found.
 *
 * Built with zod/mini, whose schemas carry no methods of their own: every run that reads a config builds
 * this schema, and the same schema in zod's classic API took ~10 ms of the demo report's start-up to
 * construct (~3 ms here). The issues, and so the messages, are zod's core's either way.
 */
import * as z from 'zod/mini';
import { RED_FLAG_IDS, MIN_GROUP_SIZE_FLOOR } from '../core/config.js';
import { DATASETS, DATASET_NAMES, QUESTION_IDS, type DatasetName } from '../core/datasets.js';
import { LEVEL_CODES } from '../core/levels.js';
import { PRIORITIES } from '../core/priorities.js';
import { FIGURE_BOUNDS, FIGURE_KINDS, INFO_MEASURE_IDS, MEASURE_IDS, type FigureKind, type MeasureId } from '../core/report.js';
import { presetNamesFor } from '../presets/registry.js';
import { dateFormatProblem } from '../presets/vendor-dates.js';
import { isIsoDate } from '../validate/temporal-values.js';
import { normaliseHeader } from '../validate/headers.js';
import { isValidTimeZone } from '../validate/time-zone.js';

const range = (min: number, max: number, why = '') =>
  z.number().check(z.gte(min, { error: `a number from ${min} to ${max}${why}` }), z.lte(max, { error: `a number from ${min} to ${max}${why}` }));
const ratio = range(0, 1);
const nonNegative = z.number().check(z.gte(0, { error: 'a number >= 0' }));
const positive = z.number().check(z.gt(0, { error: 'a number > 0' }));
const text = z.string().check(z.refine((value) => value.trim() !== '', { error: 'a non-empty string' }));
const optionalText = z.optional(text);

/** A strict object whose keys, all optional, are the given ids (one optional schema serves them all). */
const optionalKeys = <T extends z.ZodMiniType>(ids: readonly string[], value: T) => {
  const optional = z.optional(value);
  return z.strictObject(Object.fromEntries(ids.map((id) => [id, optional])) as Record<string, z.ZodMiniOptional<T>>);
};

/** What a target's bounds stand for, said beside them: a share's target is a fraction, not a percent. */
const FIGURE_WORDS: Readonly<Record<FigureKind, string>> = {
  share: 'a share: 0.95 for 95 %',
  score: 'a score on the 0-10 scale',
  non_negative: 'never below 0',
  reduction: 'a reduction: 1 is all of it',
  uplift: 'an uplift: -1 is all of it lost',
};

/**
 * A target override. An info measure has no target to override: its figure is shown and never judged, so
 * a target given for it would silently do nothing.
 */
const targetOf = (id: MeasureId) => {
  if (INFO_MEASURE_IDS.includes(id)) return z.number().check(z.refine(() => false, { error: `a measure with a target (${id} is info: shown, never judged)` }));
  const kind = FIGURE_KINDS[id];
  if (kind === undefined) return z.number();
  const { min, max } = FIGURE_BOUNDS[kind];
  const why = ` (${id} is ${FIGURE_WORDS[kind]})`;
  return min !== undefined && max !== undefined ? range(min, max, why)
    : min !== undefined ? z.number().check(z.gte(min, { error: `a number >= ${min}${why}` }))
      : z.number().check(z.lte(max!, { error: `a number <= ${max}${why}` }));
};

const datasetSourceKeys = {
  path: optionalText,
  // What date-fns could not read dates with is said once, here, rather than on every cell (or as a crash).
  dateFormat: z.optional(z.string().check(z.superRefine((format, ctx) => {
    const problem = dateFormatProblem(format);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `a date-fns format like dd/MM/yyyy or MM/dd/yyyy h:mm a, with ${problem}`, input: format });
  }))),
  delimiter: z.optional(z.string().check(z.length(1, { error: 'a single character' }))),
  levelColumn: optionalText,
  respondentIdColumn: optionalText,
  wave: optionalText,
};

/**
 * `datasets.<name>.preset` must name a preset that reads that dataset: checked here, with the other keys,
 * so a wrong name is reported like any config error (file, line, path) and with them all at once.
 */
const presetOf = (dataset: DatasetName) => {
  const names = presetNamesFor(dataset);
  const expected = names.length === 0 ? `no preset (none reads ${dataset})` : `a preset that reads ${dataset} (${names.join(', ')})`;
  return z.optional(z.string().check(z.refine((name) => names.includes(name.trim().toLowerCase()), { error: expected })));
};

/** `datasets.<name>.columns` maps source columns onto that dataset's canonical columns (matched as headers are). */
const columnMapOf = (dataset: DatasetName) => {
  const columns = Object.keys(DATASETS[dataset].columns);
  const isColumn = (name: string): boolean => columns.includes(normaliseHeader(name));
  return z.optional(z.record(z.string(), z.string().check(z.refine(isColumn, { error: `a column of ${dataset} (${columns.join(', ')})` }))));
};

const datasetSources = z.strictObject(
  Object.fromEntries(DATASET_NAMES.map((dataset) => [
    dataset,
    z.optional(z.strictObject({ ...datasetSourceKeys, preset: presetOf(dataset), columns: columnMapOf(dataset) })),
  ])),
);

const surveyScale = z.strictObject({ min: z.number(), max: z.number() }).check(
  z.superRefine((scale, ctx) => {
    if (scale.min >= scale.max) ctx.addIssue({ code: 'custom', message: `a number above min (${scale.min})`, path: ['max'], input: scale.max });
  }),
);

export const CONFIG_FILE_SCHEMA = z.strictObject({
  timezone: z.optional(z.string().check(z.refine(isValidTimeZone, { error: 'an IANA time zone name like America/New_York' }))),
  programStart: z.optional(z.string().check(z.refine(isIsoDate, { error: 'a date YYYY-MM-DD' }))),
  levels: z.optional(z.record(z.string(), z.enum(LEVEL_CODES))),
  priorities: z.optional(z.record(z.string(), z.enum(PRIORITIES))),
  survey: z.optional(z.strictObject({
    scale: z.optional(surveyScale),
    minGroupSize: z.optional(z.int().check(z.gte(MIN_GROUP_SIZE_FLOOR, {
      error: `an integer >= ${MIN_GROUP_SIZE_FLOOR} (the floor is ${MIN_GROUP_SIZE_FLOOR}, so small groups stay anonymous)`,
    }))),
    baselineWave: optionalText,
    questions: z.optional(z.record(z.string(), z.enum(QUESTION_IDS))),
    answers: z.optional(z.record(z.string(), z.number())),
  })),
  courses: z.optional(z.strictObject({ automationDesign: z.array(text) })),
  rca: z.optional(z.strictObject({ clockStartsAt: z.optional(z.enum(['resolved', 'opened'])), hours: z.optional(positive) })),
  recurrence: z.optional(z.strictObject({
    infer: z.optional(z.boolean()),
    windowDays: z.optional(z.int().check(z.gte(1, { error: 'a whole number of days >= 1' }))),
  })),
  targets: z.optional(z.strictObject(Object.fromEntries(MEASURE_IDS.map((id) => [id, z.optional(targetOf(id))])))),
  thresholds: z.optional(z.strictObject({
    task_execution: z.optional(ratio),
    year1_turnover: z.optional(ratio),
    coding_frustration: z.optional(range(0, 10)),
    ops1_undervalued: z.optional(range(0, 10)),
    promotion_pay: z.optional(z.strictObject({ base: z.optional(nonNegative), totalComp: z.optional(nonNegative) })),
  })),
  severity: z.optional(optionalKeys(RED_FLAG_IDS, z.enum(['error', 'warn', 'off']))),
  datasets: z.optional(datasetSources),
});

/** The config file as written, after validation. */
export type ConfigFile = z.infer<typeof CONFIG_FILE_SCHEMA>;

/** What the keys of an object at a path must be, for the message about an unknown key there. */
export const KEY_KINDS: Readonly<Record<string, { readonly kind: string; readonly ids: readonly string[] }>> = {
  '$.targets': { kind: 'a measure id', ids: MEASURE_IDS },
  '$.severity': { kind: 'a red-flag id', ids: RED_FLAG_IDS },
  '$.datasets': { kind: 'a dataset name', ids: DATASET_NAMES },
};
