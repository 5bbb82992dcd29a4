import { expect, test } from 'vitest';
import { sparkline } from '../../src/reporters/sparkline.js';

test.each([
  // 1..8 spread over 8 bars: (v − 1) ÷ 7 × 7 = v − 1.
  [[1, 2, 3, 4, 5, 6, 7, 8], '▁▂▃▄▅▆▇█'],
  // 5 is half-way: 0.5 × 7 = 3.5 → bar 4 (▅).
  [[0, 5, 10], '▁▅█'],
  [[0, null, 10], '▁ █'],
  [[null, 3, null], ' ▄ '],
  [[5, 5], '▄▄'],
  [[null], ' '],
  [[], ''],
  [[Number.NaN, 1, 2], ' ▁█'],
] as const)('%j → %j', (values, expected) => {
  expect(sparkline(values)).toBe(expected);
});
