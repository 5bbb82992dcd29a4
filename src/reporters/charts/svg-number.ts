/** Coordinates written into SVG: rounded to 2 decimals, so output is short and identical on every machine. */
export function svgNumber(x: number): string {
  const rounded = Math.round(x * 100) / 100;
  // `Object.is(-0, …)`: "-0" would be a valid but needless difference between equal charts.
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
