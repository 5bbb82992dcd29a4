import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from '../../src/validate/json-schema.js';
import { parseDate, parseTimestamp } from '../../src/validate/values.js';

type Properties = Record<string, Record<string, unknown>>;
const propertiesOf = (dataset: Parameters<typeof buildJsonSchema>[0]): Properties => (buildJsonSchema(dataset) as { properties: Properties }).properties;
/** A pattern as a JSON Schema validator runs it: ECMA-262, unanchored unless the pattern anchors itself. */
const matches = (pattern: unknown, text: string): boolean => new RegExp(pattern as string, 'u').test(text);

/** Whether a `YYYY-MM-DD` at the start of `text` has a day its month holds (2026-02-30 does not). */
const dayInMonth = (text: string): boolean => {
  const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
};

/** Texts near the timestamp shape: each piece right, or wrong in one of the ways exports get it wrong. */
const timestampLike = fc.tuple(
  fc.constantFrom('2026', '1999', '0999', '10000', '26', '2026'),
  fc.constantFrom('-01', '-12', '-13', '-00', '-1', '-02'),
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
        measured_on: { type: 'string', pattern: '^[1-9]\\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$', format: 'date', description: 'snapshot date; a date YYYY-MM-DD (a timestamp gives its date in the configured time zone)' },
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

  it('has patterns that take what the validator reads as a date or timestamp, and refuse the rest', () => {
    const timestamp = propertiesOf('incidents').opened_at!.pattern;
    const date = propertiesOf('people').hire_date!.pattern;
    fc.assert(fc.property(timestampLike, (text) => {
      const read = parseTimestamp(text, 'UTC').ok;
      // The one difference: a day its month does not hold is the validator's to refuse (and format: "date"'s).
      expect(matches(timestamp, text)).toBe(read || (matches(timestamp, text) && !dayInMonth(text)));
      if (text.length === 10) expect(matches(date, text)).toBe(parseDate(text, 'UTC').ok || (matches(date, text) && !dayInMonth(text)));
      else expect(matches(date, text)).toBe(false);
    }), { numRuns: 2000 });
    expect(propertiesOf('people').hire_date!.format).toBe('date');
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
