/** The problem lines of validate (and of report on invalid input): the first N a file, then what is left. */
import { describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../src/cli/load-inputs.js';
import type { Problem } from '../../src/core/problems.js';
import { problemLines } from '../../src/cli/validation-output.js';

const problem = (line: number, severity: Problem['severity']): Problem =>
  ({ file: 'items.csv', line, column: 'owner_id', severity, message: severity === 'error' ? 'bad' : 'unknown owner' });

const outcome = (problems: Problem[], errors: number, warnings: number): FileOutcome => ({
  dataset: 'action_items', file: 'items.csv', rows: 60, accepted: 58, rejected: 2, warnings, errors, problems,
  omittedProblems: errors + warnings - problems.length, fatal: false, headerRefused: false, path: 'items.csv',
});

describe('problemLines', () => {
  it('says how many of the problems not shown are errors, which warnings shown before them would hide', () => {
    // 50 warnings on lines 2..51, then 2 errors (lines 56, 57) and 11 more warnings: 3 shown.
    const problems = [...Array.from({ length: 50 }, (_, i) => problem(i + 2, 'warning')), problem(56, 'error'), problem(57, 'error'),
      ...Array.from({ length: 11 }, (_, i) => problem(60 + i, 'warning'))];
    const lines = problemLines([outcome(problems, 2, 61)], 3);
    expect(lines.at(-1)).toBe('items.csv: … and 60 more problems not shown (2 of them errors; --max-problems 0 shows every one)');
    expect(problemLines([outcome(problems, 2, 61)], 60).at(-1)).toBe('items.csv: … and 3 more problems not shown (all warnings; --max-problems 0 shows every one)');
    expect(problemLines([outcome(problems.slice(0, 52), 2, 50)], 51).at(-1)).toBe('items.csv: … and 1 more problem not shown (an error; --max-problems 0 shows every one)');
    expect(problemLines([outcome(problems, 2, 61)], Infinity)).toHaveLength(63);
  });

  it('lists every one of a million problems (--max-problems 0) without overflowing the stack', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => problem(i + 2, 'error'));
    const lines = problemLines([outcome(many, many.length, 0)], Infinity);
    expect(lines).toHaveLength(1_000_000);
    expect(lines[999_999]).toBe('items.csv:1000001: owner_id: bad');
  });
});
