/** A linear scale and "nice" ticks (steps of 1, 2 or 5 × 10^k), the base of every chart here. */

export type Domain = readonly [number, number];

/** Maps `domain` linearly onto `range`; a zero-width domain maps everything to the range's start. */
export function linearScale(domain: Domain, range: Domain): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (x) => (span === 0 ? r0 : r0 + ((x - d0) / span) * (r1 - r0));
}

/** The step of 1, 2 or 5 × 10^k closest above `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

// Ticks are whole multiples of the step; rounding to 12 digits drops binary noise (0.1 × 3 = 0.30000000000000004).
const clean = (x: number): number => Number(x.toPrecision(12)) + 0;

/** `[min, max]` widened outwards to whole steps, about `count` of them. */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
  if (min === max) return max === 0 ? [0, 1] : niceDomain(Math.min(0, min), Math.max(0, max), count);
  const step = niceStep((max - min) / count);
  return [clean(Math.floor(min / step) * step), clean(Math.ceil(max / step) * step)];
}

/** Tick values inside `[min, max]` at a nice step, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const step = niceStep((max - min) / count);
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  return Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step));
}
