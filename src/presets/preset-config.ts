/**
 * The config the validator reads a preset's rows with: the preset's priority names and answer texts
 * added to the maps (the user's entries still win), and the dataset's `columns` map left out, since the
 * transform has applied it already.
 *
 * The resolved config holds the defaults and the user's entries in one map, so a user entry is
 * recognised by differing from the default: one that restates a default (`"Critical": "P1"`) does not
 * win over a preset that reads the name otherwise (Jira's Critical is P2).
 */
import { matchKey, type Config, type DatasetSourceConfig } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import { DEFAULT_PRIORITY_NAMES } from '../core/priorities.js';
import type { DatasetLayout } from './preset.js';

const DEFAULT_PRIORITIES: ReadonlyMap<string, string> = new Map(
  Object.entries(DEFAULT_PRIORITY_NAMES).map(([name, priority]) => [matchKey(name), priority]),
);

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
  const userPriorities = [...config.priorities].filter(([key, priority]) => DEFAULT_PRIORITIES.get(key) !== priority);
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
