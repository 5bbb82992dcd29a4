/**
 * Whether a chart's labels keep apart, as the browser lays them out: each label's box (getBBox, in the
 * drawing's units, the font's full line height) against every other label of the same drawing.
 */

export interface LabelBox {
  /** The class of the drawing the label is in (`km-chart`, `bullet`, `trend`) and its place among them. */
  readonly chart: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The drawing's own size (its viewBox), which a label must stay inside or be cut off. */
  readonly frame: { readonly width: number; readonly height: number };
}

/** A page script (as text: this project's types have no DOM) giving the box of every label in `svgSelector`. */
export const labelBoxesScript = (svgSelector: string): string => `(() =>
  [...document.querySelectorAll(${JSON.stringify(svgSelector)})].flatMap((svg, i) =>
    [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      const frame = { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height };
      return { chart: svg.getAttribute('class') + ' #' + i, text: t.textContent, x: b.x, y: b.y, width: b.width, height: b.height, frame };
    })))()`;

/** How far apart two boxes are: across or down, whichever way they clear each other; below 0 they overlap. */
function gapBetween(a: LabelBox, b: LabelBox): number {
  const across = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width));
  const down = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.max(across, down);
}

/** Each pair of labels of one drawing closer than `minGap`, as `chart: "a" and "b" 1.2 apart`. */
export function crowdedLabels(boxes: readonly LabelBox[], minGap: number): string[] {
  const crowded: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const gap = gapBetween(a, b);
      if (a.chart === b.chart && gap < minGap) crowded.push(`${a.chart}: "${a.text}" and "${b.text}" ${gap.toFixed(1)} apart`);
    }
  });
  return crowded;
}

/** Each label that runs past its drawing's edge, as `chart: "a" at x -3.7 … 42.0, y 2.9 … 21.8 in 640 × 260`. */
export function labelsOutsideFrame(boxes: readonly LabelBox[]): string[] {
  return boxes
    .filter((b) => b.x < 0 || b.y < 0 || b.x + b.width > b.frame.width || b.y + b.height > b.frame.height)
    .map((b) => `${b.chart}: "${b.text}" at x ${b.x.toFixed(1)} … ${(b.x + b.width).toFixed(1)}, y ${b.y.toFixed(1)} … ` +
      `${(b.y + b.height).toFixed(1)} in ${b.frame.width} × ${b.frame.height}`);
}
