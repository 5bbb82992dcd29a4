import { describe, expect, it } from 'vitest';
import type { AutomationContribution, Training } from '../../src/core/datasets.js';
import type { MeasureId } from '../../src/core/report.js';
import technicalGrowth from '../../src/metrics/technical-growth.js';
import { evaluateMeasure } from '../../src/report/evaluate.js';
import { contextFor, measureOf, orgOf, promotedPerson, testConfig } from '../helpers/org.js';

const measure = (id: MeasureId) => measureOf(technicalGrowth, id);
const training = (employee_id: string, course: string, completed_on: string): Training => ({ employee_id, course, completed_on });
const contribution = (employee_id: string, date: string, kind: AutomationContribution['kind']): AutomationContribution => ({
  employee_id, date, kind, ref: undefined,
});

describe('automation_course_6m', () => {
  /*
   * T = 2026-09-30; the 6-month cohort is s + 6 months ≤ T.
   *   C1 s 2026-01-31 (+ 6 months = 2026-07-31): ' Automation Design ' on 2026-07-31 → trimmed, case-insensitive, on the day → yes.
   *   C2 s 2026-01-31: 'automation-design' on 2026-08-01, a day late → no.
   *   C3 s 2025-06-01: the course on 2024-03-01, before s: "on or before s + 6 months" has no lower bound → yes.
   *   C4 s 2025-06-01: 'Automation Basics' only → not the course → no.
   *   C5 s 2025-08-31 (+ 6 months = 2026-02-28, Aug 31 clamped): the course on 2026-02-28 → yes.
   *   C6 s 2025-08-31: the course on 2026-03-01 → no.
   *   C7 s 2026-04-01: + 6 months = 2026-10-01 > T → not in the cohort.
   * 3 of 6 = 0.5 → missed (target = 1.0). Wilson 3/6 = [0.187616, 0.812384].
   */
  const data = () => ({
    ...orgOf([
      promotedPerson('C1', '2026-01-31'), promotedPerson('C2', '2026-01-31'),
      promotedPerson('C3', '2025-06-01'), promotedPerson('C4', '2025-06-01'),
      promotedPerson('C5', '2025-08-31'), promotedPerson('C6', '2025-08-31'),
      promotedPerson('C7', '2026-04-01'),
    ]),
    trainings: [
      training('C1', ' Automation Design ', '2026-07-31'),
      training('C2', 'automation-design', '2026-08-01'),
      training('C3', 'AUTOMATION-DESIGN', '2024-03-01'),
      training('C4', 'Automation Basics', '2025-07-01'),
      training('C5', 'automation design', '2026-02-28'),
      training('C6', 'automation design', '2026-03-01'),
      training('C7', 'automation design', '2026-05-01'),
    ],
  });

  it('3 of 6 → 0.5, missed', () => {
    const r = evaluateMeasure(measure('automation_course_6m'), contextFor(data()));
    expect(r.value).toBe(0.5);
    expect(r.n).toBe(6);
    expect(r.status).toBe('missed');
    expect(r.ci95![0]).toBeCloseTo(0.187616, 5);
    expect(r.ci95![1]).toBeCloseTo(0.812384, 5);
    expect(r.details).toEqual([
      { employeeId: 'C2', note: 'no automation-design course completed by 2026-07-31' },
      { employeeId: 'C4', note: 'no automation-design course completed by 2025-12-01' },
      { employeeId: 'C6', note: 'no automation-design course completed by 2026-02-28' },
    ]);
  });

  it('the course names come from the config: only "Automation Basics" → 1 of 6 (C4)', () => {
    const config = testConfig({ courses: { automationDesign: ['  automation basics'] } });
    const r = evaluateMeasure(measure('automation_course_6m'), contextFor(data(), { config }));
    expect(r.value).toBeCloseTo(1 / 6, 6);
    expect(r.details.map((d) => d.employeeId)).toEqual(['C1', 'C2', 'C3', 'C5', 'C6']);
  });

  it('everyone → 1.0, met', () => {
    const d = data();
    d.trainings.push(training('C2', 'automation design', '2026-07-01'), training('C4', 'automation design', '2025-11-01'), training('C6', 'automation design', '2026-01-01'));
    const r = evaluateMeasure(measure('automation_course_6m'), contextFor(d));
    expect(r.value).toBe(1);
    expect(r.status).toBe('met');
  });

  it('no one in the cohort → insufficient_data, n 0', () => {
    const r = evaluateMeasure(measure('automation_course_6m'), contextFor({ ...orgOf([promotedPerson('C7', '2026-04-01')]), trainings: [] }));
    expect(r.status).toBe('insufficient_data');
    expect(r.n).toBe(0);
  });

  it('without trainings → no_data', () => {
    expect(evaluateMeasure(measure('automation_course_6m'), contextFor(orgOf([promotedPerson('C1', '2026-01-31')]))).status).toBe('no_data');
  });
});

describe('automation_contributors_1y', () => {
  /*
   * The 12-month cohort: s + 12 months ≤ 2026-09-30.
   *   K1 s 2024-02-29 (+ 12 months = 2025-02-28): authored on 2025-02-28 → yes.
   *   K2 s 2024-02-29: improved on 2025-03-01, a day late → no.
   *   K3 s 2025-01-01: only `reviewed` → no.
   *   K4 s 2025-01-01: improved on 2025-01-01 = s → yes.
   *   K5 s 2025-01-01: authored on 2024-12-31, the day before s → no.
   * 2 of 5 = 0.4 → missed (target ≥ 0.70). Wilson 2/5 = [0.117621, 0.769276].
   */
  const data = () => ({
    ...orgOf([
      promotedPerson('K1', '2024-02-29'), promotedPerson('K2', '2024-02-29'),
      promotedPerson('K3', '2025-01-01'), promotedPerson('K4', '2025-01-01'), promotedPerson('K5', '2025-01-01'),
    ]),
    automation_contributions: [
      contribution('K1', '2025-02-28', 'authored'),
      contribution('K2', '2025-03-01', 'improved'),
      contribution('K3', '2025-06-01', 'reviewed'),
      contribution('K4', '2025-01-01', 'improved'),
      contribution('K5', '2024-12-31', 'authored'),
    ],
  });

  it('2 of 5 → 0.4, missed', () => {
    const r = evaluateMeasure(measure('automation_contributors_1y'), contextFor(data()));
    expect(r.value).toBe(0.4);
    expect(r.n).toBe(5);
    expect(r.status).toBe('missed');
    expect(r.ci95![0]).toBeCloseTo(0.117621, 5);
    expect(r.ci95![1]).toBeCloseTo(0.769276, 5);
    expect(r.details.map((d) => d.employeeId)).toEqual(['K2', 'K3', 'K5']);
    expect(r.details[0]!.note).toBe('authored or improved no automation between 2024-02-29 and 2025-02-28');
  });

  it('a target override of 0.4 → met at the boundary', () => {
    const config = testConfig({ targets: { automation_contributors_1y: 0.4 } });
    expect(evaluateMeasure(measure('automation_contributors_1y'), contextFor(data(), { config })).status).toBe('met');
  });
});
