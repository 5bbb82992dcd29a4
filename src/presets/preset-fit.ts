/** Which other presets a file's columns fit, for the mismatch message ("it fits preset ..."). */
import type { DatasetSourceConfig } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import { planColumns } from './column-plan.js';
import type { DatasetLayout } from './preset.js';
import { PRESETS } from './registry.js';
import { createSourceReader, type SourceReader } from './source-path.js';

type Fields = Readonly<Record<string, unknown>>;

const fits = (dataset: DatasetName, layout: DatasetLayout, sample: Fields, source: DatasetSourceConfig | undefined, reader: SourceReader): boolean => {
  if (layout.wide !== undefined) {
    // Its date column and, where it names one, its respondent id column: a date column alone is too
    // common a name (Qualtrics' EndDate is SurveyMonkey's End Date once headers are normalised).
    const { dateColumn, respondentIdColumn } = layout.wide;
    return dateColumn.some((date) => typeof date === 'string' && reader.has(sample, date)) &&
      (respondentIdColumn === undefined || reader.has(sample, respondentIdColumn));
  }
  const { missing } = planColumns(dataset, layout, source, sample, reader);
  // An export without a priority column still fits the preset made for it (PagerDuty's CSV).
  return missing.every((m) => layout.userPriority !== undefined && m.column === 'priority');
};

export const fitsOtherPresets = (dataset: DatasetName, except: string, sample: Fields, source: DatasetSourceConfig | undefined): string[] => {
  const reader = createSourceReader();
  return PRESETS.filter((preset) => {
    const layout = preset.datasets[dataset];
    return preset.name !== except && layout !== undefined && fits(dataset, layout, sample, source, reader);
  }).map((preset) => preset.name);
};
