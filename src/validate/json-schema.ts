/**
 * The JSON Schema (draft 2020-12) of one canonical file row, generated straight from the column
 * declarations, for `ops-metrics schema --format json`. It describes the canonical form; the validator
 * is more lenient (numbers as strings, bools as yes/no, timestamps in date columns...), as the
 * descriptions say.
 */
import { DATASETS, type ColumnSpec, type DatasetName, type ValueType } from '../core/datasets.js';
import { columnsOf } from './row-schema.js';

export type JsonSchema = Readonly<Record<string, unknown>>;

// The shapes the validator reads (see iso-text.ts), with the ranges a pattern can say: a year 1000-9999,
// a month 01-12, a day its month holds (29 February in a leap year: divisible by 4, and by 400 when by
// 100), a time 00:00-23:59:59. So a date the pattern takes is one the validator takes, with or without
// `format: "date"`, which validators check only when asked to.
const DAY_OF_MONTH = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const LEAP_YEAR = '(?:[1-9]\\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)';
const DATE = `(?:[1-9]\\d{3}-${DAY_OF_MONTH}|${LEAP_YEAR}-02-29)`;
const TIME = '[Tt ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d+)?)?\\s*(?:[Zz]|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)?';
/** Some character that is not white space: a required text cell that is blank is absent. */
const NOT_BLANK = '\\S';

const TYPE_SCHEMA: Record<ValueType, { schema: Record<string, unknown>; note: string }> = {
  id: { schema: { type: ['string', 'integer'], maximum: Number.MAX_SAFE_INTEGER, minimum: -Number.MAX_SAFE_INTEGER }, note: 'an id, compared exactly' },
  string: { schema: { type: 'string' }, note: 'text' },
  date: { schema: { type: 'string', pattern: `^${DATE}$`, format: 'date' }, note: 'a date YYYY-MM-DD (a timestamp gives its date in the configured time zone)' },
  timestamp: { schema: { type: 'string', pattern: `^${DATE}(?:${TIME})?$` }, note: 'ISO 8601 with Z or an offset; without one, read in the configured time zone' },
  number: { schema: { type: 'number' }, note: 'a number' },
  share: { schema: { type: ['number', 'string'] }, note: 'a fraction 0..1, or a percentage like "37.5%"' },
  bool: { schema: { type: 'boolean' }, note: 'true/false (also yes/no, y/n, 1/0)' },
  title: { schema: { type: 'string' }, note: 'a job title, mapped to a level code by the levels map (unknown titles: other)' },
  respondent_level: { schema: { type: 'string' }, note: 'a job title or a level code' },
  priority: { schema: { type: ['string', 'integer'] }, note: 'a priority the priorities map knows (P1..P5, SEV1, High, ...)' },
  question: { schema: { type: 'string' }, note: 'a canonical question id, or a question text the survey.questions map knows' },
  enum: { schema: { type: 'string' }, note: 'one of the listed values, any case' },
};

const columnSchema = (spec: ColumnSpec): Record<string, unknown> => {
  const { schema, note } = TYPE_SCHEMA[spec.type];
  const column: Record<string, unknown> = { ...schema, description: `${spec.meaning}; ${note}` };
  if (spec.values !== undefined) column.enum = [...spec.values];
  if (spec.min !== undefined) column[spec.exclusiveMin === true ? 'exclusiveMinimum' : 'minimum'] = spec.min;
  if (spec.max !== undefined) column.maximum = spec.max;
  if (spec.default !== undefined) column.default = spec.default;
  // Blank is absent (inputs.md): a required text needs something in it. An optional one may be blank.
  if (spec.required && column.pattern === undefined && column.enum === undefined && [column.type].flat().includes('string')) column.pattern = NOT_BLANK;
  if (!spec.required) {
    const types = Array.isArray(column.type) ? column.type : [column.type];
    column.type = [...types, 'null'];
    if (column.enum !== undefined) column.enum = [...(column.enum as unknown[]), null];
  }
  return column;
};

export const buildJsonSchema = (dataset: DatasetName): JsonSchema => {
  const columns = columnsOf(dataset);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: dataset,
    description: `${DATASETS[dataset].title}. Column names match case-insensitively, with -, space and _ alike; other columns are ignored.`,
    type: 'object',
    properties: Object.fromEntries(columns.map(([column, spec]) => [column, columnSchema(spec)])),
    required: columns.filter(([, spec]) => spec.required).map(([column]) => column),
    additionalProperties: true,
  };
};

/**
 * The schemas of several datasets as one JSON Schema document: each under `$defs/<dataset>` (refer to
 * one as `…#/$defs/people`), without a `$schema` of its own, which 2020-12 keeps for the document's root.
 */
export const buildJsonSchemas = (datasets: readonly DatasetName[]): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'ops-metrics datasets',
  description: 'One schema per dataset under $defs: $defs/<dataset> describes one row (a JSON record) of that dataset\'s file.',
  $defs: Object.fromEntries(datasets.map((dataset) => {
    const { $schema: _root, ...schema } = buildJsonSchema(dataset);
    return [dataset, schema];
  })),
});

