import { addDays } from 'date-fns/addDays';
import { tz } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import exceptionHandling, { addDaysInZone } from '../../src/metrics/exception-handling.js';
import { evaluateMeasure, evaluateMetric } from '../../src/report/evaluate.js';
import { actionItem, at, contextFor, incident, measureOf, testConfig } from '../helpers/org.js';

const rca = measureOf(exceptionHandling, 'p1_rca_48h');
const unresolved = measureOf(exceptionHandling, 'p1_unresolved');
const actionItems = measureOf(exceptionHandling, 'action_items_30d');
const recurrence = measureOf(exceptionHandling, 'recurrence_reduction_yoy');
const newYork = testConfig({ timezone: 'America/New_York' });

describe('p1_rca_48h (P = 2026-Q3, UTC)', () => {
  // A: resolved 08-01 10:00, RCA at exactly +48 h → on time.
  // B: resolved 08-01 10:00, RCA at +48 h 1 min → late.
  // C: resolved 08-10, RCA never done → late once due (08-12).
  // D: P1 never resolved → no due time on the resolved clock → not counted.
  // E: a P2 → not counted.
  // F: resolved 06-27 12:00 → due 06-29, before P → not counted.
  // G: resolved 06-29 12:00 → due 07-01 12:00, in P; RCA on 06-30 → on time.
  // Base A, B, C, G = 4; on time A, G → 2/4 = 0.5; Wilson(2, 4) = [0.150039, 0.849961]; < 0.90 → missed.
  const incidents = [
    incident({ incident_id: 'A', priority: 'P1', opened_at: at('2026-08-01T08:00:00Z'), resolved_at: at('2026-08-01T10:00:00Z'), rca_completed_at: at('2026-08-03T10:00:00Z') }),
    incident({ incident_id: 'B', priority: 'P1', opened_at: at('2026-08-01T08:00:00Z'), resolved_at: at('2026-08-01T10:00:00Z'), rca_completed_at: at('2026-08-03T10:01:00Z') }),
    incident({ incident_id: 'C', priority: 'P1', opened_at: at('2026-08-10T08:00:00Z'), resolved_at: at('2026-08-10T10:00:00Z') }),
    incident({ incident_id: 'D', priority: 'P1', opened_at: at('2026-08-10T08:00:00Z') }),
    incident({ incident_id: 'E', priority: 'P2', opened_at: at('2026-08-10T08:00:00Z'), resolved_at: at('2026-08-10T10:00:00Z') }),
    incident({ incident_id: 'F', priority: 'P1', opened_at: at('2026-06-27T08:00:00Z'), resolved_at: at('2026-06-27T12:00:00Z') }),
    incident({ incident_id: 'G', priority: 'P1', opened_at: at('2026-06-29T08:00:00Z'), resolved_at: at('2026-06-29T12:00:00Z'), rca_completed_at: at('2026-06-30T09:00:00Z') }),
  ];

  it('counts exactly 48 h as on time and 48 h + 1 min as late', () => {
    const result = evaluateMeasure(rca, contextFor({ incidents }));
    expect(result.value).toBeCloseTo(0.5, 6);
    expect(result.n).toBe(4);
    expect(result.status).toBe('missed');
    expect(result.ci95![0]).toBeCloseTo(0.150039, 6);
    expect(result.ci95![1]).toBeCloseTo(0.849961, 6);
    // Late incidents are named by id in the note; no person is attached.
    expect(result.details).toEqual([
      { note: 'B: RCA due 2026-08-03T10:00:00Z, done 2026-08-03T10:01:00Z' },
      { note: 'C: RCA due 2026-08-12T10:00:00Z, not done' },
    ]);
  });

  it('meets a target lowered to 0.5 by the config', () => {
    const result = evaluateMeasure(rca, contextFor({ incidents }, { config: testConfig({ targets: { p1_rca_48h: 0.5 } }) }));
    expect(result.status).toBe('met');
    expect(result.target).toEqual({ op: '>=', value: 0.5 });
  });

  it('starts the clock at opened_at with rca.clockStartsAt = opened', () => {
    // Clock from opening: A due 08-03 08:00 (RCA 10:00 → late), B late, C due 08-12 08:00 (never → late),
    // D (unresolved) now due 08-12 08:00 → late, F due 06-29 → out, G due 07-01 08:00 → on time (06-30).
    // Base A, B, C, D, G = 5; on time G → 1/5 = 0.2.
    const config = testConfig({ rca: { clockStartsAt: 'opened', hours: 48 } });
    const result = evaluateMeasure(rca, contextFor({ incidents }, { config }));
    expect(result.value).toBeCloseTo(0.2, 6);
    expect(result.n).toBe(5);
  });

  it('follows rca.hours', () => {
    // 72 h: A due 08-04 10:00 (on time), B on time, C due 08-13 (late), G due 07-02 (on time),
    // F due 06-30 12:00 → still before P. Base 4, on time 3 → 0.75.
    const config = testConfig({ rca: { clockStartsAt: 'resolved', hours: 72 } });
    const result = evaluateMeasure(rca, contextFor({ incidents }, { config }));
    expect(result.value).toBeCloseTo(0.75, 6);
    expect(result.n).toBe(4);
    // The label says the hours allowed, so a 72-hour figure is not read as a 48-hour one.
    expect(result.label).toBe('P1 root-cause analyses done within 72 h');
    expect(evaluateMeasure(rca, contextFor({ incidents })).label).toBe('P1 root-cause analyses done within 48 h');
  });

  it('is insufficient_data with n 0 when no P1 RCA falls due in P', () => {
    const result = evaluateMeasure(rca, contextFor({ incidents: [incidents[3]!, incidents[4]!, incidents[5]!] }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBe(0);
    expect(result.value).toBeNull();
  });

  it('is no_data without incidents', () => {
    const result = evaluateMeasure(rca, contextFor({}));
    expect(result.status).toBe('no_data');
    expect(result.reason).toMatch(/incidents\.csv/);
  });
});

describe('p1_rca_48h: a due time late on the last day of P in America/New_York', () => {
  // Resolved 2026-09-28 23:30 EDT (09-29 03:30Z) → due 2026-09-30 23:30 EDT = 2026-10-01 03:30Z.
  // Its calendar date in New York is 09-30 (in P) although its UTC date is 10-01. The RCA at
  // 09-30 22:00 EDT (10-01 02:00Z) is before T_end (10-01 03:59:59.999Z) and before the due time → 1/1.
  const late = incident({
    incident_id: 'NY', priority: 'P1', opened_at: at('2026-09-28T20:00:00-04:00'),
    resolved_at: at('2026-09-28T23:30:00-04:00'), rca_completed_at: at('2026-09-30T22:00:00-04:00'),
  });
  it('is counted in P in New York', () => {
    const result = evaluateMeasure(rca, contextFor({ incidents: [late] }, { config: newYork }));
    expect(result.value).toBe(1);
    expect(result.n).toBe(1);
    expect(result.status).toBe('met');
  });
  it('falls after P in UTC (due date 10-01), leaving no one', () => {
    const result = evaluateMeasure(rca, contextFor({ incidents: [late] }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBe(0);
  });
});

describe('p1_unresolved (P = 2026-Q3)', () => {
  // U1: P1 opened 08-01, never resolved → counted. U2: P1 opened 09-30, resolved 10-02 (after T_end, so
  // absent) → counted. U3: P1 opened 06-30, unresolved → opened before P, not counted. U4: P2 unresolved →
  // not counted. U5: P1 resolved 09-01 → not counted. Count = 2; n absent; info.
  const incidents = [
    incident({ incident_id: 'U1', priority: 'P1', opened_at: at('2026-08-01T00:00:00Z') }),
    incident({ incident_id: 'U2', priority: 'P1', opened_at: at('2026-09-30T12:00:00Z'), resolved_at: at('2026-10-02T00:00:00Z') }),
    incident({ incident_id: 'U3', priority: 'P1', opened_at: at('2026-06-30T12:00:00Z') }),
    incident({ incident_id: 'U4', priority: 'P2', opened_at: at('2026-08-01T00:00:00Z') }),
    incident({ incident_id: 'U5', priority: 'P1', opened_at: at('2026-08-01T00:00:00Z'), resolved_at: at('2026-09-01T00:00:00Z') }),
  ];
  it('counts P1s opened in P and unresolved at T_end', () => {
    const result = evaluateMeasure(unresolved, contextFor({ incidents }));
    expect(result.value).toBe(2);
    expect(result.n).toBeNull();
    expect(result.status).toBe('info');
    expect(result.details.map((d) => d.note.slice(0, 3))).toEqual(['U1:', 'U2:']);
  });
});

describe('action_items_30d (P = 2026-Q3, UTC)', () => {
  // X: created 08-01 09:00, due 08-31 09:00, done exactly at due → on time.
  // Y: same, done 1 ms after due → late (owner O1 named).
  // Z: created 08-31 12:00 → due 09-30 12:00, the last day of P → counted; never done → late.
  // W: created 09-01 → due 10-01, after P → not counted.
  // V: created 06-01 → due 07-01, in P; done 06-20 → on time.
  // Base X, Y, Z, V = 4; on time X, V → 0.5; Wilson(2, 4) = [0.150039, 0.849961]; < 0.80 → missed.
  const items = [
    actionItem({ action_id: 'X', created_at: at('2026-08-01T09:00:00Z'), completed_at: at('2026-08-31T09:00:00Z') }),
    actionItem({ action_id: 'Y', owner_id: 'O1', created_at: at('2026-08-01T09:00:00Z'), completed_at: at('2026-08-31T09:00:00.001Z') }),
    actionItem({ action_id: 'Z', created_at: at('2026-08-31T12:00:00Z') }),
    actionItem({ action_id: 'W', created_at: at('2026-09-01T00:00:00Z') }),
    actionItem({ action_id: 'V', created_at: at('2026-06-01T00:00:00Z'), completed_at: at('2026-06-20T00:00:00Z') }),
  ];
  it('counts items due in P, on time when done by the due instant', () => {
    const result = evaluateMeasure(actionItems, contextFor({ action_items: items }));
    expect(result.value).toBeCloseTo(0.5, 6);
    expect(result.n).toBe(4);
    expect(result.status).toBe('missed');
    expect(result.ci95![0]).toBeCloseTo(0.150039, 6);
    expect(result.details).toEqual([
      { employeeId: 'O1', note: 'Y: action item due 2026-08-31T09:00:00Z, done 2026-08-31T09:00:00.001Z' },
      { note: 'Z: action item due 2026-09-30T12:00:00Z, not done' },
    ]);
  });
  it('is insufficient_data with n 0 when nothing falls due in P', () => {
    const result = evaluateMeasure(actionItems, contextFor({ action_items: [items[3]!] }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBe(0);
  });
});

describe('action_items_30d across DST in America/New_York (P = 2026-Q4)', () => {
  // Created 2026-10-15 09:00 EDT (13:00Z). 30 days later at the same wall time is 2026-11-14 09:00 EST =
  // 14:00Z (30 × 24 h + 1 h, as clocks fell back on 11-01). D1 done 13:30Z (08:30 EST) → on time, though
  // 30 × 24 h would call it late; D2 done 14:00:00.001Z → late. 1/2 = 0.5.
  const items = [
    actionItem({ action_id: 'D1', created_at: at('2026-10-15T09:00:00-04:00'), completed_at: at('2026-11-14T13:30:00Z') }),
    actionItem({ action_id: 'D2', created_at: at('2026-10-15T09:00:00-04:00'), completed_at: at('2026-11-14T14:00:00.001Z') }),
  ];
  it('keeps the wall-clock time', () => {
    const result = evaluateMeasure(actionItems, contextFor({ action_items: items }, { period: '2026-Q4', config: newYork }));
    expect(result.value).toBeCloseTo(0.5, 6);
    expect(result.n).toBe(2);
    // Shown at New York's offset (EST, -05:00): due 09:00, done 09:00:00.001, the wall time the item was set for.
    expect(result.details.map((d) => d.note)).toEqual(['D2: action item due 2026-11-14T09:00:00-05:00, done 2026-11-14T09:00:00.001-05:00']);
  });
  it('counts an item due late on the last day of P in New York', () => {
    // Created 12-01 23:30 EST (12-02 04:30Z) → due 12-31 23:30 EST = 2027-01-01 04:30Z: its UTC date is after
    // P, its New York date is P's last day → counted; done 12-31 23:00 EST, before the due time → 1/1.
    const item = actionItem({ action_id: 'L', created_at: at('2026-12-01T23:30:00-05:00'), completed_at: at('2026-12-31T23:00:00-05:00') });
    const result = evaluateMeasure(actionItems, contextFor({ action_items: [item] }, { period: '2026-Q4', config: newYork }));
    expect(result.n).toBe(1);
    expect(result.value).toBe(1);
  });
});

describe('addDaysInZone', () => {
  it.each([
    // Spring forward (2026-03-08): 02-20 09:00 EST (14:00Z) + 30 d → 03-22 09:00 EDT = 13:00Z.
    { from: '2026-02-20T14:00:00Z', zone: 'America/New_York', to: '2026-03-22T13:00:00Z' },
    // Fall back (2026-11-01): 10-15 09:00 EDT (13:00Z) + 30 d → 11-14 09:00 EST = 14:00Z.
    { from: '2026-10-15T13:00:00Z', zone: 'America/New_York', to: '2026-11-14T14:00:00Z' },
    // 02:30 on 2026-03-08 does not exist in New York: 02-06 02:30 EST + 30 d moves forward to 03:30 EDT (07:30Z).
    { from: '2026-02-06T07:30:00Z', zone: 'America/New_York', to: '2026-03-08T07:30:00Z' },
    // Month rollover in UTC: 01-15 + 30 d = 02-14.
    { from: '2026-01-15T23:59:59.999Z', zone: 'UTC', to: '2026-02-14T23:59:59.999Z' },
  ])('$from + 30 days in $zone = $to', ({ from, zone, to }) => {
    expect(new Date(addDaysInZone(at(from), 30, zone)).toISOString()).toBe(new Date(at(to)).toISOString());
  });

  it('lands on the wall time that exists after Lord Howe falls back half an hour', () => {
    // Lord Howe is +11:00 in summer, +10:30 in winter; on 2018-04-01 at 02:00 (+11:00, 2018-03-31T15:00Z)
    // clocks go back to 01:30. 2018-02-24T15:00Z is 2018-02-25 02:00 (+11:00); 35 days later is 2018-04-01
    // 02:00, which exists once, after the change: 02:00 − 10:30 = 2018-03-31T15:30Z. (date-fns' TZDate
    // gives 14:00Z here, which is 01:00 local: an hour early. Hence no date-fns oracle for this zone.)
    expect(addDaysInZone(at('2018-02-24T15:00:00Z'), 35, 'Australia/Lord_Howe')).toBe(at('2018-03-31T15:30:00Z'));
    // The same on 2030-04-07: 2030-02-19T15:00Z (02:00 +11:00) + 46 days = 2030-04-07 02:00 +10:30.
    expect(addDaysInZone(at('2030-02-19T15:00:00Z'), 46, 'Australia/Lord_Howe')).toBe(at('2030-04-06T15:30:00Z'));
  });

  it('takes the first occurrence of a repeated wall time, and zero days is the instant itself', () => {
    // London falls back on 2023-10-29 at 02:00 BST to 01:00 GMT, so 01:30 occurs at 00:30Z and at 01:30Z.
    // 2023-09-29 01:30 BST (00:30Z) + 30 d → 10-29 01:30, first occurrence: 00:30Z.
    expect(addDaysInZone(at('2023-09-29T00:30:00Z'), 30, 'Europe/London')).toBe(at('2023-10-29T00:30:00Z'));
    // New York falls back on 2023-11-05 (02:00 EDT → 01:00 EST): 10-06 01:30 EDT (05:30Z) + 30 d → 05:30Z.
    expect(addDaysInZone(at('2023-10-06T05:30:00Z'), 30, 'America/New_York')).toBe(at('2023-11-05T05:30:00Z'));
    // The second 01:00 in London (01:00Z) + 0 d is itself, not the first 01:00 (00:00Z).
    expect(addDaysInZone(at('2023-10-29T01:00:00Z'), 0, 'Europe/London')).toBe(at('2023-10-29T01:00:00Z'));
  });

  it('agrees with date-fns addDays in the zone, with TZ set to that zone as the CLI sets it', () => {
    // Lord Howe's half-hour change is tested by hand above: date-fns is an hour off at its fall-back.
    // date-fns reads a repeated wall time through the process's own zone (in a UTC process it gives
    // London's second 01:30, in a London one the first), so each zone is checked with TZ set to it.
    const zones = ['America/New_York', 'Europe/London', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC'];
    const saved = process.env.TZ;
    try {
      for (const zone of zones) {
        process.env.TZ = zone;
        fc.assert(fc.property(
          fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') }),
          fc.integer({ min: 0, max: 60 }),
          (instant, days) => {
            expect(addDaysInZone(instant, days, zone)).toBe(addDays(instant, days, { in: tz(zone) }).getTime());
          },
        ), { numRuns: 400 });
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('recurrence_reduction_yoy (T = 2026-09-30, Y = (2025-09-30, 2026-09-30], Y₋₁ = (2024-09-30, 2025-09-30])', () => {
  const day = (date: string): number => at(`${date}T12:00:00Z`);
  // Before Y₋₁: P0 2024-08-01 api/db.
  // Y₋₁: A1 2024-10-15 api/db (75 days after P0, which lies before Y₋₁ → recurrence); A2 2025-03-01 web/net;
  //      A3 2025-03-20 links OLD-1, absent from the data → recurrence; A4 2025-06-01 web/dns (other category).
  //      4 incidents, 2 recurrences → 0.5.
  // Y:   B1 2025-10-01 api/db (A1 is 351 days back); B2 2025-12-01 web/net, links B3 which opened later → not;
  //      B3 2026-02-01 api/db (123 days after B1); B4 2026-03-01 api/db (28 days after B3 → recurrence);
  //      B5 2026-04-01 api with an empty category. 5 incidents, 1 recurrence → 0.2.
  // 1 − 0.2 / 0.5 = 0.6 ≥ 0.30 → met; n null.
  const incidents = [
    incident({ incident_id: 'P0', opened_at: day('2024-08-01'), service: 'api', root_cause_category: 'db' }),
    incident({ incident_id: 'A1', opened_at: day('2024-10-15'), service: 'api', root_cause_category: 'db' }),
    incident({ incident_id: 'A2', opened_at: day('2025-03-01'), service: 'web', root_cause_category: 'net' }),
    incident({ incident_id: 'A3', opened_at: day('2025-03-20'), recurrence_of: 'OLD-1' }),
    incident({ incident_id: 'A4', opened_at: day('2025-06-01'), service: 'web', root_cause_category: 'dns' }),
    incident({ incident_id: 'B1', opened_at: day('2025-10-01'), service: 'api', root_cause_category: 'db' }),
    incident({ incident_id: 'B2', opened_at: day('2025-12-01'), service: 'web', root_cause_category: 'net', recurrence_of: 'B3' }),
    incident({ incident_id: 'B3', opened_at: day('2026-02-01'), service: 'api', root_cause_category: 'db' }),
    incident({ incident_id: 'B4', opened_at: day('2026-03-01'), service: 'api', root_cause_category: 'db' }),
    incident({ incident_id: 'B5', opened_at: day('2026-04-01'), service: 'api', root_cause_category: '' }),
  ];

  it('compares the recurrence rates of Y and Y₋₁', () => {
    const result = evaluateMeasure(recurrence, contextFor({ incidents }));
    expect(result.value).toBeCloseTo(0.6, 6);
    expect(result.n).toBeNull();
    expect(result.ci95).toBeNull();
    expect(result.status).toBe('met');
  });

  it('uses explicit links only when recurrence.infer is false', () => {
    // Y₋₁: only A3 → 1/4 = 0.25; Y: none → 0. 1 − 0 / 0.25 = 1.
    const config = testConfig({ recurrence: { infer: false, windowDays: 90 } });
    expect(evaluateMeasure(recurrence, contextFor({ incidents }, { config })).value).toBe(1);
  });

  it('misses a target raised to 0.7 by the config', () => {
    const config = testConfig({ targets: { recurrence_reduction_yoy: 0.7 } });
    expect(evaluateMeasure(recurrence, contextFor({ incidents }, { config })).status).toBe('missed');
  });

  it.each([
    // Y₋₁ with incidents but no recurrence (drop A1 and A3): rate 0 → nothing to reduce.
    { name: 'no recurrence in Y₋₁', keep: (id: string) => id !== 'A1' && id !== 'A3' },
    // Only incidents of Y: Y₋₁ has none.
    { name: 'no incident in Y₋₁', keep: (id: string) => id.startsWith('B') },
    // Only incidents before Y: Y has none.
    { name: 'no incident in Y', keep: (id: string) => !id.startsWith('B') },
  ])('is insufficient_data with $name', ({ keep }) => {
    const result = evaluateMeasure(recurrence, contextFor({ incidents: incidents.filter((i) => keep(i.incident_id)) }));
    expect(result.status).toBe('insufficient_data');
    expect(result.n).toBeNull();
  });

  it('buckets incidents by their opening date in the configured zone', () => {
    // R1 2025-06-01 api/db; R2 2025-07-01 api/db (30 days → recurrence). X opens 2025-10-01 02:00Z, which
    // is 2025-09-30 22:00 in New York (Y₋₁) but 2025-10-01 in UTC (Y); 92 days after R2 → not a recurrence.
    // Y1 2026-01-01 web/net; Y2 2026-01-02 links R1 → recurrence.
    // New York: Y₋₁ = R1, R2, X → 1/3; Y = Y1, Y2 → 1/2; 1 − (1/2)/(1/3) = −0.5.
    // UTC:      Y₋₁ = R1, R2 → 1/2; Y = X, Y1, Y2 → 1/3; 1 − (1/3)/(1/2) = 1/3.
    const set = [
      incident({ incident_id: 'R1', opened_at: day('2025-06-01'), service: 'api', root_cause_category: 'db' }),
      incident({ incident_id: 'R2', opened_at: day('2025-07-01'), service: 'api', root_cause_category: 'db' }),
      incident({ incident_id: 'X', opened_at: at('2025-10-01T02:00:00Z'), service: 'api', root_cause_category: 'db' }),
      incident({ incident_id: 'Y1', opened_at: day('2026-01-01'), service: 'web', root_cause_category: 'net' }),
      incident({ incident_id: 'Y2', opened_at: day('2026-01-02'), recurrence_of: 'R1' }),
    ];
    expect(evaluateMeasure(recurrence, contextFor({ incidents: set }, { config: newYork })).value).toBeCloseTo(-0.5, 6);
    expect(evaluateMeasure(recurrence, contextFor({ incidents: set })).value).toBeCloseTo(1 / 3, 6);
  });
});

describe('exception_handling metric status', () => {
  it('is the worst of its measures with a target; p1_unresolved (info) never changes it', () => {
    // Only one P3 incident: p1_rca_48h insufficient (no P1), p1_unresolved info (count 0),
    // action_items_30d no_data (no file), recurrence insufficient (Y₋₁ empty) → worst is insufficient_data.
    const ctx = contextFor({ incidents: [incident({ incident_id: 'I', opened_at: at('2026-08-01T00:00:00Z') })] });
    const result = evaluateMetric(exceptionHandling, ctx);
    expect(result.measures.map((m) => m.status)).toEqual(['insufficient_data', 'info', 'no_data', 'insufficient_data']);
    expect(result.status).toBe('insufficient_data');
    expect(result.title).toBe('Exception handling quality');
  });
});
