import { describe, expect, it } from 'vitest';
import { linearScale, niceDomain, niceStep, niceTicks } from '../../../src/reporters/charts/scale.js';
import { svgNumber } from '../../../src/reporters/charts/svg-number.js';
import { tickLabel, unitDomain, unitTicks } from '../../../src/reporters/charts/unit-axis.js';

describe('linearScale', () => {
  it('maps the domain onto the range, also reversed', () => {
    // 6 + 0.5 × (294 − 6) = 150; 100 − 2.5/10 × 100 = 75.
    expect(linearScale([0, 1], [6, 294])(0.5)).toBe(150);
    expect(linearScale([0, 10], [100, 0])(2.5)).toBe(75);
    expect(linearScale([-0.5, 1], [0, 300])(0)).toBe(100);
  });

  it('maps a zero-width domain to the start of the range instead of dividing by zero', () => {
    expect(linearScale([3, 3], [10, 20])(3)).toBe(10);
  });
});

describe('nice steps, domains and ticks', () => {
  it.each([
    [1, 1], [1.5, 2], [0.23, 0.5], [7, 10], [0.048, 0.05], [0, 1],
  ])('niceStep(%s) = %s', (rough, step) => expect(niceStep(rough)).toBe(step));

  it('ticks at whole steps without binary noise', () => {
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]); // rough 0.25 → step 0.5
    expect(niceTicks(0, 2.5, 4)).toEqual([0, 1, 2]); // rough 0.625 → step 1
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]); // not 0.30000000000000004
    expect(niceTicks(-0.5, 1, 3)).toEqual([-0.5, 0, 0.5, 1]);
  });

  it('widens a domain outwards to whole steps', () => {
    expect(niceDomain(0, 2.4)).toEqual([0, 2.5]); // rough 0.48 → step 0.5
    expect(niceDomain(0, 5.2)).toEqual([0, 6]); // rough 1.04 → step 2
    expect(niceDomain(-0.12, 1)).toEqual([-0.5, 1]); // rough 0.224 → step 0.5
    expect(niceDomain(0, 0)).toEqual([0, 1]);
    expect(niceDomain(3, 3)).toEqual([0, 3]);
  });
});

describe('unit axes', () => {
  it('reads a ratio on 0–1 and a score on 0–10 while the figures fit', () => {
    expect(unitDomain('ratio', [0.96, 0.95, 0.804559, 0.992904])).toEqual([0, 1]);
    expect(unitDomain('score', [8.6, 8.5])).toEqual([0, 10]);
  });

  it('widens the natural axis for a figure outside it rather than clip it', () => {
    expect(unitDomain('ratio', [-0.12, 0.3])).toEqual([-0.5, 1]);
    expect(unitDomain('ratio', [1.4])).toEqual([0, 1.5]); // niceDomain(0, 1.4): step 0.5
  });

  it('covers value, target and interval from 0 for counts, rates and multiples', () => {
    expect(unitDomain('rate', [5.2, 5])).toEqual([0, 6]);
    expect(unitDomain('rate', [1.5, 2, 0.5, 3.1])).toEqual([0, 4]); // rough 0.62 → step 1
    expect(unitDomain('multiple', [1.6, 2])).toEqual([0, 2]);
    expect(unitDomain('count', [2])).toEqual([0, 2]);
    expect(unitDomain('count', [])).toEqual([0, 1]);
  });

  it('gives a count whole-number ticks only', () => {
    expect(unitTicks('count', [0, 2], 4)).toEqual([0, 1, 2]); // step 0.5 drops 0.5 and 1.5
    expect(unitTicks('rate', [0, 2], 4)).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('labels ticks in the unit', () => {
    expect(tickLabel('ratio', 0.5)).toBe('50%');
    expect(tickLabel('ratio', 0.07)).toBe('7%'); // 0.07 × 100 = 7.000000000000001
    expect(tickLabel('multiple', 2)).toBe('2×');
    expect(tickLabel('score', 7.5)).toBe('7.5');
  });
});

describe('svgNumber', () => {
  it('rounds to 2 decimals and never writes -0', () => {
    expect(svgNumber(12.3456)).toBe('12.35');
    expect(svgNumber(-1.234)).toBe('-1.23');
    expect(svgNumber(150)).toBe('150');
    expect(svgNumber(-0.001)).toBe('0');
  });
});
