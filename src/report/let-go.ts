/**
 * Datasets let go of as a report is made: once no step left needs a dataset, its records can be
 * collected, so a large report's later steps (mentorship, strategic visibility, the red flags) run without
 * the incidents' columns and the action items. Each step reads only the datasets it declares in `needs`
 * (the model is built from people and job history before the first step); a test holds every measure and
 * red flag to that (test/report/let-go.test.ts).
 */
import type { DatasetName, OrgData } from '../core/datasets.js';

/**
 * For each step, given in the order they run as the datasets each needs, the datasets no later step
 * needs: the ones to let go of once it is done.
 */
export function lastNeededBy(steps: readonly (readonly DatasetName[])[]): ReadonlyArray<readonly DatasetName[]> {
  const lastStep = new Map<DatasetName, number>();
  steps.forEach((needs, index) => {
    for (const dataset of needs) lastStep.set(dataset, index);
  });
  const after = steps.map((): DatasetName[] => []);
  for (const [dataset, index] of lastStep) after[index]!.push(dataset);
  return after;
}

/** Drops a dataset from a data object: whoever else holds the object no longer holds the records. */
export function letGo(data: OrgData, dataset: DatasetName): void {
  data[dataset] = undefined;
}
