/**
 * The config the validator reads a preset's rows with: the preset's priority names and answer texts
 * added to the maps (the user's entries still win, also one that restates a default, such as
 * `"Critical": "P1"` under Jira, whose Critical is P2), and the dataset's `columns` map left out, since
 * the transform has applied it already.
 */
import { matchKey, type Config, type DatasetSourceConfig } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import type { DatasetLayout } from './preset.js';

/** `base`, then the preset's entries, then `winners`. */
const layered = <V>(base: Iterable<[string, V]>, preset: Readonly<Record<string, V>>, winners: Iterable<[string, V]>): Map<string, V> => {
  const merged = new Map(base);
  for (const [text, value] of Object.entries(preset)) merged.set(matchKey(text), value);
  for (const [key, value] of winners) merged.set(key, value);
  return merged;
};

const withoutColumns = (source: DatasetSourceConfig | undefined): DatasetSourceConfig => {
  const { columns: _applied, ...rest } = source ?? {};
  return rest;
};

export function configForPreset(config: Config, dataset: DatasetName, layout: DatasetLayout): Config {
  const userPriorities = config.givenPriorities ?? new Map();
  return {
    ...config,
    priorities: layout.priorities === undefined ? config.priorities : layered(config.priorities, layout.priorities, userPriorities),
    survey: {
      ...config.survey,
      answers: layout.answers === undefined ? config.survey.answers : layered([], layout.answers, config.survey.answers),
    },
    datasets: { ...config.datasets, [dataset]: withoutColumns(config.datasets[dataset]) },
  };
}
