import { describe, expect, it } from 'vitest';
import { KM_HEIGHT, KM_LABEL_FONT, KM_WIDTH, PLOT, yearLabelAnchor } from '../../../src/reporters/charts/km-layout.js';
import { STYLES } from '../../../src/reporters/html/styles.js';

describe('the retention curve\'s layout', () => {
  it('has room for the largest size the stylesheet gives any chart label', () => {
    // Every rule for SVG text, in every medium: the curve's own (12, 13, 15, 16) and those it would inherit.
    const sizes = [...STYLES.matchAll(/([^{}]*svg[^{}]*)\{([^{}]*)\}/g)].flatMap(([, , body = '']) =>
      [...body.matchAll(/font(?:-size)?:\s*([\d.]+)px/g)].map(([, size]) => Number(size)));
    expect(sizes).toContain(15);
    expect(sizes).toContain(16);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(KM_LABEL_FONT);
  });

  it('leaves room left of the plot for "100%" and under it for two lines of labels', () => {
    // 2 from the edge + 2.9 em + 6 of gap; 6 of gap + 2.8 em + 2 from the edge, at 16.
    expect(PLOT.left).toBe(55);
    expect(KM_HEIGHT - PLOT.bottom).toBe(53);
    expect(PLOT.bottom - PLOT.top).toBe(212);
    expect(PLOT.right).toBeLessThan(KM_WIDTH);
  });

  it('starts the first year label at the axis, centres the rest, and ends one that would run off the right', () => {
    expect(yearLabelAnchor(0, 'start', PLOT.left)).toBe('start');
    expect(yearLabelAnchor(1, '1 yr', 330)).toBe('middle');
    // "3 yr" is judged 4 × 0.65 × 16 = 41.6 wide: centred at 620 it would end at 640.8, past 638.
    expect(yearLabelAnchor(3, '3 yr', 620)).toBe('end');
    expect(yearLabelAnchor(3, '3 yr', 615)).toBe('middle');
  });
});
