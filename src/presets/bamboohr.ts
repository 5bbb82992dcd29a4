/**
 * BambooHR custom reports (Reports → custom report → CSV): the roster, and the Job Information table
 * (one row per effective-dated change). Dates are written in the company's date format, `MM/dd/yyyy`
 * by default: a company on `dd/MM/yyyy` sets `dateFormat`, since the two are never guessed apart.
 * `Reports To` holds the manager's name, not an id, so it is not read as `manager_id`.
 */
import { definePreset, type DateRule } from './preset.js';

const dates: DateRule = { formats: ['MM/dd/yyyy'], timeZone: { kind: 'configured' } };
const employeeId = ['Employee #', 'Employee Number', 'EEID'];

export const bamboohr = definePreset({
  name: 'bamboohr',
  title: 'BambooHR custom report CSV (roster and Job Information table)',
  datasets: {
    people: {
      columns: {
        employee_id: employeeId,
        name: [{ from: ['First Name', 'Last Name'] }, { from: 'Name', rewrite: 'last-comma-first' }],
        title: ['Job Title'],
        team: ['Department'],
        hire_date: ['Hire Date', 'Original Hire Date'],
        termination_date: ['Termination Date'],
        termination_reason: ['Termination Type', 'Termination Reason'],
        manager_id: ['Supervisor EID', 'Reports To ID'],
      },
      dates,
    },
    job_history: {
      columns: {
        employee_id: employeeId,
        effective_date: ['Effective Date', 'Date'],
        title: ['Job Title'],
        team: ['Department'],
      },
      dates,
    },
  },
});
