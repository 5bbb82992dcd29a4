/** fixtures/vendors/bamboohr: a roster report and the Job Information table, dates MM/dd/yyyy, CRLF. */
import { describe, expect, it } from 'vitest';
import { loadFolder, loadVendor, messages, tempFolder } from './vendor-fixture.js';

const ROSTER = 'Employee #,Name,Job Title,Hire Date\n1002,"Baker, Tom",Senior Ops Engineer,11/02/2019\n';

describe('preset bamboohr', () => {
  it('reads the roster: ids, joined names, titles to levels, MM/dd/yyyy dates', async () => {
    const { data, files } = await loadVendor('bamboohr');
    expect(messages(files)).toEqual([]);
    expect([...(data.people ?? [])].map((p) => [p.employee_id, p.name, p.level, p.team, p.hire_date, p.termination_date, p.manager_id])).toEqual([
      ['1001', 'Maria Garcia', 'ops2', 'Infrastructure', '2021-03-15', undefined, undefined],
      // 11/02/2019 is 2 November in the company's MM/dd/yyyy, never 11 February.
      ['1002', 'Tom Baker', 'ops1_senior', 'Infrastructure', '2019-11-02', '2025-06-30', undefined],
      ['1003', 'Chidi Okafor', 'manager', 'Infrastructure', '2018-01-10', undefined, undefined],
      ['1004', 'Aiko Tanaka', 'ops2', 'Platform', '2022-07-01', undefined, undefined],
    ]);
  });

  it('reads the job information table as effective-dated changes', async () => {
    const { data } = await loadVendor('bamboohr');
    expect([...(data.job_history ?? [])].map((j) => [j.employee_id, j.effective_date, j.level])).toEqual([
      ['1001', '2021-03-15', 'ops1'],
      ['1001', '2024-04-01', 'ops2'],
      ['1002', '2019-11-02', 'ops1'],
      ['1002', '2022-02-01', 'ops1_senior'],
      ['1003', '2018-01-10', 'manager'],
      ['1004', '2022-07-01', 'ops2'],
    ]);
  });

  it('reads a "Last, First" name column, and a company on dd/MM/yyyy through dateFormat', async () => {
    const config = { datasets: { people: { preset: 'bamboohr', dateFormat: 'dd/MM/yyyy' } } };
    const { data } = await loadFolder(tempFolder({ 'people.csv': ROSTER }, config));
    expect([...(data.people ?? [])].map((p) => [p.name, p.hire_date])).toEqual([['Tom Baker', '2019-02-11']]);
  });
});
