import { limitHeapGrowth } from './heap-growth.js';
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
  /** Makes V8 collect garbage sooner as the heap grows, before a data folder is read (see heap-growth.ts); absent in tests. */
  readonly limitHeapGrowth?: (() => Promise<void>) | undefined;
}

/**
 * A reader that stops early (`ops-metrics report | head`) closes the pipe: the rest of the output is not
 * wanted, and is dropped rather than crashing the run, which then ends with its own exit code. Any other
 * failure to write is a plain message and exit code 2.
 */
const tolerateClosedPipe = (stream: NodeJS.WriteStream): NodeJS.WriteStream =>
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    process.stderr.write(`ops-metrics: cannot write the output: ${error.code ?? error.message}\n`);
    process.exit(2);
  });

export const processIo = (): Io => {
  const stdout = tolerateClosedPipe(process.stdout);
  return {
    cwd: process.cwd(),
    env: process.env,
    isTty: process.stdout.isTTY === true,
    progressStream: process.stderr.isTTY === true ? process.stderr : undefined,
    now: () => Date.now(),
    out: (text) => stdout.write(text),
    err: (text) => process.stderr.write(text),
    // The bundle is CommonJS (dist/cli.cjs), where `__filename` is its path; the sources are ES modules.
    workerScript: typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined,
    adoptTimeZone,
    limitHeapGrowth,
  };
};
