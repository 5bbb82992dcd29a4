import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from '../../src/cli/heap-growth.js';
import { LARGE_INPUT_BYTES, loadInputs } from '../../src/cli/load-inputs.js';

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
