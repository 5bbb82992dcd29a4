import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../../src/core/datasets.js';
import { LEVEL_CODES } from '../../src/core/levels.js';
import { KeyIndex } from '../../src/validate/key-index.js';
import { LatestChanges, Roster, type RosterEntry } from '../../src/validate/roster.js';

/** A roster of `entries` by id, each id added to the key index right before its entry, as the people's check does. */
const rosterOf = (entries: ReadonlyArray<readonly [string, RosterEntry]>): Roster => {
  const keys = new KeyIndex();
  const roster = new Roster(keys);
  for (const [id, entry] of entries) {
    keys.set(id, entry.line);
    roster.add(entry);
  }
  return roster;
};

const entry = (line: number, extra: Partial<RosterEntry> = {}): RosterEntry => ({
  title: 'Ops Engineer', level: 'ops1', line, hiredOn: '2020-01-01', terminatedOn: undefined, ...extra,
});

const change = (employeeId: string, date: string, seq: number, title = 'Ops Engineer', level: RecordOf['job_history']['level'] = 'ops1'): RecordOf['job_history'] =>
  ({ employee_id: employeeId, effective_date: date, seq, title, level }) as RecordOf['job_history'];

describe('Roster', () => {
  it('gives each person\'s entry by id, and nothing for an id not in it', () => {
    const roster = rosterOf([['E1', entry(2)], ['E2', entry(3, { title: 'Ops Engineer 2.0', level: 'ops2', terminatedOn: '2025-03-31' })]]);
    expect(roster.size).toBe(2);
    expect(roster.get('E2')).toStrictEqual(entry(3, { title: 'Ops Engineer 2.0', level: 'ops2', terminatedOn: '2025-03-31' }));
    expect(roster.get('E1')).toStrictEqual(entry(2));
    expect(roster.get('E3')).toBeUndefined();
    expect(roster.positionOf('E2')).toBe(1);
    expect(roster.at(0)).toStrictEqual(entry(2));
  });

  it('reads back 10,000 people the same once held in columns and sealed, their texts as codes', () => {
    // Past the 8,192 records a table keeps whole: each entry is built again from codes and numbers.
    const levels = LEVEL_CODES;
    const entries = Array.from({ length: 10_000 }, (_, i) => [`E${i}`, entry(i + 2, {
      title: `Title ${i % 40}`, level: levels[i % levels.length]!, hiredOn: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      terminatedOn: i % 7 === 0 ? '2026-01-31' : undefined,
    })] as const);
    const roster = rosterOf(entries);
    roster.seal();
    for (const i of [0, 1, 8191, 8192, 9999]) expect(roster.get(`E${i}`)).toStrictEqual(entries[i]![1]);
  });

  it('refuses an entry that is not its key\'s, the last one added', () => {
    const keys = new KeyIndex();
    const roster = new Roster(keys);
    expect(() => roster.add(entry(2))).toThrow(/right after its person's key/);
    keys.set('E1', 2).set('E2', 3);
    expect(() => roster.add(entry(2))).toThrow(/right after its person's key/);
  });

  it('holds no entry for a key added to the index after it was made (a person not in it)', () => {
    const keys = new KeyIndex();
    const roster = new Roster(keys);
    keys.set('E1', 2);
    roster.add(entry(2));
    keys.set('E2', 3); // no entry follows
    expect(roster.get('E2')).toBeUndefined();
    expect(roster.positionOf('E2')).toBeUndefined();
  });
});

describe('LatestChanges', () => {
  it('keeps each person\'s latest row: the latest date, then the highest seq; an earlier row read after changes nothing', () => {
    const roster = rosterOf([['E1', entry(2)], ['E2', entry(3)], ['E3', entry(4)]]);
    const latest = new LatestChanges(roster);
    latest.note(0, change('E1', '2024-01-01', 1), 10);
    latest.note(0, change('E1', '2025-06-01', 2, 'Ops Engineer 2.0', 'ops2'), 11);
    latest.note(0, change('E1', '2025-01-01', 3, 'Senior Ops Engineer', 'ops1_senior'), 12); // earlier date, later in the file
    latest.note(2, change('E3', '2025-06-01', 5, 'Ops Engineer 2.0', 'ops2'), 20);
    latest.note(2, change('E3', '2025-06-01', 6, 'Senior Architect', 'senior_architect'), 21); // same date, higher seq: taken
    latest.note(2, change('E3', '2025-06-01', 4), 22); // same date, lower seq: not
    // E2 has no row: it is not given.
    expect([...latest.entries()]).toStrictEqual([
      [0, { date: '2025-06-01', seq: 2, title: 'Ops Engineer 2.0', level: 'ops2', line: 11 }],
      [2, { date: '2025-06-01', seq: 6, title: 'Senior Architect', level: 'senior_architect', line: 21 }],
    ]);
  });

  it('gives nothing for a roster whose people have no row', () => {
    expect([...new LatestChanges(rosterOf([['E1', entry(2)]])).entries()]).toEqual([]);
  });

  it('keeps, for each person, the row a Map of the latest rows would (property)', () => {
    // Rows of 5 people in any order, dates from a few, seqs as a file gives them (each row's own, rising).
    const rows = fc.array(fc.record({ person: fc.nat({ max: 4 }), day: fc.integer({ min: 1, max: 9 }), title: fc.constantFrom('Ops Engineer', 'Ops Engineer 2.0') }), { maxLength: 60 });
    fc.assert(fc.property(rows, (given) => {
      const roster = rosterOf(Array.from({ length: 5 }, (_, i) => [`E${i}`, entry(i + 2)] as const));
      const latest = new LatestChanges(roster);
      const expected = new Map<number, { date: string; seq: number; title: string; line: number }>();
      given.forEach(({ person, day, title }, i) => {
        const date = `2025-01-0${day}`;
        const seq = i + 1;
        const line = i + 2;
        latest.note(person, change(`E${person}`, date, seq, title), line);
        const held = expected.get(person);
        if (held === undefined || date > held.date || (date === held.date && seq > held.seq)) expected.set(person, { date, seq, title, line });
      });
      const got = [...latest.entries()].map(([position, row]) => [position, row.date, row.seq, row.title, row.line]);
      const want = [...expected].sort(([a], [b]) => a - b).map(([position, row]) => [position, row.date, row.seq, row.title, row.line]);
      expect(got).toEqual(want);
    }), { numRuns: 300 });
  });
});
