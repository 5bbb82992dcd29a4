#!/usr/bin/env node
// Where the time and memory of a report go, stage by stage, in one process:
//   node bench/stages.mjs [--scale medium] [--period 2026-Q3]
// For each dataset: read (csv-parse + row building + line tracking, rows counted and dropped), then
// read + validate again (the difference is validation), and the heap its typed records keep; then
// computeReport on everything and JSON.stringify of the result. Run with --expose-gc for exact heap
// figures (this script re-runs itself with it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_PERIOD, dataDirOf } from './generate.mjs';
import { importStages } from './lib/bundle-src.mjs';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'medium' }, period: { type: 'string', default: BENCH_PERIOD } } });

if (typeof globalThis.gc !== 'function') {
  const again = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

const { measureStages } = await importStages();
const result = await measureStages(dataDirOf(values.scale), values.period);
const mib = (bytes) => (bytes / 1048576).toFixed(1);
const lines = ['| dataset | rows | read s | validate s | read rows/s | read+validate rows/s | retained MiB | bytes/record |', '|---|--:|--:|--:|--:|--:|--:|--:|'];
for (const s of result.stages) {
  lines.push(`| ${s.dataset} | ${s.rows.toLocaleString('en-US')} | ${(s.readMs / 1000).toFixed(2)} | ${(s.validateMs / 1000).toFixed(2)} | ` +
    `${Math.round(s.rows / (s.readMs / 1000)).toLocaleString('en-US')} | ${Math.round(s.rows / ((s.readMs + s.validateMs) / 1000)).toLocaleString('en-US')} | ${mib(s.retainedBytes)} | ${Math.round(s.bytesPerRecord)} |`);
}
const total = (key) => result.stages.reduce((sum, s) => sum + s[key], 0);
lines.push(`| **all** | ${total('rows').toLocaleString('en-US')} | ${(total('readMs') / 1000).toFixed(2)} | ${(total('validateMs') / 1000).toFixed(2)} | | | ${mib(total('retainedBytes'))} | |`);
lines.push('', `computeReport: ${(result.computeMs / 1000).toFixed(2)} s; JSON.stringify: ${(result.serialiseMs / 1000).toFixed(2)} s (${mib(result.reportBytes)} MiB); heap with all records loaded: ${mib(result.heapAfterLoad)} MiB`);
process.stdout.write(`${lines.join('\n')}\n`);
