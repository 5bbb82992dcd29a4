import { describe, expect, it } from 'vitest';
import { conflictMessage, mapHeaders, normaliseHeader, repeatedHeaderConflicts, unmappedRepeats } from '../../src/validate/headers.js';

describe('normaliseHeader', () => {
  it.each([
    ['Hire Date', 'hire_date'], ['hire-date', 'hire_date'], ['HIRE_DATE', 'hire_date'], ['  Hire Date ', 'hire_date'],
    ['Hire\tDate', 'hire_date'], ['employee_id', 'employee_id'],
    // Each -, space or _ becomes one _ (metrics.md, "Matching"): a run stays a run, so these are no column.
    ['Hire  Date', 'hire__date'], ['hire - date', 'hire___date'], ['Hire__Date', 'hire__date'],
  ])('%j → %s', (header, column) => expect(normaliseHeader(header)).toBe(column));

  it('takes a header with a run of separators for no canonical column, so it neither fills nor conflicts with one', () => {
    expect([...mapHeaders('people', ['employee_id', 'title', 'hire_date', 'Hire__Date']).sourceOf.keys()]).toEqual(['employee_id', 'title', 'hire_date']);
    expect(mapHeaders('people', ['employee_id', 'title', 'Hire  Date']).missing).toEqual(['hire_date']);
  });
});

describe('mapHeaders', () => {
  it('maps normalised headers, ignores unknown ones and lists missing required columns', () => {
    const mapping = mapHeaders('people', ['Employee ID', 'Title', 'Favourite Colour', 'Manager-Id']);
    expect([...mapping.sourceOf]).toEqual([['employee_id', 'Employee ID'], ['title', 'Title'], ['manager_id', 'Manager-Id']]);
    expect(mapping.missing).toEqual(['hire_date']);
    expect(mapping.conflicts).toEqual([]);
  });

  it('applies the config column map first, matching its keys like headers', () => {
    const mapping = mapHeaders('incidents', ['Incident Number', 'Created On', 'Urgency'], {
      'incident number': 'incident_id', 'Created-On': 'opened_at', URGENCY: 'Priority',
    });
    expect([...mapping.sourceOf]).toEqual([['incident_id', 'Incident Number'], ['opened_at', 'Created On'], ['priority', 'Urgency']]);
    expect(mapping.missing).toEqual([]);
  });

  it('reports two source columns that mean the same column', () => {
    const mapping = mapHeaders('people', ['employee_id', 'title', 'Hire Date', 'hire_date']);
    expect(mapping.conflicts).toEqual([{ column: 'hire_date', sources: ['Hire Date', 'hire_date'] }]);
    expect(mapping.sourceOf.has('hire_date')).toBe(false);
    expect(mapping.missing).toEqual([]); // present, twice: a conflict, not a missing column
    // The two names match alike, so no column map can tell them apart: the hint is the file.
    expect(conflictMessage(mapping.conflicts[0]!)).toBe(
      'columns "Hire Date" and "hire_date" both mean "hire_date"; keep one: delete or rename the other in the file ' +
        '(or in the config\'s "columns" map, if it names one of them)',
    );
  });
});

describe('repeated headers', () => {
  it('are a conflict when the name is a column, mapped or canonical, and never otherwise', () => {
    const repeats = new Map([['Hire Date', ['Hire Date_2']], ['Labels', ['Labels_2', 'Labels_3']], ['Dept', ['Dept_2', 'Dept_3']]]);
    expect(repeatedHeaderConflicts('people', repeats, { Dept: 'team' })).toEqual([
      { column: 'hire_date', sources: ['Hire Date', 'Hire Date'] },
      { column: 'team', sources: ['Dept', 'Dept', 'Dept'] },
    ]);
  });

  it('leave out a later column the map names itself', () => {
    const repeats = new Map([['Dept', ['Dept_2', 'Dept_3']], ['Team', ['Team_2']]]);
    expect([...unmappedRepeats(repeats, { 'dept 2': 'title', Team_2: 'title' })]).toEqual([['Dept', ['Dept_3']]]);
  });

  it('say how many times the header gives the name, and that the fix is in the file', () => {
    expect(conflictMessage({ column: 'service', sources: ['service', 'service'] })).toBe(
      'the header gives "service" twice, and both mean "service"; keep one: delete or rename the other in the file',
    );
    expect(conflictMessage({ column: 'team', sources: ['Dept', 'Dept', 'Dept'] })).toBe(
      'the header gives "Dept" 3 times, and all mean "team"; keep one: delete or rename the others in the file',
    );
  });
});
