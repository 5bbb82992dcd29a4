/**
 * How many cases each property runs. CI runs a small bounded number (the suite stays fast); the long
 * campaign (`npm run fuzz`, scripts/fuzz.mjs) raises them through the environment:
 * `FUZZ_RUNS` for the readers and schemas, `FUZZ_PRESET_RUNS` per vendor preset, `FUZZ_REPORTER_RUNS` per
 * output format, `FUZZ_CLI_RUNS` for the properties that spawn the built command.
 * `FUZZ_SEED` replays a campaign; every run of a property is counted for the campaign's summary.
 */
import { appendFileSync } from 'node:fs';

const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** Cases per in-process property (readers, validation, reporters). */
export const FUZZ_RUNS = fromEnv('FUZZ_RUNS', 60);
/** Cases per property that spawns the CLI (each spawn costs about half a second). */
export const FUZZ_CLI_RUNS = fromEnv('FUZZ_CLI_RUNS', 6);
/** Cases per vendor preset (the whole load stage runs per case, about 10 ms). */
export const FUZZ_PRESET_RUNS = fromEnv('FUZZ_PRESET_RUNS', 25);
/** Cases per output format (a whole report is rendered per case). */
export const FUZZ_REPORTER_RUNS = fromEnv('FUZZ_REPORTER_RUNS', 30);

const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** fast-check parameters: the run count, and the campaign's seed when one is given. */
export const runs = (numRuns: number): { numRuns: number; seed?: number } =>
  seed === undefined || !Number.isInteger(seed) ? { numRuns } : { numRuns, seed };

const counts = new Map<string, number>();

/**
 * Counts one executed case of `target`. With `FUZZ_SUMMARY` set (the campaign sets it to a file), the
 * totals are appended there as JSON lines when `flushCounts` runs, so the campaign can say how many
 * cases each reader really ran.
 */
export const countCase = (target: string): void => {
  counts.set(target, (counts.get(target) ?? 0) + 1);
};

export const flushCounts = (): void => {
  const file = process.env.FUZZ_SUMMARY;
  if (file === undefined || file === '') return;
  for (const [target, cases] of counts) appendFileSync(file, `${JSON.stringify({ target, cases })}\n`);
  counts.clear();
};
