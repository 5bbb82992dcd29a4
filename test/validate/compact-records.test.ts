import { describe, expect, it } from 'vitest';
import { recordSink } from '../../src/validate/record-sink.js';
import { StringPool } from '../../src/validate/string-pool.js';
import { incident, person, testConfig } from '../helpers/org.js';

/** A string equal to `text` but not the same instance (as each parsed CSV cell is). */
const fresh = (text: string): string => [...text].join('');

describe('StringPool', () => {
  it('gives the first instance of a text for every later equal text', () => {
    const pool = new StringPool();
    const first = fresh('E-001');
    expect(pool.intern('people.employee_id', first)).toBe(first);
    const again = pool.intern('time_allocation.employee_id', fresh('E-001'));
    expect(again).toBe(first);
    expect(pool.size).toBe(1);
  });

  it('stops pooling a column whose values rarely repeat, after its trial of 16,384 values', () => {
    const pool = new StringPool();
    // 16,384 distinct refs: 0 hits, below a quarter, so the column stops on the 16,384th value.
    for (let i = 0; i < 16_384; i++) pool.intern('automation_contributions.ref', `ref-${i}`);
    expect(pool.pools('automation_contributions.ref')).toBe(false);
    // That last value was not added: 16,383 held. Later values pass through untouched.
    expect(pool.size).toBe(16_383);
    const late = fresh('ref-1');
    expect(pool.intern('automation_contributions.ref', late)).toBe(late);
    expect(pool.size).toBe(16_383);
  });

  it('keeps pooling a column where at least a quarter of the values were seen before', () => {
    const pool = new StringPool();
    // Dates cycling through 4,096 values: the first 4,096 are new, the other 12,288 hits = 75 %.
    for (let i = 0; i < 16_384; i++) pool.intern('meetings.date', `d-${i % 4096}`);
    expect(pool.pools('meetings.date')).toBe(true);
    expect(pool.size).toBe(4096);
    // Exactly a quarter is enough: 12,288 new then 4,096 repeats (4,096 × 4 = 16,384, not below).
    const edge = new StringPool();
    for (let i = 0; i < 16_384; i++) edge.intern('x.y', `v-${i % 12_288}`);
    expect(edge.pools('x.y')).toBe(true);
  });
});

describe('StringPool.seed', () => {
  it('pools every text it is given, with no trial to stop it, and later columns find them', () => {
    const pool = new StringPool();
    // 20,000 distinct ids: past the 16,384 values after which a trial column without repeats stops.
    for (let i = 0; i < 20_000; i++) pool.seed(`E${i}`);
    expect(pool.size).toBe(20_000);
    expect(pool.seed(fresh('E7'))).toBe('E7');
    expect(pool.size).toBe(20_000);
    // Another file's references to those ids are all hits: the column keeps pooling and adds nothing.
    for (let i = 0; i < 20_000; i++) pool.intern('job_history.employee_id', fresh(`E${i}`));
    expect([pool.pools('job_history.employee_id'), pool.size]).toEqual([true, 20_000]);
  });
});

describe('recordSink with a pool', () => {
  it('pools the roster\'s ids, the one key every other file refers to, and reads them back as text', () => {
    const pool = new StringPool();
    const sink = recordSink('people', testConfig(), true, pool);
    // 20,000 people, each id unique: the key still goes to the pool, past any trial's end.
    const ids = Array.from({ length: 20_000 }, (_, i) => `E${String(i).padStart(6, '0')}`);
    for (const id of ids) sink.add(person({ employee_id: fresh(id) }));
    sink.seal();
    expect(pool.size).toBe(20_000 + 2); // the ids, and the title ('ops1') and hire date the records share
    expect([...sink.records].map((p) => (p as { employee_id: string }).employee_id)).toEqual(ids);
  });


  it('makes equal texts of accepted records one instance, but leaves the key column alone', () => {
    const pool = new StringPool();
    const sink = recordSink('action_items', testConfig(), true, pool);
    const item = (id: string) => ({ action_id: fresh(id), incident_id: fresh('INC-1'), created_at: 0, completed_at: undefined, owner_id: fresh('E-1') });
    sink.add(item('A-1'));
    sink.add(item('A-2'));
    const [a, b] = [...sink.records] as Array<ReturnType<typeof item>>;
    expect(b!.incident_id).toBe(a!.incident_id);
    expect(b!.owner_id).toBe(a!.owner_id);
    // Pooled: INC-1 and E-1; the action ids are keys, unique by rule, so never pooled.
    expect(pool.size).toBe(2);
  });
});

describe('recordSink keeping compact records', () => {
  it('drops the fields nothing reads (an incident title) and holds incidents in columns', () => {
    const pool = new StringPool();
    const lead = fresh('E-1');
    pool.intern('people.employee_id', lead);
    const sink = recordSink('incidents', testConfig(), true, pool);
    sink.add(incident({ incident_id: 'INC-1', opened_at: 0, priority: 'P1', title: 'Checkout down', service: 'checkout', postmortem_lead_id: fresh('E-1') }));
    const table = sink.records;
    expect(table.record(0)).toEqual(incident({ incident_id: 'INC-1', opened_at: 0, priority: 'P1', service: 'checkout', postmortem_lead_id: 'E-1' }));
    // The lead's id is the instance people's file pooled first.
    expect(table.textAt('postmortem_lead_id', 0)).toBe(lead);
  });

  it('without a pool keeps an incident title', () => {
    const sink = recordSink('incidents', testConfig(), true);
    sink.add(incident({ incident_id: 'INC-1', opened_at: 0, title: 'Checkout down' }));
    expect(sink.records.record(0).title).toBe('Checkout down');
  });

  it('without a pool keeps every field as read', () => {
    const sink = recordSink('automation_contributions', testConfig(), true);
    sink.add({ employee_id: 'E-1', date: '2026-01-05', kind: 'authored', ref: 'PR-7' });
    expect(([...sink.records] as Array<{ ref?: string }>)[0]!.ref).toBe('PR-7');
  });
});

describe('recordSink keeping only what a measure can count', () => {
  it('keeps product_roadmap meetings (in any case) and leaves other kinds out', () => {
    const sink = recordSink('meetings', testConfig(), true, new StringPool());
    sink.add({ employee_id: 'E-1', date: '2026-07-01', kind: 'product_roadmap' });
    sink.add({ employee_id: 'E-1', date: '2026-07-02', kind: 'standup' });
    sink.add({ employee_id: 'E-2', date: '2026-07-03', kind: ' Product_Roadmap' });
    expect(([...sink.records] as Array<{ date: string }>).map((m) => m.date)).toEqual(['2026-07-01', '2026-07-03']);
  });
});
