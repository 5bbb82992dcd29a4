/**
 * `--format github` with GITHUB_STEP_SUMMARY set: the Markdown report appended to that file, as the
 * workflow page shows it. Never with names, as the annotations (the page is open to every reader of the
 * repository), and a file that cannot be written is one line and code 2, not an internal error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'ops-metrics-step-summary-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DEMO = join(ROOT, 'fixtures', 'demo');
const report = (format: string, ...extra: string[]): string[] =>
  ['report', '--data', DEMO, '--period', '2026-Q3', '--format', format, '--fail-on', 'never', ...extra];

/** The demo roster's names: column 2 of people.csv (none of them is quoted). */
const demoNames = readFileSync(join(DEMO, 'people.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1)
  .map((line) => line.split(',')[1]!)
  .filter((name) => name !== '');

describe('the GitHub step summary', () => {
  it('appends the Markdown report after what the file holds, without names even with --names', () => {
    const summary = join(scratch, 'summary.md');
    writeFileSync(summary, '## an earlier step\n');
    const run = runCli(report('github', '--names'), { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(0);
    const markdown = runCli(report('markdown'));
    const named = runCli(report('markdown', '--names'));
    // The names are there to leak: the same run's Markdown with --names shows some of them.
    const shownNames = demoNames.filter((name) => named.stdout.includes(name));
    expect(shownNames.length).toBeGreaterThan(0);
    const written = readFileSync(summary, 'utf8');
    expect(written).toBe(`## an earlier step\n${markdown.stdout}`);
    for (const name of shownNames) expect(written).not.toContain(name);
  });

  it.each([
    ['a folder that does not exist', (dir: string) => join(dir, 'missing', 'summary.md'), 'its folder does not exist'],
    ['a folder', (dir: string) => dir, 'is a folder, not a file'],
  ])('in %s is one line and exit 2, after the annotations', (_case, pathIn, why) => {
    const path = pathIn(scratch);
    const run = runCli(report('github'), { env: { GITHUB_STEP_SUMMARY: path } });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('ops-metrics gate');
    expect(run.stderr).toBe(`${path}:0: -: cannot append the step summary (GITHUB_STEP_SUMMARY) to ${path}: ${why}\n`);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
