/**
 * The report's temporary file beside `--output` must not outlive a run that is stopped: Ctrl-C (SIGINT),
 * a CI job's timeout (SIGTERM) or a closed terminal (SIGHUP) would end the process where it stands and
 * leave the file behind. While the guard is on, such a signal first removes the file, then ends the
 * process by that same signal, so the shell and CI see the death by signal they would have seen.
 *
 * The handlers are there only while the file may exist: a run that writes no file listens to nothing,
 * and pays nothing at start-up.
 *
 * Node runs a signal's handler only when the event loop turns, never inside synchronous code: whoever
 * holds the guard lets the loop turn between pieces of work (`loopTurn`), and `release` lets it turn
 * before the handlers go, as a signal caught when no handler could run would be dropped with them, and
 * the run would go on as if never stopped.
 */
import { rmSync } from 'node:fs';

/** The signals that end a run from outside; SIGKILL cannot be caught, so it can leave the file behind. */
export const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** What the guard uses of `process` (tests pass their own). */
export interface SignalledProcess {
  readonly pid: number;
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

/** Resolves on the event loop's next turn, once the signals caught so far have had their handlers run. */
export const loopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Until the returned `release` resolves, SIGINT, SIGTERM or SIGHUP removes the file at `path` (if it is
 * there yet) and then ends the process by the same signal.
 */
export function removeOnSignal(path: string, target: SignalledProcess = process): () => Promise<void> {
  const stopListening = (): void => {
    for (const signal of ENDING_SIGNALS) target.off(signal, onSignal);
  };
  const remove = (signal: NodeJS.Signals): void => {
    try {
      rmSync(path, { force: true });
    } catch {
      // A file that cannot be removed is no reason to keep running when asked to stop.
    }
    // With no handler left, the signal raised again does what it would have done without this guard.
    stopListening();
    target.kill(target.pid, signal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    remove(signal);
  }
  for (const signal of ENDING_SIGNALS) target.on(signal, onSignal);
  return async () => {
    // Two turns: an immediate queued while the loop is past its I/O phase runs in that same turn, before
    // the signals caught meanwhile are read; the second comes after a whole turn has read them.
    await loopTurn();
    await loopTurn();
    stopListening();
  };
}
