import { describe, expect, it, vi } from 'vitest';
import { datesByPerson } from '../../src/metrics/cohort-share.js';

describe('datesByPerson', () => {
  const rows = [
    { id: 'E2', on: '2026-03-01' },
    { id: 'E1', on: '2026-01-15' },
    { id: undefined, on: '2026-02-01' },
    { id: 'E9', on: '2026-02-02' },
    { id: 'E2', on: '2026-01-01' },
  ];

  it('groups the dates of the members\' rows by person, in the order read', () => {
    const dates = datesByPerson(rows, (r) => r.id, (r) => r.on, new Set(['E1', 'E2']));
    expect([...dates]).toEqual([['E2', ['2026-03-01', '2026-01-01']], ['E1', ['2026-01-15']]]);
  });

  it('passes over the rows of everyone else, and of no one, without making their dates', () => {
    const when = vi.fn((r: { on: string }) => r.on);
    const dates = datesByPerson(rows, (r) => r.id, when, new Set(['E1']));
    expect([...dates]).toEqual([['E1', ['2026-01-15']]]);
    // Only E1's row had its date made: E2's, E9's and the row without a person were skipped first.
    expect(when).toHaveBeenCalledTimes(1);
  });
});
