/** The presets this version ships, in the order `schema --presets` lists them. */
import type { DatasetName } from '../core/datasets.js';
import type { InputFormat } from '../load/discover.js';
import { bamboohr } from './bamboohr.js';
import { googleForms } from './google-forms.js';
import { incidentio } from './incidentio.js';
import { jira } from './jira.js';
import { opsgenie } from './opsgenie.js';
import { pagerdutyApi } from './pagerduty-api.js';
import { pagerdutyCsv } from './pagerduty-csv.js';
import type { Preset } from './preset.js';
import { qualtrics } from './qualtrics.js';
import { surveymonkey } from './surveymonkey.js';
import { workday } from './workday.js';

export const PRESETS: readonly Preset[] = [
  pagerdutyCsv, pagerdutyApi, jira, opsgenie, incidentio, bamboohr, workday, googleForms, qualtrics, surveymonkey,
];

export const PRESET_NAMES: readonly string[] = PRESETS.map((preset) => preset.name);

/**
 * Names that stand for one preset per file format. cli.md's example config says `"preset": "pagerduty"`:
 * PagerDuty's CSV export and its API's JSON are read by different presets, so the file decides.
 */
const BY_FORMAT: Readonly<Record<string, Readonly<Record<InputFormat, string>>>> = {
  pagerduty: { csv: 'pagerduty-csv', json: 'pagerduty-api', ndjson: 'pagerduty-api' },
};

/** The preset a name stands for when it reads a file of `format` (matched case-insensitively, trimmed). */
export const findPreset = (name: string, format: InputFormat = 'csv'): Preset | undefined => {
  const key = name.trim().toLowerCase();
  const resolved = BY_FORMAT[key]?.[format] ?? key;
  return PRESETS.find((preset) => preset.name === resolved);
};

/** The names a config may give `dataset`: the presets that read it, then the names chosen by format. */
export const presetNamesFor = (dataset: DatasetName): string[] => {
  const reads = (name: string): boolean => PRESETS.some((preset) => preset.name === name && preset.datasets[dataset] !== undefined);
  const byFormat = Object.keys(BY_FORMAT).filter((name) => Object.values(BY_FORMAT[name]!).some(reads));
  return [...PRESETS.filter((preset) => reads(preset.name)).map((preset) => preset.name), ...byFormat];
};

/** The datasets a preset reads, in its declaration order. */
export const datasetsOfPreset = (preset: Preset): DatasetName[] => Object.keys(preset.datasets) as DatasetName[];
