/**
 * The same input gives byte-identical JSON whatever the machine's time zone or locale, and whatever the
 * order of the rows where order has no meaning. The demo organisation is used: it exercises every metric.
 * (The suite itself runs under TZ=Pacific/Chatham; each run here sets its own zone.)
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { DatasetName } from '../../src/core/datasets.js';
import { SEQUENCED_DATASETS } from '../../src/validate/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
const args = (dataDir: string): string[] => ['report', '--data', dataDir, '--period', '2026-Q3', '--trend', '4', '--format', 'json', '--names'];

/** A seeded shuffle (xorshift): the test is the same on every run, and no order is the file's own. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = (): number => {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A CSV or NDJSON file with its records (not its header) in another order. Demo records are one line each. */
function shuffleLines(text: string, header: boolean, seed: number): string {
  const lineEnd = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(lineEnd).filter((line) => line !== '');
  for (const line of lines) expect((line.match(/"/g) ?? []).length % 2, `one record per line: ${line}`).toBe(0);
  const [first, ...rest] = lines;
  return `${[...(header ? [first!] : []), ...shuffled(header ? rest : lines, seed)].join(lineEnd)}${lineEnd}`;
}

/** A JSON file with its array of records in another order (the array itself, or the object's one array). */
function shuffleJson(text: string, seed: number): string {
  const document = JSON.parse(text) as unknown;
  if (Array.isArray(document)) return JSON.stringify(shuffled(document, seed), null, 2);
  const object = document as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(object).map(([k, v]) => [k, Array.isArray(v) ? shuffled(v, seed) : v])), null, 2);
}

const shuffledDemo = mkdtempSync(join(tmpdir(), 'ops-metrics-shuffled-'));
afterAll(() => rmSync(shuffledDemo, { recursive: true, force: true }));
cpSync(DEMO, shuffledDemo, { recursive: true });
const shuffledFiles: string[] = [];
for (const [i, name] of readdirSync(shuffledDemo).sort().entries()) {
  const dataset = basename(name, extname(name)) as DatasetName;
  // job_history and automation_coverage: rows of one date keep their file order, which decides between them.
  if (SEQUENCED_DATASETS.has(dataset) || name === 'ops-metrics.config.json') continue;
  const path = join(shuffledDemo, name);
  const text = readFileSync(path, 'utf8');
  const extension = extname(name);
  if (extension === '.csv') writeFileSync(path, shuffleLines(text, true, 0x9e3779b9 + i));
  else if (extension === '.ndjson') writeFileSync(path, shuffleLines(text, false, 0x9e3779b9 + i));
  else if (extension === '.json') writeFileSync(path, shuffleJson(text, 0x9e3779b9 + i));
  else continue;
  shuffledFiles.push(name);
}

describe('byte-identical JSON', () => {
  const reference = runCli(args(DEMO), { env: { TZ: 'UTC', LANG: 'C.UTF-8' } });

  test('the reference run succeeds (its gate trips a red flag)', () => {
    expect(reference.code).toBe(1);
    expect(reference.stdout.length).toBeGreaterThan(1000);
  });

  test.each([
    ['TZ=Pacific/Chatham', { TZ: 'Pacific/Chatham' }],
    ['TZ=America/St_Johns', { TZ: 'America/St_Johns' }],
    ['LANG=de_DE.UTF-8', { TZ: 'UTC', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }],
  ])('under %s', (_, env) => {
    expect(runCli(args(DEMO), { env }).stdout).toBe(reference.stdout);
  });

  test('with the rows of every unordered dataset shuffled', () => {
    expect(shuffledFiles.length).toBeGreaterThanOrEqual(10);
    // The shuffle did change the files: the same bytes would prove nothing.
    expect(readFileSync(join(shuffledDemo, 'people.csv'), 'utf8')).not.toBe(readFileSync(join(DEMO, 'people.csv'), 'utf8'));
    expect(runCli(args(shuffledDemo), { env: { TZ: 'America/St_Johns' } }).stdout).toBe(reference.stdout);
  });
});
