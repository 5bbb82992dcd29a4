/** The presets this version ships, in the order `schema --presets` lists them. */
import type { DatasetName } from '../core/datasets.js';
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

export const findPreset = (name: string): Preset | undefined => PRESETS.find((preset) => preset.name === name.trim().toLowerCase());

/** The datasets a preset reads, in its declaration order. */
export const datasetsOfPreset = (preset: Preset): DatasetName[] => Object.keys(preset.datasets) as DatasetName[];
