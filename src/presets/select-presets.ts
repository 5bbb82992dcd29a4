/**
 * The preset of each dataset: `--preset <dataset>=<preset>` (repeatable) wins over the config's
 * `datasets.<name>.preset`. An unknown dataset or preset, or a preset that does not read the dataset,
 * is a usage error naming what exists.
 */
import type { Config } from '../core/config.js';
import { DATASET_NAMES, type DatasetName } from '../core/datasets.js';
import { UsageError } from '../core/problems.js';
import type { InputFormat } from '../load/discover.js';
import type { Preset } from './preset.js';
import { datasetsOfPreset, findPreset, PRESET_NAMES } from './registry.js';

export type PresetChoice = Readonly<Partial<Record<DatasetName, string>>>;

const datasetNamed = (text: string): DatasetName | undefined =>
  DATASET_NAMES.find((name) => name === text.trim().toLowerCase().replace(/[-\s]+/g, '_'));

/** `incidents=pagerduty-csv` flags → preset names by dataset (a later flag for a dataset wins). */
export function parsePresetFlags(flags: readonly string[]): PresetChoice {
  const chosen: Partial<Record<DatasetName, string>> = {};
  for (const flag of flags) {
    const [datasetText = '', presetText, ...rest] = flag.split('=');
    const dataset = datasetNamed(datasetText);
    if (presetText === undefined || rest.length > 0 || presetText.trim() === '') {
      throw new UsageError(`--preset ${flag}: expected <dataset>=<preset>, e.g. --preset incidents=pagerduty-csv`);
    }
    if (dataset === undefined) throw new UsageError(`--preset ${flag}: unknown dataset "${datasetText}"; the datasets are: ${DATASET_NAMES.join(', ')}`);
    chosen[dataset] = presetText.trim();
  }
  return chosen;
}

const presetFor = (dataset: DatasetName, name: string, origin: string, format: InputFormat | undefined): Preset => {
  const preset = findPreset(name, format);
  if (preset === undefined) throw new UsageError(`${origin}: unknown preset "${name}"; the presets are: ${PRESET_NAMES.join(', ')}`);
  if (preset.datasets[dataset] === undefined) {
    throw new UsageError(`${origin}: preset "${preset.name}" does not read ${dataset}; it reads ${datasetsOfPreset(preset).join(', ')}`);
  }
  return preset;
};

/**
 * The preset in force for each dataset that has one; `formats` (the format of each dataset's file, once
 * found) decides for a name that stands for one preset per format.
 */
export function presetsByDataset(
  config: Config,
  flags: PresetChoice = {},
  formats: Partial<Record<DatasetName, InputFormat>> = {},
): Partial<Record<DatasetName, Preset>> {
  const chosen: Partial<Record<DatasetName, Preset>> = {};
  for (const dataset of DATASET_NAMES) {
    const flag = flags[dataset];
    const configured = config.datasets[dataset]?.preset;
    const format = formats[dataset];
    if (flag !== undefined) chosen[dataset] = presetFor(dataset, flag, `--preset ${dataset}=${flag}`, format);
    else if (configured !== undefined) chosen[dataset] = presetFor(dataset, configured, `config: datasets.${dataset}.preset`, format);
  }
  return chosen;
}
