/**
 * The survey file validated on the machine's second core while the main thread validates the rest. A
 * survey export is the largest input (millions of answers), refers to no other dataset and folds into a
 * small summary, so it is the one file worth a thread: the worker reads and validates it exactly as the
 * main thread would (validate-source.ts) and sends back the folded summary, the problems and the counts.
 *
 * The worker loads the CLI bundle itself (`workerScript`, the bundle's own file) and calls its
 * `runWorkerTask` export; without a bundle (the test suite runs the sources) every file stays on the main
 * thread.
 */
import type { Config } from '../core/config.js';
import { SurveySummary } from '../core/survey-summary.js';
import { InputError, type RowsReadBefore } from '../core/problems.js';
import type { DatasetSource } from '../load/discover.js';
import { canonicalPreset, findPreset } from '../presets/index.js';
import type { DatasetValidation } from '../validate/index.js';
import type { Progress } from './progress.js';
import { validateSource } from './validate-source.js';

/** What marks the data of a worker thread started to validate the survey file. */
const SURVEY_TASK_KIND = 'ops-metrics/validate-survey';

/** Smaller survey files are validated inline: starting a thread costs more than it saves on them. */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

/**
 * The worker's young generation, in MiB. A survey row makes only short-lived garbage (its cells, its
 * record) and the summary it folds into is small, so the default young generation of a 64-bit heap (up to
 * 48 MiB, grown as it is used) filled with garbage while the main thread held every other dataset: the
 * large bench report's peak, reached while the worker ran, fell from 253 to 234 MiB with 8, and once the
 * columns were narrower the medium one from 198–204 to 178–181 MiB, for ~3–10 % more wall time (the main
 * thread waits for the survey at the end). With 4 it fell further but took a third more CPU time.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

interface WorkerTask {
  readonly kind: typeof SURVEY_TASK_KIND;
  readonly source: DatasetSource;
  readonly config: Config;
  /** The preset's name (a vendor's, or the canonical layout's when only a date format is set). */
  readonly preset: string | undefined;
  readonly keepRecords: boolean;
  /** Problems kept of the file (Infinity for every one: a structured clone carries it). */
  readonly problemCap?: number | undefined;
  readonly progress: boolean;
}

type Validation = DatasetValidation<'survey'>;
/** What the worker gives back: a survey adds no ids to check against, so it carries no `refs`. */
export type WorkerValidation = Omit<Validation, 'refs'>;
type SentValidation = Omit<WorkerValidation, 'records'> & { readonly records: ReturnType<SurveySummary['transferable']> };

type WorkerMessage =
  | { readonly type: 'rows'; readonly count: number }
  | { readonly type: 'done'; readonly result: SentValidation }
  | { readonly type: 'input-error'; readonly error: { code: string; file: string; message: string; hint: string | undefined; line: number; column: string; readBefore: RowsReadBefore | undefined } }
  | { readonly type: 'failed'; readonly message: string; readonly stack: string | undefined };

const isTask = (data: unknown): data is WorkerTask =>
  typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === SURVEY_TASK_KIND;

/** Validates `source` (a survey file) in a worker running `workerScript`; resolves as validateSource would, less `refs`. */
export async function validateInWorker(
  workerScript: string,
  task: { source: DatasetSource; config: Config; preset: string | undefined; keepRecords: boolean; problemCap?: number | undefined },
  progress: Progress | undefined,
): Promise<WorkerValidation> {
  const data: WorkerTask = { kind: SURVEY_TASK_KIND, ...task, progress: progress?.enabled === true };
  const { Worker } = await import('./threads.js');
  return new Promise((resolve, reject) => {
    // Loaded by a line of code rather than run as the main script, so the bundle's entry need not ask
    // whether it is in a worker (and load node:worker_threads on every start-up to do so).
    const worker = new Worker(`require(${JSON.stringify(workerScript)}).runWorkerTask();`, { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'rows':
          progress?.onRows(task.source.dataset, message.count);
          return;
        case 'done': {
          const { records, ...rest } = message.result;
          settle(() => resolve({ ...rest, records: SurveySummary.fromTransfer(records) }));
          return;
        }
        case 'input-error': {
          const e = message.error;
          settle(() => reject(new InputError(e.code, e.file, e.message, e.hint, e.line, e.column, e.readBefore)));
          return;
        }
        case 'failed': {
          const error = new Error(message.message);
          if (message.stack !== undefined) error.stack = message.stack;
          settle(() => reject(error));
        }
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the survey worker stopped (exit ${code}) before it finished`))));
  });
}

async function validateTask(task: WorkerTask, post: (message: WorkerMessage) => void): Promise<void> {
  const canonical = canonicalPreset('survey');
  const preset = task.preset === undefined ? undefined : task.preset === canonical.name ? canonical : findPreset(task.preset);
  const progress: Progress | undefined = task.progress
    ? { enabled: true, onRows: (_dataset, count) => post({ type: 'rows', count }), done: () => {} }
    : undefined;
  try {
    const result = (await validateSource(task.source, task.config, {}, preset, { progress, keepRecords: task.keepRecords, pool: undefined, problemCap: task.problemCap })) as Validation;
    const { records, refs: _refs, ...rest } = result;
    post({ type: 'done', result: { ...rest, records: records.transferable() } });
  } catch (error) {
    if (error instanceof InputError) {
      post({ type: 'input-error', error: { code: error.code, file: error.file, message: error.message, hint: error.hint, line: error.line, column: error.column, readBefore: error.readBefore } });
    } else {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
    }
  }
}

/** In a worker started by `validateInWorker`, runs its task; anywhere else does nothing. */
export async function runWorkerTask(): Promise<void> {
  const { isMainThread, parentPort, workerData } = await import('./threads.js');
  if (isMainThread || parentPort === null || !isTask(workerData)) return;
  const port = parentPort;
  await validateTask(workerData, (message) => port.postMessage(message));
}
