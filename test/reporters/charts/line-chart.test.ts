import { describe, expect, it } from 'vitest';
import { lineChart, linePathData, type LineInput } from '../../../src/reporters/charts/line-chart.js';

const series = (values: Array<number | null>): LineInput['points'] =>
  values.map((value, i) => ({ label: `2026-Q${i + 1}`, value }));

const input = (values: Array<number | null>): LineInput => ({
  id: 'm1-1-trend', title: 'Trend', desc: 'by quarter', unit: 'score', points: series(values), target: null,
  colour: '#15803d',
});

describe('linePathData', () => {
  it('starts a new M after a gap', () => {
    const d = linePathData([{ x: 0, y: 0 }, { x: 10, y: 5 }, null, { x: 20, y: 10 }, { x: 30, y: 0 }]);
    expect(d).toBe('M0 0L10 5M20 10L30 0');
  });

  it('draws no line for a point with no neighbour', () => {
    expect(linePathData([{ x: 1, y: 2 }])).toBe('');
    expect(linePathData([{ x: 1, y: 2 }, null, { x: 3, y: 4 }, { x: 5, y: 6 }])).toBe('M3 4L5 6');
    expect(linePathData([])).toBe('');
  });

  it('rounds coordinates to 2 decimals', () => {
    expect(linePathData([{ x: 1.234, y: 2.345678 }, { x: 3.999, y: 4 }])).toBe('M1.23 2.35L4 4');
  });
});

describe('lineChart', () => {
  it('breaks the line at a missing quarter instead of drawing it as zero', () => {
    // Score axis [0, 10] onto y 48 → 7: y = 48 − 4.1 v. Five points on x 46 → 244: 49.5 apart.
    const svg = lineChart(input([5, 10, null, 0, 5]));
    expect(svg).toContain('class="line" d="M46 27.5L95.5 7M194.5 48L244 27.5"');
    expect(svg.match(/<circle /g)).toHaveLength(4);
  });

  it('colours each dot by its own quarter where given, else as the line', () => {
    const points = [{ label: '2026-Q2', value: 6, colour: '#b91c1c' }, { label: '2026-Q3', value: 9 }];
    const svg = lineChart({ ...input([]), points });
    expect([...svg.matchAll(/<circle [^>]*fill="([^"]+)"/g)].map((m) => m[1])).toEqual(['#b91c1c', '#15803d']);
  });

  it('shows a single quarter as a dot', () => {
    const svg = lineChart(input([7]));
    expect(svg).not.toContain('class="line"');
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });

  it('shows an empty chart labelled "no data" when no quarter has a figure', () => {
    for (const values of [[], [null, null]]) {
      const svg = lineChart(input(values));
      expect(svg).toContain('>no data</text>');
      expect(svg).not.toContain('<circle');
      expect(svg).toContain('role="img"');
    }
  });

  it('draws the target as a dashed rule on the same axis', () => {
    const svg = lineChart({ ...input([8, 9]), target: 8.5 });
    expect(svg).toContain('class="target-line" d="M40 13.15H250"'); // 48 − 4.1 × 8.5 = 13.15
  });

  it('escapes the period labels', () => {
    const svg = lineChart({ ...input([1, 2]), points: [{ label: '<b>x', value: 1 }, { label: ']]>"', value: 2 }] });
    expect(svg).toContain('&lt;b&gt;x');
    expect(svg).toContain(']]&gt;&quot;');
  });
});
