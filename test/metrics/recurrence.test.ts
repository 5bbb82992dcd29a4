import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/datasets.js';
import { IncidentTable } from '../../src/core/incident-table.js';
import { recurrenceFlags, type RecurrenceRule } from '../../src/metrics/recurrence.js';
import { at, incident } from '../helpers/org.js';

const DAY_MS = 86_400_000;
const RULE: RecurrenceRule = { infer: true, windowDays: 90 };
/** The ids of the incidents flagged as recurrences, sorted. */
const findRecurrences = (incidents: readonly Incident[], rule: RecurrenceRule): string[] => {
  const flags = recurrenceFlags(IncidentTable.of(incidents), rule);
  return incidents.filter((_, i) => flags[i] === 1).map((i) => i.incident_id).sort();
};

describe('recurrenceFlags: explicit recurrence_of', () => {
  // R1 names A (opened a year earlier) → recurrence. R2 names OLD-9, absent from the export → it predates
  // the export, recurrence. R3 names L, opened after R3 → not. R4 names itself → not earlier, not.
  // R5 names S, opened at the same instant → not strictly earlier, not. Inference is off.
  const incidents = [
    incident({ incident_id: 'A', opened_at: at('2025-01-01T00:00:00Z') }),
    incident({ incident_id: 'R1', opened_at: at('2026-01-01T00:00:00Z'), recurrence_of: 'A' }),
    incident({ incident_id: 'R2', opened_at: at('2026-01-01T00:00:00Z'), recurrence_of: 'OLD-9' }),
    incident({ incident_id: 'R3', opened_at: at('2026-01-01T00:00:00Z'), recurrence_of: 'L' }),
    incident({ incident_id: 'L', opened_at: at('2026-02-01T00:00:00Z') }),
    incident({ incident_id: 'R4', opened_at: at('2026-03-01T00:00:00Z'), recurrence_of: 'R4' }),
    incident({ incident_id: 'S', opened_at: at('2026-04-01T00:00:00Z') }),
    incident({ incident_id: 'R5', opened_at: at('2026-04-01T00:00:00Z'), recurrence_of: 'S' }),
  ];
  it('counts links to earlier or unknown incidents only', () => {
    expect(findRecurrences(incidents, { infer: false, windowDays: 90 })).toEqual(['R1', 'R2']);
  });
});

describe('recurrenceFlags: a link to an incident the as-of cut left out', () => {
  // R names L, which opened on 2026-10-15, after R (2026-09-01) and after the cut's end (2026-09-30).
  // Cut at 2026-09-30, L is out of the cut: the link still names an incident of the file that opened
  // after R, so R is no recurrence, as it is not in the uncut table. R2 names OLD-9, in no file: a
  // recurrence either way. A cut of the cut (2026-09-15) keeps the mark: L is still named.
  const incidents = [
    incident({ incident_id: 'R', opened_at: at('2026-09-01T00:00:00Z'), recurrence_of: 'L' }),
    incident({ incident_id: 'R2', opened_at: at('2026-09-02T00:00:00Z'), recurrence_of: 'OLD-9' }),
    incident({ incident_id: 'L', opened_at: at('2026-10-15T00:00:00Z') }),
  ];
  const flagged = (table: IncidentTable): string[] => {
    const flags = recurrenceFlags(table, { infer: false, windowDays: 90 });
    return Array.from({ length: table.length }, (_, row) => row).filter((row) => flags[row] === 1).map((row) => table.idAt(row));
  };

  it('is no recurrence, in the cut as in the whole file', () => {
    const table = IncidentTable.of(incidents);
    expect(flagged(table)).toEqual(['R2']);
    const cut = table.upTo(at('2026-09-30T23:59:59Z'));
    expect(cut.length).toBe(2);
    expect(flagged(cut)).toEqual(['R2']);
    expect(flagged(cut.upTo(at('2026-09-15T00:00:00Z')))).toEqual(['R2']);
  });

  it('does so when the rows kept are not the first ones, and leaves the table cut from unmarked', () => {
    // L first in the file: the cut copies the rows it keeps instead of sharing a prefix.
    const table = IncidentTable.of([incidents[2]!, incidents[0]!, incidents[1]!]);
    const cut = table.upTo(at('2026-09-30T23:59:59Z'));
    expect(flagged(cut)).toEqual(['R2']);
    expect(table.namesIncidentAfterCut(table.find('recurrence_of', 'L'))).toBe(false);
    expect(cut.namesIncidentAfterCut(cut.find('recurrence_of', 'L'))).toBe(true);
    expect(cut.namesIncidentAfterCut(cut.find('recurrence_of', 'OLD-9'))).toBe(false);
  });
});

describe('recurrenceFlags: inference from service and root-cause category', () => {
  const base = at('2026-01-01T00:00:00Z');
  const cases: Array<{ name: string; incidents: Incident[]; rule?: RecurrenceRule; expected: string[] }> = [
    {
      // B opens exactly 90 × 24 h after A: opened_at − 90 d ≤ A < opened_at holds with equality → recurrence.
      name: 'an earlier incident exactly windowDays × 24 h before counts',
      incidents: [
        incident({ incident_id: 'A', opened_at: base, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'B', opened_at: base + 90 * DAY_MS, service: 'api', root_cause_category: 'db' }),
      ],
      expected: ['B'],
    },
    {
      // 90 × 24 h + 1 ms apart: A falls just outside the window → no recurrence.
      name: 'one millisecond more does not',
      incidents: [
        incident({ incident_id: 'A', opened_at: base, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'B', opened_at: base + 90 * DAY_MS + 1, service: 'api', root_cause_category: 'db' }),
      ],
      expected: [],
    },
    {
      // ' api ' / 'db ' trim to api / db → same group; 10 days apart → B recurs.
      name: 'service and category match after trimming',
      incidents: [
        incident({ incident_id: 'A', opened_at: base, service: ' api ', root_cause_category: 'db ' }),
        incident({ incident_id: 'B', opened_at: base + 10 * DAY_MS, service: 'api', root_cause_category: 'db' }),
      ],
      expected: ['B'],
    },
    {
      // Matching is exact (case-sensitive): 'API' ≠ 'api'; and a different category is another group.
      name: 'a different case or category is another group',
      incidents: [
        incident({ incident_id: 'A', opened_at: base, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'B', opened_at: base + DAY_MS, service: 'API', root_cause_category: 'db' }),
        incident({ incident_id: 'C', opened_at: base + 2 * DAY_MS, service: 'api', root_cause_category: 'dns' }),
      ],
      expected: [],
    },
    {
      // Empty (after trim) or absent service/category never matches, even against an identical row.
      name: 'empty service or category never matches',
      incidents: [
        incident({ incident_id: 'A', opened_at: base, service: '  ', root_cause_category: 'db' }),
        incident({ incident_id: 'B', opened_at: base + DAY_MS, service: '  ', root_cause_category: 'db' }),
        incident({ incident_id: 'C', opened_at: base, service: 'api', root_cause_category: undefined }),
        incident({ incident_id: 'D', opened_at: base + DAY_MS, service: 'api', root_cause_category: undefined }),
      ],
      expected: [],
    },
    {
      // A and B open at the same instant: neither is earlier than the other → neither recurs.
      // C opens 5 days later: A/B are strictly earlier and within 90 days → C recurs.
      name: 'incidents opened at the same instant do not repeat each other',
      incidents: [
        incident({ incident_id: 'A', opened_at: base, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'B', opened_at: base, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'C', opened_at: base + 5 * DAY_MS, service: 'api', root_cause_category: 'db' }),
      ],
      expected: ['C'],
    },
    {
      // A, B at +60 d, C at +120 d: B is within 90 d of A; C is 120 d from A but 60 d from B → both recur.
      // Given out of order to show the input order does not matter.
      name: 'each incident is judged against the latest earlier one of its group',
      incidents: [
        incident({ incident_id: 'C', opened_at: base + 120 * DAY_MS, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'A', opened_at: base, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'B', opened_at: base + 60 * DAY_MS, service: 'api', root_cause_category: 'db' }),
      ],
      expected: ['B', 'C'],
    },
    {
      // windowDays 7 from the config: 7 d apart recurs, 8 d apart does not.
      name: 'the window follows recurrence.windowDays',
      rule: { infer: true, windowDays: 7 },
      incidents: [
        incident({ incident_id: 'A', opened_at: base, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'B', opened_at: base + 7 * DAY_MS, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'C', opened_at: base + 15 * DAY_MS, service: 'api', root_cause_category: 'db' }),
      ],
      expected: ['B'],
    },
    {
      // recurrence.infer false: same group 1 day apart is not a recurrence.
      name: 'no inference when recurrence.infer is false',
      rule: { infer: false, windowDays: 90 },
      incidents: [
        incident({ incident_id: 'A', opened_at: base, service: 'api', root_cause_category: 'db' }),
        incident({ incident_id: 'B', opened_at: base + DAY_MS, service: 'api', root_cause_category: 'db' }),
      ],
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ incidents, rule, expected }) => {
    expect(findRecurrences(incidents, rule ?? RULE)).toEqual(expected);
  });
});

/** The definition read literally: every pair compared. Only for small inputs. */
function allPairs(incidents: readonly Incident[], rule: RecurrenceRule): string[] {
  const windowMs = rule.windowDays * DAY_MS;
  const byId = new Map(incidents.map((i) => [i.incident_id, i]));
  return incidents.filter((i) => {
    if (i.recurrence_of !== undefined) {
      const named = byId.get(i.recurrence_of);
      if (named === undefined || named.opened_at < i.opened_at) return true;
    }
    if (!rule.infer) return false;
    const key = (x: Incident): string | undefined =>
      x.service?.trim() && x.root_cause_category?.trim() ? `${x.service.trim()}/${x.root_cause_category.trim()}` : undefined;
    return key(i) !== undefined && incidents.some((e) =>
      key(e) === key(i) && e.opened_at < i.opened_at && e.opened_at >= i.opened_at - windowMs);
  }).map((i) => i.incident_id).sort();
}

describe('recurrenceFlags agrees with the all-pairs reading of the definition', () => {
  const arbitraryIncidents = fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      ms: fc.constantFrom(0, 1, DAY_MS - 1),
      service: fc.constantFrom(undefined, '', 'api', ' api', 'web'),
      category: fc.constantFrom(undefined, 'db', 'dns '),
      link: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    }),
    { maxLength: 30 },
  ).map((rows) => rows.map((r, index) => incident({
    incident_id: `I${index}`,
    opened_at: r.day * DAY_MS + r.ms,
    service: r.service,
    root_cause_category: r.category,
    recurrence_of: r.link === undefined ? undefined : `I${r.link}`,
  })));
  it('on random incidents, windows and infer settings', () => {
    fc.assert(fc.property(arbitraryIncidents, fc.integer({ min: 1, max: 120 }), fc.boolean(), (incidents, windowDays, infer) => {
      const rule = { infer, windowDays };
      expect(findRecurrences(incidents, rule)).toEqual(allPairs(incidents, rule));
    }), { numRuns: 300 });
  });
});

describe('recurrenceFlags at export scale', () => {
  // 300,000 incidents of one service × category, one a day apart: every one but the first has its
  // predecessor 1 day earlier → 299,999 recurrences. (Comparing all pairs would be 4.5 × 10¹⁰ comparisons.)
  it('handles a single large group', () => {
    const count = 300_000;
    const incidents = Array.from({ length: count }, (_, i) =>
      incident({ incident_id: `I${i}`, opened_at: i * DAY_MS, service: 'api', root_cause_category: 'db' }));
    const flags = recurrenceFlags(IncidentTable.of(incidents), RULE);
    expect(flags.filter((flag) => flag === 1).length).toBe(count - 1);
    expect(flags[0]).toBe(0);
  });
});
