/**
 * Reads a `fixtures/vendors/<folder>` data folder through the real load pipeline (config discovery,
 * dataset discovery, reader, preset, validator), as `validate` and `report` do.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInputs, type FileOutcome } from '../../src/cli/load-inputs.js';
import type { Config } from '../../src/core/config.js';
import type { DatasetName, OrgData, RecordOf } from '../../src/core/datasets.js';
import type { CsvHeader } from '../../src/load/csv-header.js';
import { formatOfPath } from '../../src/load/discover.js';
import { readRows } from '../../src/load/read-rows.js';
import { applyPreset, configForPreset, findPreset, presetReadOptions } from '../../src/presets/index.js';
import { buildRowSchema } from '../../src/validate/index.js';

export const VENDORS_DIR = join(import.meta.dirname, '../../fixtures/vendors');

export interface Loaded {
  readonly config: Config;
  readonly data: OrgData;
  readonly files: readonly FileOutcome[];
}

export async function loadFolder(dataDir: string, options: { config?: string; presets?: string[] } = {}): Promise<Loaded> {
  // Every field as the preset made it (a report keeps compact records, without fields no measure reads).
  const loaded = await loadInputs({ dataDir, configFlag: options.config, cwd: dataDir, presetFlags: options.presets ?? [], compact: false });
  if (loaded.kind !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(loaded)}`);
  return loaded;
}

export const loadVendor = (folder: string, options: { config?: string; presets?: string[] } = {}): Promise<Loaded> =>
  loadFolder(join(VENDORS_DIR, folder), options);

/** A data folder of the given files (name → content) and config, in a fresh temporary directory. */
export function tempFolder(files: Readonly<Record<string, string>>, config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-vendor-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify(config));
  return dir;
}

/** An instant as ISO text, so expected values read as timestamps. */
export const iso = (instant: number | undefined): string | undefined => (instant === undefined ? undefined : new Date(instant).toISOString());

/** Every problem of every file, formatted as the CLI prints them. */
export const messages = (files: readonly FileOutcome[]): string[] =>
  files.flatMap((file) => file.problems.map((p) => `${p.file}:${p.line}: ${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`));

/**
 * The canonical records of one dataset of a vendor folder, each with the line it came from: the
 * folder's config and preset, the reader, the preset's transform and the validator's row schema, as
 * load-inputs wires them (survey answers come out one by one here; the pipeline folds them).
 */
export async function presetRecords<D extends DatasetName>(folder: string, dataset: D): Promise<Array<{ line: number; record: RecordOf[D] }>> {
  const { config } = await loadVendor(folder);
  const source = config.datasets[dataset];
  const preset = findPreset(source?.preset ?? '');
  const layout = preset?.datasets[dataset];
  if (source?.path === undefined || preset === undefined || layout === undefined) throw new Error(`${folder}: no preset for ${dataset}`);
  let header: CsvHeader | undefined;
  const file = { path: join(VENDORS_DIR, folder, source.path), displayName: source.path, format: formatOfPath(source.path) };
  const rows = readRows(file, { ...presetReadOptions(preset, dataset), onHeader: (h) => (header = h) });
  const applied = applyPreset(rows, { dataset, file: source.path, preset, config, header: () => header });
  const schema = buildRowSchema(dataset, configForPreset(config, dataset, layout));
  const records: Array<{ line: number; record: RecordOf[D] }> = [];
  for await (const row of applied.rows) records.push({ line: row.line, record: schema.parse(row.fields) });
  return records;
}

/** The rows and accepted rows the pipeline counted for each file. */
export const counts = (files: readonly FileOutcome[]): Array<[string, number, number]> => files.map((f) => [f.dataset, f.rows, f.accepted]);
