/**
 * Where `--output` may write: never over what the run reads. Refused as soon as the data files are found,
 * before any is read (a large folder takes minutes to validate).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/problems.js';
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

/** --output onto an input file or the config would destroy what the output is made from; `what` is the output, in words. */
export function refuseOutputOverInput(output: string | undefined, sources: readonly InputFile[], configPath: string | undefined, cwd: string, what = 'the report'): void {
  if (output === undefined) return;
  const target = resolve(cwd, output);
  const input = sources.find((source) => sameFile(target, source.path));
  if (input !== undefined) throw new UsageError(`--output ${output} is the input file ${input.displayName}: write ${what} elsewhere`);
  if (configPath !== undefined && sameFile(target, configPath)) throw new UsageError(`--output ${output} is the config file: write ${what} elsewhere`);
}
