import { fstatSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { capYoungGeneration, fullCollection, limitHeapGrowth } from './heap-growth.js';
import { adoptTimeZone } from './local-zone.js';
import type { ProgressStream } from './progress.js';
import { tierUpAsUsual } from './tier-up.js';

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
  /**
   * Resolves once standard output has passed on what it was given, so a long output written in pieces is
   * not all held in memory behind a slow reader; absent where output is never held (tests).
   */
  readonly outDrained?: (() => Promise<void>) | undefined;
  err(text: string): void;
  /** The CLI bundle's file, which a worker thread can run (see survey-worker.ts); absent when not bundled. */
  readonly workerScript?: string | undefined;
  /** Makes the configured zone the process's own, for speed only (see local-zone.ts); absent in tests. */
  readonly adoptTimeZone?: ((timeZone: string) => void) | undefined;
  /**
   * Tunes V8 for a large data folder, before it is read: garbage collected sooner as the heap grows
   * (see heap-growth.ts), hot code optimised as soon as V8 would by itself (see tier-up.ts); absent in tests.
   */
  readonly tuneForLargeInput?: (() => Promise<void>) | undefined;
  /** V8's full collection, which a large report runs between its steps (see heap-growth.ts); absent in tests. */
  readonly fullCollection?: (() => Promise<() => void>) | undefined;
  /** Stops the young generation growing, for a command that reads a large data folder on one thread (see heap-growth.ts); absent in tests. */
  readonly capYoungGeneration?: (() => Promise<void>) | undefined;
}

/**
 * Standard error closed early (`ops-metrics validate 2>&1 | head`): the problems not read are dropped and
 * the run keeps its own exit code (2 for invalid input), where Node would end it with 1 on the unhandled
 * error. A failure to write there has nowhere to be told, so every write error is dropped.
 */
let guardedStderr: NodeJS.WriteStream | undefined;
export const standardError = (): NodeJS.WriteStream => (guardedStderr ??= process.stderr.on('error', () => {}));

/**
 * A reader that stops early (`ops-metrics report | head`) closes the pipe: the rest of the output is not
 * wanted, and is dropped rather than crashing the run, which then ends with its own exit code. Any other
 * failure to write is a plain message and exit code 2.
 */
const tolerateClosedPipe = (stream: NodeJS.WriteStream): NodeJS.WriteStream =>
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    standardError().write(`ops-metrics: cannot write the output: ${error.code ?? error.message}\n`);
    process.exit(2);
  });

/**
 * At once unless the stream holds more than its buffer for a reader that has not taken it yet; else when
 * the reader has, or when the stream is gone (a closed pipe drops the rest, so nothing is left to wait for).
 */
export const whenDrained = (stream: Writable): Promise<void> => {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
};

/**
 * Whether standard output (1) or error (2) is a terminal, without making its stream when it cannot be:
 * Node makes `process.stdout` on first use, and for a pipe that loads its socket modules (~6 ms for
 * both streams, measured; a run with `--output` may never write to either). A terminal is a character
 * device, so a file or a pipe is known not to be one from `fstat`; a character device (a terminal, or
 * /dev/null) is asked through its stream.
 */
export const isTerminal = (fd: 1 | 2, stream: () => NodeJS.WriteStream, stat: (fd: number) => { isCharacterDevice(): boolean } = fstatSync): boolean => {
  try {
    if (!stat(fd).isCharacterDevice()) return false;
  } catch {
    return false; // a closed descriptor is no terminal; writing to it fails as it would have
  }
  return stream().isTTY === true;
};

/** The process's Io. */
export const processIo = (): Io => {
  let stdout: NodeJS.WriteStream | undefined;
  const out = (): NodeJS.WriteStream => (stdout ??= tolerateClosedPipe(process.stdout));
  const isTty = isTerminal(1, () => process.stdout);
  const progressStream = isTerminal(2, () => process.stderr) ? standardError() : undefined;
  // The bundle is CommonJS (dist/cli.cjs), where `__filename` is its path; the sources are ES modules.
  const workerScript = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
  return {
    cwd: process.cwd(),
    env: process.env,
    isTty,
    progressStream,
    now: () => Date.now(),
    out: (text) => out().write(text),
    // Nothing was written if the stream was never made, so nothing is waiting.
    outDrained: () => (stdout === undefined ? Promise.resolve() : whenDrained(stdout)),
    err: (text) => standardError().write(text),
    workerScript,
    adoptTimeZone,
    tuneForLargeInput: async () => {
      await limitHeapGrowth();
      await tierUpAsUsual();
    },
    fullCollection,
    capYoungGeneration,
  };
};
