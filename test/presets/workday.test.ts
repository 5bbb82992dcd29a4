/** fixtures/vendors/workday: RaaS worker and job-history reports of a tenant writing dd/MM/yyyy. */
import { describe, expect, it } from 'vitest';
import { loadVendor, messages } from './vendor-fixture.js';

describe('preset workday', () => {
  it('reads workers with the configured date format', async () => {
    const { data, files } = await loadVendor('workday');
    expect(messages(files)).toEqual([]);
    expect([...(data.people ?? [])].map((p) => [p.employee_id, p.name, p.level, p.hire_date, p.termination_date, p.termination_reason, p.manager_id])).toEqual([
      ['W-2001', 'Priya Nair', 'ops2', '2020-09-01', undefined, undefined, 'W-2003'],
      ['W-2002', 'Lukas Brandt', 'ops1', '2021-01-15', '2025-03-31', 'Resignation > Voluntary', 'W-2003'],
      ['W-2003', 'Sofia Rossi', 'manager', '2017-05-04', undefined, undefined, undefined],
    ]);
  });

  it('reads job history with business-process reasons', async () => {
    const { data } = await loadVendor('workday');
    expect([...(data.job_history ?? [])].map((j) => [j.employee_id, j.effective_date, j.level, j.reason])).toEqual([
      ['W-2001', '2020-09-01', 'ops1', 'Hire > New Hire'],
      ['W-2001', '2024-02-01', 'ops2', 'Promotion > Promotion'],
      ['W-2002', '2021-01-15', 'ops1', 'Hire > New Hire'],
      ['W-2003', '2017-05-04', 'manager', 'Hire > New Hire'],
    ]);
  });
});
