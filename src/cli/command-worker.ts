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
 * 24: 181, and 4: 176 for 1.7× the CPU time), `validate` at 182–188 and 164–166; CPU and wall time within
 * the runs' spread, output the same to the byte. The survey's worker (survey-worker.ts) is then started by
 * this one, as by the main thread.
 */
import type { Writable } from 'node:stream';
import type { ExitCode } from './exit-code.js';
import { whenDrained, type Io } from './io.js';
import { adoptTimeZoneInWorker } from './local-zone.js';
import { removeOnSignal } from './remove-on-signal.js';
import { temporaryFileOf } from './write-output.js';

/**
 * From this size of input files on, a command runs in a worker, as from this size a report collects
 * between its steps (heap-growth.ts): a folder this large fills the main thread's young generation, where
 * on a small one starting the worker (~30 ms, the bundle compiled again) is most of what it changes.
 */
export const COMMAND_WORKER_MIN_BYTES = 128 * 1024 * 1024;

/** The worker's young generation, in MiB (see above). */
export const COMMAND_YOUNG_GENERATION_MB = 12;

/** loadInputs's `handOff`: a folder of COMMAND_WORKER_MIN_BYTES or more goes to a worker, when `io` can start one. */
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

type WorkerMessage = { readonly type: 'done'; readonly code: ExitCode };

const isTask = (data: unknown): data is TaskData =>
  typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === RUN_TASK_KIND;

/**
 * Passes what `from` gives on to `to`, waiting for `to` to drain before reading more; once `to` has failed
 * (a reader that stopped early closes the pipe), the rest is read and dropped, as the main thread drops
 * output nobody reads, so the worker never waits on it. Resolves when `from` ends.
 */
function passOn(from: NodeJS.ReadableStream & { destroyed?: boolean }, to: Writable): Promise<void> {
  return new Promise((resolve) => {
    from.on('data', (chunk: Buffer) => {
      if (to.destroyed || to.write(chunk)) return;
      from.pause();
      void whenDrained(to).then(() => from.resume());
    });
    from.on('end', resolve).on('close', resolve);
  });
}

/**
 * Runs `task.argv` in a worker thread running the CLI bundle (`workerScript`) and resolves with its exit
 * code once its output is passed on to `out` and `err`. While it runs, a signal that ends the process
 * first stops the worker and removes the temporary file beside `output` (see remove-on-signal.ts): a
 * worker is sent no signals, so the guard it sets in writing the file is this thread's to keep. An error
 * that ends the worker is passed on as the error of this run.
 */
export async function runInWorker(workerScript: string, task: RunTask, sinks: { readonly out: Writable; readonly err: Writable; readonly output: string | undefined }): Promise<ExitCode> {
  const { Worker } = await import('./threads.js');
  const data: TaskData = { kind: RUN_TASK_KIND, ...task };
  const worker = new Worker(`require(${JSON.stringify(workerScript)}).runInThread();`, {
    eval: true, workerData: data, stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: COMMAND_YOUNG_GENERATION_MB },
  });
  // Set before the worker can have made the file (it has not run yet). The worker is stopped before the
  // file is removed: running beside this thread, it could otherwise rename the file into place, or make
  // it, between the signal and the process's end.
  const release = sinks.output === undefined ? undefined : removeOnSignal(temporaryFileOf(sinks.output), process, () => worker.terminate());
  try {
    return await new Promise<ExitCode>((resolve, reject) => {
      const passed = Promise.all([passOn(worker.stdout, sinks.out), passOn(worker.stderr, sinks.err)]);
      let code: ExitCode | undefined;
      let failure: unknown;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'done') code = message.code;
      });
      worker.on('error', (error) => {
        failure ??= error;
      });
      worker.on('exit', (exitCode) => {
        void passed.then(() => {
          if (code !== undefined) resolve(code);
          else reject(failure ?? new Error(`the command's worker stopped (exit ${exitCode}) before it finished`));
        });
      });
    });
  } finally {
    await release?.();
  }
}

/**
 * In a worker started by `runInWorker`: its command line, the Io to run it with, and `finish`, which
 * hands the exit code back once standard output and error have passed on all that was written; anywhere
 * else undefined.
 */
export async function runTask(processIo: () => Io): Promise<{ argv: readonly string[]; io: Io; finish: (code: ExitCode) => Promise<void> } | undefined> {
  const { isMainThread, parentPort, workerData } = await import('./threads.js');
  if (isMainThread || parentPort === null || !isTask(workerData)) return undefined;
  const port = parentPort;
  const own = processIo();
  const io: Io = {
    ...own,
    now: () => workerData.now,
    isTty: workerData.isTty,
    progressStream: workerData.progress === false ? undefined : { write: (text) => own.err(text), columns: workerData.progress.columns },
    adoptTimeZone: adoptTimeZoneInWorker,
    // Already in the worker.
    runElsewhere: undefined,
  };
  const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));
  return {
    argv: workerData.argv,
    io,
    finish: async (code) => {
      await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
      port.postMessage({ type: 'done', code } satisfies WorkerMessage);
    },
  };
}
