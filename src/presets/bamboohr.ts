/**
 * BambooHR: the roster and the Job Information table (one row per effective-dated change) as custom-report
 * CSV (Reports → custom report), and the roster as the JSON of the API's custom report.
 *
 * CSV dates are in the company's date format, `MM/dd/yyyy` by default: a company on `dd/MM/yyyy` sets
 * `dateFormat`, since the two are never guessed apart. The CSV labels are the UI names of the API's fields,
 * an inference no export file has confirmed (export-formats.md §2.1).
 *
 * The API's report in JSON is one object, `{ "title", "fields": [{ "id", "type", "name" }], "employees":
 * [{ "id", "employeeNumber", ... }] }`. This is seen for a saved report (`GET /reports/{id}?format=JSON`) in
 * third-party code only (the mocked response of smeggingsmegger/PyBambooHR, tests/test_reports.py; Pipedream's
 * BambooHR "Get Company Report" action: "In JSON, returns {title, fields, employees}"); that an ad-hoc report
 * (`POST /reports/custom?format=JSON`) has the same shape is an assumption. Its records are
 * `employees`, keyed by the API field names (§2.1), with dates as `yyyy-mm-dd` (§2.1), which is ISO and read
 * as it is. `fields` describes the columns (`employeeNumber` is named "Employee #" there) and is not read.
 *
 * `0000-00-00` is read as no date. The API's employee records write it for a termination or original hire
 * date the person has none of, and integrations read it so (faros-ai/airbyte-connectors: the record in
 * sources/bamboohr-source/test_files/users.json, and its converter's `terminationDate === '0000-00-00'`, PR
 * #592). That the report endpoints write it too is an assumption; it is never a real date either way.
 *
 * Managers: `Reports To` holds the manager's name, not an id, so it is not read as `manager_id`. Nor are the
 * API's `supervisorId` and `supervisorEId`: one is the supervisor's `employeeNumber` and the other BambooHR's
 * own `id`, but the sources disagree on which (cloke/bamboohr lib/bamboohr/fields.rb: `supervisorId` is the
 * employeeNumber; Workato's BambooHR connector docs: "Supervisor E ID" is). The user maps the one that holds
 * their Employee #s. The API's `id` is not read as `employee_id` either: `employeeNumber` is the `Employee #` that
 * the job history and the CSV roster key people by. `status` (Active/Inactive) is not read: a person's leaving
 * is their termination date.
 */
import { definePreset, type DateRule } from './preset.js';

const dates: DateRule = { formats: ['MM/dd/yyyy'], timeZone: { kind: 'configured' }, noDate: ['0000-00-00'] };
const employeeId = ['Employee #', 'Employee Number', 'EEID'];

export const bamboohr = definePreset({
  name: 'bamboohr',
  title: 'BambooHR custom report, CSV or API JSON (roster), and the Job Information table CSV',
  datasets: {
    people: {
      // The CSV labels, then the API field names (`Department` matches `department` already).
      columns: {
        employee_id: [...employeeId, 'employeeNumber'],
        name: [{ from: ['First Name', 'Last Name'] }, { from: 'Name', rewrite: 'last-comma-first' }, { from: ['firstName', 'lastName'] }],
        title: ['Job Title', 'jobTitle'],
        team: ['Department'],
        hire_date: ['Hire Date', 'Original Hire Date', 'hireDate', 'originalHireDate'],
        termination_date: ['Termination Date', 'terminationDate'],
        termination_reason: ['Termination Type', 'Termination Reason'],
        manager_id: ['Supervisor EID', 'Reports To ID'],
      },
      recordsProperty: 'employees',
      dates,
    },
    // The research gives the Job Information table's fields, not the JSON the API gives them in: only the
    // CSV labels are read.
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
