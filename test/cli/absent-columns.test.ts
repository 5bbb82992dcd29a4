/**
 * A measure resting on an optional column has no figure when the file does not have that column at all,
 * where the same file with the column and empty cells gives a figure: an empty cell says "not done", a
 * missing column says nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

interface JsonMeasure { id: string; status: string; value: number | null; reason?: string }

/** The measures of a 2026-Q3 report on a folder holding `files`, by id. */
function reportOn(files: Record<string, string>, args: readonly string[] = []): Map<string, JsonMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-absent-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = runCli(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--fail-on', 'never', ...args]);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as { metrics: Array<{ measures: JsonMeasure[] }> };
  return new Map(report.metrics.flatMap((m) => m.measures).map((m) => [m.id, m]));
}

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

// Two P1s resolved in July (UTC, the default zone). The RCA clock starts at resolution, 48 h:
// - I1 resolved 07-01 10:00, due 07-03 10:00, no RCA → late;
// - I2 resolved 07-02 10:00, due 07-04 10:00, RCA 07-03 10:00 → on time.
// p1_rca_48h = 1 / 2 = 0.5; p1_unresolved = 0 (both resolved).
const INCIDENTS = lines(
  'incident_id,opened_at,priority,resolved_at,rca_completed_at',
  'I1,2026-07-01T00:00:00Z,P1,2026-07-01T10:00:00Z,',
  'I2,2026-07-02T00:00:00Z,P1,2026-07-02T10:00:00Z,2026-07-03T10:00:00Z',
);
// Action items due 30 days after creation: A1 created 06-15, due 07-15, done 06-20 → on time; A2 created
// 06-20, due 07-20, open → late. action_items_30d = 1 / 2 = 0.5.
const ACTION_ITEMS = lines(
  'action_id,incident_id,created_at,completed_at',
  'A1,I1,2026-06-15T00:00:00Z,2026-06-20T00:00:00Z',
  'A2,I1,2026-06-20T00:00:00Z,',
);

/** The CSV without the named column (header and cells). */
function without(csv: string, column: string): string {
  const rows = csv.trimEnd().split('\n').map((row) => row.split(','));
  const at = rows[0]!.indexOf(column);
  return lines(...rows.map((cells) => cells.filter((_, i) => i !== at).join(',')));
}

const reason = (file: string, column: string, dataset: string): string =>
  `${file} has no ${column} column, so every row would count as lacking one: no figure rather than a wrong one. ` +
  `If the export has it under another header, map it: { "datasets": { "${dataset}": { "columns": { "<its header>": "${column}" } } } }`;

describe('a measure whose column the file does not have', () => {
  it('with the columns, empty cells are "not done": the figures worked out above', () => {
    const measures = reportOn({ 'incidents.csv': INCIDENTS, 'action_items.csv': ACTION_ITEMS });
    expect(measures.get('p1_rca_48h')).toMatchObject({ value: 0.5, status: 'missed' });
    expect(measures.get('p1_unresolved')).toMatchObject({ value: 0, status: 'info' });
    expect(measures.get('action_items_30d')).toMatchObject({ value: 0.5, status: 'missed' });
  });

  it('without rca_completed_at, the RCAs have no figure (they read 0 % before), the rest unchanged', () => {
    const measures = reportOn({ 'incidents.csv': without(INCIDENTS, 'rca_completed_at'), 'action_items.csv': ACTION_ITEMS });
    expect(measures.get('p1_rca_48h')).toEqual(expect.objectContaining({ value: null, status: 'no_data', reason: reason('incidents.csv', 'rca_completed_at', 'incidents') }));
    expect(measures.get('p1_unresolved')).toMatchObject({ value: 0, status: 'info' });
    expect(measures.get('action_items_30d')).toMatchObject({ value: 0.5 });
  });

  it('without resolved_at, neither the unresolved count (every P1 would be open) nor the RCAs on the resolution clock', () => {
    const noResolution = without(INCIDENTS, 'resolved_at');
    const measures = reportOn({ 'incidents.csv': noResolution });
    expect(measures.get('p1_unresolved')).toMatchObject({ value: null, status: 'no_data', reason: reason('incidents.csv', 'resolved_at', 'incidents') });
    expect(measures.get('p1_rca_48h')).toMatchObject({ value: null, status: 'no_data' });
    // On the opening clock the resolution is not needed: I1 opened 07-01 00:00, due 07-03 00:00, no RCA →
    // late; I2 opened 07-02 00:00, due 07-04 00:00, RCA 07-03 10:00 → on time. 1 / 2 = 0.5.
    const config = JSON.stringify({ rca: { clockStartsAt: 'opened' } });
    const opened = reportOn({ 'incidents.csv': noResolution, 'ops-metrics.config.json': config });
    expect(opened.get('p1_rca_48h')).toMatchObject({ value: 0.5, status: 'missed' });
  });

  it('without completed_at, the action items have no figure', () => {
    const measures = reportOn({ 'incidents.csv': INCIDENTS, 'action_items.csv': without(ACTION_ITEMS, 'completed_at') });
    expect(measures.get('action_items_30d')).toMatchObject({ value: null, status: 'no_data', reason: reason('action_items.csv', 'completed_at', 'action_items') });
  });

  it('a column mapped from another header is there', () => {
    // The RCA time under the export's own header, mapped in the config: the figure of the first test.
    const renamed = INCIDENTS.replace('rca_completed_at', 'RCA done');
    const config = JSON.stringify({ datasets: { incidents: { columns: { 'RCA done': 'rca_completed_at' } } } });
    const measures = reportOn({ 'incidents.csv': renamed, 'ops-metrics.config.json': config });
    expect(measures.get('p1_rca_48h')).toMatchObject({ value: 0.5, status: 'missed' });
  });

  it('in JSON, a key no record has is a column the file does not have; one some records have is there', () => {
    const records = [
      { incident_id: 'I1', opened_at: '2026-07-01T00:00:00Z', priority: 'P1', resolved_at: '2026-07-01T10:00:00Z' },
      { incident_id: 'I2', opened_at: '2026-07-02T00:00:00Z', priority: 'P1', resolved_at: '2026-07-02T10:00:00Z' },
    ];
    expect(reportOn({ 'incidents.json': JSON.stringify(records) }).get('p1_rca_48h')).toMatchObject({
      value: null, status: 'no_data', reason: reason('incidents.json', 'rca_completed_at', 'incidents'),
    });
    // I2's RCA on time, I1 without the key (absent, as an empty cell): 1 / 2.
    const one = [records[0], { ...records[1], rca_completed_at: '2026-07-03T10:00:00Z' }];
    expect(reportOn({ 'incidents.json': JSON.stringify(one) }).get('p1_rca_48h')).toMatchObject({ value: 0.5 });
  });

  it('a file of no row says nothing of its columns: a header alone read through a preset, or an empty JSON array', () => {
    // The header alone, read through the canonical stand-in (a dateFormat): it has resolved_at, so no P1 is
    // open (0), as without the dateFormat; before, no row reached the check and every column read as absent.
    const header = `${INCIDENTS.split('\n')[0]!}\n`;
    const dated = reportOn({ 'incidents.csv': header, 'ops-metrics.config.json': JSON.stringify({ datasets: { incidents: { dateFormat: 'dd/MM/yyyy' } } }) });
    expect(dated.get('p1_unresolved')).toMatchObject({ value: 0, status: 'info' });
    // No action item at all: none falls due, as for a header alone, rather than a column said to be missing.
    const empty = reportOn({ 'incidents.csv': INCIDENTS, 'action_items.json': '[]' });
    expect(empty.get('action_items_30d')).toMatchObject({ value: null, status: 'insufficient_data', reason: 'no action item falls due in the period' });
  });

  it('a JSON file read through a preset reads a key its first record lacks in the records that give it', () => {
    // Through the canonical stand-in (a dateFormat): the first record, A2 (open), has no completed_at key;
    // A1's is read all the same, so the figure is the CSV's: A1 on time, A2 not, 1 / 2 = 0.5. (Planned from
    // the first record alone, the column went unread in every record: 0 of 2.)
    const items = [
      { action_id: 'A2', incident_id: 'I1', created_at: '2026-06-20T00:00:00Z' },
      { action_id: 'A1', incident_id: 'I1', created_at: '2026-06-15T00:00:00Z', completed_at: '2026-06-20T00:00:00Z' },
    ];
    const config = JSON.stringify({ datasets: { action_items: { dateFormat: 'dd/MM/yyyy HH:mm' } } });
    const measures = reportOn({ 'incidents.csv': INCIDENTS, 'action_items.json': JSON.stringify(items), 'ops-metrics.config.json': config });
    expect(measures.get('action_items_30d')).toMatchObject({ value: 0.5, status: 'missed' });
  });

  it('a JSON file read through a preset still lacks a column no record gives: a vendor\'s, or the canonical stand-in\'s', () => {
    // PagerDuty's API has no RCA time: no figure, not 0 % (fixtures/vendors/pagerduty-api, 2025-Q1: 1041's RCA
    // falls due in it).
    const result = runCli(['report', '--data', 'fixtures/vendors/pagerduty-api', '--period', '2025-Q1', '--format', 'json', '--fail-on', 'missed']);
    expect(result.code, result.stderr).toBe(0);
    const measures = (JSON.parse(result.stdout) as { metrics: Array<{ measures: JsonMeasure[] }> }).metrics.flatMap((m) => m.measures);
    expect(measures.find((m) => m.id === 'p1_rca_48h')).toMatchObject({ status: 'no_data', reason: reason('incidents.json', 'rca_completed_at', 'incidents') });
    // Canonical action items in JSON, none with completed_at: the same without a dateFormat and with one.
    const items = JSON.stringify([
      { action_id: 'A1', incident_id: 'I1', created_at: '2026-06-15T00:00:00Z' },
      { action_id: 'A2', incident_id: 'I1', created_at: '2026-06-20T00:00:00Z' },
    ]);
    const dated = JSON.stringify({ datasets: { action_items: { dateFormat: 'dd/MM/yyyy HH:mm' } } });
    for (const files of [{}, { 'ops-metrics.config.json': dated }]) {
      const got = reportOn({ 'incidents.csv': INCIDENTS, 'action_items.json': items, ...files });
      expect(got.get('action_items_30d')).toMatchObject({ status: 'no_data', reason: reason('action_items.json', 'completed_at', 'action_items') });
    }
  });
});
