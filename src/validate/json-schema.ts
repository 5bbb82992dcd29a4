/**
 * The JSON Schema (draft 2020-12) of one canonical file row, generated straight from the column
 * declarations, for `ops-metrics schema --format json`. It describes the canonical form; the validator
 * is more lenient (numbers as strings, bools as yes/no, timestamps in date columns...), as the
 * descriptions say.
 */
import { DATASETS, type ColumnSpec, type DatasetName, type ValueType } from '../core/datasets.js';
import { columnsOf } from './row-schema.js';

export type JsonSchema = Readonly<Record<string, unknown>>;

const ISO_DATE_PREFIX = '^\\d{4}-\\d{2}-\\d{2}';

const TYPE_SCHEMA: Record<ValueType, { schema: Record<string, unknown>; note: string }> = {
  id: { schema: { type: ['string', 'integer'], minLength: 1 }, note: 'an id, compared exactly' },
  string: { schema: { type: 'string' }, note: 'text' },
  date: { schema: { type: 'string', pattern: `${ISO_DATE_PREFIX}$` }, note: 'a date YYYY-MM-DD (a timestamp gives its date in the configured time zone)' },
  timestamp: { schema: { type: 'string', pattern: ISO_DATE_PREFIX }, note: 'ISO 8601 with Z or an offset; without one, read in the configured time zone' },
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
