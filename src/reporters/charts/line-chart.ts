/**
 * A small line chart of a measure across quarters. A quarter without a figure breaks the line (a new
 * `M` starts after it): a gap is never drawn as zero. Every point also gets a dot, so a quarter with no
 * neighbour on either side is still seen.
 */
import type { Unit } from '../../core/report.js';
import { xmlText } from '../escape.js';
import { linearScale } from './scale.js';
import { svgFrame } from './svg-frame.js';
import { svgNumber as n } from './svg-number.js';
import { tickLabel, unitDomain } from './unit-axis.js';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** `M x y L x y …`; each run of points after a gap starts with a new `M`; a lone point draws no line. */
export function linePathData(points: ReadonlyArray<XY | null>): string {
  const runs: XY[][] = [[]];
  for (const point of points) {
    if (point === null) runs.push([]);
    else runs[runs.length - 1]!.push(point);
  }
  return runs
    .filter((run) => run.length >= 2)
    .map((run) => run.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join(''))
    .join('');
}

export interface LineInput {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly unit: Unit;
  /** Each point's own colour, where it has one (its quarter's status); else the line's. */
  readonly points: ReadonlyArray<{ readonly label: string; readonly value: number | null; readonly colour?: string }>;
  readonly target: number | null;
  readonly colour: string;
}

const WIDTH = 260;
const HEIGHT = 66;
const PLOT = { left: 40, right: WIDTH - 10, top: 7, bottom: HEIGHT - 18 } as const;

export function lineChart(input: LineInput): string {
  const frame = { ...input, width: WIDTH, height: HEIGHT, className: 'trend' };
  const values = input.points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) {
    return svgFrame(frame, `<text class="empty" x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">no data</text>`);
  }
  const domain = unitDomain(input.unit, input.target === null ? values : [...values, input.target]);
  const x = linearScale([0, Math.max(1, input.points.length - 1)], [PLOT.left + 6, PLOT.right - 6]);
  const y = linearScale(domain, [PLOT.bottom, PLOT.top]);
  // A single quarter sits in the middle rather than against the axis.
  const xAt = (i: number): number => (input.points.length === 1 ? (PLOT.left + PLOT.right) / 2 : x(i));
  const xy = input.points.map((p, i) => (p.value === null ? null : { x: xAt(i), y: y(p.value) }));
  const parts = [
    `<path class="axis" d="M${PLOT.left} ${PLOT.top}V${PLOT.bottom}H${PLOT.right}"/>`,
    ...domain.map(
      (v) => `<text class="tick" x="${PLOT.left - 4}" y="${n(y(v) + 3)}" text-anchor="end">${tickLabel(input.unit, v)}</text>`,
    ),
  ];
  if (input.target !== null) parts.push(`<path class="target-line" d="M${PLOT.left} ${n(y(input.target))}H${PLOT.right}"/>`);
  const d = linePathData(xy);
  if (d !== '') parts.push(`<path class="line" d="${d}" stroke="${input.colour}"/>`);
  xy.forEach((p, i) => {
    if (p) parts.push(`<circle cx="${n(p.x)}" cy="${n(p.y)}" r="2.5" fill="${input.points[i]!.colour ?? input.colour}"/>`);
  });
  const first = input.points[0];
  const last = input.points[input.points.length - 1];
  if (first) parts.push(`<text class="tick" x="${n(xAt(0))}" y="${HEIGHT - 6}" text-anchor="start">${xmlText(first.label)}</text>`);
  if (last && input.points.length > 1) {
    parts.push(`<text class="tick" x="${n(xAt(input.points.length - 1))}" y="${HEIGHT - 6}" text-anchor="end">${xmlText(last.label)}</text>`);
  }
  return svgFrame(frame, parts.join(''));
}
