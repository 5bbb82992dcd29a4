/**
 * The retention curve's drawing: its size, where the plot sits in it, and how far its labels keep from the
 * axes. The stylesheet sets the labels' size (12 on wide screens, 15 in print, 16 on phones: styles.ts) but
 * the margins are fixed in the drawing, so they are made for the largest of those sizes: at each of them no
 * label touches another or runs off the drawing. Sizes are in the drawing's units, which a CSS font size
 * inside the SVG is also in.
 */

/** The largest size the stylesheet gives the curve's labels; a larger one there needs wider margins here. */
export const KM_LABEL_FONT = 16;

// Room a label takes, in ems, in the roomiest of the system fonts the page asks for (DejaVu Sans, Segoe UI):
// its line box runs 1 em above the baseline and 0.3 em below; "100%", the widest y-axis label, is 2.9 em wide.
const LINE_ABOVE = 1;
const LINE_BELOW = 0.3;
const WIDEST_PERCENT = 2.9;
/** A year label's character, at most (digits are 0.64 em, "y" and "r" less). */
const YEAR_CHAR = 0.65;
/** Between the axes and their labels. */
export const TICK_GAP = 6;
/** Between a label and the edge of the drawing, which cuts off whatever passes it. */
const EDGE = 2;

// Label offsets in ems (given as `dy`, so they hold at every size the stylesheet picks): a y-axis label's
// baseline sits 0.35 em below its gridline, which centres its figures on the line; below the x axis, the year
// labels' baseline is 1 em under the gap (their line box starts at it) and the axis title's 1.5 em under theirs.
export const PERCENT_LABEL_DY = 0.35;
export const YEAR_LABEL_DY = 1;
export const AXIS_TITLE_DY = 2.5;

export const KM_WIDTH = 640;
const TOP = 14;
const PLOT_HEIGHT = 212;
/** Room left of the axis for the widest y-axis label and its gap. */
const LEFT = Math.ceil(EDGE + WIDEST_PERCENT * KM_LABEL_FONT + TICK_GAP);
/** Room under the axis for the gap, the year labels and the axis title. */
const BELOW = Math.ceil(TICK_GAP + (AXIS_TITLE_DY + LINE_BELOW) * KM_LABEL_FONT + EDGE);
export const KM_HEIGHT = TOP + PLOT_HEIGHT + BELOW;
export const PLOT = { left: LEFT, right: KM_WIDTH - 16, top: TOP, bottom: TOP + PLOT_HEIGHT } as const;

/**
 * How a year label is anchored at its tick `x`: the first starts at the axis, clear of the y-axis labels that
 * end left of it; one that would run past the right edge ends at its tick; the rest are centred on it.
 */
export function yearLabelAnchor(year: number, label: string, x: number): 'start' | 'middle' | 'end' {
  if (year === 0) return 'start';
  return x + (label.length * YEAR_CHAR * KM_LABEL_FONT) / 2 > KM_WIDTH - EDGE ? 'end' : 'middle';
}

/** A mark label's character at the largest size (semibold, ~0.6 em), and the height of a row of them. */
export const MARK_CHAR_WIDTH = 0.6 * KM_LABEL_FONT;
export const MARK_ROW = Math.ceil((LINE_ABOVE + LINE_BELOW) * KM_LABEL_FONT) + EDGE;
