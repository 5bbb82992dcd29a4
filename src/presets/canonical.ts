/**
 * The canonical layout as a preset: what a dataset without a preset is read through when its config
 * still asks for a transform (a `dateFormat`), so that option means the same with or without a vendor.
 */
import type { DatasetName } from '../core/datasets.js';
import type { Preset } from './preset.js';

export const CANONICAL_PRESET_NAME = 'canonical';

export const canonicalPreset = (dataset: DatasetName): Preset => ({
  name: CANONICAL_PRESET_NAME,
  title: 'the canonical columns',
  datasets: { [dataset]: { columns: {} } },
});
