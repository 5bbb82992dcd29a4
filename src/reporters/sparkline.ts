/** A one-line trend of figures, oldest first, for the `trend` column of the text formats. */

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const GAP = ' ';

/**
 * One bar per value, scaled between the smallest and largest value shown; a missing value is a space.
 * A flat series sits mid-height: with no spread there is no "low" or "high" to show.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return values.map(() => GAP).join('');
  const low = Math.min(...present);
  const spread = Math.max(...present) - low;
  const top = BARS.length - 1;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return GAP;
      const level = spread === 0 ? Math.floor(top / 2) : Math.round(((v - low) / spread) * top);
      return BARS[level] ?? GAP;
    })
    .join('');
}
