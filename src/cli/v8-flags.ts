/**
 * node:v8's flag setter and V8's full collection, for heap-growth.ts to import when a command reads a data
 * folder (loading the module costs every start-up ~6 ms). Imported through this module for the reason
 * threads.ts gives.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export { setFlagsFromString };

/** V8's full collection as a function: with `--expose-gc` set, each context made afterwards has `gc`. */
export function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
