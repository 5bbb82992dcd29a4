/**
 * Validates every present dataset in dependency order (people before job_history and the datasets that
 * name people; incidents before action_items), passing only id sets between them. The row reader is
 * injected, so this stage does not depend on how files are read.
 */
import type { Config } from '../core/config.js';
import { DATASET_NAMES, type DatasetName, type OrgData } from '../core/datasets.js';
import type { RawRow } from '../core/raw-row.js';
import type { Refs } from './cross-checks.js';
import { validateDataset, type DatasetValidation, type ValidateOptions } from './validate-dataset.js';

/** One dataset's file: its name as shown in problems, and whatever the reader needs to read it. */
export interface DatasetInput<S> {
  readonly dataset: DatasetName;
  readonly file: string;
  readonly source: S;
}

export interface Validation {
  readonly data: OrgData;
  /** In validation order (the order of DATASET_NAMES). */
  readonly results: ReadonlyArray<DatasetValidation<DatasetName>>;
}

const emptyData = (): OrgData => Object.fromEntries(DATASET_NAMES.map((name) => [name, undefined])) as OrgData;

/** DATASET_NAMES lists every dataset after the ones it references, so its order is the dependency order. */
const inDependencyOrder = <S>(inputs: readonly DatasetInput<S>[]): DatasetInput<S>[] =>
  [...inputs].sort((a, b) => DATASET_NAMES.indexOf(a.dataset) - DATASET_NAMES.indexOf(b.dataset));

export const validateAll = async <S>(
  inputs: readonly DatasetInput<S>[],
  config: Config,
  readRows: (source: S) => AsyncIterable<RawRow>,
  options: ValidateOptions = {},
): Promise<Validation> => {
  const data = emptyData();
  const results: Array<DatasetValidation<DatasetName>> = [];
  let refs: Refs = {};
  for (const input of inDependencyOrder(inputs)) {
    const result = await validateDataset(input.dataset, input.file, readRows(input.source), config, refs, options);
    (data as Record<DatasetName, unknown>)[input.dataset] = result.records;
    refs = result.refs;
    results.push(result);
  }
  return { data, results };
};
