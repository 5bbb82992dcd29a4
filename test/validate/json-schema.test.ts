import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from '../../src/validate/json-schema.js';
import { parseDate, parseTimestamp } from '../../src/validate/values.js';

type Properties = Record<string, Record<string, unknown>>;
const propertiesOf = (dataset: Parameters<typeof buildJsonSchema>[0]): Properties => (buildJsonSchema(dataset) as { properties: Properties }).properties;
/** A pattern as a JSON Schema validator runs it: ECMA-262, unanchored unless the pattern anchors itself. */
const matches = (pattern: unknown, text: string): boolean => new RegExp(pattern as string, 'u').test(text);

/** Texts near the timestamp shape: each piece right, or wrong in one of the ways exports get it wrong. */
const timestampLike = fc.tuple(
  fc.constantFrom('2026', '1999', '0999', '10000', '26', '2024', '2000', '1900', '2400', '9996'),
  fc.constantFrom('-01', '-12', '-13', '-00', '-1', '-02', '-04', '-11'),
  fc.constantFrom('-01', '-28', '-29', '-30', '-31', '-32', '-00', '-1'),
  fc.constantFrom('', 'T10:00', 't23:59:59', ' 00:00:00.5', 'T24:00', 'T10:60', 'T10:00:61', 'T10', 'T10:00:00,123456'),
  fc.constantFrom('', 'Z', 'z', '+05:45', '-0330', '+05', '+24:00', '+05:60', ' Z', 'garbage', 'Z '),
).map((parts) => parts.join(''));

describe('buildJsonSchema', () => {
  it('describes a dataset from its declarations', () => {
    expect(buildJsonSchema('automation_coverage')).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'automation_coverage',
      description: 'periodic snapshots of automation coverage. Column names match case-insensitively, with -, space and _ alike; other columns are ignored.',
      type: 'object',
      properties: {
        // The date pattern's behaviour is held to the validator's below.
        measured_on: { type: 'string', pattern: expect.stringMatching(/^\^.+\$$/), format: 'date', description: 'snapshot date; a date YYYY-MM-DD (a timestamp gives its date in the configured time zone)' },
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

  it('has patterns that take exactly what the validator reads as a date or timestamp', () => {
    const timestamp = propertiesOf('incidents').opened_at!.pattern;
    const date = propertiesOf('people').hire_date!.pattern;
    fc.assert(fc.property(timestampLike, (text) => {
      expect(matches(timestamp, text)).toBe(parseTimestamp(text, 'UTC').ok);
      expect(matches(date, text)).toBe(text.length === 10 && parseDate(text, 'UTC').ok);
    }), { numRuns: 3000 });
    expect(propertiesOf('people').hire_date!.format).toBe('date');
  });

  it('takes 29 February in leap years only: divisible by 4, and by 400 when by 100', () => {
    const date = propertiesOf('people').hire_date!.pattern;
    const timestamp = propertiesOf('incidents').opened_at!.pattern;
    for (const [day, taken] of [['2024-02-29', true], ['2026-02-29', false], ['2000-02-29', true], ['1900-02-29', false], ['2100-02-29', false], ['1200-02-29', true], ['1004-02-29', true], ['2026-02-28', true]] as const) {
      expect(matches(date, day)).toBe(taken);
      expect(matches(timestamp, `${day}T10:00Z`)).toBe(taken);
    }
    // The months of 30 days refuse a 31st; the others take it.
    expect(['2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31'].map((day) => matches(date, day))).toEqual([false, false, false, false]);
    expect(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31'].every((day) => matches(date, day))).toBe(true);
  });

  it('refuses a blank required text and an id number JSON cannot hold, and lets an optional text be blank', () => {
    const people = propertiesOf('people');
    for (const blank of ['', '   ', '\t']) {
      expect(matches(people.employee_id!.pattern, blank)).toBe(false);
      expect(matches(people.title!.pattern, blank)).toBe(false);
    }
    expect(matches(people.title!.pattern, ' Ops Engineer ')).toBe(true);
    expect(people.team!.pattern).toBeUndefined();
    expect(Number.MAX_SAFE_INTEGER <= (people.employee_id!.maximum as number)).toBe(true);
    expect(2 ** 53 <= (people.employee_id!.maximum as number)).toBe(false);
    expect(propertiesOf('survey').question_id!.pattern).toBe('\\S');
  });
});
