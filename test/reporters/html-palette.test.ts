/**
 * WCAG 2.1 contrast of every colour pair the HTML report uses: ≥ 4.5:1 for text (AA), ≥ 3:1 for chart
 * marks against the track and the white card (non-text contrast, 1.4.11).
 */
import { describe, expect, it } from 'vitest';
import { PAGE_COLOURS, STATUS_COLOURS } from '../../src/reporters/html/palette.js';

// Relative luminance and contrast ratio exactly as WCAG 2.1 defines them.
const channel = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('contrast formula', () => {
  it('matches known WCAG values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2); // the lightest grey that passes AA on white
  });
});

describe('HTML report colours', () => {
  const { ink, muted, page, card, track } = PAGE_COLOURS;

  it.each(Object.entries(STATUS_COLOURS))('%s: text readable on white, on its tint and on the page', (_status, c) => {
    expect(contrast(c.text, card)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.text, c.tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(ink, c.tint)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(STATUS_COLOURS))('%s: chart marks stand out from the track and the card', (_status, c) => {
    expect(contrast(c.mark, track)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.mark, card)).toBeGreaterThanOrEqual(3);
  });

  it('body and secondary text pass AA on the card and the page background', () => {
    for (const background of [card, page, track]) {
      expect(contrast(ink, background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(muted, background)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(PAGE_COLOURS.curve, card)).toBeGreaterThanOrEqual(3);
    expect(contrast(PAGE_COLOURS.target, track)).toBeGreaterThanOrEqual(3);
  });
});
