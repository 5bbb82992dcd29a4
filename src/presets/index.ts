/** The presets stage's public entry points: the registry, applying a preset, and what it changes in the config. */
export { applyPreset, type PresetApplication } from './apply-preset.js';
export type { PresetInput } from './preset-input.js';
export { canonicalPreset } from './canonical.js';
export { configForPreset } from './preset-config.js';
export { presetDocs, presetsJson } from './preset-docs.js';
export { presetReadOptions } from './read-options.js';
export type { DatasetLayout, Preset } from './preset.js';
export { datasetsOfPreset, findPreset, PRESET_NAMES, PRESETS } from './registry.js';
export { parsePresetFlags, presetsByDataset } from './select-presets.js';
