/**
 * The config file merged over the defaults into the resolved `Config` every later stage sees.
 * `levels`, `priorities`, `survey.questions` and `survey.answers` add to the defaults (a key given in
 * the file wins); their keys, and course names, are stored as `matchKey()` so lookups ignore case.
 */
import { matchKey, type Config, type DatasetSourceConfig } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import { configProblems, type ConfigOrigin } from './config-problems.js';
import { CONFIG_FILE_SCHEMA, type ConfigFile } from './config-schema.js';
import { DEFAULTS } from './defaults.js';
import { memberPath } from '../load/json-scanner.js';

export type ResolvedConfig = { readonly config: Config } | { readonly problems: Problem[] };

/** Defaults first, then the file's entries, keyed by matchKey so `SEV1` in the file replaces `sev1`. */
const mergeMap = <V>(defaults: Readonly<Record<string, V>>, given: Readonly<Record<string, V>> | undefined): Map<string, V> => {
  const merged = new Map<string, V>();
  for (const [key, value] of Object.entries(defaults)) merged.set(matchKey(key), value);
  for (const [key, value] of Object.entries(given ?? {})) merged.set(matchKey(key), value);
  return merged;
};

/** Drops the keys zod's optional output types allow to be undefined (a JSON file never has them). */
const defined = <T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

const buildConfig = (file: ConfigFile): Config => ({
  timezone: file.timezone ?? DEFAULTS.timezone,
  programStart: file.programStart,
  levels: mergeMap(DEFAULTS.levels, file.levels),
  priorities: mergeMap(DEFAULTS.priorities, file.priorities),
  givenPriorities: mergeMap({}, file.priorities),
  survey: {
    scale: file.survey?.scale ?? DEFAULTS.survey.scale,
    minGroupSize: file.survey?.minGroupSize ?? DEFAULTS.survey.minGroupSize,
    baselineWave: file.survey?.baselineWave?.trim(),
    questions: mergeMap(DEFAULTS.survey.questions, file.survey?.questions),
    givenQuestions: new Map(Object.entries(file.survey?.questions ?? {})),
    answers: mergeMap(DEFAULTS.survey.answers, file.survey?.answers),
  },
  courses: { automationDesign: (file.courses?.automationDesign ?? DEFAULTS.courses.automationDesign).map(matchKey) },
  rca: { ...DEFAULTS.rca, ...defined(file.rca ?? {}) },
  recurrence: { ...DEFAULTS.recurrence, ...defined(file.recurrence ?? {}) },
  targets: defined(file.targets ?? {}),
  thresholds: {
    ...DEFAULTS.thresholds,
    ...defined({ ...file.thresholds, promotion_pay: undefined }),
    promotion_pay: { ...DEFAULTS.thresholds.promotion_pay, ...defined(file.thresholds?.promotion_pay ?? {}) },
  },
  severity: { ...DEFAULTS.severity, ...defined(file.severity ?? {}) },
  datasets: Object.fromEntries(
    Object.entries(defined(file.datasets ?? {})).map(([name, source]) => [name, defined(source) as DatasetSourceConfig]),
  ) as Partial<Record<DatasetName, DatasetSourceConfig>>,
});

/**
 * The paths of every `__proto__` key in the parsed file. JSON.parse makes it an own key, but a map built
 * from it (zod's records, the config's maps) would set an object's prototype instead: the entry would be
 * lost without a word, so it is refused.
 */
function prototypeKeys(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const own = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  const here = !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__') ? [memberPath(path, '__proto__')] : [];
  return [...here, ...own.flatMap(([key, item]) => prototypeKeys(item, memberPath(path, key)))];
}

/** The file's maps whose keys are matched ignoring case and surrounding spaces, with what a key names. */
const CASE_BLIND_MAPS: ReadonlyArray<{ readonly path: readonly string[]; readonly names: string }> = [
  { path: ['levels'], names: 'title' },
  { path: ['priorities'], names: 'priority' },
  { path: ['survey', 'questions'], names: 'question' },
  { path: ['survey', 'answers'], names: 'answer' },
];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keys of one map that the tool reads as one (`"SRE II"` and `"sre ii"`) but that map it to different
 * values: JSON keeps both, the later would win without a word, and which one the user meant is unknown.
 * Each is refused at the later key; keys that agree are left alone, as they change nothing.
 */
function conflictingKeys(fileJson: unknown): Array<{ readonly path: string; readonly message: string }> {
  const found: Array<{ path: string; message: string }> = [];
  for (const { path, names } of CASE_BLIND_MAPS) {
    let map: unknown = fileJson;
    for (const key of path) map = isPlainObject(map) ? map[key] : undefined;
    if (!isPlainObject(map)) continue;
    const first = new Map<string, string>();
    for (const [key, value] of Object.entries(map)) {
      const earlier = first.get(matchKey(key));
      if (earlier === undefined) {
        first.set(matchKey(key), key);
        continue;
      }
      if (map[earlier] === value) continue;
      found.push({
        path: memberPath(`$.${path.join('.')}`, key),
        message: `${JSON.stringify(key)} and ${JSON.stringify(earlier)} are one ${names} (keys match ignoring case and surrounding spaces) `
          + `mapped to ${JSON.stringify(value)} and ${JSON.stringify(map[earlier])}: keep the one you mean`,
      });
    }
  }
  return found;
}

/** The resolved config, or the file's problems. `undefined` (no config file) gives the defaults. */
export const resolveConfig = (fileJson: unknown, origin: ConfigOrigin = { file: 'config' }): ResolvedConfig => {
  // Only a missing file means the defaults: a file holding `null` is a mistake, reported like any other.
  const parsed = CONFIG_FILE_SCHEMA.safeParse(fileJson === undefined ? {} : fileJson, { reportInput: true });
  const refused = [
    ...prototypeKeys(fileJson).map((path) => ({
      path, message: 'unknown key; __proto__ is no key a config can give (it would be read as an object\'s prototype)',
    })),
    ...conflictingKeys(fileJson),
  ].map(({ path, message }): Problem => ({ file: origin.file, line: origin.lineOf?.(path) ?? 0, column: path, severity: 'error', message }));
  if (parsed.success && refused.length === 0) return { config: buildConfig(parsed.data) };
  const problems = [...refused, ...(parsed.success ? [] : configProblems(parsed.error, origin))];
  return { problems: problems.sort((a, b) => a.line - b.line) };
};

/** The defaults alone (no config file). */
export const defaultConfig = (): Config => buildConfig({});
