import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems.js';
import { rowDefectProblem } from '../../src/load/loaded-row.js';

describe('rowDefectProblem', () => {
  it.each([
    [{ kind: 'field_count', expected: 5, found: 4 } as const, 'people.csv:12: -: expected 5 fields as in the header, found 4'],
    [{ kind: 'not_an_object', found: 'a number' } as const, 'people.csv:12: -: expected an object (a record), found a number'],
    [{ kind: 'invalid_json', column: 7 } as const, 'people.csv:12: -: not valid JSON: syntax error at column 7'],
  ])('%j', (defect, line) => {
    const problem = rowDefectProblem('people.csv', 12, defect);
    expect(problem.severity).toBe('error');
    expect(formatProblem(problem)).toBe(line);
  });
});
