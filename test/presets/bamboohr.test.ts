/**
 * fixtures/vendors/bamboohr: a roster report and the Job Information table, dates MM/dd/yyyy, CRLF; and in
 * its api-report folder, the roster as the API's custom report gives it in JSON (`title`, `fields`, `employees`).
 */
import { describe, expect, it } from 'vitest';
import { loadFolder, loadVendor, messages, presetRecords, tempFolder } from './vendor-fixture.js';

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

  it('warns when no date of a file shows its order (no day above 12), naming the dateFormat for day first', async () => {
    // 11/02/2019 and 03/04/2020 read as 2 November and 4 March, or as 11 February and 3 April: the preset
    // takes BambooHR's month-first default, and says so once, at the first such date.
    const roster = 'Employee #,Name,Job Title,Hire Date\n1002,"Baker, Tom",Senior Ops Engineer,11/02/2019\n1003,"Ito, Ken",Ops Engineer,03/04/2020\n';
    const { files } = await loadFolder(tempFolder({ 'people.csv': roster }, { datasets: { people: { preset: 'bamboohr' } } }));
    expect(messages(files)).toEqual([
      'people.csv:2: hire_date: warning: no date in this file has a day above 12, so each (like "11/02/2019") reads day first as well: ' +
        'preset "bamboohr" reads them month first ("MM/dd/yyyy"); if the export writes the day first, set "datasets": { "people": { "dateFormat": "dd/MM/yyyy" } }',
    ]);
    // One date with a day above 12 settles the order: no warning.
    const settled = `${roster}1004,"Sato, Yui",Ops Engineer,07/25/2021\n`;
    expect(messages((await loadFolder(tempFolder({ 'people.csv': settled }, { datasets: { people: { preset: 'bamboohr' } } }))).files)).toEqual([]);
    // Nor when the user has said the format, and a date whose day is its month reads one way only.
    expect(messages((await loadFolder(tempFolder({ 'people.csv': roster }, { datasets: { people: { preset: 'bamboohr', dateFormat: 'MM/dd/yyyy' } } }))).files)).toEqual([]);
    const sameDay = 'Employee #,Name,Job Title,Hire Date\n1002,"Baker, Tom",Senior Ops Engineer,05/05/2019\n';
    expect(messages((await loadFolder(tempFolder({ 'people.csv': sameDay }, { datasets: { people: { preset: 'bamboohr' } } }))).files)).toEqual([]);
  });

  it('a date that reads only the other way round names that order, and no "no day above 12" is said beside it', async () => {
    // 31/08/2020 cannot be month first (no month 31); day first it is 31 August. 01/02/2021 reads either way,
    // but the file has shown its order: saying no date has a day above 12 would be untrue.
    const roster = 'Employee #,Name,Job Title,Hire Date\n1002,"Baker, Tom",Ops Engineer,31/08/2020\n1003,"Ito, Ken",Ops Engineer,01/02/2021\n';
    const { files } = await loadFolder(tempFolder({ 'people.csv': roster }, { datasets: { people: { preset: 'bamboohr' } } }));
    expect(messages(files)).toEqual([
      'people.csv:2: hire_date: warning: "31/08/2020" does not match the date format "MM/dd/yyyy" of preset "bamboohr"; it reads as "dd/MM/yyyy": ' +
        'if the export writes dates that way, set "datasets": { "people": { "dateFormat": "dd/MM/yyyy" } }',
      'people.csv:2: hire_date: expected a date YYYY-MM-DD, found "31/08/2020"',
    ]);
    // A first miss of another shape does not keep the order a later one shows unsaid.
    const mixed = 'Employee #,Name,Job Title,Hire Date\n1001,"Ng, Al",Ops Engineer,Aug 3 2020\n1002,"Baker, Tom",Ops Engineer,31/08/2020\n1003,"Ito, Ken",Ops Engineer,01/02/2021\n';
    const found = messages((await loadFolder(tempFolder({ 'people.csv': mixed }, { datasets: { people: { preset: 'bamboohr' } } }))).files);
    expect(found.filter((m) => m.includes('warning'))).toEqual([
      expect.stringMatching(/^people\.csv:2: hire_date: warning: "Aug 3 2020" does not match the date format "MM\/dd\/yyyy" of preset "bamboohr"; if the export writes dates another way/),
      expect.stringMatching(/^people\.csv:3: hire_date: warning: "31\/08\/2020" does not match .* it reads as "dd\/MM\/yyyy"/),
    ]);
  });


  it('a two-digit year is no year of MM/dd/yyyy: the row is rejected with the format that reads it, never dated in 1921', async () => {
    // date-fns' yyyy reads "21" as the year 21, which Date.UTC then made 1921: a hire 105 years ago (a tenure
    // figure) accepted without a word. A spreadsheet re-save writes 03/15/21; M/d/yy is what reads it.
    const roster = 'Employee #,Name,Job Title,Hire Date\n1001,"Garcia, Maria",Ops Engineer,03/15/21\n1002,"Baker, Tom",Ops Engineer,11/20/2019\n';
    const { data, files } = await loadFolder(tempFolder({ 'people.csv': roster }, { datasets: { people: { preset: 'bamboohr' } } }));
    expect([...(data.people ?? [])].map((p) => [p.employee_id, p.hire_date])).toEqual([['1002', '2019-11-20']]);
    expect(messages(files)).toEqual([
      'people.csv:2: hire_date: warning: "03/15/21" does not match the date format "MM/dd/yyyy" of preset "bamboohr"; it reads as "M/d/yy": ' +
        'if the export writes dates that way, set "datasets": { "people": { "dateFormat": "M/d/yy" } }',
      'people.csv:2: hire_date: expected a date YYYY-MM-DD, found "03/15/21"',
    ]);
    // Set so, it is 15 March 2021 (yy reads 1951-2049).
    const set = await loadFolder(tempFolder({ 'people.csv': roster }, { datasets: { people: { preset: 'bamboohr', dateFormat: 'M/d/yy' } } }));
    expect([...(set.data.people ?? [])].map((p) => p.hire_date)).toEqual(['2021-03-15']);
  });
  describe('the API custom report as JSON', () => {
    it('reads the employees array by the API field names, each record at its index in it; 0000-00-00 is no date', async () => {
      const records = await presetRecords('bamboohr/api-report', 'people');
      expect(records.map(({ line, record: p }) => [line, p.employee_id, p.name, p.level, p.team, p.hire_date, p.termination_date, p.manager_id])).toEqual([
        [0, '1001', 'Maria Garcia', 'ops2', 'Infrastructure', '2021-03-15', undefined, undefined],
        [1, '1002', 'Tom Baker', 'ops1_senior', 'Infrastructure', '2019-11-02', '2025-06-30', undefined],
        [2, '1003', 'Chidi Okafor', 'manager', 'Infrastructure', '2018-01-10', undefined, undefined],
        // Rehired: hireDate is the latest hire, originalHireDate the first; the roster's hire date is the latest.
        [3, '1004', 'Aiko Tanaka', 'ops2', 'Platform', '2025-02-03', undefined, undefined],
        [4, '1005', 'Lena Novak', 'other', 'People', '2022-05-01', undefined, undefined],
        [5, '1006', 'Sam Ortiz', 'ops1', 'Infrastructure', '2016-08-22', '2024-10-31', undefined],
      ]);
      // The one warning is Lena's title, on her index in `employees` (4), not counting the ten of `fields`.
      expect(messages((await loadVendor('bamboohr/api-report')).files)).toEqual([
        expect.stringMatching(/^custom-report\.json:4: title: warning: 1 title is not in the level map, so read as other \(outside ops\): "Recruiter" \(line 4\)/),
      ]);
    });

    it('a 0000-00-00 hire date gives way to the original hire date; with neither, the record is rejected for the missing date', async () => {
      const report = {
        title: 'Roster',
        fields: [{ id: 'employeeNumber', type: 'employee_number', name: 'Employee #' }, { id: 'hireDate', type: 'date', name: 'Hire Date' }],
        employees: [
          { id: '7', employeeNumber: '2001', jobTitle: 'Ops Engineer', hireDate: '0000-00-00', originalHireDate: '2020-04-01', terminationDate: '0000-00-00' },
          { id: '8', employeeNumber: '2002', jobTitle: 'Ops Engineer', hireDate: '0000-00-00', originalHireDate: '0000-00-00', terminationDate: '0000-00-00' },
        ],
      };
      const config = { datasets: { people: { path: 'report.json', preset: 'bamboohr' } } };
      const { data, files } = await loadFolder(tempFolder({ 'report.json': JSON.stringify(report) }, config));
      expect([...(data.people ?? [])].map((p) => [p.employee_id, p.hire_date, p.termination_date])).toEqual([['2001', '2020-04-01', undefined]]);
      expect(messages(files)).toEqual(['report.json:1: hire_date: expected a date YYYY-MM-DD, found nothing']);
    });
  });
});
