/**
 * The progress line: silent when disabled and during the first second, at most one update per 250 ms,
 * `\r`-rewritten, erased at the end, cut to the terminal's width. A fake stream records the writes and
 * a fake clock stands in for time.
 */
import { describe, expect, it } from 'vitest';
import { createProgress, progressLine, withRowCount, type Progress, type ProgressStream } from '../../src/cli/progress.js';

const ERASE = '\u001b[K';

function fakeStream(columns?: number): ProgressStream & { writes: string[] } {
  const writes: string[] = [];
  return { writes, columns, write: (text: string) => writes.push(text) };
}

function fakeClock(start = 0) {
  let time = start;
  return { now: () => time, set: (ms: number) => void (time = ms) };
}

describe('createProgress', () => {
  it('writes nothing when disabled', () => {
    const stream = fakeStream();
    const clock = fakeClock();
    const progress = createProgress(stream, false, { now: clock.now });
    clock.set(5000);
    progress.onRows('survey', 1_000_000);
    progress.done();
    expect(progress.enabled).toBe(false);
    expect(stream.writes).toEqual([]);
  });

  it('stays silent during the first second, so a quick run prints nothing', () => {
    const stream = fakeStream();
    const clock = fakeClock(10_000);
    const progress = createProgress(stream, true, { now: clock.now });
    clock.set(10_999);
    progress.onRows('people', 800);
    progress.done();
    expect(stream.writes).toEqual([]);
  });

  it('updates at most every 250 ms and always shows the latest count', () => {
    const stream = fakeStream();
    const clock = fakeClock();
    const progress = createProgress(stream, true, { now: clock.now });
    // t=1000 shows; 1100 and 1249 are within 250 ms of it; 1250 shows the count given at 1250.
    for (const [time, rows] of [[1000, 1024], [1100, 2048], [1249, 3072], [1250, 4096]] as const) {
      clock.set(time);
      progress.onRows('incidents', rows);
    }
    expect(stream.writes).toEqual([
      `\rops-metrics: reading incidents, 1,024 rows (1,024 in all)${ERASE}`,
      `\rops-metrics: reading incidents, 4,096 rows (4,096 in all)${ERASE}`,
    ]);
  });

  it('adds the rows of the datasets already read to the total', () => {
    const stream = fakeStream();
    const clock = fakeClock();
    const progress = createProgress(stream, true, { now: clock.now, delayMs: 0 });
    progress.onRows('people', 100_000);
    clock.set(300);
    progress.onRows('job_history', 2_500);
    // 100,000 people + 2,500 history rows = 102,500.
    expect(stream.writes.at(-1)).toBe(`\rops-metrics: reading job_history, 2,500 rows (102,500 in all)${ERASE}`);
  });

  it('erases its line once at the end, and ignores rows after it', () => {
    const stream = fakeStream();
    const clock = fakeClock();
    const progress = createProgress(stream, true, { now: clock.now, delayMs: 0 });
    progress.onRows('survey', 5);
    progress.done();
    clock.set(1000);
    progress.onRows('survey', 10);
    progress.done();
    expect(stream.writes).toEqual([`\rops-metrics: reading survey, 5 rows (5 in all)${ERASE}`, `\r${ERASE}`]);
  });

  it("cuts the line to one less than the terminal's width, so it never wraps", () => {
    const stream = fakeStream(20);
    const progress = createProgress(stream, true, { now: () => 0, delayMs: 0 });
    progress.onRows('meetings', 1);
    // The first 19 characters of "ops-metrics: reading meetings, …".
    expect(stream.writes).toEqual([`\rops-metrics: readin${ERASE}`]);
  });
});

describe('progressLine', () => {
  it('groups thousands with commas whatever the locale', () => {
    expect(progressLine('survey', 5_000_000, 12_345_678)).toBe('ops-metrics: reading survey, 5,000,000 rows (12,345,678 in all)');
    expect(progressLine('people', 999, 1000)).toBe('ops-metrics: reading people, 999 rows (1,000 in all)');
  });
});

describe('withRowCount', () => {
  async function* numbers(n: number): AsyncGenerator<number> {
    for (let i = 1; i <= n; i++) yield i;
  }

  it('passes every row through unchanged and reports every 1024 rows and at the end', async () => {
    const calls: Array<[string, number]> = [];
    const progress: Progress = { enabled: true, onRows: (dataset, count) => calls.push([dataset, count]), done: () => {} };
    const seen: number[] = [];
    for await (const row of withRowCount(numbers(2500), 'survey', progress)) seen.push(row);
    expect(seen).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    // 2500 rows: reports at 1024 and 2048, then the final count.
    expect(calls).toEqual([['survey', 1024], ['survey', 2048], ['survey', 2500]]);
  });

  it('counts the rows of batches, reporting once for each multiple of 1024 passed', async () => {
    async function* batches(...sizes: number[]): AsyncGenerator<readonly number[]> {
      for (const size of sizes) yield Array.from({ length: size }, () => 0);
    }
    const calls: number[] = [];
    const progress: Progress = { enabled: true, onRows: (_dataset, count) => calls.push(count), done: () => {} };
    const seen: number[] = [];
    for await (const batch of withRowCount(batches(1000, 30, 3000, 5), 'incidents', progress)) seen.push(batch.length);
    expect(seen).toEqual([1000, 30, 3000, 5]);
    // Running totals: 1000 (no multiple passed), 1030 (passes 1024: reported), 4030 (passes 2048 and
    // 3072: reported once), 4035 (none passed); then the final count, 4035.
    expect(calls).toEqual([1030, 4030, 4035]);
  });

  it('reports 0 for a dataset without rows', async () => {
    const calls: number[] = [];
    const progress: Progress = { enabled: true, onRows: (_dataset, count) => calls.push(count), done: () => {} };
    for await (const row of withRowCount(numbers(0), 'people', progress)) throw new Error(`unexpected row ${row}`);
    expect(calls).toEqual([0]);
  });
});
