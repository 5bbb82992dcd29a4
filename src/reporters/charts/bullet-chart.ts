/**
 * A bullet chart for one measure: a bar for the value, a vertical rule for the target and whiskers for
 * the 95 % interval, on the measure's unit axis. Colour comes from the caller (the status); the card
 * around it also prints the status word and symbol, so colour is never the only signal.
 */
import type { Unit } from '../../core/report.js';
import { linearScale, type Domain } from './scale.js';
import { svgFrame } from './svg-frame.js';
import { svgNumber as n } from './svg-number.js';
import { tickLabel, unitDomain, unitTicks } from './unit-axis.js';

export interface BulletInput {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly unit: Unit;
  readonly value: number | null;
  readonly target: number | null;
  readonly interval: readonly [number, number] | null;
  readonly colour: string;
}

export interface BulletLayout {
  readonly domain: Domain;
  /** From the zero line to the value (leftwards for a negative value). */
  readonly bar: { readonly x: number; readonly width: number } | null;
  readonly targetX: number | null;
  readonly interval: readonly [number, number] | null;
  readonly ticks: ReadonlyArray<{ readonly x: number; readonly label: string }>;
}

export const BULLET_WIDTH = 300;
const HEIGHT = 40;
const PAD = 6;

export function bulletLayout(input: BulletInput, width = BULLET_WIDTH): BulletLayout {
  const figures = [input.value, input.target, ...(input.interval ?? [])].filter((x): x is number => x !== null);
  const domain = unitDomain(input.unit, figures);
  const x = linearScale(domain, [PAD, width - PAD]);
  const zero = x(0);
  const valueX = input.value === null ? null : x(input.value);
  return {
    domain,
    bar: valueX === null ? null : { x: Math.min(zero, valueX), width: Math.abs(valueX - zero) },
    targetX: input.target === null ? null : x(input.target),
    interval: input.interval === null ? null : [x(input.interval[0]), x(input.interval[1])],
    ticks: unitTicks(input.unit, domain, 4).map((t) => ({ x: x(t), label: tickLabel(input.unit, t) })),
  };
}

export function bulletChart(input: BulletInput, width = BULLET_WIDTH): string {
  const layout = bulletLayout(input, width);
  const parts = [`<rect class="track" x="${PAD}" y="6" width="${n(width - 2 * PAD)}" height="14" rx="2"/>`];
  if (layout.bar) {
    parts.push(`<rect x="${n(layout.bar.x)}" y="9" width="${n(layout.bar.width)}" height="8" fill="${input.colour}"/>`);
  } else {
    parts.push(`<text class="empty" x="${PAD + 6}" y="17">no figure</text>`);
  }
  if (layout.interval) {
    const [lo, hi] = layout.interval;
    parts.push(
      `<path class="whisker" d="M${n(lo)} 13H${n(hi)}M${n(lo)} 9V17M${n(hi)} 9V17"/>`,
    );
  }
  if (layout.targetX !== null) parts.push(`<path class="target" d="M${n(layout.targetX)} 2V24"/>`);
  for (const [i, tick] of layout.ticks.entries()) {
    // The outer labels hug the ends so they are not cut off by the edge of the drawing.
    const anchor = i === 0 && tick.x <= PAD + 1 ? 'start' : tick.x >= width - PAD - 1 ? 'end' : 'middle';
    parts.push(`<text class="tick" x="${n(tick.x)}" y="36" text-anchor="${anchor}">${tick.label}</text>`);
  }
  return svgFrame({ ...input, width, height: HEIGHT, className: 'bullet' }, parts.join(''));
}
