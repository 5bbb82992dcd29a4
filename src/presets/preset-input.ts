/** What applying a preset to one file needs to know. */
import type { Config } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import type { CsvHeader } from '../load/csv-header.js';
import type { JsonDocument } from '../load/json-reader.js';
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
  /** A JSON object document's properties beside its records once the reader has parsed it; undefined otherwise. */
  readonly document?: () => JsonDocument | undefined;
  /**
   * Per column that refers to another file whose preset left records out (incident.io's test incidents):
   * those records' keys. A row referring to one is left out too: the follow-up of a test incident is a test.
   */
  readonly leftOutTargets?: readonly LeftOutTarget[];
}

export interface LeftOutTarget {
  readonly column: string;
  /** The other file, as named in problems. */
  readonly file: string;
  readonly keys: ReadonlySet<string>;
  /** What its preset left out, as its warning says it. */
  readonly what: string | undefined;
}

/** Where a header problem is reported: the header line of a CSV, 0 for a JSON document. */
export const headerLine = (input: PresetInput): number => input.header()?.line ?? (input.header() === undefined ? 0 : 1);
