import { describe, expect, it } from 'vitest';
import { buildTimeline, historyStep, inOpsOn, levelOn, onTrackOn } from '../../src/model/timeline.js';
import { change, person } from '../helpers/org.js';

describe('buildTimeline: history vs roster', () => {
  it('uses job_history when it has rows for the person, and the roster title is ignored', () => {
    const t = buildTimeline(person({ employee_id: 'E1', level: 'ops2' }), [
      change('E1', '2020-01-01', 'ops1'),
      change('E1', '2024-03-01', 'ops2'),
    ].map(historyStep));
    expect(t.fromHistory).toBe(true);
    expect(t.steps.map((s) => [s.from, s.level])).toEqual([['2020-01-01', 'ops1'], ['2024-03-01', 'ops2']]);
    expect(t.twoPointOStart).toBe('2024-03-01');
    expect(t.isPromotion).toBe(true);
  });

  it('sorts history rows by date whatever their order in the file', () => {
    const t = buildTimeline(person({ employee_id: 'E1' }), [
      change('E1', '2024-03-01', 'ops2'),
      change('E1', '2020-01-01', 'ops1'),
    ].map(historyStep));
    expect(t.steps.map((s) => s.level)).toEqual(['ops1', 'ops2']);
    expect(t.isPromotion).toBe(true);
  });

  it('without history: the roster title from title_start_date, and no 2.0 start is a promotion', () => {
    const t = buildTimeline(person({ employee_id: 'E1', level: 'ops2', hire_date: '2019-05-01', title_start_date: '2024-03-01' }), []);
    expect(t.fromHistory).toBe(false);
    expect(t.steps.map((s) => [s.from, s.level])).toEqual([['2024-03-01', 'ops2']]);
    expect(t.twoPointOStart).toBe('2024-03-01');
    expect(t.isPromotion).toBe(false);
    // The level before the roster title is unknown.
    expect(levelOn(t, '2024-02-29')).toBeUndefined();
  });

  it('without history or title_start_date: the roster title from hire_date', () => {
    const t = buildTimeline(person({ employee_id: 'E1', level: 'ops2', hire_date: '2019-05-01' }), []);
    expect(t.twoPointOStart).toBe('2019-05-01');
  });

  it('a direct hire into 2.0 is a 2.0 start, not a promotion', () => {
    const t = buildTimeline(person({ employee_id: 'E1' }), [change('E1', '2023-01-01', 'ops2')].map(historyStep));
    expect(t.twoPointOStart).toBe('2023-01-01');
    expect(t.isPromotion).toBe(false);
  });

  it('a move from manager (traditional track) to 2.0 is a promotion', () => {
    const t = buildTimeline(person({ employee_id: 'E1' }), [change('E1', '2020-01-01', 'manager'), change('E1', '2024-01-01', 'senior_architect')].map(historyStep));
    expect(t.isPromotion).toBe(true);
  });

  it('the 2.0 start is the first 2.0-track level; moving up within the track does not leave it', () => {
    const t = buildTimeline(person({ employee_id: 'E1' }), [
      change('E1', '2020-01-01', 'ops1'),
      change('E1', '2023-01-01', 'ops2'),
      change('E1', '2025-01-01', 'senior_architect'),
    ].map(historyStep));
    expect(t.twoPointOStart).toBe('2023-01-01');
    expect(t.leftTrack).toBeUndefined();
  });
});

describe('buildTimeline: same-date rows', () => {
  it('the later row in the file wins', () => {
    const t = buildTimeline(person({ employee_id: 'E1' }), [
      change('E1', '2020-01-01', 'ops1', { seq: 1 }),
      change('E1', '2024-03-01', 'ops1_senior', { seq: 2 }),
      change('E1', '2024-03-01', 'ops2', { seq: 3 }),
    ].map(historyStep));
    expect(t.steps.map((s) => s.level)).toEqual(['ops1', 'ops2']);
    expect(t.twoPointOStart).toBe('2024-03-01');
    expect(t.isPromotion).toBe(true);
  });

  it('the later row wins even when it is listed first', () => {
    const t = buildTimeline(person({ employee_id: 'E1' }), [
      change('E1', '2024-03-01', 'ops1_senior', { seq: 9 }),
      change('E1', '2024-03-01', 'ops2', { seq: 3 }),
      change('E1', '2020-01-01', 'ops1', { seq: 1 }),
    ].map(historyStep));
    expect(t.steps.map((s) => s.level)).toEqual(['ops1', 'ops1_senior']);
    expect(t.twoPointOStart).toBeUndefined();
  });
});

describe('buildTimeline: exits', () => {
  const promoted = (extra: ReturnType<typeof change>[], p: Partial<Parameters<typeof person>[0]> = {}) =>
    buildTimeline(person({ employee_id: 'E1', ...p }), [change('E1', '2020-01-01', 'ops1'), change('E1', '2024-01-01', 'ops2'), ...extra].map(historyStep));

  it('a move to `other` exits ops and leaves the track on its effective date', () => {
    const t = promoted([change('E1', '2025-06-01', 'other')]);
    expect(t.exitOps).toBe('2025-06-01');
    expect(t.leftTrack).toBe('2025-06-01');
    expect(inOpsOn(t, '2025-05-31')).toBe(true);
    expect(inOpsOn(t, '2025-06-01')).toBe(false);
    expect(onTrackOn(t, '2025-05-31')).toBe(true);
    expect(onTrackOn(t, '2025-06-01')).toBe(false);
  });

  it('termination before a move to `other`: the earlier wins', () => {
    const t = promoted([change('E1', '2025-06-01', 'other')], { termination_date: '2025-03-01' });
    expect(t.exitOps).toBe('2025-03-01');
    expect(t.leftTrack).toBe('2025-03-01');
  });

  it('someone terminated on d is not in ops on d', () => {
    const t = promoted([], { termination_date: '2025-03-01' });
    expect(levelOn(t, '2025-02-28')).toBe('ops2');
    expect(levelOn(t, '2025-03-01')).toBeUndefined();
    expect(inOpsOn(t, '2025-03-01')).toBe(false);
  });

  it('a move back to the traditional track leaves the 2.0 track but not ops', () => {
    const t = promoted([change('E1', '2025-01-01', 'ops1_senior')]);
    expect(t.leftTrack).toBe('2025-01-01');
    expect(t.exitOps).toBeUndefined();
    expect(onTrackOn(t, '2024-12-31')).toBe(true);
    expect(onTrackOn(t, '2025-01-01')).toBe(false);
    expect(inOpsOn(t, '2025-06-01')).toBe(true);
  });

  it('re-entering the track is not modelled: the first departure stands', () => {
    const t = promoted([change('E1', '2025-01-01', 'ops1'), change('E1', '2025-06-01', 'ops2')]);
    expect(t.leftTrack).toBe('2025-01-01');
    expect(onTrackOn(t, '2025-07-01')).toBe(false);
  });

  it('someone who left ops before their 2.0 start still leaves the track on a later move to `other`', () => {
    // ops1 → other (2020) → back as ops2 (2021, previous level `other`: a 2.0 start, not a promotion) → other (2023).
    const t = buildTimeline(person({ employee_id: 'E1' }), [
      change('E1', '2019-01-01', 'ops1'),
      change('E1', '2020-01-01', 'other'),
      change('E1', '2021-01-01', 'ops2'),
      change('E1', '2023-01-01', 'other'),
    ].map(historyStep));
    expect(t.twoPointOStart).toBe('2021-01-01');
    expect(t.isPromotion).toBe(false);
    expect(t.exitOps).toBe('2020-01-01');
    expect(t.leftTrack).toBe('2023-01-01');
  });
});

describe('inOpsOn', () => {
  it('is false before the hire date', () => {
    const t = buildTimeline(person({ employee_id: 'E1', hire_date: '2025-10-01' }), []);
    expect(inOpsOn(t, '2025-09-30')).toBe(false);
    expect(inOpsOn(t, '2025-10-01')).toBe(true);
  });

  it('counts a hired roster-only person as in ops before their title start (level unknown, not exited)', () => {
    const t = buildTimeline(person({ employee_id: 'E1', level: 'ops2', hire_date: '2019-01-01', title_start_date: '2026-03-01' }), []);
    expect(inOpsOn(t, '2025-09-30')).toBe(true);
  });

  it('is false for someone at `other` on the roster', () => {
    const t = buildTimeline(person({ employee_id: 'E1', level: 'other', hire_date: '2019-01-01' }), []);
    expect(inOpsOn(t, '2025-09-30')).toBe(false);
  });
});
