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
