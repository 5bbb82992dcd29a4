import { describe, expect, it } from 'vitest';
import type { ComparisonOp, MeasureResult, MeasureStatus, MetricResult, RedFlagResult } from '../../src/core/report.js';
import type { Computed, MeasureContext, MeasureDefinition } from '../../src/metrics/define.js';
import type { RedFlagComputed, RedFlagDefinition } from '../../src/red-flags/define.js';
import {
  evaluateGate, evaluateMeasure, evaluateMetric, evaluateRedFlag, holds, metricStatus, roundFigure,
} from '../../src/report/evaluate.js';
import { contextFor, person, testConfig } from '../helpers/org.js';

// Every context reports 2026-Q3: T = 2026-09-30.
const ctx = (over: Parameters<typeof testConfig>[0] = {}, data: Parameters<typeof contextFor>[0] = {}): MeasureContext =>
  contextFor(data, { config: testConfig(over) });

const notCalled = (): never => {
  throw new Error('compute must not run');
};

/** A measure with target ≥ 0.95 (retention_2y's id, so `config.targets.retention_2y` overrides it). */
const measure = (compute: () => Computed, over: Partial<MeasureDefinition> = {}): MeasureDefinition => ({
  id: 'retention_2y', label: 'Promoted 2.0s who stayed 2+ years', unit: 'ratio', target: { op: '>=', value: 0.95 }, needs: [], compute, ...over,
});

/** A red flag tripping when the value is above 0.25 (task_execution's id and severity). */
const flag = (evaluate: () => RedFlagComputed, over: Partial<RedFlagDefinition> = {}): RedFlagDefinition => ({
  id: 'task_execution', title: 'Flag', fix: 'Fix it.', needs: [], threshold: () => ({ op: '>', value: 0.25 }), evaluate, ...over,
});

describe('roundFigure', () => {
  it.each([
    { x: 0.1 + 0.2, expected: 0.3 },
    { x: 1 / 3, expected: 0.333333 },
    { x: 2 / 3, expected: 0.666667 },
    { x: 1.23456789, expected: 1.234568 },
    { x: 1 - 0.8, expected: 0.2 },
    { x: 12.5, expected: 12.5 },
  ])('rounds $x to $expected', ({ x, expected }) => {
    expect(roundFigure(x)).toBe(expected);
  });

  it('never returns negative zero', () => {
    // −1e-9 rounds to −0 with Math.round; the report must print 0.
    expect(Object.is(roundFigure(-1e-9), 0)).toBe(true);
    expect(Object.is(roundFigure(-0), 0)).toBe(true);
  });
});

describe('holds', () => {
  it.each<[number, ComparisonOp, number, boolean]>([
    [0.95, '>=', 0.95, true], [0.94, '>=', 0.95, false],
    [0.25, '>', 0.25, false], [0.26, '>', 0.25, true],
    [1, '=', 1, true], [0.99, '=', 1, false],
    [2, '<=', 2, true], [2.01, '<=', 2, false],
    [6, '<', 6, false], [5.99, '<', 6, true],
  ])('%d %s %d is %s', (value, op, bound, expected) => {
    expect(holds(value, op, bound)).toBe(expected);
  });
});

describe('evaluateMeasure: a figure that is not finite', () => {
  it.each([
    { value: NaN, ci95: undefined }, { value: Infinity, ci95: undefined }, { value: 0.5, ci95: [0.2, Infinity] as [number, number] },
  ])('value $value, interval $ci95: insufficient_data with no value, never met or missed', ({ value, ci95 }) => {
    const result = evaluateMeasure(measure(() => ({ value, n: 3, ...(ci95 ? { ci95 } : {}) })), ctx());
    expect(result).toMatchObject({
      status: 'insufficient_data', value: null, ci95: null, n: 3,
      reason: 'the figure is not a finite number: the input holds numbers too large to add up',
    });
  });
});

describe('evaluateMeasure', () => {
  it.each<{ name: string; value: number; status: MeasureStatus; shown: number }>([
    { name: 'exactly at the target is met', value: 0.95, status: 'met', shown: 0.95 },
    { name: 'just below the target is missed', value: 0.949999, status: 'missed', shown: 0.949999 },
    // 0.9499996 rounds to 0.95 before the comparison.
    { name: 'a figure is rounded before it is compared', value: 0.9499996, status: 'met', shown: 0.95 },
  ])('$name', ({ value, status, shown }) => {
    const result = evaluateMeasure(measure(() => ({ value, n: 20, ci95: [0.7512345678, 0.99] })), ctx());
    expect(result).toMatchObject({ id: 'retention_2y', value: shown, status, n: 20, ci95: [0.751235, 0.99], target: { op: '>=', value: 0.95 } });
  });

  it('takes the target value from the config, keeping the definition\'s operator', () => {
    // 0.9 misses the default 0.95 but meets a configured 0.9.
    const result = evaluateMeasure(measure(() => ({ value: 0.9, n: 10 })), ctx({ targets: { retention_2y: 0.9 } }));
    expect(result).toMatchObject({ status: 'met', target: { op: '>=', value: 0.9 } });
    expect(evaluateMeasure(measure(() => ({ value: 0.9, n: 10 })), ctx()).status).toBe('missed');
  });

  it('is info without a target, whatever the value', () => {
    const result = evaluateMeasure(measure(() => ({ value: 0, n: 3 }), { target: null }), ctx());
    expect(result).toMatchObject({ status: 'info', value: 0, target: null, n: 3, ci95: null });
  });

  it('is investigate, not missed, below a target whose shortfall is investigate', () => {
    const def = measure(() => ({ value: 0.85, n: 20 }), { id: 'retention_1y', target: { op: '>=', value: 0.9 }, belowTarget: 'investigate' });
    expect(evaluateMeasure(def, ctx()).status).toBe('investigate');
  });

  it.each<{ name: string; value: number; until: string; status: MeasureStatus; dueOn?: string }>([
    // T = 2026-09-30 is before the due date: a shortfall is pending.
    { name: 'a shortfall before the due date is pending', value: 1.5, until: '2026-10-01', status: 'pending', dueOn: '2026-10-01' },
    // Due on T itself: judged.
    { name: 'a shortfall on the due date is missed', value: 1.5, until: '2026-09-30', status: 'missed' },
    { name: 'a met target before the due date is met', value: 2, until: '2026-10-01', status: 'met' },
  ])('$name', ({ value, until, status, dueOn }) => {
    const def = measure(() => ({ value, n: null, pendingUntil: until }), { id: 'automation_coverage_growth', unit: 'multiple', target: { op: '>=', value: 2 } });
    const result = evaluateMeasure(def, ctx());
    expect(result.status).toBe(status);
    expect(result.dueOn).toBe(dueOn);
    expect(result.reason).toBe(dueOn === undefined ? undefined : `due on ${dueOn}`);
  });

  it('is no_data without a dataset it needs, naming the files, and does not compute', () => {
    const result = evaluateMeasure(measure(notCalled, { needs: ['people', 'survey'] }), ctx({}, { people: [] }));
    expect(result).toMatchObject({ status: 'no_data', value: null, n: null, ci95: null, details: [] });
    expect(result.reason).toBe('needs survey.csv (or .json / .ndjson) in the data folder');
    const both = evaluateMeasure(measure(notCalled, { needs: ['people', 'survey'] }), ctx());
    expect(both.reason).toBe('needs people.csv and survey.csv (or .json / .ndjson) in the data folder');
  });

  it('names a file found but unreadable (under --skip-invalid) apart from the files that are absent', () => {
    const unusable = new Map([['survey', 'exports/survey.csv could not be read']] as const);
    const result = evaluateMeasure(measure(notCalled, { needs: ['people', 'survey'] }), { ...ctx(), unusable });
    expect(result.status).toBe('no_data');
    expect(result.reason).toBe('exports/survey.csv could not be read (`ops-metrics validate` says why); needs people.csv (or .json / .ndjson) in the data folder');
  });

  it.each<{ name: string; computed: Computed; status: MeasureStatus; n: number | null }>([
    { name: 'insufficient_data keeps n = 0', computed: { value: null, status: 'insufficient_data', reason: 'nobody', n: 0 }, status: 'insufficient_data', n: 0 },
    { name: 'insufficient_data without n has n null', computed: { value: null, status: 'insufficient_data', reason: 'nobody' }, status: 'insufficient_data', n: null },
    // The group's size must not leak.
    { name: 'suppressed never shows n', computed: { value: null, status: 'suppressed', reason: 'small', n: 4 }, status: 'suppressed', n: null },
    { name: 'no_data never shows n', computed: { value: null, status: 'no_data', reason: 'none', n: 7 }, status: 'no_data', n: null },
  ])('$name', ({ computed, status, n }) => {
    const result = evaluateMeasure(measure(() => computed), ctx());
    expect(result).toMatchObject({ status, n, value: null, ci95: null, reason: computed.reason });
  });
});

const result = (status: MeasureStatus, hasTarget = true): MeasureResult => ({
  id: 'retention_2y', label: 'x', unit: 'ratio', value: null, target: hasTarget ? { op: '>=', value: 1 } : null, status, n: null, ci95: null, details: [],
});

describe('metricStatus', () => {
  // The order of metrics.md: missed > investigate > pending > suppressed > insufficient_data > no_data > met.
  it.each<[MeasureStatus[], string]>([
    [['met', 'met'], 'met'],
    [['met', 'no_data'], 'no_data'],
    [['no_data', 'insufficient_data'], 'insufficient_data'],
    [['insufficient_data', 'suppressed'], 'suppressed'],
    [['suppressed', 'pending'], 'pending'],
    [['pending', 'investigate', 'met'], 'investigate'],
    [['investigate', 'missed', 'no_data'], 'missed'],
  ])('%j → %s', (statuses, expected) => {
    expect(metricStatus(statuses.map((s) => result(s)))).toBe(expected);
  });

  it('ignores measures without a target', () => {
    // An info measure, and a no_data measure without a target, leave a met metric met.
    expect(metricStatus([result('met'), result('info', false), result('no_data', false)])).toBe('met');
  });

  it('evaluateMetric evaluates every measure and takes the worst status', () => {
    const def = {
      id: 'retention' as const,
      title: 'Retention',
      measures: [measure(() => ({ value: 1, n: 4 })), measure(() => ({ value: 0.5, n: 4 }), { id: 'retention_1y', target: { op: '>=', value: 0.9 }, belowTarget: 'investigate' })],
    };
    const metric = evaluateMetric(def, ctx());
    expect(metric.status).toBe('investigate');
    expect(metric.measures.map((m) => [m.id, m.status])).toEqual([['retention_2y', 'met'], ['retention_1y', 'investigate']]);
  });
});

describe('evaluateRedFlag', () => {
  it.each([
    { value: 0.25, status: 'clear' },
    { value: 0.250001, status: 'tripped' },
    // 0.2500004 rounds to 0.25: clear.
    { value: 0.2500004, status: 'clear' },
  ])('a value of $value is $status', ({ value, status }) => {
    const evidence = [{ employeeId: 'E1', note: 'n' }];
    const r = evaluateRedFlag(flag(() => ({ value, evidence })), ctx());
    expect(r).toMatchObject({ id: 'task_execution', status, severity: 'error', threshold: { op: '>', value: 0.25 }, fix: 'Fix it.', evidence });
  });

  it.each([NaN, Infinity, -Infinity])('a value of %d is no figure: insufficient_data, never clear', (value) => {
    // NaN > 0.25 is false, so without the check a flag whose sum overflowed would read clear.
    const r = evaluateRedFlag(flag(() => ({ value, evidence: [{ note: 'Infinity h of Infinity h' }] })), ctx());
    expect(r).toMatchObject({
      status: 'insufficient_data', value: null, evidence: [],
      reason: 'the figure is not a finite number: the input holds numbers too large to add up',
    });
  });

  it('is off when the config switches it off, without evaluating or checking files', () => {
    const config = { severity: { ...testConfig().severity, task_execution: 'off' as const } };
    const r = evaluateRedFlag(flag(notCalled, { needs: ['time_allocation'] }), ctx(config));
    expect(r).toMatchObject({ status: 'off', severity: 'off', value: null, evidence: [] });
  });

  it('still trips with severity warn, carrying the severity', () => {
    const config = { severity: { ...testConfig().severity, task_execution: 'warn' as const } };
    expect(evaluateRedFlag(flag(() => ({ value: 0.5, evidence: [] })), ctx(config))).toMatchObject({ status: 'tripped', severity: 'warn' });
  });

  it('is no_data without a dataset it needs', () => {
    const r = evaluateRedFlag(flag(notCalled, { needs: ['people', 'time_allocation'] }), ctx({}, { people: [person({ employee_id: 'E1' })] }));
    expect(r).toMatchObject({ status: 'no_data', value: null, reason: 'needs time_allocation.csv (or .json / .ndjson) in the data folder' });
  });

  it('passes an unavailable status through with its reason', () => {
    const r = evaluateRedFlag(flag(() => ({ value: null, status: 'suppressed', reason: 'small group' })), ctx());
    expect(r).toMatchObject({ status: 'suppressed', value: null, evidence: [], reason: 'small group' });
  });
});

const tripped = (id: RedFlagResult['id'], severity: RedFlagResult['severity'], status: RedFlagResult['status'] = 'tripped'): RedFlagResult => ({
  id, title: 't', status, severity, value: 1, threshold: { op: '>', value: 0 }, evidence: [], fix: 'f',
});
const metricWith = (...statuses: MeasureStatus[]): MetricResult => ({
  id: 'retention', title: 'Retention', status: 'met',
  measures: statuses.map((s, i) => ({ ...result(s), id: (['retention_2y', 'retention_1y', 'km_retention_1y', 'ops_retention_12m'] as const)[i]! })),
});

describe('evaluateGate', () => {
  const metrics = [metricWith('missed', 'investigate', 'pending', 'met')];

  it('red-flag: fails on a tripped flag of severity error only', () => {
    const flags = [tripped('task_execution', 'error'), tripped('promotion_pay', 'warn'), tripped('year1_turnover', 'error', 'clear')];
    expect(evaluateGate('red-flag', metrics, flags)).toEqual({ failOn: 'red-flag', failed: true, trippedRedFlags: ['task_execution'], failedMeasures: [] });
    // A warn-only trip and missed measures do not fail it.
    expect(evaluateGate('red-flag', metrics, [tripped('promotion_pay', 'warn')]).failed).toBe(false);
  });

  it('missed: also fails on missed and investigate measures, not pending', () => {
    expect(evaluateGate('missed', metrics, [])).toEqual({ failOn: 'missed', failed: true, trippedRedFlags: [], failedMeasures: ['retention_2y', 'retention_1y'] });
    expect(evaluateGate('missed', [metricWith('pending', 'met', 'insufficient_data')], []).failed).toBe(false);
  });

  it('never: does not fail, but still lists what tripped', () => {
    expect(evaluateGate('never', metrics, [tripped('task_execution', 'error')])).toEqual({
      failOn: 'never', failed: false, trippedRedFlags: ['task_execution'], failedMeasures: [],
    });
  });
});

describe('evaluateMeasure: a column the file does not have', () => {
  const needing = measure(notCalled, { needsColumns: () => [{ dataset: 'incidents', column: 'postmortem_lead_id' }] });
  const absent = (columns: string[]): MeasureContext => ({ ...ctx(), absentColumns: new Map([['incidents', { file: 'pd.csv', columns }]]) });

  it('is no_data, naming the file and the column and giving the mapping, without computing', () => {
    expect(evaluateMeasure(needing, absent(['rca_completed_at', 'postmortem_lead_id']))).toMatchObject({
      value: null, status: 'no_data', n: null,
      reason: 'pd.csv has no postmortem_lead_id column, so every row would count as lacking one: no figure rather than a wrong one. ' +
        'If the export has it under another header, map it: { "datasets": { "incidents": { "columns": { "<its header>": "postmortem_lead_id" } } } }',
    });
  });

  it('computes as usual when the file has it, or another column is the one absent', () => {
    const computed = measure(() => ({ value: 1, n: 4 }), { needsColumns: needing.needsColumns! });
    expect(evaluateMeasure(computed, absent(['rca_completed_at'])).value).toBe(1);
    expect(evaluateMeasure(computed, ctx()).value).toBe(1);
  });

  it('the measures whose figure would count a missing column as "not done" declare it', async () => {
    const { METRICS } = await import('../../src/metrics/index.js');
    const config = testConfig();
    const needs = Object.fromEntries(METRICS.flatMap((m) => m.measures).filter((m) => m.needsColumns !== undefined)
      .map((m) => [m.id, m.needsColumns!(config).map(({ dataset, column }) => `${dataset}.${column}`)]));
    // The RCA clock starts at resolution by default, so p1_rca_48h needs both.
    expect(needs).toEqual({
      postmortem_leads_6m: ['incidents.postmortem_lead_id'],
      p1_rca_48h: ['incidents.rca_completed_at', 'incidents.resolved_at'],
      p1_unresolved: ['incidents.resolved_at'],
      action_items_30d: ['action_items.completed_at'],
      requirements_incorporated_per_year: ['requirements.incorporated_on'],
    });
  });
});
