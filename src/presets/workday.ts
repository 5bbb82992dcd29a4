/**
 * Workday custom reports (RaaS) as CSV, with the XML-alias column names (`Employee_ID`, `Hire_Date`,
 * `Business_Title`...). Column names are tenant-defined, so `columns` is often needed; the date format
 * depends on the report's output and is an option (`dateFormat`), ISO 8601 by default.
 */
import { definePreset } from './preset.js';

const employeeId = ['Employee_ID', 'Employee ID', 'Worker_ID'];

export const workday = definePreset({
  name: 'workday',
  title: 'Workday custom report (RaaS) CSV (workers and job history)',
  datasets: {
    people: {
      columns: {
        employee_id: employeeId,
        name: ['Full_Name', 'Legal_Name', 'Worker', { from: ['First_Name', 'Last_Name'] }],
        title: ['Business_Title', 'Job_Title', 'Job_Profile_Name'],
        team: ['Team_Name', 'Supervisory_Organization', 'Cost_Center'],
        hire_date: ['Hire_Date', 'Current_Hire_Date', 'Original_Hire_Date', 'Start_Date'],
        termination_date: ['Termination_Date'],
        termination_reason: ['Termination_Reason', 'Primary_Termination_Reason'],
        manager_id: ['Manager_ID'],
        base_salary: ['Base_Pay', 'Annual_Base_Pay'],
      },
      dates: { formats: ['yyyy-MM-dd'], timeZone: { kind: 'configured' } },
    },
    job_history: {
      columns: {
        employee_id: employeeId,
        effective_date: ['Effective_Date'],
        title: ['Business_Title', 'Job_Title', 'Job_Profile_Name'],
        team: ['Team_Name', 'Supervisory_Organization'],
        base_salary: ['Base_Pay', 'Annual_Base_Pay'],
        reason: ['Business_Process_Reason', 'Business_Process_Type'],
      },
      dates: { formats: ['yyyy-MM-dd'], timeZone: { kind: 'configured' } },
    },
  },
});
