/**
 * Where `--output` may write: never over what the run reads. Refused as soon as the data files are found,
 * before any is read (a large folder takes minutes to validate).
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DATASET_NAMES } from '../core/datasets.js';
import { UsageError } from '../core/problems.js';
import { isFileOfDataset } from '../load/discover.js';
import type { InputFile } from './load-inputs.js';

/** Whether two paths name one file (a link or another spelling of the path included); false when either is missing. */
export function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * --output onto an input file or the config would destroy what the output is made from; `what` is the
 * output, in words. Into the data folder (`dataDir`) under a dataset's name (`incidents.json` beside
 * `incidents.csv`, `People.csv`), it would be read as that dataset's file by the next run, which then
 * finds two files for one dataset, or takes the report for the data.
 */
export function refuseOutputOverInput(
  output: string | undefined, sources: readonly InputFile[], configPath: string | undefined, cwd: string, what = 'the report', dataDir?: string,
): void {
  if (output === undefined) return;
  const target = resolve(cwd, output);
  const input = sources.find((source) => sameFile(target, source.path));
  if (input !== undefined) throw new UsageError(`--output ${output} is the input file ${input.displayName}: write ${what} elsewhere`);
  if (configPath !== undefined && sameFile(target, configPath)) throw new UsageError(`--output ${output} is the config file: write ${what} elsewhere`);
  const dataset = dataDir === undefined || !sameFile(dirname(target), resolve(cwd, dataDir))
    ? undefined
    : DATASET_NAMES.find((name) => isFileOfDataset(basename(target), name));
  if (dataset !== undefined) {
    throw new UsageError(`--output ${output} is named as a file of the ${dataset} dataset in the data folder, and the next run would read it as that dataset: write ${what} elsewhere, or under another name`);
  }
}
