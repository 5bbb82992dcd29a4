/**
 * The README's dataset and config sections are generated from the schemas and the config key list, so
 * they cannot drift. When this test fails, run `UPDATE_README=1 npx vitest run test/docs` and commit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allDatasetsMarkdown } from '../../src/cli/dataset-docs.js';
import { CONFIG_KEYS_DOC } from '../../src/config/index.js';
import { DATASET_NAMES } from '../../src/core/datasets.js';

const README = new URL('../../README.md', import.meta.url);

const configMarkdown = (): string =>
  ['| key | meaning | default |', '|---|---|---|',
    ...CONFIG_KEYS_DOC.map((d) => `| \`${d.key}\` | ${d.meaning.replace(/\|/g, '\\|')} | ${d.default === undefined ? '' : `\`${d.default}\``} |`)].join('\n');

const GENERATED: Record<string, () => string> = {
  datasets: () => allDatasetsMarkdown(DATASET_NAMES),
  config: configMarkdown,
};

function withGenerated(text: string): string {
  let out = text;
  for (const [name, generate] of Object.entries(GENERATED)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
    out = `${out.slice(0, from + start.length)}\n${generate()}\n${out.slice(to)}`;
  }
  return out;
}

describe('README', () => {
  it('holds the generated dataset and config sections', () => {
    const text = readFileSync(README, 'utf8');
    const expected = withGenerated(text);
    if (process.env.UPDATE_README === '1' && expected !== text) writeFileSync(README, expected);
    else expect(text).toBe(expected);
  });

  it('shows the two commands a fresh clone needs', () => {
    const text = readFileSync(README, 'utf8');
    expect(text).toContain('npm install && npm start');
    expect(text).toContain('npm test');
  });
});
