import { describe, expect, it } from 'vitest';
import { canonicalRowReader } from '../../src/validate/canonical-row.js';

describe('canonicalRowReader', () => {
  it('hands over the fields themselves when every column is read from a key of its own name', () => {
    const read = canonicalRowReader(new Map([['employee_id', 'employee_id'], ['course', 'course']]), false);
    const fields = { employee_id: 'E1', course: 'c', extra: 'x' };
    expect(read(fields, 1)).toBe(fields);
  });

  it('reads renamed columns from their source keys, into one object refilled for every row', () => {
    // `Employee ID` holds employee_id and `course` its own column; completed_on has no key.
    const read = canonicalRowReader(new Map([['employee_id', 'Employee ID'], ['course', 'course']]), false);
    const first = read({ 'Employee ID': 'E1', course: 'c1' }, 1);
    expect({ ...first }).toEqual({ employee_id: 'E1', course: 'c1' });
    expect(first.completed_on).toBeUndefined();
    // A later row without the course key reads it as undefined, not as the first row's value.
    const second = read({ 'Employee ID': 'E2' }, 2);
    expect(second).toBe(first);
    expect({ ...second }).toEqual({ employee_id: 'E2', course: undefined });
  });

  it('adds the row position for a sequenced dataset, even when the keys are canonical', () => {
    const read = canonicalRowReader(new Map([['measured_on', 'measured_on']]), true);
    const fields = { measured_on: '2026-01-01' };
    const row = read(fields, 7);
    expect(row).not.toBe(fields);
    expect({ ...row }).toEqual({ measured_on: '2026-01-01', seq: 7 });
    expect({ ...read(fields, 8) }).toEqual({ measured_on: '2026-01-01', seq: 8 });
  });
});
