import { describe, expect, it } from 'vitest';
import type { MeasureId } from '../../src/core/report.js';
import adoption from '../../src/metrics/adoption.js';
import { evaluateMeasure, evaluateMetric } from '../../src/report/evaluate.js';
import {
  at, change, contextFor, improvement, incident, measureOf, mentorship, orgOf, person, promotedPerson, testConfig,
} from '../helpers/org.js';

const measure = (id: MeasureId) => measureOf(adoption, id);

describe('postmortem_leads_6m', () => {
  /*
   * T = 2026-09-30; the 6-month cohort is s + 6 months ≤ T.
   *   A1 s 2026-01-15 (window to 2026-07-15): led a postmortem completed 2026-07-15T23:30Z → 2026-07-15 in UTC → yes.
   *   A2 s 2026-02-01: led an incident opened 2026-01-31 (no postmortem date) → before s → no.
   *   A3 s 2026-02-01: led an incident opened 2026-02-01T00:00Z, no postmortem date → opened_at counts, on s → yes.
   *   A4 s 2026-03-31: 2026-03-31 + 6 months = 2026-09-30 = T → in the cohort; led nothing → no.
   *   A5 s 2026-04-01: + 6 months = 2026-10-01 > T → not in the cohort.
   *   A6 s 2025-06-01, terminated 2025-11-30, the day before s + 6 months → not in the cohort.
   *   A7 s 2025-06-01, terminated 2025-12-01 = s + 6 months → in the cohort; postmortem completed 2025-08-01 → yes.
   * 3 of 5 = 0.6 → missed (target = 1.0). Wilson 3/5 = [0.230724, 0.882379].
   */
  const data = () => ({
    ...orgOf([
      promotedPerson('A1', '2026-01-15'),
      promotedPerson('A2', '2026-02-01'),
      promotedPerson('A3', '2026-02-01'),
      promotedPerson('A4', '2026-03-31'),
      promotedPerson('A5', '2026-04-01'),
      promotedPerson('A6', '2025-06-01', { termination: '2025-11-30' }),
      promotedPerson('A7', '2025-06-01', { termination: '2025-12-01' }),
    ]),
    incidents: [
      incident({ incident_id: 'I1', opened_at: at('2026-07-01T10:00:00Z'), postmortem_lead_id: 'A1', postmortem_completed_at: at('2026-07-15T23:30:00Z') }),
      incident({ incident_id: 'I2', opened_at: at('2026-01-31T12:00:00Z'), postmortem_lead_id: 'A2' }),
      incident({ incident_id: 'I3', opened_at: at('2026-02-01T00:00:00Z'), postmortem_lead_id: 'A3' }),
      incident({ incident_id: 'I5', opened_at: at('2026-06-01T00:00:00Z'), postmortem_lead_id: 'A5' }),
      incident({ incident_id: 'I7', opened_at: at('2025-07-20T00:00:00Z'), postmortem_lead_id: 'A7', postmortem_completed_at: at('2025-08-01T09:00:00Z') }),
    ],
  });

  it('3 of 5 → 0.6, missed, and names those who led none', () => {
    const r = evaluateMeasure(measure('postmortem_leads_6m'), contextFor(data()));
    expect(r.value).toBe(0.6);
    expect(r.n).toBe(5);
    expect(r.status).toBe('missed');
    expect(r.ci95![0]).toBeCloseTo(0.230724, 5);
    expect(r.ci95![1]).toBeCloseTo(0.882379, 5);
    expect(r.details).toEqual([
      { employeeId: 'A2', note: 'led no postmortem between 2026-02-01 and 2026-08-01' },
      { employeeId: 'A4', note: 'led no postmortem between 2026-03-31 and 2026-09-30' },
    ]);
  });

  it('timestamps are taken as their calendar date in the configured zone', () => {
    // In Pacific/Auckland, both ways across a window edge:
    //   A1: 2026-07-15T23:30Z is 11:30 on 2026-07-16 (UTC+12 in July) → after A1's window → no.
    //   A2: 2026-01-31T12:00Z is 01:00 on 2026-02-01 (UTC+13 in summer) → on s → yes.
    //   A3: 2026-02-01T00:00Z is 13:00 on 2026-02-01 → still on s; A7: 2025-08-01 → yes.
    // Still 3 of 5, but A1 falls short instead of A2.
    const config = testConfig({ timezone: 'Pacific/Auckland' });
    const r = evaluateMeasure(measure('postmortem_leads_6m'), contextFor(data(), { config }));
    expect(r.value).toBe(0.6);
    expect(r.details.map((d) => d.employeeId)).toEqual(['A1', 'A4']);
  });

  it('everyone led one → 1.0, met (the target is = 1.0)', () => {
    const d = data();
    d.incidents.push(
      incident({ incident_id: 'J2', opened_at: at('2026-03-01T00:00:00Z'), postmortem_lead_id: 'A2' }),
      incident({ incident_id: 'J4', opened_at: at('2026-09-30T08:00:00Z'), postmortem_lead_id: 'A4' }),
    );
    const r = evaluateMeasure(measure('postmortem_leads_6m'), contextFor(d));
    expect(r.value).toBe(1);
    expect(r.status).toBe('met');
  });

  it('a postmortem completed after T counts as absent, so the incident\'s opened_at is used', () => {
    // A4's window ends on T; the incident opened 2026-09-20, its postmortem is dated 2026-10-02 (after T_end).
    const d = data();
    d.incidents.push(incident({ incident_id: 'J4', opened_at: at('2026-09-20T08:00:00Z'), postmortem_lead_id: 'A4', postmortem_completed_at: at('2026-10-02T08:00:00Z') }));
    const r = evaluateMeasure(measure('postmortem_leads_6m'), contextFor(d));
    expect(r.details.map((x) => x.employeeId)).toEqual(['A2']);
  });

  it('no one in the 6-month cohort → insufficient_data, n 0', () => {
    const r = evaluateMeasure(measure('postmortem_leads_6m'), contextFor({ ...orgOf([promotedPerson('A5', '2026-04-01')]), incidents: [] }));
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBe(0);
    expect(r.reason).toBe('no one has completed 6 months on the 2.0 track by 2026-09-30');
  });

  it('without incidents → no_data', () => {
    const r = evaluateMeasure(measure('postmortem_leads_6m'), contextFor(orgOf([promotedPerson('A1', '2026-01-15')])));
    expect(r.status).toBe('no_data');
    expect(r.reason).toContain('incidents.csv');
  });
});

describe('process_designers_1y', () => {
  /*
   * The 12-month cohort: s + 12 months ≤ 2026-09-30.
   *   D1 s 2025-01-10: critical design completed 2026-01-10 = s + 12 months → yes.
   *   D2 s 2025-01-10: critical redesign completed 2026-01-11, a day late → no.
   *   D3 s 2025-02-01: a design that is not critical → no.
   *   D4 s 2025-02-01: a critical `improvement` (not a design or redesign) → no.
   *   D5 s 2025-02-01: critical redesign completed 2025-02-01 = s → yes.
   *   D6 s 2025-09-30: in the cohort (s + 12 months = T); critical design on 2026-09-30 → yes.
   *   D7 s 2025-10-01: not in the cohort.
   * 3 of 6 = 0.5 → missed (target ≥ 0.80). Wilson 3/6 = [0.187616, 0.812384].
   */
  const data = () => ({
    ...orgOf(['D1', 'D2'].map((id) => promotedPerson(id, '2025-01-10'))
      .concat(['D3', 'D4', 'D5'].map((id) => promotedPerson(id, '2025-02-01')))
      .concat([promotedPerson('D6', '2025-09-30'), promotedPerson('D7', '2025-10-01')])),
    improvements: [
      improvement({ improvement_id: 'P1', owner_id: 'D1', completed_on: '2026-01-10', kind: 'design', critical: true }),
      improvement({ improvement_id: 'P2', owner_id: 'D2', completed_on: '2026-01-11', kind: 'redesign', critical: true }),
      improvement({ improvement_id: 'P3', owner_id: 'D3', completed_on: '2025-06-01', kind: 'design', critical: false }),
      improvement({ improvement_id: 'P4', owner_id: 'D4', completed_on: '2025-06-01', kind: 'improvement', critical: true }),
      improvement({ improvement_id: 'P5', owner_id: 'D5', completed_on: '2025-02-01', kind: 'redesign', critical: true }),
      improvement({ improvement_id: 'P6', owner_id: 'D6', completed_on: '2026-09-30', kind: 'design', critical: true }),
      improvement({ improvement_id: 'P7', owner_id: 'D7', completed_on: '2026-01-01', kind: 'design', critical: true }),
    ],
  });

  it('3 of 6 → 0.5, missed', () => {
    const r = evaluateMeasure(measure('process_designers_1y'), contextFor(data()));
    expect(r.value).toBe(0.5);
    expect(r.n).toBe(6);
    expect(r.status).toBe('missed');
    expect(r.ci95![0]).toBeCloseTo(0.187616, 5);
    expect(r.ci95![1]).toBeCloseTo(0.812384, 5);
    expect(r.details.map((d) => d.employeeId)).toEqual(['D2', 'D3', 'D4']);
    expect(r.details[0]!.note).toBe('completed no critical design or redesign between 2025-01-10 and 2026-01-10');
  });

  it('a target override of 0.5 → met at the boundary', () => {
    const r = evaluateMeasure(measure('process_designers_1y'), contextFor(data(), { config: testConfig({ targets: { process_designers_1y: 0.5 } }) }));
    expect(r.status).toBe('met');
  });
});

describe('mentors_1y', () => {
  /*
   * The 12-month cohort, all with s = 2025-01-01 (window [2025-01-01, 2026-01-01]):
   *   M1 mentors X1 (ops1) from 2025-03-01 → yes.
   *   M2 mentored X2 (technician) 2024-06-01 – 2025-01-01: ends on s, so it overlaps → yes.
   *   M3 mentors X1 from 2026-01-02, the day after the window → no overlap → no.
   *   M4 mentors X4, a manager → not a technician / ops1 / ops1_senior → no.
   *   M5 mentors GHOST, who is not in people → no level → no.
   *   M6 mentors X6 from 2025-05-31; X6 was a technician then (manager from 2025-06-01) → yes.
   *   M7 mentors X6 from 2025-06-01, when X6 was already a manager → no.
   * 3 of 7 = 0.428571 → missed (target = 1.0). Wilson 3/7 = [0.158220, 0.749542].
   */
  const data = () => ({
    ...orgOf(
      ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7'].map((id) => promotedPerson(id, '2025-01-01')),
      [
        person({ employee_id: 'X1', level: 'ops1' }),
        person({ employee_id: 'X2', level: 'technician' }),
        person({ employee_id: 'X4', level: 'manager' }),
        person({ employee_id: 'X6', level: 'manager' }),
      ],
      [change('X6', '2020-01-01', 'technician'), change('X6', '2025-06-01', 'manager')],
    ),
    mentorships: [
      mentorship('M1', 'X1', '2025-03-01'),
      mentorship('M2', 'X2', '2024-06-01', '2025-01-01'),
      mentorship('M3', 'X1', '2026-01-02'),
      mentorship('M4', 'X4', '2025-02-01'),
      mentorship('M5', 'GHOST', '2025-02-01'),
      mentorship('M6', 'X6', '2025-05-31'),
      mentorship('M7', 'X6', '2025-06-01'),
    ],
  });

  it('3 of 7 → 0.428571, missed, and says why each shortfall', () => {
    const r = evaluateMeasure(measure('mentors_1y'), contextFor(data()));
    expect(r.value).toBeCloseTo(3 / 7, 6);
    expect(r.n).toBe(7);
    expect(r.status).toBe('missed');
    expect(r.ci95![0]).toBeCloseTo(0.15822, 5);
    expect(r.ci95![1]).toBeCloseTo(0.749542, 5);
    const none = 'mentored no technician, ops1 or ops1_senior between 2025-01-01 and 2026-01-01';
    expect(r.details).toEqual([
      { employeeId: 'M3', note: none },
      { employeeId: 'M4', note: `${none} (mentee X4 was manager on 2025-02-01)` },
      { employeeId: 'M5', note: `${none} (mentee GHOST is not in people on 2026-09-30)` },
      { employeeId: 'M7', note: `${none} (mentee X6 was manager on 2025-06-01)` },
    ]);
  });

  it('a mentorship ended the day before s does not overlap', () => {
    const d = data();
    d.mentorships[1] = mentorship('M2', 'X2', '2024-06-01', '2024-12-31');
    const r = evaluateMeasure(measure('mentors_1y'), contextFor(d));
    expect(r.details.map((x) => x.employeeId)).toEqual(['M2', 'M3', 'M4', 'M5', 'M7']);
  });

  it('the metric status is the worst of its measures with a target', () => {
    // mentors_1y is missed; postmortem_leads_6m needs incidents (absent → no_data): missed wins.
    const m = evaluateMetric(adoption, contextFor(data()));
    expect(m.measures.map((x) => x.status)).toEqual(['no_data', 'no_data', 'missed']);
    expect(m.status).toBe('missed');
  });
});
