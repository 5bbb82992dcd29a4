/**
 * The source reader: a nested path's keys match as the record's own keys do (case, spaces, `-` and `_`
 * alike), and two keys of one nested object that match one step are shown, as two top-level keys are.
 */
import { describe, expect, it } from 'vitest';
import { createSourceReader } from '../../src/presets/source-path.js';

const reader = createSourceReader();

describe('reading a nested path', () => {
  it('matches every step as headers match, not only the first', () => {
    expect(reader.read({ PRIORITY: { summary: 'P1' } }, 'priority.summary')).toBe('P1');
    expect(reader.read({ priority: { Summary: 'P2' } }, 'priority.summary')).toBe('P2');
    expect(reader.read({ 'Incident-Status': { ' CATEGORY ': 'live', 'Status Name': 'Fixing' } }, 'incident_status.category')).toBe('live');
    expect(reader.read({ incident_status: { 'Status Name': 'Fixing' } }, 'incident_status.status_name')).toBe('Fixing');
    expect(reader.read({ priority: { summary: null } }, 'priority.summary')).toBeUndefined();
    expect(reader.read({ priority: 'P1' }, 'priority.summary')).toBeUndefined();
  });

  it('matches the keys inside a selected array element, and the key it is selected by', () => {
    const path = 'incident_timestamp_values[incident_timestamp.name=Resolved at].value.value';
    const fields = {
      Incident_Timestamp_Values: [
        { Incident_Timestamp: { Name: 'Reported at' }, Value: { VALUE: '2025-04-01T09:00:00Z' } },
        { Incident_Timestamp: { Name: 'resolved AT' }, Value: { VALUE: '2025-04-01T11:02:00Z' } },
      ],
    };
    expect(reader.read(fields, path)).toBe('2025-04-01T11:02:00Z');
  });

  it('keeps reading alike after many distinct nested keys (its memo of them starts again past 10,000)', () => {
    const own = createSourceReader();
    const read = Array.from({ length: 10_050 }, (_, i) => own.read({ priority: { [`id ${i}`]: i, Summary: `P${(i % 5) + 1}` } }, 'priority.summary'));
    expect(read.filter((value, i) => value === `P${(i % 5) + 1}`)).toHaveLength(10_050);
  });

  it('reads only keys the object has, never one it inherits', () => {
    expect(reader.read({ priority: { summary: 'P1' } }, 'priority.constructor')).toBeUndefined();
    expect(reader.read({ priority: { summary: 'P1' } }, 'priority.toString')).toBeUndefined();
  });

  it('tests a condition on a nested key spelled otherwise', () => {
    const condition = { source: 'incident_status.category', notIn: ['declined'] };
    expect(reader.holds({ Incident_Status: { Category: 'Declined' } }, condition)).toBe(false);
    expect(reader.holds({ Incident_Status: { Category: 'live' } }, condition)).toBe(true);
  });
});

describe('keys in doubt (keysOf)', () => {
  it('gives the record\'s own keys when the first step matches several, as before', () => {
    expect(reader.keysOf({ priority: { summary: 'P1' }, Priority: { summary: 'P2' } }, 'priority.summary')).toEqual(['priority', 'Priority']);
  });

  it('gives the nested keys, spelled as paths, when one object has two for one step', () => {
    expect(reader.keysOf({ priority: { Summary: 'P1', summary: 'P3', name: 'P1' } }, 'priority.summary')).toEqual(['priority.Summary', 'priority.summary']);
    // The doubt is found at the first step that has it, inside a selected element too (its index is shown).
    const fields = { list: [{ kind: 'a', value: 1 }, { kind: 'b', value: { at: 1, AT: 2 } }] };
    expect(reader.keysOf(fields, 'list[kind=b].value.at')).toEqual(['list[1].value.at', 'list[1].value.AT']);
  });

  it('gives the one key when no step is in doubt', () => {
    expect(reader.keysOf({ priority: { summary: 'P1', name: 'P1' } }, 'priority.summary')).toEqual(['priority']);
    expect(reader.keysOf({ priority: null }, 'priority.summary')).toEqual(['priority']);
    expect(reader.keysOf({ other: 1 }, 'priority.summary')).toEqual([]);
  });

  it('reads by each key in doubt in turn when the others are hidden', () => {
    const fields = { priority: { Summary: 'P1', summary: 'P3' } };
    expect(reader.read(fields, 'priority.summary', new Set(['priority.Summary']))).toBe('P3');
    expect(reader.read(fields, 'priority.summary', new Set(['priority.summary']))).toBe('P1');
    expect(reader.read({ created_at: 'a', 'Created At': 'b' }, 'created_at', new Set(['created_at']))).toBe('b');
  });
});
