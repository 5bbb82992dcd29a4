/**
 * The accessible shell of every chart: `role="img"`, labelled by its `<title>` and described by a
 * `<desc>` that states the figures in words, so a screen reader (or a text-only copy) loses nothing.
 */
import { xmlText } from '../escape.js';
import { svgNumber } from './svg-number.js';

export interface ChartFrame {
  /** A document-unique id prefix made of `[A-Za-z0-9_-]` only (the caller builds it from indexes). */
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly width: number;
  readonly height: number;
  readonly className: string;
}

export function svgFrame(frame: ChartFrame, body: string): string {
  const titleId = `${frame.id}-title`;
  const descId = `${frame.id}-desc`;
  return (
    `<svg class="${frame.className}" role="img" aria-labelledby="${titleId} ${descId}" ` +
    `viewBox="0 0 ${svgNumber(frame.width)} ${svgNumber(frame.height)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${titleId}">${xmlText(frame.title)}</title><desc id="${descId}">${xmlText(frame.desc)}</desc>` +
    `${body}</svg>`
  );
}
