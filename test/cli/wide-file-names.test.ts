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
    const header = lines.findIndex((line) => line.startsWith('dataset '));
    const table = lines.slice(header, lines.indexOf('', header));
    expect(table).toHaveLength(15); // the header and 14 datasets
    // The widest dataset, automation_contributions (24), and file, automation_contributions.csv (28), set the
    // columns: dataset at 0, file at 26, then rows, accepted, rejected, warnings right-aligned, ending at
    // 26 + 28 + 2 + 4 = 60, 60 + 2 + 8 = 70, 80, 90.
    const head = table[0]!;
    expect([head.indexOf('file'), head.indexOf('rows') + 4, head.length]).toEqual([26, 60, 90]);
    for (const row of table.slice(1)) {
      expect(shownIn(row, 26, 56).trimEnd()).toMatch(/\.(csv|json|ndjson)$/);
      for (const [from, to] of [[56, 60], [62, 70], [72, 80], [82, 90]]) expect(shownIn(row, from!, to).trimStart()).toMatch(/^\d+$/);
    }
    const people = table.find((row) => row.startsWith('people '))!;
    expect(shownIn(people, 26, 56).trimEnd()).toBe(PEOPLE);
    expect(shownIn(people, 56)).toBe('  40        40         0         0');
    const incidents = table.find((row) => row.startsWith('incidents '))!;
    expect(shownIn(incidents, 26, 56).trimEnd()).toBe(INCIDENTS);
    expect(shownIn(incidents, 56)).toBe(' 112       112         0         0');
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
