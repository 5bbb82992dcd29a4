/**
 * Figures are rounded to 6 decimal places before they are compared or shown, so the same data read in
 * another row order (float sums in another order) gives the same bytes and lands on the same side of
 * every target and threshold.
 */
export const roundFigure = (x: number): number => {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
};
