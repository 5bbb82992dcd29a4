/**
 * How soon V8 sends a hot function to its optimising compiler. dist/cli-entry.cjs raises the budget of
 * bytecode a function runs first to four times V8's own before it compiles the bundle, since on a small
 * folder that compiler's work mostly comes too late to pay back (see there). A large folder is read with V8's own budget
 * again: there the late tier-up cost the bench's large report ~3 % of its time (medians of six alternating
 * runs, 29.2 against 30.2 s).
 */

/** V8's interrupt budget on Node 20 (V8 11.3): 66 KiB of bytecode. */
export const V8_INTERRUPT_BUDGET = 66 * 1024;

/** The V8 the entry raises the budget on (its `TUNED_FOR_V8`): Node 20's. Others keep their own throughout. */
const TUNED_FOR_V8 = '11.3.';

/** The same test as dist/cli-entry.cjs's: node was started with a budget of its own. */
const BUDGET_FLAG = /^--interrupt[-_]budget(=|$)/;

/**
 * The V8 flag that restores V8's budget; undefined when the entry left the budget alone: on another V8
 * than `v8Version` says, or when node was started with a budget of its own (`execArgv`).
 */
export const usualTierUpFlag = (execArgv: readonly string[], v8Version: string): string | undefined =>
  !v8Version.startsWith(TUNED_FOR_V8) || execArgv.some((arg) => BUDGET_FLAG.test(arg)) ? undefined : `--interrupt-budget=${V8_INTERRUPT_BUDGET}`;

/** Sets the flag for this process; V8 reads it each time it resets a function's budget. */
export async function tierUpAsUsual(): Promise<void> {
  const flag = usualTierUpFlag(process.execArgv, process.versions.v8);
  if (flag !== undefined) (await import('./v8-flags.js')).setFlagsFromString(flag);
}
