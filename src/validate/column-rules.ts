/**
 * Rules a column carries beyond its declaration in src/core/datasets.ts: some come from the config
 * (the survey scale and answer texts), some from the record contract (meeting kinds are stored
 * lower-cased so `Product_Roadmap` counts).
 */
import type { Config } from '../core/config.js';
import type { ColumnSpec, DatasetName } from '../core/datasets.js';
import type { ColumnRules } from './cell-parser.js';

const boundsOf = (spec: ColumnSpec): ColumnRules =>
  spec.min === undefined && spec.max === undefined ? {} : { bounds: { min: spec.min, exclusiveMin: spec.exclusiveMin, max: spec.max } };

export const columnRules = (dataset: DatasetName, column: string, spec: ColumnSpec, config: Config): ColumnRules => {
  if (dataset === 'survey' && column === 'score') {
    return { bounds: { min: config.survey.scale.min, max: config.survey.scale.max }, answers: config.survey.answers };
  }
  if (dataset === 'meetings' && column === 'kind') return { lowerCase: true };
  return boundsOf(spec);
};
