import { adoptTimeZone } from './local-zone.js';
import type { ProgressStream } from './progress.js';

/** Everything the commands touch of the outside world, passed in so they can be driven from tests. */
export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTty: boolean;
  /** Standard error when it is a terminal (progress of long runs goes there), else undefined. */
  readonly progressStream: ProgressStream | undefined;
  /** The clock (epoch ms): only the default period depends on it. */
  now(): number;
  out(text: string): void;
  err(text: string): void;
  /** The CLI bundle's file, which a worker thread can run (see survey-worker.ts); absent when not bundled. */
  readonly workerScript?: string | undefined;
  /** Makes the configured zone the process's own, for speed only (see local-zone.ts); absent in tests. */
  readonly adoptTimeZone?: ((timeZone: string) => void) | undefined;
}

export const processIo = (): Io => ({
  cwd: process.cwd(),
  env: process.env,
  isTty: process.stdout.isTTY === true,
  progressStream: process.stderr.isTTY === true ? process.stderr : undefined,
  now: () => Date.now(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // The bundle is CommonJS (dist/cli.cjs), where `__filename` is its path; the sources are ES modules.
  workerScript: typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined,
  adoptTimeZone,
});
