/** The validate stage's public entry points. */
export { createCrossChecker, type CrossChecker, type Finding, type Refs, type RosterEntry } from './cross-checks.js';
export { conflictMessage, mapHeaders, missingColumnMessage, normaliseHeader, type HeaderMapping } from './headers.js';
export { buildJsonSchema, type JsonSchema } from './json-schema.js';
export { failureMessage, type ParseResult } from './parse-result.js';
export { DEFAULT_PROBLEM_CAP } from './problem-log.js';
export { buildRowSchema, SEQUENCED_DATASETS, type RowSchema } from './row-schema.js';
export { dateInZone, endOfDayInstant, isIcuZoneName, isValidTimeZone, localTimeToInstant, offsetAt, startOfDayInstant } from './time-zone.js';
export { useProcessZone } from './zone-offsets.js';
export { optionalColumnsAbsent, validateDataset, type DatasetValidation, type ValidateOptions } from './validate-dataset.js';
export * from './values.js';
