/**
 * Progress of a long run on stderr: the dataset being read and the rows read so far, on one line
 * rewritten with `\r`. The CLI enables it only when stderr is a terminal and the output is not
 * machine-read (json, junit, github, csv), so it never reaches a file, a pipe or CI logs. It stays
 * silent for the first second, so a quick run prints nothing, then updates at most four times a second:
 * writing to a terminal for every row would cost more than reading the row.
 */

/** The part of a stream the reporter writes to; `columns` (a TTY's width) keeps the line from wrapping. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly columns?: number | undefined;
}

export interface Progress {
  readonly enabled: boolean;
  /** `count` is the running total of rows read from `dataset`. */
  onRows(dataset: string, count: number): void;
  /** Erases the line (when one was written); later calls do nothing. */
  done(): void;
}

export interface ProgressOptions {
  /** The clock, in ms (default `Date.now`). */
  readonly now?: () => number;
  /** Nothing is shown before this many ms have passed since creation (default 1000). */
  readonly delayMs?: number;
  /** Smallest time between two updates (default 250: at most 4 a second). */
  readonly intervalMs?: number;
}

/** `\r` returns to the start of the line; ESC[K erases what a longer earlier line left after it. */
const ERASE_TO_END = '\u001b[K';

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

export const progressLine = (dataset: string, count: number, total: number): string =>
  `ops-metrics: reading ${dataset}, ${grouped(count)} rows (${grouped(total)} in all)`;

const DISABLED: Progress = { enabled: false, onRows: () => {}, done: () => {} };

export function createProgress(stream: ProgressStream, enabled: boolean, options: ProgressOptions = {}): Progress {
  if (!enabled) return DISABLED;
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 250;
  const firstAt = now() + (options.delayMs ?? 1000);
  const counts = new Map<string, number>();
  let lastWrite = -Infinity;
  let shown = false;
  let finished = false;

  return {
    enabled: true,
    onRows(dataset, count) {
      if (finished) return;
      counts.set(dataset, count);
      const time = now();
      if (time < firstAt || time - lastWrite < interval) return;
      let total = 0;
      for (const rows of counts.values()) total += rows;
      const line = progressLine(dataset, count, total);
      const width = stream.columns;
      stream.write(`\r${width !== undefined && width > 1 ? line.slice(0, width - 1) : line}${ERASE_TO_END}`);
      lastWrite = time;
      shown = true;
    },
    done() {
      if (finished) return;
      finished = true;
      if (shown) stream.write(`\r${ERASE_TO_END}`);
    },
  };
}

/** How often `withRowCount` reports: often enough for 4 updates a second, rarely enough to cost nothing. */
export const ROWS_PER_REPORT = 1024;

/**
 * The items of `items` (rows, or batches of rows — told apart with `Array.isArray`), unchanged,
 * reporting the running count of rows to `progress` each time it passes a multiple of
 * `ROWS_PER_REPORT`, and at the end. Over rows one by one it adds an async step per row: wrap rows
 * with it only when `progress.enabled`; over batches the step is per batch.
 */
export async function* withRowCount<T>(items: AsyncIterable<T>, dataset: string, progress: Progress): AsyncGenerator<T> {
  let count = 0;
  for await (const item of items) {
    const before = count;
    count += Array.isArray(item) ? item.length : 1;
    // A batch can pass several multiples at once: one report is enough.
    if (Math.floor(count / ROWS_PER_REPORT) > Math.floor(before / ROWS_PER_REPORT)) progress.onRows(dataset, count);
    yield item;
  }
  progress.onRows(dataset, count);
}
