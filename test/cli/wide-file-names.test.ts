/**
 * A data folder whose files are named in Japanese or with an emoji (through `datasets.<name>.path`): the
 * `validate` summary and the report's inputs keep their columns in line on a terminal, read back here by
 * terminal columns (shownIn), not by string length.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { shownIn } from '../helpers/columns.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const PEOPLE = '運用チーム.csv'; // 14 columns, 9 UTF-16 units
const INCIDENTS = '👩\u200d💻 障害.csv'; // 2 + 1 + 4 + 4 = 11 columns, 11 UTF-16 units

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-wide-'));
  cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
  renameSync(join(dir, 'people.csv'), join(dir, PEOPLE));
  renameSync(join(dir, 'incidents.csv'), join(dir, INCIDENTS));
  const config = JSON.parse(readFileSync(join(dir, 'ops-metrics.config.json'), 'utf8')) as Record<string, unknown>;
  config.datasets = { people: { path: PEOPLE }, incidents: { path: INCIDENTS } };
  writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify(config));
  return dir;
}

describe('file names with wide characters', () => {
  const dir = dataFolder();

  test('validate: every row of the summary has its cells under the header names', () => {
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const header = lines.findIndex((line) => line.startsWith('file '));
    const table = lines.slice(header, lines.indexOf('', header));
    expect(table).toHaveLength(15); // the header and 14 files
    // The widest file cell, automation_contributions.csv (28 columns; "運用チーム.csv (people)" is 14 + 1 + 8 =
    // 23), sets the first column: rows, accepted, rejected, warnings follow right-aligned, each after two
    // spaces, ending at 28 + 2 + 4 = 34, 34 + 2 + 8 = 44, 54, 64.
    const head = table[0]!;
    expect([head.indexOf('rows') + 4, head.length]).toEqual([34, 64]);
    for (const row of table.slice(1)) {
      expect(shownIn(row, 0, 28).trimEnd()).toMatch(/\.(csv|json|ndjson)( \([a-z_]+\))?$/);
      for (const [from, to] of [[30, 34], [36, 44], [46, 54], [56, 64]]) expect(shownIn(row, from!, to).trimStart()).toMatch(/^\d+$/);
    }
    // Named otherwise than their datasets, the two files have them beside their names.
    const people = table.find((row) => row.startsWith(PEOPLE))!;
    expect(shownIn(people, 0, 28).trimEnd()).toBe(`${PEOPLE} (people)`);
    expect(shownIn(people, 28)).toBe('    40        40         0         0');
    const incidents = table.find((row) => row.startsWith(INCIDENTS))!;
    expect(shownIn(incidents, 0, 28).trimEnd()).toBe(`${INCIDENTS} (incidents)`);
    expect(shownIn(incidents, 28)).toBe('   112       112         0         0');
  });

  test('report: the inputs table keeps its counts in one column', () => {
    const result = runCli(['report', '--data', dir, '--fail-on', 'never']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const inputs = lines.slice(lines.indexOf('Inputs') + 1, lines.indexOf('', lines.indexOf('Inputs')));
    expect(inputs).toHaveLength(14);
    // Dataset at 2 (25 wide), file at 28 (30 wide), the accepted count right-aligned to column 66.
    for (const row of inputs) expect(shownIn(row, 66).startsWith(' of ')).toBe(true);
    expect(inputs).toContain(`  people                    ${PEOPLE}                      40 of 40 rows`);
    expect(inputs).toContain(`  incidents                 ${INCIDENTS}                        112 of 112 rows`);
  });
});
