import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/datasets.js';
import { IncidentTable } from '../../src/core/incident-table.js';
import { PRIORITIES, type IncidentPriority } from '../../src/core/priorities.js';
import { ABSENT_CODE } from '../../src/core/text-codes.js';
import { at, incident } from '../helpers/org.js';

describe('IncidentTable: building', () => {
  const full = incident({
    incident_id: 'INC-1', opened_at: at('2026-07-01T10:00:00Z'), priority: 'P1', title: 'Checkout down', service: 'checkout',
    resolved_at: at('2026-07-01T12:00:00Z'), rca_completed_at: at('2026-07-02T09:00:00Z'), postmortem_lead_id: 'E-7',
    postmortem_completed_at: at('2026-07-03T15:30:00Z'), root_cause_category: 'deploy', recurrence_of: 'INC-0',
  });
  const bare = incident({ incident_id: 'INC-2', opened_at: at('2026-07-05T00:00:00Z'), priority: 'P4' });
  const table = IncidentTable.of([full, bare]);

  it('hands back the records it was built from', () => {
    expect(table.length).toBe(2);
    expect(table.records()).toEqual([full, bare]);
    expect(table.record(1)).toEqual(bare);
  });

  it('reads each column by row', () => {
    expect(table.idAt(0)).toBe('INC-1');
    expect(table.openedAt(1)).toBe(Date.parse('2026-07-05T00:00:00Z'));
    expect(table.priorityAt(0)).toBe('P1');
    expect(table.priorityAt(1)).toBe('P4');
    expect(table.textAt('service', 0)).toBe('checkout');
    expect(table.instantAt('rca_completed_at', 0)).toBe(Date.parse('2026-07-02T09:00:00Z'));
  });

  it('holds an absent instant as NaN and an absent text as the absent code, and reads both as undefined', () => {
    // INC-2 has only its opening: its three other instants are NaN, its four texts code 0.
    expect([...table.instants('resolved_at')]).toEqual([Date.parse('2026-07-01T12:00:00Z'), NaN]);
    expect([...table.instants('postmortem_completed_at')]).toEqual([Date.parse('2026-07-03T15:30:00Z'), NaN]);
    expect(table.instantAt('resolved_at', 1)).toBeUndefined();
    expect(table.codes('postmortem_lead_id')[1]).toBe(ABSENT_CODE);
    expect(table.textAt('recurrence_of', 1)).toBeUndefined();
    expect(table.rowsWith('recurrence_of')).toEqual([0]);
  });

  it('gives column views as long as the table, not as its capacity', () => {
    expect(table.instants('opened_at')).toHaveLength(2);
    expect(table.codes('service')).toHaveLength(2);
  });

  it('keeps a title only once some row has one', () => {
    // Rows 0 and 1 have none, row 2 has one: the column is made at row 2 with two empty rows before it.
    const titled = IncidentTable.of([
      incident({ incident_id: 'A', opened_at: 0 }),
      incident({ incident_id: 'B', opened_at: 1 }),
      incident({ incident_id: 'C', opened_at: 2, title: 'Disk full' }),
      incident({ incident_id: 'D', opened_at: 3 }),
    ]);
    expect(titled.records().map((i) => i.title)).toEqual([undefined, undefined, 'Disk full', undefined]);
  });
});

describe('IncidentTable: priorities', () => {
  it('holds P1..P5 and the preset-only unknown, each read back as given', () => {
    const priorities: IncidentPriority[] = [...PRIORITIES, 'unknown', 'P1'];
    const table = IncidentTable.of(priorities.map((priority, i) => incident({ incident_id: `I${i}`, opened_at: i, priority })));
    expect(Array.from({ length: table.length }, (_, row) => table.priorityAt(row))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'unknown', 'P1']);
  });
});

describe('IncidentTable: text codes', () => {
  // Services in row order: api, web, api, (none), ' api'. Codes are given in order of first sight, 0 kept
  // for absent: api → 1, web → 2, ' api' → 3 (not trimmed: the table holds texts as read).
  const table = IncidentTable.of(['api', 'web', 'api', undefined, ' api'].map((service, i) =>
    incident({ incident_id: `I${i}`, opened_at: i, service })));

  it('gives equal texts one code and each distinct text its own', () => {
    expect([...table.codes('service')]).toEqual([1, 2, 1, ABSENT_CODE, 3]);
    expect(table.codeCount('service')).toBe(4);
  });

  it('decodes each code to its text and finds each text by its code', () => {
    expect([1, 2, 3].map((code) => table.decode('service', code))).toEqual(['api', 'web', ' api']);
    expect(table.decode('service', ABSENT_CODE)).toBeUndefined();
    expect(table.find('service', 'web')).toBe(2);
    expect(table.find('service', 'db')).toBe(ABSENT_CODE);
  });

  it('codes each text column apart', () => {
    const two = IncidentTable.of([incident({ incident_id: 'A', opened_at: 0, service: 'x', root_cause_category: 'y' })]);
    expect(two.codes('service')[0]).toBe(1);
    expect(two.codes('root_cause_category')[0]).toBe(1);
    expect(two.find('service', 'y')).toBe(ABSENT_CODE);
  });
});

describe('IncidentTable: growth', () => {
  it('keeps every row as its columns double past the first 1,024 rows', () => {
    // 2,500 rows: the columns grow 1,024 → 2,048 → 4,096. Row i opens at i s, is resolved (at i s + 1 h)
    // when i is even, and has service svc-(i mod 7).
    const rows = Array.from({ length: 2500 }, (_, i) => incident({
      incident_id: `I${i}`, opened_at: i * 1000, priority: i % 2 === 0 ? 'P1' : 'P2',
      resolved_at: i % 2 === 0 ? i * 1000 + 3_600_000 : undefined, service: `svc-${i % 7}`,
    }));
    const table = IncidentTable.of(rows);
    expect(table.length).toBe(2500);
    expect(table.records()).toEqual(rows);
    expect(table.codeCount('service')).toBe(8); // 7 services and the absent code
    expect(table.instants('resolved_at')[2048]).toBe(2048 * 1000 + 3_600_000);
    expect(table.instants('resolved_at')[2049]).toBeNaN();
  });

  it('widens a text column from a byte to two bytes a code at its 256th text, and keeps every code', () => {
    // 600 rows with services s0..s299 (each twice) and 3 root causes: codes 1..300 for the services
    // (the 256th text gets code 256, past a byte), 1..3 for the causes, which stay a byte a code.
    const rows = Array.from({ length: 600 }, (_, i) => incident({
      incident_id: `I${i}`, opened_at: i, priority: 'P3', service: `s${i % 300}`, root_cause_category: `c${i % 3}`,
    }));
    const table = IncidentTable.of(rows);
    expect(table.codes('service')).toBeInstanceOf(Uint16Array);
    expect(table.codes('root_cause_category')).toBeInstanceOf(Uint8Array);
    expect(table.codeCount('service')).toBe(301);
    expect(table.decode('service', table.codes('service')[299]!)).toBe('s299');
    expect(table.records()).toEqual(rows);
    table.seal();
    expect(table.records()).toEqual(rows);
  });
});

describe('IncidentTable.seal', () => {
  it('keeps every row, column and code, cut to the rows held, and refuses more', () => {
    // 1,500 rows: the columns grew 1,024 → 2,048; sealed, they are 1,500 long.
    const rows = Array.from({ length: 1500 }, (_, i) => incident({
      incident_id: `I${i}`, opened_at: i * 1000, priority: 'P2', service: `svc-${i % 3}`, recurrence_of: i > 0 ? `I${i - 1}` : undefined,
    }));
    const table = IncidentTable.of(rows);
    table.seal();
    expect(table.records()).toEqual(rows);
    expect(Array.from(table.instants('opened_at'))).toEqual(rows.map((row) => row.opened_at));
    // The code of a text is found after sealing, as the recurrence measure looks ids up.
    expect(table.decode('recurrence_of', table.find('recurrence_of', 'I7'))).toBe('I7');
    expect(table.upTo(10_000).length).toBe(11);
    expect(() => table.add(rows[0]!)).toThrow(/sealed/);
    expect(() => table.setAside()).toThrow();
  });
});

describe('IncidentTable.upTo', () => {
  const tEnd = at('2026-09-30T23:59:59.999Z');
  const onTime = incident({ incident_id: 'ON', opened_at: tEnd, resolved_at: tEnd, priority: 'P1', service: 'api' });
  const resolvedAfter = incident({ incident_id: 'RA', opened_at: tEnd - 1000, resolved_at: tEnd + 1, rca_completed_at: tEnd + 1, postmortem_completed_at: tEnd });
  const openedAfter = incident({ incident_id: 'OA', opened_at: tEnd + 1 });

  it('keeps an incident opened exactly at tEnd with its instants at tEnd, drops one opened a millisecond later', () => {
    // Rows kept first (the export's usual order): ON and RA stay; RA's resolution and RCA, 1 ms after
    // tEnd, read as absent, its postmortem at tEnd stays; OA, opened 1 ms after tEnd, leaves.
    const cut = IncidentTable.of([onTime, resolvedAfter, openedAfter]).upTo(tEnd);
    expect(cut.records()).toEqual([onTime, { ...resolvedAfter, resolved_at: undefined, rca_completed_at: undefined }]);
    // The same through whole columns: RA's resolution reads NaN (absent), ON's at tEnd stays.
    expect(Array.from(cut.instants('resolved_at'))).toEqual([tEnd, NaN]);
    expect(cut.instantAt('resolved_at', 1)).toBeUndefined();
    expect(Array.from(cut.instants('postmortem_completed_at'))).toEqual([NaN, tEnd]);
  });

  it('cuts rows in any order the same way', () => {
    // OA first: the kept rows are not the first ones, so they are copied; the result is the same.
    const cut = IncidentTable.of([openedAfter, onTime, resolvedAfter]).upTo(tEnd);
    expect(cut.records()).toEqual([onTime, { ...resolvedAfter, resolved_at: undefined, rca_completed_at: undefined }]);
    expect(cut.textAt('service', 0)).toBe('api');
  });

  it('leaves the table it was cut from as it was, and can be cut again', () => {
    const table = IncidentTable.of([onTime, resolvedAfter, openedAfter]);
    const cut = table.upTo(tEnd);
    expect(table.records()).toEqual([onTime, resolvedAfter, openedAfter]);
    // ON opened at tEnd and RA 1 s before: cut 500 ms before tEnd only RA stays, with its postmortem
    // (at tEnd) now after the cut.
    expect(cut.upTo(tEnd - 500).records()).toEqual([{ ...resolvedAfter, resolved_at: undefined, rca_completed_at: undefined, postmortem_completed_at: undefined }]);
  });

  it('refuses rows added to a cut, which shares its columns with the table it was cut from', () => {
    const cut = IncidentTable.of([onTime]).upTo(tEnd);
    expect(() => cut.add(openedAfter)).toThrow('rows are added to the table read, not to a cut of it');
  });

  it('is not changed by rows added to its table afterwards', () => {
    // ON is the first row and kept: the cut shares the table's columns and reads only its first row.
    const table = IncidentTable.of([onTime]);
    const cut = table.upTo(tEnd);
    table.add(resolvedAfter);
    expect(cut.records()).toEqual([onTime]);
    expect(table.length).toBe(2);
  });

  it('keeps ids of any text, whether the kept rows are shared or copied', () => {
    // Opened at tEnd - 3, - 2, - 1 and + 1 ms. Cut at tEnd the first three rows stay (shared). In the
    // reversed table, cut at tEnd - 2 ms, the two opened first stay: its last two rows (copied).
    const ids = ['事件-1', 'INC-é', 'OPS-\uD800', 'Q1ABCDEF23'];
    const openings = [tEnd - 3, tEnd - 2, tEnd - 1, tEnd + 1];
    const incidents = ids.map((incident_id, i) => incident({ incident_id, opened_at: openings[i]! }));
    const idsOf = (cut: IncidentTable): string[] => Array.from({ length: cut.length }, (_, row) => cut.idAt(row));
    expect(idsOf(IncidentTable.of(incidents).upTo(tEnd))).toEqual(['事件-1', 'INC-é', 'OPS-\uD800']);
    expect(idsOf(IncidentTable.of(incidents.reverse()).upTo(tEnd - 2))).toEqual(['INC-é', '事件-1']);
  });

  it('drops every row when all open after tEnd', () => {
    expect(IncidentTable.of([openedAfter]).upTo(tEnd).length).toBe(0);
  });

  it('agrees with cutting each record on its own, for incidents in any order', () => {
    const DAY_MS = 86_400_000;
    const instant = fc.option(fc.integer({ min: 0, max: 20 }).map((day) => day * DAY_MS), { nil: undefined });
    const rows = fc.array(fc.record({ opened: fc.integer({ min: 0, max: 20 }), resolved: instant, rca: instant, postmortem: instant }), { maxLength: 25 });
    fc.assert(fc.property(rows, fc.integer({ min: 0, max: 20 }), (generated, cutDay) => {
      const incidents = generated.map((r, i) => incident({
        incident_id: `I${i}`, opened_at: r.opened * DAY_MS, resolved_at: r.resolved, rca_completed_at: r.rca, postmortem_completed_at: r.postmortem,
      }));
      const end = cutDay * DAY_MS;
      const clamp = (t: number | undefined): number | undefined => (t !== undefined && t <= end ? t : undefined);
      const expected: Incident[] = incidents.filter((i) => i.opened_at <= end).map((i) => ({
        ...i, resolved_at: clamp(i.resolved_at), rca_completed_at: clamp(i.rca_completed_at), postmortem_completed_at: clamp(i.postmortem_completed_at),
      }));
      const cut = IncidentTable.of(incidents).upTo(end);
      expect(cut.records()).toEqual(expected);
      // Read as whole columns too (NaN where absent), and from a cut of the cut at the same end.
      const column = (field: 'resolved_at' | 'rca_completed_at' | 'postmortem_completed_at') => expected.map((i) => i[field] ?? NaN);
      for (const field of ['resolved_at', 'rca_completed_at', 'postmortem_completed_at'] as const) {
        expect(Array.from(cut.instants(field))).toEqual(column(field));
        expect(Array.from(cut.upTo(end).instants(field))).toEqual(column(field));
      }
    }), { numRuns: 200 });
  });
});
