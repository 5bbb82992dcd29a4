import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems.js';
import { rowDefectProblems } from '../../src/load/loaded-row.js';

describe('rowDefectProblems', () => {
  it.each([
    [{ kind: 'field_count', expected: 5, found: 4 } as const, 'people.csv:12: -: expected 5 fields as in the header, found 4'],
    [{ kind: 'not_an_object', found: 'a number' } as const, 'people.csv:12: -: expected an object (a record), found a number'],
    [{ kind: 'invalid_json', column: 7 } as const, 'people.csv:12: -: not valid JSON: syntax error at column 7'],
  ])('%j', (defect, line) => {
    const problems = rowDefectProblems('people.csv', 12, defect);
    expect(problems.map((problem) => problem.severity)).toEqual(['error']);
    expect(problems.map(formatProblem)).toEqual([line]);
  });

  it('gives one error per repeated key, on the record key it concerns, with both places', () => {
    const problems = rowDefectProblems('incidents.json', 3, {
      kind: 'repeated_keys',
      keys: [
        { field: 'priority', path: 'priority', times: 2, first: { column: 30 }, last: { column: 58 } },
        { field: 'service', path: 'service.summary', times: 3, first: { line: 7, column: 5 }, last: { line: 9, column: 5 } },
      ],
    });
    expect(problems.map((problem) => problem.severity)).toEqual(['error', 'error']);
    expect(problems.map(formatProblem)).toEqual([
      'incidents.json:3: priority: the key "priority" is given twice in this record (first at column 30, again at column 58); ' +
        'JSON keeps the last, so which value was meant is unclear',
      'incidents.json:3: service: the key "service.summary" is given 3 times in this record (first on line 7 at column 5, ' +
        'last on line 9 at column 5); JSON keeps the last, so which value was meant is unclear',
    ]);
  });

  it('quotes a key that is empty, starts or ends with a space, or holds a word-ending colon', () => {
    // The record {"employee_id":"E1","":"","":""} gives the key "" twice (at columns 21 and 27). Shown
    // bare, it would read `people.ndjson:1: : …`; " id" and "a: b" would read `people.ndjson:1:  id: …`
    // and `people.ndjson:1: a: b: …`, where the column cannot be told from the message.
    const keys = ['', ' id', 'a: b', 'note:', 'hire date', 'a:b', '$.levels["SRE II"]'];
    const problems = rowDefectProblems('people.ndjson', 1, {
      kind: 'repeated_keys',
      keys: keys.map((key) => ({ field: key, path: key, times: 2, first: { column: 2 }, last: { column: 9 } })),
    });
    expect(problems.map(formatProblem).map((line) => line.slice(0, line.indexOf(': the key') + 1))).toEqual([
      'people.ndjson:1: "":',
      'people.ndjson:1: " id":',
      'people.ndjson:1: "a: b":',
      'people.ndjson:1: "note:":',
      // Inner spaces and colons are left as they are: the separator is a colon and a space.
      'people.ndjson:1: hire date:',
      'people.ndjson:1: a:b:',
      'people.ndjson:1: $.levels["SRE II"]:',
    ]);
    // The problem itself keeps the name as the source gives it (the JSON output shows it so).
    expect(problems.map((problem) => problem.column)).toEqual(keys);
  });

  it('shows a very long path by its two ends', () => {
    const path = `tags${'[0]'.repeat(100)}.name`;
    const [problem] = rowDefectProblems('t.ndjson', 1, {
      kind: 'repeated_keys', keys: [{ field: 'tags', path, times: 2, first: { column: 2 }, last: { column: 9 } }],
    });
    expect(problem?.message).toContain(`the key "${path.slice(0, 60)}...${path.slice(-60)}" is given twice`);
  });

  it('shows a very long key by its two ends, in the column too', () => {
    // A 2 MB key given twice was printed in full, twice: ~4 MB of output for one problem.
    const key = 'k'.repeat(2_000_000);
    const [problem] = rowDefectProblems('t.ndjson', 1, {
      kind: 'repeated_keys', keys: [{ field: key, path: key, times: 2, first: { column: 2 }, last: { column: 2_000_010 } }],
    });
    expect(problem?.column).toBe(`${'k'.repeat(60)}...${'k'.repeat(60)}`);
    expect(`${problem?.column}: ${problem?.message}`.length).toBeLessThan(400);
  });
});
