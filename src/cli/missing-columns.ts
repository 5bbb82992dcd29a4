/**
 * For `validate`: the optional columns a file does not have at all that a measure rests on (see
 * MeasureDefinition.needsColumns). The data is valid without them, but those measures will have no figure,
 * which a user checking an export before the quarter's report needs to know before running it.
 */
import type { Config } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import { columnMapping } from '../metrics/define.js';
import { METRICS } from '../metrics/index.js';
import type { FileOutcome } from './load-inputs.js';

export interface MissingColumn {
  readonly dataset: DatasetName;
  readonly file: string;
  readonly column: string;
  /** The measures left without a figure, in metrics.md order. */
  readonly measures: readonly string[];
}

export function missingColumns(files: readonly FileOutcome[], config: Config): MissingColumn[] {
  const measures = METRICS.flatMap((metric) => metric.measures);
  return files.flatMap((file) =>
    (file.absentColumns ?? []).flatMap((column) => {
      const resting = measures.filter((m) => m.needsColumns?.(config).some((need) => need.dataset === file.dataset && need.column === column) === true);
      return resting.length === 0 ? [] : [{ dataset: file.dataset, file: file.file, column, measures: resting.map((m) => m.id) }];
    }));
}

/** `incidents.csv has no rca_completed_at column: p1_rca_48h will have no figure (map one: …)`. */
export const missingColumnLine = (missing: MissingColumn): string =>
  `${missing.file} has no ${missing.column} column: ${missing.measures.join(', ')} will have no figure ` +
  `(if the export has it under another header, map it: ${columnMapping(missing)})`;
