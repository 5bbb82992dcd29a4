/**
 * A problem line reads as `file:line: column: message` whatever the column's name: after the line number,
 * the column is a JSON string when it starts with a quote, or else all up to the first colon and space;
 * read so, it gives back the name.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/core/problems.js';

const names = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', ' ', ':', '"', '\\', '\n') }),
  fc.constantFrom('', ' ', 'a: b', 'a:', ': ', ' id', 'id ', '"x', 'hire date', 'a:b', '$.levels["SRE II"]'),
);

/** The column of a problem line after `people.ndjson:7: `, as a reader takes it, and the message after it. */
function readBack(rest: string): { column: string; message: string } | undefined {
  const quoted = /^("(?:[^"\\]|\\.)*"): /s.exec(rest);
  if (quoted !== null) return { column: JSON.parse(quoted[1]!) as string, message: rest.slice(quoted[0].length) };
  const bare = /^(.+?): /s.exec(rest);
  return bare === null ? undefined : { column: bare[1]!, message: rest.slice(bare[0].length) };
}

describe('formatProblem', () => {
  test('the column is told from the message, and read back as given', () => {
    fc.assert(fc.property(names, fc.string(), (column, message) => {
      const line = formatProblem({ file: 'people.ndjson', line: 7, column, message, severity: 'error' });
      expect(line.startsWith('people.ndjson:7: ')).toBe(true);
      expect(readBack(line.slice('people.ndjson:7: '.length))).toEqual({ column, message });
    }));
  });
});
