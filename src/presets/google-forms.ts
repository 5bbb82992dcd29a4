/**
 * Google Forms' response CSV (Responses → Download responses): one row per respondent, `Timestamp`
 * like `2022/06/22 11:07:29 AM AST`, then one column per question headed by its text. The user maps
 * question texts to ids (`survey.questions`) and names the level column (`levelColumn`). A zone
 * abbreviation such as AST is ambiguous, so the time is read in the configured zone. The same responses
 * downloaded from the linked Google Sheet have its locale's dates (`9/14/2026 9:02:11`): `dateFormat`
 * reads them, and each response is one error naming it until it is set.
 */
import { AGREE_SCALE_ANSWERS } from './agree-scale.js';
import { definePreset } from './preset.js';

export const googleForms = definePreset({
  name: 'google-forms',
  title: 'Google Forms response CSV (wide: one column per question)',
  datasets: {
    survey: {
      columns: {},
      dates: { formats: ['yyyy/MM/dd h:mm:ss a', 'yyyy/MM/dd H:mm:ss'], timeZone: { kind: 'configured' }, trailingZoneName: true },
      answers: AGREE_SCALE_ANSWERS,
      wide: {
        dateColumn: ['Timestamp'],
        metadataColumns: ['Timestamp', 'Email Address', 'Score'],
      },
    },
  },
});
