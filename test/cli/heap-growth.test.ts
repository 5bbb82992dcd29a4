import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { COLLECT_BETWEEN_STEPS_BYTES, HEAP_GROWING_PERCENT, ONE_THREAD_MIN_BYTES, fullCollection, heapGrowthFlag, oneThreadFor, youngGenerationFlag } from '../../src/cli/heap-growth.js';
import type { Io } from '../../src/cli/io.js';
import { LARGE_INPUT_BYTES, loadInputs } from '../../src/cli/load-inputs.js';
import { main } from '../../src/cli/main.js';

describe('heapGrowthFlag', () => {
  it('asks V8 to let the heap grow by a fifth between full collections', () => {
    expect(HEAP_GROWING_PERCENT).toBe(20);
    expect(heapGrowthFlag([])).toBe('--heap-growing-percent=20');
    // Other node options are no reason to hold back.
    expect(heapGrowthFlag(['--enable-source-maps', '--max-old-space-size=4096'])).toBe('--heap-growing-percent=20');
  });

  it('leaves a growth the user gave node alone, in either spelling', () => {
    expect(heapGrowthFlag(['--heap-growing-percent=50'])).toBeUndefined();
    expect(heapGrowthFlag(['--heap-growing-percent', '50'])).toBeUndefined();
    expect(heapGrowthFlag(['--heap_growing_percent=50'])).toBeUndefined();
  });
});

describe('youngGenerationFlag', () => {
  it('asks V8 never to grow the young generation', () => {
    expect(youngGenerationFlag([])).toBe('--semi-space-growth-factor=1');
    expect(youngGenerationFlag(['--enable-source-maps', '--max-old-space-size=4096', '--heap-growing-percent=50'])).toBe('--semi-space-growth-factor=1');
  });

  it('leaves the young generation alone when the user sized it for node, in either spelling', () => {
    for (const given of [['--semi-space-growth-factor=4'], ['--max-semi-space-size=64'], ['--max_semi_space_size', '64'], ['--min-semi-space-size=16']]) {
      expect(youngGenerationFlag(given)).toBeUndefined();
    }
  });
});

describe('oneThreadFor', () => {
  it('caps the young generation and says yes from ONE_THREAD_MIN_BYTES (64 MiB) of files other than the survey', async () => {
    expect(ONE_THREAD_MIN_BYTES).toBe(64 * 1024 * 1024);
    const capYoungGeneration = vi.fn(() => Promise.resolve());
    expect(await oneThreadFor({ capYoungGeneration })(ONE_THREAD_MIN_BYTES)).toBe(true);
    expect(capYoungGeneration).toHaveBeenCalledTimes(1);
  });

  it('says no, capping nothing, one byte below it or where the young generation cannot be capped (tests)', async () => {
    const capYoungGeneration = vi.fn(() => Promise.resolve());
    expect(await oneThreadFor({ capYoungGeneration })(ONE_THREAD_MIN_BYTES - 1)).toBe(false);
    expect(capYoungGeneration).not.toHaveBeenCalled();
    expect(await oneThreadFor({})(ONE_THREAD_MIN_BYTES)).toBe(false);
  });
});

describe('loadInputs: the heap tuned only for a large folder', () => {
  const folder = (bytes: number): string => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-heap-'));
    const path = join(dir, 'trainings.json');
    writeFileSync(path, '[{"employee_id":"E1","course":"c","completed_on":"2026-01-10"}]');
    // A sparse file: its size without writing its bytes (only its size is looked at before the call).
    if (bytes > 0) truncateSync(path, bytes);
    return dir;
  };
  const load = (dir: string, whenLarge: () => Promise<void>) => loadInputs({ dataDir: dir, configFlag: undefined, cwd: dir, whenLarge });

  it('is asked for from LARGE_INPUT_BYTES (16 MiB) on, before any file is read', async () => {
    expect(LARGE_INPUT_BYTES).toBe(16 * 1024 * 1024);
    const stop = new Error('asked before reading');
    await expect(load(folder(LARGE_INPUT_BYTES), () => Promise.reject(stop))).rejects.toBe(stop);
  });

  it('is not asked for one byte below it', async () => {
    const whenLarge = vi.fn(() => Promise.resolve());
    // 16 MiB − 1 of JSON followed by NUL bytes: the reader stops at the first NUL, without the call.
    await load(folder(LARGE_INPUT_BYTES - 1), whenLarge);
    expect(whenLarge).not.toHaveBeenCalled();
  });
});

describe('report: a full collection before each step of a large run', () => {
  const training = '[{"employee_id":"E1","course":"c","completed_on":"2026-01-10"}]';
  const folder = (padding: number): string => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-steps-'));
    // Valid JSON however long: whitespace may follow the array.
    writeFileSync(join(dir, 'trainings.json'), `${training}${' '.repeat(padding)}`);
    writeFileSync(join(dir, 'ops-metrics.config.json'), '{ "timezone": "UTC" }');
    return dir;
  };
  const run = async (dir: string) => {
    const collect = vi.fn();
    const fullCollection = vi.fn(() => Promise.resolve(collect));
    const tuneForLargeInput = vi.fn(() => Promise.resolve());
    const capYoungGeneration = vi.fn(() => Promise.resolve());
    let out = '';
    const io: Io = {
      cwd: dir, env: {}, isTty: false, progressStream: undefined, now: () => Date.parse('2026-11-25T12:00:00Z'),
      out: (text) => { out += text; }, err: () => {}, tuneForLargeInput, fullCollection, capYoungGeneration,
    };
    const code = await main(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--fail-on', 'never'], io);
    return { code, tuneForLargeInput, fullCollection, capYoungGeneration, collect, report: JSON.parse(out) as { metrics: unknown[]; redFlags: unknown[] } };
  };

  it('collects after each file is read and before each of the 8 metrics and 6 red flags when the files hold 128 MiB or more', async () => {
    expect(COLLECT_BETWEEN_STEPS_BYTES).toBe(128 * 1024 * 1024);
    const { code, tuneForLargeInput, fullCollection, collect, report } = await run(folder(COLLECT_BETWEEN_STEPS_BYTES));
    expect(code).toBe(0);
    expect([tuneForLargeInput.mock.calls.length, fullCollection.mock.calls.length]).toEqual([1, 1]);
    expect([report.metrics.length, report.redFlags.length]).toEqual([8, 6]);
    // One file (the trainings), then 14 steps.
    expect(collect).toHaveBeenCalledTimes(1 + 14);
  });

  it('caps the young generation from 64 MiB of files, and not below', async () => {
    // The file's size: the array, then the padding.
    const [below, at] = [await run(folder(ONE_THREAD_MIN_BYTES - training.length - 1)), await run(folder(ONE_THREAD_MIN_BYTES - training.length))];
    expect([below.code, below.capYoungGeneration.mock.calls.length]).toEqual([0, 0]);
    expect([at.code, at.capYoungGeneration.mock.calls.length]).toEqual([0, 1]);
    // The same report either way.
    expect(at.report).toEqual(below.report);
  });

  it('only tunes V8 for a large folder from 16 MiB, and collects in full only from 128 MiB', async () => {
    const justLarge = await run(folder(LARGE_INPUT_BYTES));
    expect([justLarge.code, justLarge.tuneForLargeInput.mock.calls.length, justLarge.fullCollection.mock.calls.length]).toEqual([0, 1, 0]);
    const small = await run(folder(0));
    expect([small.code, small.tuneForLargeInput.mock.calls.length, small.fullCollection.mock.calls.length]).toEqual([0, 0, 0]);
  });
});

describe('fullCollection', () => {
  it('hands out V8 full collection, which node hides unless started with --expose-gc', async () => {
    const collect = await fullCollection();
    // A ReferenceError here if `gc` were not in the context made after the flag was set.
    expect(() => collect()).not.toThrow();
    expect(collect.name).toBe('gc');
  });
});
