/**
 * Qualtrics' response CSV (Data & Analysis → Export → CSV): three header rows (column ids such as `Q1`
 * and `Q2_1`; question texts; JSON import ids that carry the time zone of the dates), then one row per
 * response. `RecordedDate` is `YYYY-MM-DD HH:MM:SS` in that zone. Only real responses are kept: Status
 * 0 (IP Address) and 4 (Imported), and finished ones. A file saved again through Excel holds dates such as
 * `9/11/2022 17:54`, in the order of that spreadsheet's locale: not read without `dateFormat`, since
 * reading it month-first would silently move a day-first file's responses into other waves.
 */
import { AGREE_SCALE_ANSWERS } from './agree-scale.js';
import { definePreset } from './preset.js';

export const qualtrics = definePreset({
  name: 'qualtrics',
  title: 'Qualtrics response CSV (wide, three header rows)',
  datasets: {
    survey: {
      columns: {},
      headerRows: 3,
      dates: { formats: ['yyyy-MM-dd HH:mm:ss'], timeZone: { kind: 'header-json', row: 2, key: 'timeZone' } },
      answers: AGREE_SCALE_ANSWERS,
      wide: {
        dateColumn: ['RecordedDate', 'EndDate'],
        respondentIdColumn: 'ResponseId',
        metadataColumns: [
          'StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate',
          'ResponseId', 'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference', 'LocationLatitude',
          'LocationLongitude', 'DistributionChannel', 'UserLanguage',
        ],
        keep: [
          { source: 'Status', in: ['0', '4', 'IP Address', 'Imported'] },
          { source: 'Finished', in: ['1', 'True'] },
        ],
        leftOut: 'survey previews, test or spam responses, and unfinished ones',
      },
    },
  },
});
