/**
 * The records a run can read (src/report/horizon.ts): each rule's boundary, worked out from the window.
 *
 * Window 2026-Q3 (UTC): P = [2026-07-01, 2026-09-30], T = 2026-09-30, Y = (2025-09-30, 2026-09-30],
 * Y₋₁ = (2024-09-30, 2025-09-30]. Slack is 2 days wherever a date meets an instant.
 */
import { describe, expect, it } from 'vitest';
import { IncidentTable } from '../../src/core/incident-table.js';
import { resolveWindow } from '../../src/model/window.js';
import { recordFilters, type RecordFilters } from '../../src/report/horizon.js';
import { actionItem, at, incident, testConfig } from '../helpers/org.js';

const windowOf = (period: string) => resolveWindow({ period, today: '2026-11-25', timezone: 'UTC' });
const q3 = recordFilters([windowOf('2026-Q3')], testConfig());

/** A rule of `filters`, which these tests expect to be there. */
const rule = <D extends keyof RecordFilters>(filters: RecordFilters, dataset: D): NonNullable<RecordFilters[D]> => {
  const found = filters[dataset];
  if (found === undefined) throw new Error(`no rule for ${dataset}`);
  return found;
};

describe('recordFilters', () => {
  it('keeps time allocation and meetings from the first day of P', () => {
    const row = (period_start: string) => ({ employee_id: 'E1', period_start, category: 'automation' as const, hours: 1 });
    expect(rule(q3, 'time_allocation')(row('2026-07-01'))).toBe(true);
    expect(rule(q3, 'time_allocation')(row('2026-06-30'))).toBe(false);
    // Rows after T stay: the as-of cut leaves them out, per window.
    expect(rule(q3, 'time_allocation')(row('2026-12-01'))).toBe(true);
    const meeting = (date: string) => ({ employee_id: 'E1', date, kind: 'product_roadmap' });
    expect(rule(q3, 'meetings')(meeting('2026-07-01'))).toBe(true);
    expect(rule(q3, 'meetings')(meeting('2026-06-30'))).toBe(false);
  });

  it('keeps assessments and incorporated requirements of Y, whose start is exclusive', () => {
    const assessment = (assessed_on: string) => ({ employee_id: 'E1', assessed_on, score: 3 });
    expect(rule(q3, 'skill_assessments')(assessment('2025-10-01'))).toBe(true);
    expect(rule(q3, 'skill_assessments')(assessment('2025-09-30'))).toBe(false);
    const requirement = (incorporated_on: string | undefined) => ({ requirement_id: 'R1', sourced_by: 'E1', raised_on: '2024-01-01', incorporated_on });
    expect(rule(q3, 'requirements')(requirement('2025-10-01'))).toBe(true);
    expect(rule(q3, 'requirements')(requirement('2025-09-30'))).toBe(false);
    // Never incorporated: no measure counts it.
    expect(rule(q3, 'requirements')(requirement(undefined))).toBe(false);
  });

  it('keeps action items that can fall due on or after the first day of P', () => {
    // Due = created + 30 days; due on 2026-07-01 at the earliest means created on 2026-06-01 in the zone,
    // which begins at 2026-05-31T10:00Z in the zone furthest ahead (UTC+14). With 2 days of slack the
    // bound is 2026-07-01T00:00Z − 32 days = 2026-05-30T00:00Z.
    const item = (iso: string) => actionItem({ action_id: 'A1', created_at: at(iso) });
    expect(rule(q3, 'action_items')(item('2026-05-30T00:00:00Z'))).toBe(true);
    expect(rule(q3, 'action_items')(item('2026-05-29T23:59:59.999Z'))).toBe(false);
  });

  it('keeps only the automation-design course, by any of its configured names, and written automation', () => {
    const training = (course: string) => ({ employee_id: 'E1', course, completed_on: '2019-01-01' });
    // No date bound: a course taken before the 2.0 start counts.
    expect(rule(q3, 'trainings')(training('  Automation Design '))).toBe(true);
    expect(rule(q3, 'trainings')(training('terraform'))).toBe(false);
    const custom = recordFilters([windowOf('2026-Q3')], testConfig({ courses: { automationDesign: ['AD-101'] } }));
    expect(rule(custom, 'trainings')(training('ad-101'))).toBe(true);
    expect(rule(custom, 'trainings')(training('automation-design'))).toBe(false);
    const contribution = (kind: 'authored' | 'improved' | 'reviewed') => ({ employee_id: 'E1', date: '2019-01-01', kind, ref: undefined });
    expect(rule(q3, 'automation_contributions')(contribution('authored'))).toBe(true);
    expect(rule(q3, 'automation_contributions')(contribution('improved'))).toBe(true);
    expect(rule(q3, 'automation_contributions')(contribution('reviewed'))).toBe(false);
  });

  describe('incidents', () => {
    const keeps = (filters: RecordFilters, i: Parameters<typeof incident>[0]) => rule(filters, 'incidents')(incident(i));

    it('keeps those opened in the recurrence window before Y₋₁, and after', () => {
      // Y₋₁ begins after 2024-09-30; 90 days of look-back and 2 of slack before 2024-09-30T00:00Z is
      // 2024-06-30T00:00Z (Sep 30 → Aug 31 → Jul 31 → Jun 30 is 30 + 31 + 31 = 92 days).
      expect(keeps(q3, { incident_id: 'I1', opened_at: at('2024-06-30T00:00:00Z') })).toBe(true);
      expect(keeps(q3, { incident_id: 'I1', opened_at: at('2024-06-29T23:59:59.999Z') })).toBe(false);
      const shortWindow = recordFilters([windowOf('2026-Q3')], testConfig({ recurrence: { infer: true, windowDays: 10 } }));
      // 12 days before 2024-09-30: 2024-09-18.
      expect(keeps(shortWindow, { incident_id: 'I1', opened_at: at('2024-09-18T00:00:00Z') })).toBe(true);
      expect(keeps(shortWindow, { incident_id: 'I1', opened_at: at('2024-09-17T23:00:00Z') })).toBe(false);
    });

    it('keeps an older P1 whose RCA can fall due in P, on either clock', () => {
      const old = at('2021-01-01T00:00:00Z');
      // Resolved clock, 48 h: due on or after 2026-07-01 needs resolution from 2026-06-29 (minus the zone's
      // 14 h); with 2 days of slack the bound is 2026-07-01T00:00Z − 96 h = 2026-06-27T00:00Z.
      expect(keeps(q3, { incident_id: 'I1', opened_at: old, priority: 'P1', resolved_at: at('2026-06-27T00:00:00Z') })).toBe(true);
      expect(keeps(q3, { incident_id: 'I1', opened_at: old, priority: 'P1', resolved_at: at('2026-06-26T23:59:59Z') })).toBe(false);
      // A P2 resolved as late is read by no measure.
      expect(keeps(q3, { incident_id: 'I1', opened_at: old, priority: 'P2', resolved_at: at('2026-06-28T00:00:00Z') })).toBe(false);
      // Never resolved: on the resolved clock it has no due time, and it was not opened in P.
      expect(keeps(q3, { incident_id: 'I1', opened_at: old, priority: 'P1' })).toBe(false);
      // On the opened clock a P1's due time follows its opening, so an old P1 resolved late falls due long
      // before P: not kept. (Its bound, P's start − hours − slack, is always after the recurrence bound.)
      const opened = recordFilters([windowOf('2026-Q3')], testConfig({ rca: { clockStartsAt: 'opened', hours: 100 } }));
      expect(rule(opened, 'incidents')(incident({ incident_id: 'I1', opened_at: old, priority: 'P1', resolved_at: at('2026-07-02T00:00:00Z') }))).toBe(false);
    });

    it('keeps every postmortem led and every incident of unknown priority, however old', () => {
      const old = at('2019-01-01T00:00:00Z');
      expect(keeps(q3, { incident_id: 'I1', opened_at: old, postmortem_lead_id: 'E1' })).toBe(true);
      expect(keeps(q3, { incident_id: 'I1', opened_at: old, priority: 'unknown' })).toBe(true);
      expect(keeps(q3, { incident_id: 'I1', opened_at: old })).toBe(false);
    });
  });

  it('serves every window of a trend with the earliest bounds', () => {
    // --trend 4 ending at 2026-Q3: 2025-Q4 is the earliest quarter, P from 2025-10-01.
    const trend = recordFilters(['2026-Q3', '2025-Q4', '2026-Q1', '2026-Q2'].map(windowOf), testConfig());
    const row = (period_start: string) => ({ employee_id: 'E1', period_start, category: 'automation' as const, hours: 1 });
    expect(rule(trend, 'time_allocation')(row('2025-10-01'))).toBe(true);
    expect(rule(trend, 'time_allocation')(row('2025-09-30'))).toBe(false);
    // Y of 2025-Q4 begins after 2024-12-31.
    const assessment = (assessed_on: string) => ({ employee_id: 'E1', assessed_on, score: 3 });
    expect(rule(trend, 'skill_assessments')(assessment('2025-01-01'))).toBe(true);
    expect(rule(trend, 'skill_assessments')(assessment('2024-12-31'))).toBe(false);
  });

  it('refuses a run without a window', () => {
    expect(() => recordFilters([], testConfig())).toThrow(RangeError);
  });
});

describe('incidents set aside', () => {
  it('are counted by the table and by every cut of it', () => {
    const table = IncidentTable.of([incident({ incident_id: 'I2', opened_at: at('2026-01-01T00:00:00Z') })]);
    table.setAside();
    table.setAside();
    expect(table.setAsideRows).toBe(2);
    const cut = table.upTo(at('2025-01-01T00:00:00Z'));
    expect(cut.length).toBe(0);
    expect(cut.setAsideRows).toBe(2);
    expect(() => cut.setAside()).toThrow();
  });
});
