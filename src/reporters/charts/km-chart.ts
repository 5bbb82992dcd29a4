/**
 * The Kaplan–Meier retention curve: S(t) as steps (flat until an exit, then straight down), ticks where
 * people were censored, and marks at the days a measure reads the curve (365 and 730).
 */
import { xmlText } from '../escape.js';
import {
  AXIS_TITLE_DY, KM_HEIGHT, KM_WIDTH, MARK_CHAR_WIDTH, MARK_ROW, PERCENT_LABEL_DY, PLOT, TICK_GAP, YEAR_LABEL_DY, yearLabelAnchor,
} from './km-layout.js';
import { linearScale } from './scale.js';
import { svgFrame } from './svg-frame.js';
import { svgNumber as n } from './svg-number.js';

type Curve = ReadonlyArray<readonly [number, number]>;

/** S(day): the survival after the last step on or before `day`; 1 before the first exit. */
export function survivalAt(curve: Curve, day: number): number {
  let s = 1;
  for (const [d, value] of curve) if (d <= day) s = value;
  return s;
}

/**
 * Path data of the step curve: from each step, horizontally to the next exit day, then vertically to the
 * survival after it; the last level runs on to `endDay` (the end of follow-up).
 */
export function kmStepPathData(curve: Curve, endDay: number, x: (day: number) => number, y: (s: number) => number): string {
  const [start = [0, 1] as const, ...steps] = curve;
  let d = `M${n(x(start[0]))} ${n(y(start[1]))}`;
  let level = start[1];
  for (const [day, s] of steps) {
    d += `L${n(x(day))} ${n(y(level))}L${n(x(day))} ${n(y(s))}`;
    level = s;
  }
  const lastDay = steps.length > 0 ? steps[steps.length - 1]![0] : start[0];
  if (endDay > lastDay) d += `L${n(x(endDay))} ${n(y(level))}`;
  return d;
}

export interface KmInput {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly curve: Curve;
  readonly censoredAt: readonly number[];
  /** Vertical reference lines, e.g. `{ day: 365, label: '1 year: 92%' }`. */
  readonly marks: ReadonlyArray<{ readonly day: number; readonly label: string }>;
}

const YEAR = 365;

/** The lowest gridline: a tenth below the lowest survival, so a fall of a few points is visible. */
export function survivalFloor(curve: Curve): number {
  const lowest = Math.min(1, ...curve.map(([, s]) => s));
  return Math.max(0, (Math.floor(lowest * 10 + 1e-9) - 1) / 10);
}

export function kmChart(input: KmInput): string {
  // Follow-up ends at the last exit or censoring; the axis shows at least the two years the measures read.
  const endDay = Math.max(0, ...input.curve.map(([d]) => d), ...input.censoredAt);
  // A little room after the last day so its tick is not on the frame; the year labels stop inside it.
  const lastDay = Math.max(2 * YEAR, endDay, ...input.marks.map((m) => m.day)) * 1.03;
  const years = Math.floor(lastDay / YEAR);
  const floor = survivalFloor(input.curve);
  const x = linearScale([0, lastDay], [PLOT.left, PLOT.right]);
  const y = linearScale([floor, 1], [PLOT.bottom, PLOT.top]);
  const parts: string[] = [];
  for (let g = Math.round(floor * 10); g <= 10; g += 1) {
    const yy = n(y(g / 10));
    parts.push(`<path class="grid" d="M${PLOT.left} ${yy}H${PLOT.right}"/>`);
    parts.push(`<text class="tick" x="${PLOT.left - TICK_GAP}" y="${yy}" dy="${PERCENT_LABEL_DY}em" text-anchor="end">${g * 10}%</text>`);
  }
  const belowAxis = PLOT.bottom + TICK_GAP;
  for (let year = 0; year <= years; year += 1) {
    const label = year === 0 ? 'start' : `${year} yr`;
    const at = x(year * YEAR);
    parts.push(
      `<text class="tick" x="${n(at)}" y="${belowAxis}" dy="${YEAR_LABEL_DY}em" text-anchor="${yearLabelAnchor(year, label, at)}">${label}</text>`,
    );
  }
  parts.push(
    `<text class="axis-title" x="${(PLOT.left + PLOT.right) / 2}" y="${belowAxis}" dy="${AXIS_TITLE_DY}em" text-anchor="middle">time since promotion to 2.0</text>`,
  );
  parts.push(`<path class="axis" d="M${PLOT.left} ${PLOT.top}V${PLOT.bottom}H${PLOT.right}"/>`);
  // Where each row of labels is taken up to, left to right: a label that would overlap the one before it
  // goes a row lower.
  const rowEnds: number[] = [];
  for (const mark of input.marks) {
    const mx = n(x(mark.day));
    parts.push(`<path class="mark" d="M${mx} ${PLOT.top}V${PLOT.bottom}"/>`);
    // Right of its line, unless the label would run past the frame (a 2-year mark near the end of follow-up):
    // then left of it. Its width is judged at the largest size it is shown at.
    const width = mark.label.length * MARK_CHAR_WIDTH;
    const fitsRight = x(mark.day) + 5 + width <= KM_WIDTH;
    const [from, to] = fitsRight ? [x(mark.day) + 5, x(mark.day) + 5 + width] : [x(mark.day) - 5 - width, x(mark.day) - 5];
    let row = rowEnds.findIndex((end) => end < from);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = to;
    const labelAt = fitsRight ? `x="${n(x(mark.day) + 5)}"` : `x="${n(x(mark.day) - 5)}" text-anchor="end"`;
    parts.push(`<text class="mark-label" ${labelAt} y="${PLOT.top + 12 + row * MARK_ROW}">${xmlText(mark.label)}</text>`);
  }
  parts.push(`<path class="km" d="${kmStepPathData(input.curve, endDay, x, y)}"/>`);
  const ticks = input.censoredAt.map((c) => `M${n(x(c))} ${n(y(survivalAt(input.curve, c)) - 5)}v10`).join('');
  if (ticks !== '') parts.push(`<path class="censor" d="${ticks}"/>`);
  return svgFrame({ ...input, width: KM_WIDTH, height: KM_HEIGHT, className: 'km-chart' }, parts.join(''));
}
