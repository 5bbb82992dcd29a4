import { describe, expect, it } from 'vitest';
import { bulletChart, bulletLayout, type BulletInput } from '../../../src/reporters/charts/bullet-chart.js';

const base: BulletInput = {
  id: 'm1-1-bullet', title: 'Promoted 2.0s who stayed 2+ years', desc: 'Value 96.0%', unit: 'ratio',
  value: 0.96, target: 0.95, interval: [0.804559, 0.992904], colour: '#15803d',
};

// The plot runs from x = 6 to x = 294 (width 300, 6 of padding each side): 288 units across the domain.
describe('bulletLayout', () => {
  it('places a ratio on 0–100%', () => {
    const layout = bulletLayout(base);
    expect(layout.domain).toEqual([0, 1]);
    expect(layout.bar?.x).toBe(6);
    expect(layout.bar?.width).toBeCloseTo(276.48, 9); // 0.96 × 288
    expect(layout.targetX).toBeCloseTo(279.6, 9); // 6 + 0.95 × 288
    expect(layout.interval?.[0]).toBeCloseTo(237.713, 3); // 6 + 0.804559 × 288
    expect(layout.interval?.[1]).toBeCloseTo(291.956, 3); // 6 + 0.992904 × 288
    expect(layout.ticks).toEqual([{ x: 6, label: '0%' }, { x: 150, label: '50%' }, { x: 294, label: '100%' }]);
  });

  it('places a score on 0–10', () => {
    const layout = bulletLayout({ ...base, unit: 'score', value: 8.6, target: 8.5, interval: null });
    expect(layout.domain).toEqual([0, 10]);
    expect(layout.bar?.width).toBeCloseTo(247.68, 9); // 8.6 × 28.8
    expect(layout.targetX).toBeCloseTo(250.8, 9); // 6 + 8.5 × 28.8
    expect(layout.interval).toBeNull();
  });

  it('fits a rate, its target and its interval on a nice axis from 0', () => {
    // Domain [0, 4] (covers 3.1): 72 units per 1.
    const layout = bulletLayout({ ...base, unit: 'rate', value: 1.5, target: 2, interval: [0.5, 3.1] });
    expect(layout.domain).toEqual([0, 4]);
    expect(layout.bar?.width).toBeCloseTo(108, 9);
    expect(layout.targetX).toBeCloseTo(150, 9);
    expect(layout.interval?.[1]).toBeCloseTo(229.2, 9); // 6 + 3.1 × 72
  });

  it('fills the axis with a count that sets its maximum', () => {
    const layout = bulletLayout({ ...base, unit: 'count', value: 2, target: null, interval: null });
    expect(layout.domain).toEqual([0, 2]);
    expect(layout.bar).toEqual({ x: 6, width: 288 });
    expect(layout.ticks.map((t) => t.label)).toEqual(['0', '1', '2']);
  });

  it('draws a negative value leftwards from zero', () => {
    // Domain [-0.5, 1]: 192 units per 1, zero at 6 + 0.5 × 192 = 102; −0.12 at 102 − 23.04 = 78.96.
    const layout = bulletLayout({ ...base, value: -0.12, target: 0.3, interval: null });
    expect(layout.bar?.x).toBeCloseTo(78.96, 9);
    expect(layout.bar?.width).toBeCloseTo(23.04, 9);
    expect(layout.targetX).toBeCloseTo(159.6, 9);
  });
});

describe('bulletChart', () => {
  it('writes the bar, whiskers and target rounded to 2 decimals', () => {
    const svg = bulletChart(base);
    expect(svg).toContain('<rect x="6" y="9" width="276.48" height="8" fill="#15803d"/>');
    expect(svg).toContain('d="M237.71 13H291.96M237.71 9V17M291.96 9V17"');
    expect(svg).toContain('d="M279.6 2V24"');
    expect(svg).not.toMatch(/\d\.\d{3}/);
  });

  it('is an image named by its title and described by its desc', () => {
    const svg = bulletChart(base);
    expect(svg).toMatch(/^<svg class="bullet" role="img" aria-labelledby="m1-1-bullet-title m1-1-bullet-desc"/);
    expect(svg).toContain('<title id="m1-1-bullet-title">Promoted 2.0s who stayed 2+ years</title>');
    expect(svg).toContain('<desc id="m1-1-bullet-desc">Value 96.0%</desc>');
  });

  it('says there is no figure instead of drawing a bar at zero', () => {
    const svg = bulletChart({ ...base, value: null, interval: null });
    expect(svg).not.toContain('fill="#15803d"');
    expect(svg).toContain('no figure');
    expect(svg).toContain('d="M279.6 2V24"');
  });

  it('escapes its title and description', () => {
    const svg = bulletChart({ ...base, title: '<script>x</script>', desc: '"onload=alert(1)' });
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).toContain('&quot;onload=alert(1)');
    expect(svg).not.toContain('<script');
  });
});
