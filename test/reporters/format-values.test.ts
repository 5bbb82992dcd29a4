import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { holds } from '../../src/core/report.js';
import { roundFigure } from '../../src/stats/round.js';
import type { GateResult, MeasureResult, RedFlagResult } from '../../src/core/report.js';
import {
  describeRedFlagValue, formatAgainst, formatAmount, formatChange, formatChangeSince, formatInterval, formatRedFlagThreshold, formatRedFlagValue, formatStatus, formatTarget,
  formatValue, gateLine, STATUS_SYMBOL, STATUS_WORD, statusChange, redFlagChange, redFlagChangeSince,
  quarterlyText,
} from '../../src/reporters/format-values.js';
import { csvReporter } from '../../src/reporters/csv.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { tableReporter } from '../../src/reporters/table.js';
import { mapMeasures, sampleReport } from '../helpers/sample-report.js';

describe('formatValue / formatAmount', () => {
  test.each([
    [0.96, 'ratio', '96.0%'],
    [1, 'ratio', '100.0%'],
    [-0.15, 'ratio', '-15.0%'],
    // -0.04% rounds to 0.0 at one decimal: no sign for a figure that shows as zero.
    [-0.0004, 'ratio', '0.0%'],
    [8.6, 'score', '8.6'],
    [3, 'count', '3'],
    [5.2, 'rate', '5.2'],
    [5, 'rate', '5.0'],
    [2.1, 'multiple', '2.1×'],
    [null, 'ratio', '—'],
  ] as const)('%s %s → %s', (value, unit, expected) => {
    expect(formatAmount(value, unit)).toBe(expected);
    expect(formatValue({ value, unit })).toBe(expected);
  });
});

describe('a figure on a rounding tie: half up, from the decimal the JSON and CSV give', () => {
  // Worked out by hand from the figure as the JSON writes it; the double nearest it lies a hair below the
  // tie for some of these (0.9005 is 0.900499999999999967…, 8.35 is 8.349999999999999644…, 0.0015 is
  // 0.001499999999999999968…, 2.675 is 2.674999999999999822…), which rounding the double took down.
  test.each([
    // 0.9005 = 90.05% → 90.1% (not 90.0%).
    [0.9005, 'ratio', '90.1%'],
    // 0.0015 = 0.15% → 0.2% (not 0.1%).
    [0.0015, 'ratio', '0.2%'],
    // -0.9005 = -90.05% → -90.1%: half away from zero.
    [-0.9005, 'ratio', '-90.1%'],
    // 8.35 → 8.4, 8.45 → 8.5 (not 8.3, 8.4).
    [8.35, 'score', '8.4'],
    [8.45, 'score', '8.5'],
    // 2.675 → 2.7 at one place; 4.95 → 5.0.
    [2.675, 'rate', '2.7'],
    [4.95, 'rate', '5.0'],
    // 1.995× → 2.0×.
    [1.995, 'multiple', '2.0×'],
  ] as const)('%s %s → %s', (value, unit, expected) => {
    expect(formatAmount(value, unit)).toBe(expected);
    expect(formatValue({ value, unit, target: null })).toBe(expected);
  });

  test('in an interval, and in the places a target calls for', () => {
    // [0.0015, 0.9005] = [0.15%, 90.05%] → [0.2%, 90.1%].
    expect(formatInterval([0.0015, 0.9005], 'ratio')).toBe('[0.2%, 90.1%]');
    // 2.675 against ≥ 2.68: missed; one place, 2.7, would read as met; two places, 2.68 half up, too
    // (the side is kept by a third: 2.675); against ≥ 2.7, 2.68 (not 2.67) is enough.
    expect(formatValue({ value: 2.675, unit: 'rate', target: { op: '>=', value: 2.68 } })).toBe('2.675');
    expect(formatValue({ value: 2.675, unit: 'rate', target: { op: '>=', value: 2.7 } })).toBe('2.68');
    // 0.00045 = 0.045% against > 0.04%: tripped; 0.0% reads as clear; two places, 0.05% (not 0.04%).
    expect(formatAgainst(0.00045, 'ratio', { op: '>', value: 0.0004 })).toBe('0.05%');
  });

  test('every text format shows the same figure as the CSV gives', () => {
    // mentee_ops_retention 0.9005 against ≥ 90%: met; the CSV has 0.9005, the text formats 90.1%.
    const report = mapMeasures(sampleReport(), (m) => (m.id === 'mentee_ops_retention' ? { ...m, value: 0.9005 } : m));
    expect(csvReporter(report, { color: false })).toContain(',mentee_ops_retention,Mentees of 2.0s still in ops,0.9005,>=,0.9,met,');
    expect(tableReporter(report, { color: false })).toMatch(/^Mentees of 2\.0s still 90\.1% {3}≥ 90\.0% {2}✓ met/m);
    expect(markdownReporter(report, { color: false })).toContain('(`mentee_ops_retention`) | 90.1% | ≥ 90.0% | ✓ met |');
    expect(htmlReporter(report, { color: false })).toContain('<span class="value">90.1%</span>');
  });
});

describe('targets, intervals, statuses', () => {
  test('targets carry the comparison as a symbol', () => {
    expect(formatTarget({ op: '>=', value: 0.95 }, 'ratio')).toBe('≥ 95.0%');
    expect(formatTarget({ op: '=', value: 1 }, 'ratio')).toBe('= 100.0%');
    expect(formatTarget({ op: '<=', value: 2 }, 'multiple')).toBe('≤ 2.0×');
    expect(formatTarget(null, 'score')).toBe('—');
  });

  test('a configured target is shown as configured, beyond the 6 places of a figure', () => {
    // 8.6000001 at 6 places would read 8.600000, the figure 8.6 that misses it; 0.8888891 is 88.88891%.
    expect(formatTarget({ op: '>=', value: 8.6000001 }, 'score')).toBe('≥ 8.6000001');
    expect(formatTarget({ op: '>=', value: 0.8888891 }, 'ratio')).toBe('≥ 88.88891%');
    expect(formatTarget({ op: '>=', value: 0.9555 }, 'ratio')).toBe('≥ 95.55%');
    // The figure beside it needs no more than one place to stand below it.
    expect(formatValue({ value: 8.6, unit: 'score', target: { op: '>=', value: 8.6000001 } })).toBe('8.6');
  });

  test('intervals are rounded like values', () => {
    // 0.804559 → 80.4559% → 80.5%; 0.992904 → 99.3%.
    expect(formatInterval([0.804559, 0.992904], 'ratio')).toBe('[80.5%, 99.3%]');
    expect(formatInterval(null, 'ratio')).toBe('—');
  });

  test('every status has a symbol and a word', () => {
    expect(formatStatus('met')).toBe('✓ met');
    expect(formatStatus('insufficient_data')).toBe('? insufficient data');
    expect(formatStatus('off')).toBe('– off');
    expect(Object.keys(STATUS_SYMBOL).sort()).toEqual(Object.keys(STATUS_WORD).sort());
    expect(Object.keys(STATUS_SYMBOL)).toHaveLength(11);
  });

  test('red-flag values are in the unit the flag counts', () => {
    const [taskExecution, , codingFrustration, noImprovements] = sampleReport().redFlags;
    expect(formatRedFlagValue(taskExecution!)).toBe('31.0%');
    expect(formatRedFlagThreshold(taskExecution!)).toBe('> 25.0%');
    expect(formatRedFlagValue(codingFrustration!)).toBe('5.4');
    expect(formatRedFlagThreshold(noImprovements!)).toBe('= 0');
  });
});

describe('formatChange / statusChange', () => {
  const withPrevious = (value: number | null, unit: MeasureResult['unit'], previous: number | null) =>
    ({ value, unit, status: 'met' as const, previous: { value: previous, status: 'missed' as const, period: '2026-Q2' } });

  test.each([
    // 0.85 − 0.92 = −0.07 (float: −0.07000000000000006) → −7.0 percentage points.
    [0.85, 'ratio', 0.92, '-7.0 pp'],
    [0.96, 'ratio', 0.95, '+1.0 pp'],
    [0.5, 'ratio', 0.5, '±0.0 pp'],
    // 0.8996 − 0.9 = −0.0004 → −0.04 pp: at one place it would read -0.0 pp, a change that seems none.
    [0.8996, 'ratio', 0.9, '-0.04 pp'],
    // 8.46 − 8.5 = −0.04 → -0.04 (a score), not -0.0; 8.96 − 8.5 = 0.46 → +0.5 at one place.
    [8.46, 'score', 8.5, '-0.04'],
    [8.96, 'score', 8.5, '+0.5'],
    // The smallest change figures rounded to 6 places can show: 0.000001 → 0.0001 pp.
    [0.500001, 'ratio', 0.5, '+0.0001 pp'],
    [8.6, 'score', 8.2, '+0.4'],
    [2, 'count', 4, '-2'],
    // Two whole counts differ by a whole count at any size: 17,818,519 − 1,000,000,000,000 = −999,982,181,481,
    // shown as counts are, -999982181481 (scaled by 10^6 and back, the float read -999982181480.9999,
    // which showed as -999982181481.0).
    [17_818_519, 'count', 1e12, '-999982181481'],
    [1.6, 'multiple', 1.2, '+0.4×'],
    [0.75, 'ratio', null, 'new'],
    [null, 'ratio', 0.75, 'was 75.0%'],
    [null, 'ratio', null, '—'],
  ] as const)('%s %s against %s → %s', (value, unit, previous, expected) => {
    expect(formatChange(withPrevious(value, unit, previous))).toBe(expected);
  });

  test('no comparison, no change', () => {
    expect(formatChange({ value: 0.5, unit: 'ratio' })).toBe('');
    expect(statusChange({ status: 'met' })).toBeUndefined();
  });

  test('formatChangeSince combines the period, the change and any status change', () => {
    expect(formatChangeSince(withPrevious(0.85, 'ratio', 0.92))).toBe('since 2026-Q2: -7.0 pp, missed → met');
    expect(formatChangeSince({ value: 0.5, unit: 'ratio', status: 'met' })).toBeUndefined();
    expect(formatChangeSince({ value: 0.5, unit: 'ratio', status: 'met', previous: { value: 0.5, status: 'met', period: 'Q' } }))
      .toBe('since Q: ±0.0 pp');
  });

  test('a status change reads old → new', () => {
    expect(statusChange({ status: 'no_data', previous: { status: 'met' } })).toBe('met → no data');
    expect(statusChange({ status: 'met', previous: { status: 'met' } })).toBeUndefined();
    expect(statusChange({ status: 'tripped', previous: { status: 'clear' } })).toBe('clear → tripped');
  });

  test("a red flag's change gives its earlier figure in the flag's words, and its status change", () => {
    const payFlag = { id: 'promotion_pay', threshold: { op: '>', value: 0 } } as const;
    const earlier = (value: number | null, status: 'clear' | 'tripped' | 'no_data') => ({ value, status, period: '2026-Q2' });
    // 0 promotions below the bar then, 2 now: the flag tripped since.
    expect(redFlagChangeSince({ ...payFlag, value: 2, status: 'tripped', previous: earlier(0, 'clear') }))
      .toBe('since 2026-Q2: was 0 promotions, clear → tripped');
    expect(redFlagChange({ ...payFlag, value: 1, status: 'tripped', previous: earlier(1, 'tripped') })).toBe('was 1 promotion');
    expect(redFlagChange({ ...payFlag, value: 1, status: 'tripped', previous: earlier(null, 'no_data') })).toBe('new, no data → tripped');
    expect(redFlagChange({ ...payFlag, value: null, status: 'no_data', previous: earlier(null, 'no_data') })).toBe('—');
    // A share is written as the flag writes it: 0.154 of hours is 15.4%.
    const taskFlag = { id: 'task_execution', threshold: { op: '>', value: 0.25 } } as const;
    expect(redFlagChange({ ...taskFlag, value: 0.3, status: 'tripped', previous: earlier(0.154, 'clear') }))
      .toBe('was 15.4% of hours, clear → tripped');
    expect(redFlagChange({ ...taskFlag, value: 0.3, status: 'tripped' })).toBe('');
    expect(redFlagChangeSince({ ...taskFlag, value: 0.3, status: 'tripped' })).toBeUndefined();
  });
});

describe('gateLine', () => {
  const gate = (g: Partial<GateResult>): { gate: GateResult } => ({
    gate: { failOn: 'red-flag', failed: false, trippedRedFlags: [], failedMeasures: [], ...g },
  });

  test.each([
    [{ failed: true, trippedRedFlags: ['promotion_pay', 'year1_turnover'] },
      'Gate FAILED (--fail-on red-flag): red flags tripped: promotion_pay, year1_turnover'],
    [{ failed: true, trippedRedFlags: ['task_execution'] }, 'Gate FAILED (--fail-on red-flag): red flag tripped: task_execution'],
    [{}, 'Gate PASSED (--fail-on red-flag): no red flag tripped'],
    [{ failOn: 'missed', failed: true, trippedRedFlags: ['task_execution'], failedMeasures: ['retention_1y', 'mentors_1y'] },
      'Gate FAILED (--fail-on missed): red flag tripped: task_execution; measures failed: retention_1y, mentors_1y'],
    [{ failOn: 'missed', failed: true, failedMeasures: ['mentors_1y'] }, 'Gate FAILED (--fail-on missed): measure failed: mentors_1y'],
    [{ failOn: 'missed' }, 'Gate PASSED (--fail-on missed): no red flag tripped, no measure missed'],
    [{ failOn: 'never', trippedRedFlags: ['task_execution'] }, 'Gate PASSED (--fail-on never): never fails; red flag tripped: task_execution'],
    [{ failOn: 'never' }, 'Gate PASSED (--fail-on never): never fails; no red flag tripped'],
  ] as const)('%j', (g, expected) => {
    expect(gateLine(gate(g))).toBe(expected);
  });

  test('says that a flag of severity warn tripped, which fails no gate', () => {
    const flags = [
      { id: 'ops1_undervalued', status: 'tripped', severity: 'warn' },
      { id: 'coding_frustration', status: 'clear', severity: 'warn' },
      { id: 'task_execution', status: 'tripped', severity: 'error' },
    ] as const;
    expect(gateLine({ ...gate({}), redFlags: [flags[0], flags[1]] }))
      .toBe('Gate PASSED (--fail-on red-flag): no red flag of severity error tripped; red flag of severity warn tripped: ops1_undervalued');
    expect(gateLine({ ...gate({ failed: true, trippedRedFlags: ['task_execution'] }), redFlags: flags }))
      .toBe('Gate FAILED (--fail-on red-flag): red flag tripped: task_execution; red flag of severity warn tripped: ops1_undervalued');
    expect(gateLine({ ...gate({ failOn: 'missed' }), redFlags: [flags[0]] }))
      .toBe('Gate PASSED (--fail-on missed): no red flag of severity error tripped, no measure missed; red flag of severity warn tripped: ops1_undervalued');
  });
});

describe('a figure beside its target keeps its side of it', () => {
  const measure = (value: number | null, unit: MeasureResult['unit'], op: '>=' | '>' | '=' | '<', bound: number) =>
    ({ value, unit, target: { op, value: bound } }) as const;

  test.each([
    // 0.8996 → 89.96%: at one place 90.0%, which is ≥ 90.0% although 0.8996 is not; at two, 89.96 < 90.
    [measure(0.8996, 'ratio', '>=', 0.9), '89.96%'],
    // 0.94999 → 94.999%: 95.0 (1 place) and 95.00 (2) both read as met; 94.999 (3) does not.
    [measure(0.94999, 'ratio', '>=', 0.95), '94.999%'],
    // A target of = 100%: 0.9996 is 99.96%, not the 100.0% that would read as met.
    [measure(0.9996, 'ratio', '=', 1), '99.96%'],
    // The closest a 6-place figure can be: 0.999999 is 99.9999%, four places of a percentage.
    [measure(0.999999, 'ratio', '=', 1), '99.9999%'],
    // A mean score of 8.46 against ≥ 8.5: 8.5 at one place, 8.46 at two.
    [measure(8.46, 'score', '>=', 8.5), '8.46'],
    // 4.96 improvements a year against ≥ 5: 5.0 would read as met.
    [measure(4.96, 'rate', '>=', 5), '4.96'],
    // 1.9999 × coverage against ≥ 2.0×: 2.0 and 2.00 and 2.000 read as met; 1.9999 does not.
    [measure(1.9999, 'multiple', '>=', 2), '1.9999×'],
    // Figures that meet their target, or miss it by more than the rounding, keep one place.
    [measure(0.9, 'ratio', '>=', 0.9), '90.0%'],
    [measure(0.9004, 'ratio', '>=', 0.9), '90.0%'],
    [measure(0.8949, 'ratio', '>=', 0.9), '89.5%'],
    [measure(1, 'ratio', '=', 1), '100.0%'],
    // Above the target by less than the rounding: 90.004% reads 90.0%, still ≥ 90.0%, so one place is true.
    [measure(0.90004, 'ratio', '>=', 0.9), '90.0%'],
    [measure(null, 'ratio', '>=', 0.9), '—'],
  ] as const)('%o → %s', (m, expected) => {
    expect(formatValue(m)).toBe(expected);
  });

  test('a red flag just past its threshold does not read as level with it', () => {
    // task_execution trips at > 25%: 0.25004 is 25.004%, which at one place (25.0%) would not read as above 25.0%.
    const flag = { id: 'task_execution', value: 0.25004, threshold: { op: '>', value: 0.25 } } as const;
    expect(formatRedFlagValue(flag)).toBe('25.004%');
    // coding_frustration trips at a mean < 6.0: 5.96 at one place is 6.0, level with it.
    expect(formatRedFlagValue({ id: 'coding_frustration', value: 5.96, threshold: { op: '<', value: 6 } })).toBe('5.96');
    // Not tripped, and 6.04 ≥ 6.0 reads as not below it at one place.
    expect(formatRedFlagValue({ id: 'coding_frustration', value: 6.04, threshold: { op: '<', value: 6 } })).toBe('6.0');
  });

  test('a configured target is shown as configured, not rounded', () => {
    // 0.9555 → 95.55%: 95.6% would name another target.
    expect(formatTarget({ op: '>=', value: 0.9555 }, 'ratio')).toBe('≥ 95.55%');
    expect(formatTarget({ op: '>=', value: 8.25 }, 'score')).toBe('≥ 8.25');
    expect(formatTarget({ op: '>=', value: 0.95 }, 'ratio')).toBe('≥ 95.0%');
  });

  test('property: the figure shown and the figure itself stand on the same side of the target', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2_000 }), fc.constantFrom('>=', '>', '=', '<=', '<' as const),
      fc.constantFrom('ratio', 'score', 'rate', 'multiple' as const),
      (micro, milli, op, unit) => {
        // Figures as the report holds them (6 places), targets as a config gives them (3 places).
        const value = micro / 1e6;
        const bound = milli / 1e3;
        const text = formatValue({ value, unit, target: { op, value: bound } });
        const shown = Number(text.replace(/[%×]$/, '')) / (unit === 'ratio' ? 100 : 1);
        expect(holds(roundFigure(shown), op, bound)).toBe(holds(value, op, bound));
      },
    ));
  });
});

describe('describeRedFlagValue', () => {
  test('says what the figure is, agreeing with it, and stays neutral without one', () => {
    const flag = (id: RedFlagResult['id'], value: number | null): Pick<RedFlagResult, 'id' | 'value' | 'threshold'> =>
      ({ id, value, threshold: { op: '<', value: 6 } });
    expect(describeRedFlagValue(flag('coding_frustration', 7.2))).toBe('mean score 7.2');
    expect(describeRedFlagValue({ id: 'no_improvements', value: 1, threshold: { op: '=', value: 0 } })).toBe('1 improvement');
    expect(describeRedFlagValue({ id: 'promotion_pay', value: 2, threshold: { op: '>', value: 0 } })).toBe('2 promotions');
    expect(describeRedFlagValue({ id: 'task_execution', value: 0.154, threshold: { op: '>', value: 0.25 } })).toBe('15.4% of hours');
    // "— improvements" beside "trips when = 0" would read as none.
    expect(describeRedFlagValue({ id: 'no_improvements', value: null, threshold: { op: '=', value: 0 } })).toBe('value —');
  });
});

describe('quarterlyText', () => {
  const figure = (value: number): string => `${value * 100}%`;
  test('each quarter with its figure and status, a gap said as no figure', () => {
    expect(quarterlyText([
      { period: '2026-Q2', value: null, status: 'insufficient_data' },
      { period: '2026-Q3', value: 0.5, status: 'tripped' },
    ], figure)).toBe('by quarter: 2026-Q2 no figure, insufficient data; 2026-Q3 50% tripped');
  });
  test('nothing to say without a history or without a figure in any quarter (a flag switched off)', () => {
    expect(quarterlyText(undefined, figure)).toBeUndefined();
    expect(quarterlyText([{ period: '2026-Q3', value: null, status: 'off' }], figure)).toBeUndefined();
  });
});
