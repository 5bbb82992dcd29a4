// Bundled by bench/stages.mjs (esbuild resolves the `.js` imports to the TypeScript sources): times
// each stage of a report in one process — reading (csv-parse and row building), validating, computing
// — and the heap each dataset's typed records keep alive.
import { DATASET_NAMES } from '../../src/core/datasets.js';
import { loadConfig } from '../../src/config/index.js';
import { discoverDatasets } from '../../src/load/discover.js';
import { readRowBatches } from '../../src/load/read-rows.js';
import { validateDataset } from '../../src/validate/index.js';
import { StringPool } from '../../src/validate/string-pool.js';
import { resolveWindow } from '../../src/model/window.js';
import { computeReport } from '../../src/report/compute-report.js';
import { recordFilters } from '../../src/report/horizon.js';
import { resizableStorageBytes } from '../../src/core/typed-columns.js';

// The heap and the typed arrays' buffers, which V8 keeps outside it (the datasets are held in columns),
// the resizable ones counted apart, as `memoryUsage()` leaves them out.
const settle = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers + resizableStorageBytes();
};

export async function measureStages(dataDir, period) {
  const loaded = await loadConfig(undefined, dataDir, process.cwd());
  if ('problems' in loaded) throw new Error(`config problems: ${JSON.stringify(loaded.problems)}`);
  const { config } = loaded;
  const { sources, unresolved } = await discoverDatasets(dataDir, config.datasets);
  if (unresolved.length > 0) throw new Error(`datasets whose file cannot be told: ${unresolved.map((u) => u.error.message).join('; ')}`);
  const stages = [];
  const data = Object.fromEntries(DATASET_NAMES.map((name) => [name, undefined]));
  let refs = {};
  const pool = new StringPool(); // as src/cli/load-inputs.ts: one per run
  const window = resolveWindow({ period, today: '2026-10-15', timezone: config.timezone });
  // As the CLI: only the records within the run's reach are kept.
  const filters = recordFilters([window], config);
  for (const source of sources) {
    let started = performance.now();
    let rows = 0;
    for await (const batch of readRowBatches(source)) rows += batch.length;
    const readMs = performance.now() - started;
    const heapBefore = settle();
    started = performance.now();
    const result = await validateDataset(source.dataset, source.displayName, readRowBatches(source), config, refs, { pool, ...(filters[source.dataset] ? { inReach: filters[source.dataset] } : {}) });
    const readAndValidateMs = performance.now() - started;
    data[source.dataset] = result.records;
    refs = result.refs;
    const retainedBytes = settle() - heapBefore;
    stages.push({ dataset: source.dataset, rows, readMs, validateMs: readAndValidateMs - readMs, retainedBytes, bytesPerRecord: retainedBytes / Math.max(1, result.accepted) });
  }
  const started = performance.now();
  const inputs = stages.map(({ dataset, rows }) => ({ dataset, file: `${dataset}.csv`, rows, accepted: rows, rejected: 0, warnings: 0 }));
  const report = computeReport({ data, config, window, inputs, failOn: 'never', names: false, toolVersion: 'bench' });
  const computeMs = performance.now() - started;
  const serialiseStarted = performance.now();
  const json = JSON.stringify(report);
  return { stages, computeMs, serialiseMs: performance.now() - serialiseStarted, reportBytes: json.length, heapAfterLoad: settle() };
}

export { readCsv } from '../../src/load/csv-reader.js';
