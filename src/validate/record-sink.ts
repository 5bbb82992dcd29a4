/**
 * Where a dataset's accepted records go while it is validated.
 */
import type { Config } from '../core/config.js';
import type { DatasetName, DatasetRecords, RecordOf } from '../core/datasets.js';
import { SurveySummary } from '../core/survey-summary.js';

/**
 * Where accepted records go: an array, except survey answers, which are folded into per-group tallies as
 * they come (a survey export can hold millions of answers; the measures need only the tallies).
 */
export function recordSink<D extends DatasetName>(dataset: D, config: Config, keep: boolean): { add(record: RecordOf[D]): void; readonly records: DatasetRecords<D> } {
  if (!keep) return { add: () => {}, records: (dataset === 'survey' ? new SurveySummary(config.survey.minGroupSize) : []) as DatasetRecords<D> };
  if (dataset === 'survey') {
    const summary = new SurveySummary(config.survey.minGroupSize);
    return { add: (record) => summary.add(record as RecordOf['survey']), records: summary as DatasetRecords<D> };
  }
  const records: RecordOf[D][] = [];
  return { add: (record) => records.push(record), records: records as DatasetRecords<D> };
}
