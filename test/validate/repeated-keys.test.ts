/**
 * A JSON or NDJSON record that gives a key twice, read and validated as the CLI does it: an error at the
 * record's line naming the key, the record rejected like a row with a bad value (its other problems
 * reported too, its id kept as rejected), and every other problem of the file still reported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems.js';
import type { InputFormat } from '../../src/load/discover.js';
import { readRows } from '../../src/load/read-rows.js';
import { validateDataset } from '../../src/validate/validate-dataset.js';
import { configOf } from './support.js';

const config = configOf();
const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-repeated-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const validate = async <D extends 'incidents' | 'action_items'>(dataset: D, name: string, text: string, refs = {}) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  const format: InputFormat = name.endsWith('.ndjson') ? 'ndjson' : 'json';
  return validateDataset(dataset, name, readRows({ path, displayName: name, format }), config, refs);
};

const UNCLEAR = 'JSON keeps the last, so which value was meant is unclear';

// Five incidents: a repeated key in the first and in the third (written with a unicode escape, beside a
// bad timestamp), a bad priority in the fourth, and the first one's id again in the fifth.
const INCIDENTS = [
  '{"incident_id":"INC-1","opened_at":"2026-07-01T10:00:00Z","priority":"P1","priority":"P3"}',
  '{"incident_id":"INC-2","opened_at":"2026-07-01T10:00:00Z","priority":"P2"}',
  String.raw`{"incident_id":"INC-3","opened_at":"July 1st","priority":"P1","pri\u006frity":"P2"}`,
  '{"incident_id":"INC-4","opened_at":"2026-07-01T10:00:00Z","priority":"P9"}',
  '{"incident_id":"INC-1","opened_at":"2026-07-02T10:00:00Z","priority":"P2"}',
];
const ACTION_ITEMS = [
  '{"action_id":"A-1","incident_id":"INC-1","created_at":"2026-07-03T10:00:00Z"}',
  '{"action_id":"A-2","incident_id":"INC-2","created_at":"2026-07-03T10:00:00Z"}',
];

describe('a record that gives a key twice', () => {
  it('NDJSON: an error on its line, the record rejected and its id kept as rejected; every other problem still reported', async () => {
    const incidents = await validate('incidents', 'incidents.ndjson', `${INCIDENTS.join('\n')}\n`);
    expect(incidents.problems.map(formatProblem)).toEqual([
      `incidents.ndjson:1: priority: the key "priority" is given twice in this record (first at column 59, again at column 75); ${UNCLEAR}`,
      `incidents.ndjson:3: priority: the key "priority" is given twice in this record (first at column 47, again at column 63); ${UNCLEAR}`,
      'incidents.ndjson:3: opened_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "July 1st"',
      expect.stringMatching(/^incidents\.ndjson:4: priority: expected a priority .*found "P9"/),
      'incidents.ndjson:5: incident_id: duplicate incident_id "INC-1" (first on line 1, which was rejected)',
    ]);
    expect(incidents).toMatchObject({ rows: 5, accepted: 1, rejected: 4, errors: 5 });
    expect(incidents.records.records().map((incident) => incident.incident_id)).toEqual(['INC-2']);

    const items = await validate('action_items', 'action_items.ndjson', `${ACTION_ITEMS.join('\n')}\n`, incidents.refs);
    expect(items.problems.map(formatProblem)).toEqual([
      'action_items.ndjson:1: incident_id: incident_id "INC-1" is on line 1 of incidents.ndjson, which was rejected',
    ]);
  });

  it('JSON document: the same, at the record\'s array index, with the lines of both keys', async () => {
    const incidents = await validate('incidents', 'incidents.json', `[\n${INCIDENTS.join(',\n')}\n]\n`);
    expect(incidents.problems.map(formatProblem)).toEqual([
      `incidents.json:0: priority: the key "priority" is given twice in this record (first on line 2 at column 59, again on line 2 at column 75); ${UNCLEAR}`,
      `incidents.json:2: priority: the key "priority" is given twice in this record (first on line 4 at column 47, again on line 4 at column 63); ${UNCLEAR}`,
      'incidents.json:2: opened_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "July 1st"',
      expect.stringMatching(/^incidents\.json:3: priority: expected a priority .*found "P9"/),
      'incidents.json:4: incident_id: duplicate incident_id "INC-1" (first in record 0, which was rejected)',
    ]);
    expect(incidents).toMatchObject({ rows: 5, accepted: 1, rejected: 4, errors: 5 });

    const items = await validate('action_items', 'action_items.json', `[${ACTION_ITEMS.join(',')}]`, incidents.refs);
    expect(items.problems.map(formatProblem)).toEqual([
      'action_items.json:0: incident_id: incident_id "INC-1" is in record 0 of incidents.json, which was rejected',
    ]);
  });

  it('is rejected even when nothing else is wrong with it, whatever its key (here one no column reads)', async () => {
    const result = await validate('incidents', 'other.ndjson', '{"incident_id":"INC-1","opened_at":"2026-07-01T10:00:00Z","priority":"P1","note":"a","note":"b"}\n');
    expect(result.problems.map(formatProblem)).toEqual([
      `other.ndjson:1: note: the key "note" is given twice in this record (first at column 75, again at column 86); ${UNCLEAR}`,
    ]);
    expect(result).toMatchObject({ rows: 1, accepted: 0, rejected: 1, errors: 1 });
  });

  it('leaves a file without repeated keys as it was: every record accepted', async () => {
    const result = await validate('incidents', 'clean.ndjson', `${[INCIDENTS[1], '{"incident_id":"INC-5","opened_at":"2026-07-01T10:00:00Z","priority":"P1","Priority":"P1","tags":{"a":1,"b":{"a":2}}}'].join('\n')}\n`);
    // Two spellings of one column are a conflict the validator reports, not a repeated key.
    expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(/^clean\.ndjson:2: priority: columns "priority" and "Priority" both mean "priority"/)]);
    expect(result).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
  });
});
