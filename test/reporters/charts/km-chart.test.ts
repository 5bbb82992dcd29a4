import { describe, expect, it } from 'vitest';
import { kmChart, kmStepPathData, survivalAt, survivalFloor } from '../../../src/reporters/charts/km-chart.js';

const CURVE = [[0, 1], [100, 0.9], [200, 0.8]] as const;
const identity = (day: number): number => day;
const percent = (s: number): number => s * 100;

describe('survivalAt', () => {
  it('holds the level of the last step on or before the day', () => {
    expect(survivalAt(CURVE, 99)).toBe(1);
    expect(survivalAt(CURVE, 100)).toBe(0.9);
    expect(survivalAt(CURVE, 150)).toBe(0.9);
    expect(survivalAt(CURVE, 900)).toBe(0.8);
  });
});

describe('kmStepPathData', () => {
  it('goes across to each exit day, then down', () => {
    expect(kmStepPathData(CURVE, 300, identity, percent)).toBe('M0 100L100 100L100 90L200 90L200 80L300 80');
  });

  it('ends at the last exit when follow-up ends there', () => {
    expect(kmStepPathData(CURVE, 200, identity, percent)).toBe('M0 100L100 100L100 90L200 90L200 80');
  });

  it('is a flat line at 100% with no exit', () => {
    expect(kmStepPathData([[0, 1]], 500, identity, percent)).toBe('M0 100L500 100');
  });
});

describe('survivalFloor', () => {
  it('starts the axis a tenth below the lowest survival', () => {
    expect(survivalFloor([[0, 1], [610, 0.762343]])).toBe(0.6);
    expect(survivalFloor([[0, 1], [10, 0.9]])).toBe(0.8);
    expect(survivalFloor([[0, 1]])).toBe(0.9);
    expect(survivalFloor([[0, 1], [10, 0.05]])).toBe(0);
  });
});

describe('kmChart', () => {
  const svg = kmChart({
    id: 'km-chart', title: 'Retention', desc: 'S(365) = 90%', curve: CURVE, censoredAt: [50, 250, 400],
    marks: [{ day: 365, label: '1 year: 80.0%' }, { day: 730, label: '2 years: <b>' }],
  });

  it('ticks every censoring on the curve', () => {
    const censor = /class="censor" d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(censor.match(/v10/g)).toHaveLength(3);
  });

  it('marks the reading days with escaped labels', () => {
    expect(svg).toContain('>1 year: 80.0%</text>');
    expect(svg).toContain('>2 years: &lt;b&gt;</text>');
    expect(svg.match(/class="mark" /g)).toHaveLength(2);
  });

  it('keeps a mark label inside the frame and off the one before it', () => {
    // Follow-up ends at day 400, so the axis runs to 730 × 1.03 = 751.9 days over x 55…624: the 1-year line is
    // at 55 + 365 / 751.9 × 569 = 331.2, the 2-year line at 55 + 730 / 751.9 × 569 = 607.4. Labels are judged
    // 9.6 units a character.
    // "2 years: 90.0%" (14 characters, 134.4 units) would end at 612.4 + 134.4 = 746.8, past the 640-wide frame:
    // it is drawn left of its line, anchored at 602.4, from 468.0. "1 year: 90.0%" (13, 124.8) runs from 336.2
    // to 461.0, short of 468.0: one row.
    const marks = (first: string) => kmChart({
      id: 'km', title: 't', desc: 'd', curve: CURVE, censoredAt: [400],
      marks: [{ day: 365, label: first }, { day: 730, label: '2 years: 90.0%' }],
    });
    const oneRow = marks('1 year: 90.0%');
    expect(oneRow).toContain('<text class="mark-label" x="336.21" y="26">1 year: 90.0%</text>');
    expect(oneRow).toContain('<text class="mark-label" x="602.43" text-anchor="end" y="26">2 years: 90.0%</text>');
    // A first label of 20 characters (192 units) ends at 528.2, past 468.0: the second goes a row (23) lower.
    const twoRows = marks('1 year: 90.0% (n 12)');
    expect(twoRows).toContain('<text class="mark-label" x="602.43" text-anchor="end" y="49">2 years: 90.0%</text>');
  });

  it('sets its axis labels clear of the axes and of each other, at whatever size the page shows them', () => {
    // The y-axis labels end 6 left of the axis (x 55), centred on their gridlines by an offset in ems.
    expect(svg).toContain('<text class="tick" x="49" y="14" dy="0.35em" text-anchor="end">100%</text>');
    // Under the axis (y 226), from 6 below it: the year labels a line down, the first starting at the axis so
    // the lowest y-axis label beside the corner keeps its gap; the axis title a line and a half below them.
    expect(svg).toContain('<text class="tick" x="55" y="232" dy="1em" text-anchor="start">start</text>');
    expect(svg).toMatch(/<text class="tick" x="[\d.]+" y="232" dy="1em" text-anchor="middle">1 yr<\/text>/);
    expect(svg).toContain('y="232" dy="2.5em" text-anchor="middle">time since promotion to 2.0</text>');
    expect(svg).toContain('viewBox="0 0 640 279"');
  });

  it('is an accessible image', () => {
    expect(svg).toContain('role="img" aria-labelledby="km-chart-title km-chart-desc"');
    expect(svg).toContain('<desc id="km-chart-desc">S(365) = 90%</desc>');
  });
});
