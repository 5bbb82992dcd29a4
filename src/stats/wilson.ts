/** 95% Wilson score interval for k successes out of n (z = 1.959963984540054). */
const Z = 1.959963984540054;

export function wilson(successes: number, n: number): readonly [number, number] | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0 of n the lower bound is exactly 0 and at n of n the upper bound exactly 1 (centre and half are
  // equal in exact arithmetic); float noise can leave either side of the bound, so set them outright.
  const lower = successes <= 0 ? 0 : Math.max(0, centre - half);
  const upper = successes >= n ? 1 : Math.min(1, centre + half);
  return [lower, upper];
}
