/**
 * A command on a large data folder (`report`, `validate`) run in a worker thread whose young generation is
 * bounded. V8 sizes a heap's young generation when the heap is made, up to 32 MiB of semi-spaces on 64-bit,
 * and the main thread's heap is made with the process: `--max-semi-space-size` given to `node` bounds it,
 * but the tool's bin is started by npm's shim or as `node bin/ops-metrics.js`, and nothing done later
 * shrinks it. A worker's heap is made when the worker starts, with the limits it is given. So once a
 * command finds its files this large (before it reads any), the main thread starts the same command line
 * in a worker and only passes its output on: its own heap stays as small as the start-up left it.
 *
 * Measured on the large bench folder (548 MiB), alternating runs: `report --format json` peaked at 191–192
 * MiB on the main thread and 178–180 in a worker with 12 MiB of young generation (10 MiB: 177, 16: 184,
 * 24: 181, and 4: 176 for 1.7× the CPU time), `validate` at 182–188 and 164–174; CPU and wall time within
 * the runs' spread, output the same to the byte. The survey's worker (survey-worker.ts) is then started by
 * this one, as by the main thread.
 */
import { existsSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ExitCode } from './exit-code.js';
import { whenDrained, type Io } from './io.js';
import { adoptTimeZoneInWorker } from './local-zone.js';
import { removeOnSignal } from './remove-on-signal.js';
import { temporaryFileOf, writesThroughTemporary } from './write-output.js';

/**
 * From this size of the files the command's own thread reads (a survey file given a worker of its own,
 * survey-worker.ts, does not count) on, a command runs in a worker: such files fill the main thread's
 * young generation. Below it, starting the worker (30–80 ms, the bundle compiled again, ~14 MiB for a
 * heap of its own) is most of what it changes: a folder holding little but its survey peaked at 97–98
 * MiB on the main thread and 111–113 with the worker. The bench's medium folder reads 117 MiB besides its
 * survey (peak 162 → 151 MiB with the worker in the bench), the large one 234 MiB (191 → 182).
 */
export const COMMAND_WORKER_MIN_BYTES = 64 * 1024 * 1024;

/** The worker's young generation, in MiB (see above). */
export const COMMAND_YOUNG_GENERATION_MB = 12;

/** loadInputs's `handOff`: files of COMMAND_WORKER_MIN_BYTES or more to read on this thread go to a worker, when `io` can start one. */
export const handOffFor = (io: Io) => (bytes: number): boolean => io.runElsewhere !== undefined && bytes >= COMMAND_WORKER_MIN_BYTES;

/** What marks the data of a worker thread started to run a command line. */
const RUN_TASK_KIND = 'ops-metrics/run';

/** What the worker is told of the main thread's run: the command line, and what the worker cannot find out for itself. */
export interface RunTask {
  readonly argv: readonly string[];
  /** The clock as the main thread read it, so the default period is the one it chose. */
  readonly now: number;
  /** Whether standard output is a terminal (a worker's own streams never are). */
  readonly isTty: boolean;
  /** Whether standard error is a terminal, where progress is shown, and its width when known. */
  readonly progress: false | { readonly columns: number | undefined };
}

interface TaskData extends RunTask {
  readonly kind: typeof RUN_TASK_KIND;
}

/** From the worker: its output and error in the order written, then its exit code. */
type WorkerMessage =
  | { readonly type: 'out'; readonly text: string }
  | { readonly type: 'err'; readonly text: string }
  | { readonly type: 'done'; readonly code: ExitCode };
/** To the worker: an `out` message has been passed on, and standard output has drained. */
type HostMessage = { readonly type: 'drained' };

const isTask = (data: unknown): data is TaskData =>
  typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === RUN_TASK_KIND;

/**
 * How long a signal waits for the worker to stop before the file is removed and the process ends
 * anyway: a worker blocked in a write (a full disk, a slow mount) cannot be stopped until it returns,
 * and a signal must still end the run.
 */
const STOP_WAIT_MS = 250;

/** How long a worker that has reported its exit code is given to end by itself before it is stopped. */
const DONE_WAIT_MS = 1000;

/**
 * Runs `task.argv` in a worker thread running the CLI bundle (`workerScript`) and resolves with its exit
 * code once its output is passed on to `out` and `err`. The two come through one channel in the order the
 * worker wrote them (two streams would each keep their own order, and a warning could land after the
 * report it precedes), and the worker writes its next piece of output only once `out` has drained.
 *
 * While it runs, a signal that ends the process stops the worker, removes the temporary file beside an
 * `--output` file (see remove-on-signal.ts) and ends the process by the same signal: a worker is sent no
 * signals, so the guard it sets in writing the file is this thread's to keep, and the worker is stopped
 * first so that it cannot make or rename the file after. An error that ends the worker is passed on as
 * the error of this run, and the temporary file it may have left is removed.
 */
export async function runInWorker(workerScript: string, task: RunTask, sinks: { readonly out: Writable; readonly err: Writable; readonly output: string | undefined }): Promise<ExitCode> {
  const { Worker } = await import('./threads.js');
  const data: TaskData = { kind: RUN_TASK_KIND, ...task };
  const worker = new Worker(`require(${JSON.stringify(workerScript)}).runInThread();`, {
    eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: COMMAND_YOUNG_GENERATION_MB },
  });
  // Set before the worker can have made the file (it has not run yet). What is written in place (a pipe,
  // a device) has no temporary file, and a signal must not wait on a worker blocked writing to it. A
  // temporary file already there is another run's (one with this pid, in another container): the worker
  // writes in place then, as the main thread would, and that file is not this run's to remove.
  const temporary = sinks.output !== undefined && writesThroughTemporary(sinks.output) && !existsSync(temporaryFileOf(sinks.output))
    ? temporaryFileOf(sinks.output)
    : undefined;
  const stopped = (): Promise<unknown> => Promise.race([worker.terminate(), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
  const release = temporary === undefined ? undefined : removeOnSignal(temporary, process, stopped);
  try {
    return await new Promise<ExitCode>((resolve, reject) => {
      let failure: unknown;
      let code: ExitCode | undefined;
      worker.on('message', (message: WorkerMessage) => {
        switch (message.type) {
          case 'out':
            sinks.out.write(message.text);
            void whenDrained(sinks.out).then(() => worker.postMessage({ type: 'drained' } satisfies HostMessage));
            return;
          case 'err':
            sinks.err.write(message.text);
            return;
          case 'done':
            code = message.code;
            // Its work is over: what it wrote past its Io (a Node warning) still comes through as it ends,
            // and whatever it might still hold open keeps this run waiting a second at most.
            setTimeout(() => void worker.terminate(), DONE_WAIT_MS).unref();
        }
      });
      worker.on('error', (error) => {
        failure ??= error;
      });
      worker.on('exit', (exitCode) => {
        if (code !== undefined) {
          resolve(code);
          return;
        }
        try {
          if (temporary !== undefined) rmSync(temporary, { force: true });
        } catch {
          // The error told is the worker's, not a file that cannot be removed.
        }
        reject(failure ?? new Error(`the command's worker stopped (exit ${exitCode}) before it finished`));
      });
    });
  } finally {
    await release?.();
  }
}

/**
 * In a worker started by `runInWorker`: its command line, the Io to run it with (its output and error
 * sent to the main thread in order), and `finish`, which hands the exit code back after them; anywhere
 * else undefined.
 */
export async function runTask(processIo: () => Io): Promise<{ argv: readonly string[]; io: Io; finish: (code: ExitCode) => void } | undefined> {
  const { isMainThread, parentPort, workerData } = await import('./threads.js');
  if (isMainThread || parentPort === null || !isTask(workerData)) return undefined;
  const port = parentPort;
  const post = (message: WorkerMessage): void => port.postMessage(message);
  // Output sent and not yet passed on: the next piece waits until the main thread's output has drained.
  let unacknowledged = 0;
  let drainedWaiters: (() => void)[] = [];
  const onHostMessage = (message: HostMessage): void => {
    if (message.type !== 'drained' || --unacknowledged > 0) return;
    const waiters = drainedWaiters;
    drainedWaiters = [];
    for (const wake of waiters) wake();
  };
  port.on('message', onHostMessage);
  const err = (text: string): void => post({ type: 'err', text });
  const io: Io = {
    ...processIo(),
    now: () => workerData.now,
    isTty: workerData.isTty,
    out: (text) => {
      unacknowledged += 1;
      post({ type: 'out', text });
    },
    outDrained: () => (unacknowledged === 0 ? Promise.resolve() : new Promise((resolve) => drainedWaiters.push(resolve))),
    err,
    progressStream: workerData.progress === false ? undefined : { write: err, columns: workerData.progress.columns },
    adoptTimeZone: adoptTimeZoneInWorker,
    // Already in the worker.
    runElsewhere: undefined,
  };
  return {
    argv: workerData.argv,
    io,
    finish: (code) => {
      // No longer listening, so the port keeps the thread alive no more.
      port.off('message', onHostMessage);
      post({ type: 'done', code });
    },
  };
}
