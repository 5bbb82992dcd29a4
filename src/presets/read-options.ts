/**
 * What the reader needs to know of a preset before the first row: the header rows of its CSV, and the
 * property of its JSON document that holds the records. Everything else the preset does to the rows.
 */
import type { DatasetName } from '../core/datasets.js';
import type { ReadRowsOptions } from '../load/read-rows.js';
import type { Preset } from './preset.js';

export type PresetReadOptions = Pick<ReadRowsOptions, 'headerRows' | 'jsonRecordsProperty'>;

export function presetReadOptions(preset: Preset | undefined, dataset: DatasetName): PresetReadOptions {
  const layout = preset?.datasets[dataset];
  if (preset === undefined || layout === undefined) return {};
  return {
    ...(layout.headerRows === undefined ? {} : { headerRows: layout.headerRows }),
    ...(layout.recordsProperty === undefined ? {} : { jsonRecordsProperty: { name: layout.recordsProperty, expectedBy: `preset "${preset.name}"` } }),
  };
}
