/**
 * SurveyMonkey's "All responses" CSV: two header rows (the question, then the sub-question or
 * `Response`), metadata columns `Respondent ID`, `Collector ID`, `Start Date`, `End Date`..., then one
 * row per respondent. Dates are `MM/dd/yyyy hh:mm:ss a` in the account's zone (read in the configured one).
 */
import { AGREE_SCALE_ANSWERS } from './agree-scale.js';
import { definePreset } from './preset.js';

export const surveymonkey = definePreset({
  name: 'surveymonkey',
  title: 'SurveyMonkey all-responses CSV (wide, two header rows)',
  datasets: {
    survey: {
      columns: {},
      headerRows: 2,
      dates: { formats: ['MM/dd/yyyy hh:mm:ss a', 'MM/dd/yyyy h:mm:ss a'], timeZone: { kind: 'configured' } },
      answers: AGREE_SCALE_ANSWERS,
      wide: {
        dateColumn: ['End Date', 'Start Date'],
        respondentIdColumn: 'Respondent ID',
        metadataColumns: [
          'Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name',
          'Last Name', 'Custom Data 1',
        ],
      },
    },
  },
});
