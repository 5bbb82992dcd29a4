import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/stats/wilson.js';

describe('wilson', () => {
  // Published 95% Wilson score intervals (Newcombe 1998, Table I style; z = 1.96).
  it.each([
    { k: 0, n: 10, lo: 0, hi: 0.2775 },
    { k: 10, n: 10, lo: 0.7225, hi: 1 },
    { k: 7, n: 20, lo: 0.1812, hi: 0.5671 },
  ])('$k of $n → [$lo, $hi]', ({ k, n, lo, hi }) => {
    const ci = wilson(k, n)!;
    expect(ci[0]).toBeCloseTo(lo, 4);
    expect(ci[1]).toBeCloseTo(hi, 4);
  });

  it('never leaves [0, 1] at the ends', () => {
    // 0 of n and n of n: centre − half and centre + half are 0 and 1 up to float noise, clamped exactly.
    for (const n of [1, 3, 7, 50, 1000]) {
      expect(wilson(0, n)![0]).toBe(0);
      expect(wilson(n, n)![1]).toBe(1);
    }
  });

  it('is symmetric: the interval of k of n mirrors that of n − k of n', () => {
    // 7/20 → [0.1812, 0.5671], so 13/20 → [1 − 0.5671, 1 − 0.1812] = [0.4329, 0.8188].
    const [lo, hi] = wilson(13, 20)!;
    expect(lo).toBeCloseTo(0.4329, 4);
    expect(hi).toBeCloseTo(0.8188, 4);
  });

  it('has no interval for an empty base', () => {
    expect(wilson(0, 0)).toBeNull();
  });
});
