import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobChange, Person } from '../../src/core/datasets.js';
import { buildTimelines } from '../../src/model/build-timelines.js';
import { inOpsOn, levelOn, onTrackOn, type PersonTimeline } from '../../src/model/timeline.js';
import { change, person } from '../helpers/org.js';

const timelineOf = (p: Person, history: JobChange[]) => buildTimelines([p], history).get(p.employee_id)!;

describe('a timeline: history vs roster', () => {
  it('uses job_history when it has rows for the person, and the roster title is ignored', () => {
    const t = timelineOf(person({ employee_id: 'E1', level: 'ops2' }), [
      change('E1', '2020-01-01', 'ops1'),
      change('E1', '2024-03-01', 'ops2'),
    ]);
    expect(t.fromHistory).toBe(true);
    expect(t.steps.map((s) => [s.from, s.level])).toEqual([['2020-01-01', 'ops1'], ['2024-03-01', 'ops2']]);
    expect(t.twoPointOStart).toBe('2024-03-01');
    expect(t.isPromotion).toBe(true);
  });

  it('sorts history rows by date whatever their order in the file', () => {
    const t = timelineOf(person({ employee_id: 'E1' }), [
      change('E1', '2024-03-01', 'ops2'),
      change('E1', '2020-01-01', 'ops1'),
    ]);
    expect(t.steps.map((s) => s.level)).toEqual(['ops1', 'ops2']);
    expect(t.isPromotion).toBe(true);
  });

  it('without history: the roster title from title_start_date, and no 2.0 start is a promotion', () => {
    const t = timelineOf(person({ employee_id: 'E1', level: 'ops2', hire_date: '2019-05-01', title_start_date: '2024-03-01' }), []);
    expect(t.fromHistory).toBe(false);
    expect(t.steps.map((s) => [s.from, s.level])).toEqual([['2024-03-01', 'ops2']]);
    expect(t.twoPointOStart).toBe('2024-03-01');
    expect(t.isPromotion).toBe(false);
    // The level before the roster title is unknown.
    expect(levelOn(t, '2024-02-29')).toBeUndefined();
  });

  it('without history or title_start_date: the roster title from hire_date', () => {
    const t = timelineOf(person({ employee_id: 'E1', level: 'ops2', hire_date: '2019-05-01' }), []);
    expect(t.twoPointOStart).toBe('2019-05-01');
  });

  it('a direct hire into 2.0 is a 2.0 start, not a promotion', () => {
    const t = timelineOf(person({ employee_id: 'E1' }), [change('E1', '2023-01-01', 'ops2')]);
    expect(t.twoPointOStart).toBe('2023-01-01');
    expect(t.isPromotion).toBe(false);
  });

  it('a move from manager (traditional track) to 2.0 is a promotion', () => {
    const t = timelineOf(person({ employee_id: 'E1' }), [change('E1', '2020-01-01', 'manager'), change('E1', '2024-01-01', 'senior_architect')]);
    expect(t.isPromotion).toBe(true);
  });

  it('the 2.0 start is the first 2.0-track level; moving up within the track does not leave it', () => {
    const t = timelineOf(person({ employee_id: 'E1' }), [
      change('E1', '2020-01-01', 'ops1'),
      change('E1', '2023-01-01', 'ops2'),
      change('E1', '2025-01-01', 'senior_architect'),
    ]);
    expect(t.twoPointOStart).toBe('2023-01-01');
    expect(t.leftTrack).toBeUndefined();
  });
});

describe('a timeline: same-date rows', () => {
  it('the later row in the file wins', () => {
    const t = timelineOf(person({ employee_id: 'E1' }), [
      change('E1', '2020-01-01', 'ops1', { seq: 1 }),
      change('E1', '2024-03-01', 'ops1_senior', { seq: 2 }),
      change('E1', '2024-03-01', 'ops2', { seq: 3 }),
    ]);
    expect(t.steps.map((s) => s.level)).toEqual(['ops1', 'ops2']);
    expect(t.twoPointOStart).toBe('2024-03-01');
    expect(t.isPromotion).toBe(true);
  });

  it('the later row wins even when it is listed first', () => {
    const t = timelineOf(person({ employee_id: 'E1' }), [
      change('E1', '2024-03-01', 'ops1_senior', { seq: 9 }),
      change('E1', '2024-03-01', 'ops2', { seq: 3 }),
      change('E1', '2020-01-01', 'ops1', { seq: 1 }),
    ]);
    expect(t.steps.map((s) => s.level)).toEqual(['ops1', 'ops1_senior']);
    expect(t.twoPointOStart).toBeUndefined();
  });
});

describe('a timeline: exits', () => {
  const promoted = (extra: ReturnType<typeof change>[], p: Partial<Parameters<typeof person>[0]> = {}) =>
    timelineOf(person({ employee_id: 'E1', ...p }), [change('E1', '2020-01-01', 'ops1'), change('E1', '2024-01-01', 'ops2'), ...extra]);

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

  it('a termination before the 2.0 start (a 2.0 row dated after it) leaves the track: never on it', () => {
    // Terminated 2023-06-30, yet the history shows ops2 from 2024-01-01 (a roster that kept an old
    // termination_date). Membership on d needs termination_date absent or after d: no level from 2023-06-30.
    const t = promoted([], { termination_date: '2023-06-30' });
    expect(t.twoPointOStart).toBe('2024-01-01');
    expect(t.leftTrack).toBe('2023-06-30');
    expect(levelOn(t, '2024-01-01')).toBeUndefined();
    expect(onTrackOn(t, '2024-01-01')).toBe(false);
    expect(onTrackOn(t, '2026-09-30')).toBe(false);
    expect(inOpsOn(t, '2026-09-30')).toBe(false);
  });

  it('the same from the roster alone: a title_start_date after the termination_date is never on the track', () => {
    const t = timelineOf(person({ employee_id: 'E1', level: 'ops2', hire_date: '2019-04-03', title_start_date: '2020-08-21', termination_date: '2020-04-03' }), []);
    expect(t.twoPointOStart).toBe('2020-08-21');
    expect(t.leftTrack).toBe('2020-04-03');
    expect(onTrackOn(t, '2026-09-30')).toBe(false);
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
    const t = timelineOf(person({ employee_id: 'E1' }), [
      change('E1', '2019-01-01', 'ops1'),
      change('E1', '2020-01-01', 'other'),
      change('E1', '2021-01-01', 'ops2'),
      change('E1', '2023-01-01', 'other'),
    ]);
    expect(t.twoPointOStart).toBe('2021-01-01');
    expect(t.isPromotion).toBe(false);
    expect(t.exitOps).toBe('2020-01-01');
    expect(t.leftTrack).toBe('2023-01-01');
  });
});

describe('inOpsOn', () => {
  it('is false before the hire date', () => {
    const t = timelineOf(person({ employee_id: 'E1', hire_date: '2025-10-01' }), []);
    expect(inOpsOn(t, '2025-09-30')).toBe(false);
    expect(inOpsOn(t, '2025-10-01')).toBe(true);
  });

  it('counts a hired roster-only person as in ops before their title start (level unknown, not exited)', () => {
    const t = timelineOf(person({ employee_id: 'E1', level: 'ops2', hire_date: '2019-01-01', title_start_date: '2026-03-01' }), []);
    expect(inOpsOn(t, '2025-09-30')).toBe(true);
  });

  it('is false for someone at `other` on the roster', () => {
    const t = timelineOf(person({ employee_id: 'E1', level: 'other', hire_date: '2019-01-01' }), []);
    expect(inOpsOn(t, '2025-09-30')).toBe(false);
  });
});

describe('buildTimelines: everyone in shared columns', () => {
  const roster = [
    person({ employee_id: 'A', hire_date: '2019-01-01' }),
    person({ employee_id: 'B', level: 'ops2', hire_date: '2018-01-01', title_start_date: '2022-05-01', termination_date: '2025-02-01' }),
    person({ employee_id: 'C', hire_date: '2020-01-01' }),
  ];
  // Rows interleaved across people and out of date order; X is not on the roster (cut at the as-of date).
  const history = [
    change('C', '2024-06-01', 'senior_architect'),
    change('A', '2023-01-01', 'ops2'),
    change('X', '2021-01-01', 'ops2'),
    change('C', '2020-01-01', 'manager'),
    change('A', '2019-01-01', 'ops1'),
    change('C', '2025-01-01', 'ops1'),
  ];
  const timelines = buildTimelines(roster, history);

  it('keeps each person to their own steps, in roster order', () => {
    expect(timelines.size).toBe(3);
    expect([...timelines.values()].map((t) => [t.id, t.steps.map((s) => `${s.from} ${s.level}`)])).toEqual([
      ['A', ['2019-01-01 ops1', '2023-01-01 ops2']],
      // B has no history rows: one step from the roster's title_start_date.
      ['B', ['2022-05-01 ops2']],
      ['C', ['2020-01-01 manager', '2024-06-01 senior_architect', '2025-01-01 ops1']],
    ]);
    expect(timelines.has('X')).toBe(false);
    expect(timelines.get('X')).toBeUndefined();
  });

  it('gives the timelines a test is true of, in roster order, as iterating and filtering would', () => {
    // A (ops1 → ops2 in 2023) and B (ops2 from the roster) are on the 2.0 track on 2024-01-01; C is a manager then.
    const onTrack = (t: PersonTimeline) => t.twoPointOStart !== undefined && t.twoPointOStart <= '2024-01-01';
    expect(timelines.filter(onTrack).map((t) => t.id)).toEqual(['A', 'B']);
    expect(timelines.filter(onTrack).map((t) => t.id)).toEqual([...timelines.values()].filter(onTrack).map((t) => t.id));
    expect(timelines.filter(() => false)).toEqual([]);
  });

  it('derives each person\'s facts from their own steps', () => {
    const facts = (id: string) => {
      const t = timelines.get(id)!;
      return [t.twoPointOStart, t.isPromotion, t.exitOps, t.leftTrack, t.fromHistory, t.hireDate, t.terminationDate];
    };
    expect(facts('A')).toEqual(['2023-01-01', true, undefined, undefined, true, '2019-01-01', undefined]);
    // Roster only: not a promotion (the level before is unknown); terminated after the start, so it leaves the track.
    expect(facts('B')).toEqual(['2022-05-01', false, '2025-02-01', '2025-02-01', false, '2018-01-01', '2025-02-01']);
    // manager → senior_architect is a promotion; the move back to ops1 leaves the track but not ops.
    expect(facts('C')).toEqual(['2024-06-01', true, undefined, '2025-01-01', true, '2020-01-01', undefined]);
  });

  it('answers date questions per person', () => {
    const [a, b, c] = ['A', 'B', 'C'].map((id) => timelines.get(id)!);
    expect(levelOn(a!, '2022-12-31')).toBe('ops1');
    expect(levelOn(a!, '2023-01-01')).toBe('ops2');
    expect(levelOn(b!, '2022-04-30')).toBeUndefined();
    expect(levelOn(b!, '2025-02-01')).toBeUndefined();
    expect(onTrackOn(c!, '2024-12-31')).toBe(true);
    expect(onTrackOn(c!, '2025-01-01')).toBe(false);
    expect(inOpsOn(c!, '2019-12-31')).toBe(false);
    expect(inOpsOn(c!, '2026-01-01')).toBe(true);
  });
});

describe('buildTimelines on a roster large enough for its scratch arrays to be given back as it goes', () => {
  it('gives everyone the timeline they would have built alone', () => {
    // 20,000 people, 3 history rows each, rows interleaved (all first rows, then all third, then all
    // second): the grouping's arrays hold 60,000 rows (240,000 bytes of Int32), mappings of their own that
    // are released while the timelines are built. Every 7th person has no history (a roster step) and
    // every 5th a termination; levels and dates vary with the person's number.
    const levels = ['ops1', 'ops2', 'senior_architect', 'other', 'technician', 'manager'] as const;
    const count = 20_000;
    const roster = Array.from({ length: count }, (_, i) => person({
      employee_id: `E${i}`, level: levels[i % 6]!, hire_date: `20${10 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}`,
      title_start_date: '2021-03-01', termination_date: i % 5 === 0 ? '2025-06-30' : undefined,
    }));
    const rowsOf = (i: number): JobChange[] => (i % 7 === 0 ? [] : [
      change(`E${i}`, `2019-0${1 + (i % 9)}-01`, levels[(i + 1) % 6]!),
      change(`E${i}`, `2022-1${i % 3}-15`, levels[(i + 2) % 6]!),
      change(`E${i}`, `2024-0${1 + (i % 9)}-20`, levels[(i + 3) % 6]!),
    ]);
    const perPerson = Array.from({ length: count }, (_, i) => rowsOf(i));
    const history = [0, 2, 1].flatMap((k) => perPerson.flatMap((rows) => (rows[k] === undefined ? [] : [rows[k]!])));
    expect(history).toHaveLength(3 * (count - Math.ceil(count / 7)));
    const timelines = buildTimelines(roster, history);
    const facts = (t: PersonTimeline) => [t.id, t.steps.map((s) => `${s.from} ${s.level}`), t.twoPointOStart, t.isPromotion, t.exitOps, t.leftTrack, t.fromHistory];
    for (let i = 0; i < count; i += 1) {
      expect(facts(timelines.get(`E${i}`)!)).toEqual(facts(timelineOf(roster[i]!, perPerson[i]!)));
    }
  });
});

describe('levelOn, found by halving a sorted history', () => {
  it('is the level of the last step on or before the day, as a scan from the first finds it', () => {
    const level = fc.constantFrom('ops1', 'ops2', 'senior_architect', 'other', 'technician');
    const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(fc.property(fc.array(fc.tuple(day, level), { minLength: 1, maxLength: 40 }), fc.array(day, { maxLength: 20 }), (rows, asked) => {
      const t = timelineOf(person({ employee_id: 'E1' }), rows.map(([date, l]) => change('E1', date, l as never)));
      for (const date of asked) {
        // The reference: every step in order, the last one on or before the day (steps of one day in file order).
        let expected: string | undefined;
        for (const step of t.steps) if (step.from <= date) expected = step.level;
        expect(levelOn(t, date), date).toBe(expected);
      }
    }), { numRuns: 300 });
  });
});

