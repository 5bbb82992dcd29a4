import { describe, expect, test } from 'vitest';
import type { GateResult, MeasureResult } from '../../src/core/report.js';
import {
  formatAmount, formatChange, formatChangeSince, formatInterval, formatRedFlagThreshold, formatRedFlagValue, formatStatus, formatTarget,
  formatValue, gateLine, STATUS_SYMBOL, STATUS_WORD, statusChange,
} from '../../src/reporters/format-values.js';
import { sampleReport } from '../helpers/sample-report.js';

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

describe('targets, intervals, statuses', () => {
  test('targets carry the comparison as a symbol', () => {
    expect(formatTarget({ op: '>=', value: 0.95 }, 'ratio')).toBe('≥ 95.0%');
    expect(formatTarget({ op: '=', value: 1 }, 'ratio')).toBe('= 100.0%');
    expect(formatTarget({ op: '<=', value: 2 }, 'multiple')).toBe('≤ 2.0×');
    expect(formatTarget(null, 'score')).toBe('—');
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
    [8.6, 'score', 8.2, '+0.4'],
    [2, 'count', 4, '-2'],
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
    expect(statusChange({ status: 'no_data', previous: { value: 0.8, status: 'met', period: '2026-Q2' } })).toBe('met → no data');
    expect(statusChange({ status: 'met', previous: { value: 0.8, status: 'met', period: '2026-Q2' } })).toBeUndefined();
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
});
