import type { Io } from './io.js';

/**
 * How far V8 lets the heap grow between full collections, for the commands that read a large data folder
 * (see LARGE_INPUT_BYTES in load-inputs.ts).
 *
 * After each full collection V8 lets the old generation grow to up to 4× what was live before it
 * collects again. That suits a server, where live data is small and pauses cost; a report holds its
 * records while it makes short-lived garbage, so the run's peak was mostly garbage waiting for a
 * collection. At 1.5× the large bench report's peak fell from 668–751 to 549–559 MiB, for ~10 % more
 * CPU time; once the records and the model were compact, 1.2× took it from 327–339 to 313–316 MiB
 * for ~5 % more (three alternating runs each). A `--heap-growing-percent` given to node is left alone.
 */
export const HEAP_GROWING_PERCENT = 20;
const FLAG = '--heap-growing-percent';

/** The V8 flag to set, or undefined when node was started with one of its own (`execArgv`). */
export const heapGrowthFlag = (execArgv: readonly string[]): string | undefined =>
  execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`) || arg.startsWith('--heap_growing_percent'))
    ? undefined
    : `${FLAG}=${HEAP_GROWING_PERCENT}`;

/**
 * Sets the flag for this process (V8 reads it at each collection, so setting it now takes effect).
 * `node:v8` is loaded here, not at start-up, where it would cost ~6 ms of every `--help`.
 */
export async function limitHeapGrowth(): Promise<void> {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag !== undefined) (await import('./v8-flags.js')).setFlagsFromString(flag);
}

/**
 * From this size of input files on, a report collects in full between its steps (see fullCollection), and
 * once before the survey's worker starts (see loadInputs). On the large bench folder (548 MiB) each step
 * makes tens of MiB of garbage; on its job history alone (29 MiB) the fourteen collections cost 0.3 s of
 * 2.5 and saved nothing.
 */
export const COLLECT_BETWEEN_STEPS_BYTES = 128 * 1024 * 1024;

/**
 * A full collection, run by a large report between its steps (each metric and red flag). Once the survey's
 * worker no longer ran beside the incidents' ids, the peak of the large bench report was its last steps,
 * each making tens of MiB of garbage on top of the last one's: with a collection before each step, 291–304
 * → 283–287 MiB (three alternating runs each; the medium report's peak, while files are read, is
 * unchanged), for 40–90 ms a collection (longer as the report grows).
 */
export async function fullCollection(): Promise<() => void> {
  return (await import('./v8-flags.js')).exposedGc();
}

/**
 * From this size of the files other than the survey on, a command reads every file on its own thread, the
 * survey too, with the young generation kept at the size start-up left it (see capYoungGeneration).
 */
export const ONE_THREAD_MIN_BYTES = 64 * 1024 * 1024;

const SEMI_SPACE_FLAGS = /^--(semi[-_]space[-_]growth[-_]factor|max[-_]semi[-_]space[-_]size|min[-_]semi[-_]space[-_]size)(=|$)/;

/** The V8 flag that stops the young generation growing, or undefined when node was started with a semi-space flag of its own (`execArgv`). */
export const youngGenerationFlag = (execArgv: readonly string[]): string | undefined =>
  execArgv.some((arg) => SEMI_SPACE_FLAGS.test(arg)) ? undefined : '--semi-space-growth-factor=1';

/**
 * Keeps the young generation at the size it has now. V8 doubles a heap's young generation as objects
 * survive its collections, up to 32 MiB of semi-spaces on 64-bit, and `--max-semi-space-size` bounds it
 * only when given to `node` as it starts (the tool's bin is started by npm's shim or as
 * `node bin/ops-metrics.js`). A growth factor of 1, which V8 reads each time it would grow it, is the one
 * bound a running process can set: the young generation then stays as start-up left it (two semi-spaces
 * of 2 MiB on Node 20, where it may grow to two of 16).
 *
 * A folder of ONE_THREAD_MIN_BYTES used to run in a worker thread made with a 12 MiB young generation, its
 * survey in a second worker: two more heaps, each with the bundle's compiled code. On one thread with the
 * cap, the large bench report (548 MiB), alternating runs: 171.7–173.7 → 150.9–151.7 MiB, the same JSON,
 * for the time the survey no longer runs on the second core (bench/README.md: 148 MiB in the bench with
 * the red flags computed first and a collection after each file).
 */
export async function capYoungGeneration(): Promise<void> {
  const flag = youngGenerationFlag(process.execArgv);
  if (flag !== undefined) (await import('./v8-flags.js')).setFlagsFromString(flag);
}

/**
 * loadInputs's `oneThread`: from ONE_THREAD_MIN_BYTES of files other than the survey on, stops the young
 * generation growing and reads every file on this thread, when `io` can bound it (not in tests).
 */
export const oneThreadFor = (io: Pick<Io, 'capYoungGeneration'>) => async (bytes: number): Promise<boolean> => {
  if (io.capYoungGeneration === undefined || bytes < ONE_THREAD_MIN_BYTES) return false;
  await io.capYoungGeneration();
  return true;
};
