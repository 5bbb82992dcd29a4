/**
 * `ops-metrics init [DIR]`: a data folder of header-only templates, one per dataset, and an example
 * config with every key explained. Existing files are never overwritten without --force.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_KEYS_DOC } from '../../config/index.js';
import { DATASET_NAMES } from '../../core/datasets.js';
import { UsageError } from '../../core/problems.js';
import { templateCsv } from '../dataset-docs.js';
import { EXIT, type ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';

export const EXAMPLE_CONFIG_NAME = 'ops-metrics.config.json';

/** The example config: valid JSON with comments (the config reader accepts `//` comments). */
export function exampleConfig(): string {
  const docs = CONFIG_KEYS_DOC.map((d) => `  // ${d.key}: ${d.meaning}${d.default !== undefined ? ` (default ${d.default})` : ''}`);
  return [
    '{',
    '  // ops-metrics configuration. Every key is optional; remove what you do not need.',
    ...docs,
    '  "timezone": "UTC",',
    '  "survey": { "minGroupSize": 5 },',
    '  "rca": { "clockStartsAt": "resolved", "hours": 48 }',
    '}',
    '',
  ].join('\n');
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

export async function runInit(dir: string, options: { force: boolean }, io: Io): Promise<ExitCode> {
  const files = [
    ...DATASET_NAMES.map((d) => ({ name: `${d}.csv`, text: templateCsv(d) })),
    { name: EXAMPLE_CONFIG_NAME, text: exampleConfig() },
  ];
  await mkdir(dir, { recursive: true });
  if (!options.force) {
    const taken = [];
    for (const f of files) if (await exists(join(dir, f.name))) taken.push(f.name);
    if (taken.length > 0) throw new UsageError(`init: ${dir} already holds ${taken.join(', ')}; pass --force to overwrite`);
  }
  for (const f of files) await writeFile(join(dir, f.name), f.text);
  io.out(`Wrote ${files.length} files to ${dir}: a header-only template per dataset and ${EXAMPLE_CONFIG_NAME}.\nFill in the datasets you have (the others can be deleted), then run: ops-metrics validate --data ${dir}\n`);
  return EXIT.passed;
}
