/** What applying a preset to one file needs to know. */
import type { Config } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import type { CsvHeader } from '../load/csv-header.js';
import type { Preset } from './preset.js';

export interface PresetInput {
  readonly dataset: DatasetName;
  /** The file as named in problems. */
  readonly file: string;
  readonly preset: Preset;
  /** The config in force (the user's maps, zone and `datasets.<name>` entry). */
  readonly config: Config;
  /** The CSV header once the reader has read it; undefined for JSON. */
  readonly header: () => CsvHeader | undefined;
}

/** Where a header problem is reported: the header line of a CSV, 0 for a JSON document. */
export const headerLine = (input: PresetInput): number => (input.header() === undefined ? 0 : 1);
