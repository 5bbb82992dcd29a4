import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from '../../src/validate/json-schema.js';

describe('buildJsonSchema', () => {
  it('describes a dataset from its declarations', () => {
    expect(buildJsonSchema('automation_coverage')).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'automation_coverage',
      description: 'periodic snapshots of automation coverage. Column names match case-insensitively, with -, space and _ alike; other columns are ignored.',
      type: 'object',
      properties: {
        measured_on: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'snapshot date; a date YYYY-MM-DD (a timestamp gives its date in the configured time zone)' },
        automated_tasks: { type: 'number', minimum: 0, description: 'automated tasks, >= 0; a number' },
        total_tasks: { type: 'number', exclusiveMinimum: 0, description: 'all tasks, > 0 and >= automated_tasks; a number' },
      },
      required: ['measured_on', 'automated_tasks', 'total_tasks'],
      additionalProperties: true,
    });
  });

  it('lets optional columns be null and carries enums and defaults', () => {
    const schema = buildJsonSchema('improvements') as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(schema.properties.kind).toMatchObject({ type: 'string', enum: ['design', 'redesign', 'improvement'] });
    expect(schema.properties.critical).toMatchObject({ type: ['boolean', 'null'], default: false });
    expect(schema.properties.significant).toMatchObject({ default: true });
    expect(schema.required).toEqual(['improvement_id', 'owner_id', 'completed_on', 'process', 'kind']);
  });
});
