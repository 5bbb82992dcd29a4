#!/usr/bin/env node
// Where the CPU time of a report goes: runs `ops-metrics report` under `node --cpu-prof` on a bench
// data folder and sums the profile's self time per function, per source file (through the bundle's
// source map) and per stage.
//   node bench/profile.mjs [--scale medium | --data DIR] [--only incidents,survey] [--top 25]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_PERIOD, dataDirOf } from './generate.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { createSourceLookup } from './lib/source-map.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { scale: { type: 'string', default: 'medium' }, only: { type: 'string' }, data: { type: 'string' }, top: { type: 'string', default: '25' } } });

/** The stage a source file belongs to (STYLE.md's named stages, and the libraries they use). */
const STAGES = [
  [/node_modules\/csv-parse\//, 'load: csv-parse'],
  [/src\/load\//, 'load: row building'],
  [/node_modules\/zod\//, 'validate: zod'],
  [/src\/validate\//, 'validate: cell parsers and checks'],
  [/node_modules\/(date-fns|@date-fns)\//, 'date-fns'],
  [/src\/(model|metrics|red-flags|report|stats)\//, 'model, metrics, red flags'],
  [/src\/(cli|config|reporters)\//, 'cli, config, reporters'],
];
const stageOf = (source, functionName) => {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (source === undefined) return functionName.startsWith('(') ? functionName : 'node internals (streams, async iteration)';
  return STAGES.find(([pattern]) => pattern.test(source))?.[1] ?? 'other bundled code';
};

function dataFolder(scratch) {
  const dir = values.data ?? dataDirOf(values.scale);
  if (values.only === undefined) return dir;
  const folder = join(scratch, 'data');
  mkdirSync(folder);
  for (const name of [...values.only.split(',').map((d) => `${d}.csv`), 'ops-metrics.config.json']) symlinkSync(join(dir, name), join(folder, name));
  return folder;
}

ensureBuilt(ROOT);
const scratch = mkdtempSync(join(tmpdir(), 'ops-metrics-profile-'));
try {
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', scratch, join(ROOT, 'bin', 'ops-metrics.js'), 'report', '--data', dataFolder(scratch),
    '--period', BENCH_PERIOD, '--format', 'json', '--fail-on', 'never', '--output', join(scratch, 'report.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`report exited ${run.status}`);
  const profile = JSON.parse(readFileSync(join(scratch, readdirSync(scratch).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
  // The bundle (dist/cli.cjs, run by dist/cli-entry.cjs as a script named by its path) has its own source map.
  const lookups = new Map();
  const pathOf = (url) => (url.startsWith('file:') ? fileURLToPath(url) : url);
  const sourceAt = (url, line, column) => {
    const path = pathOf(url);
    if (!lookups.has(path)) lookups.set(path, createSourceLookup(JSON.parse(readFileSync(`${path}.map`, 'utf8'))));
    return lookups.get(path)(line, column);
  };
  const inBundle = (url) => pathOf(url).startsWith(join(ROOT, 'dist') + sep) && existsSync(`${pathOf(url)}.map`);

  // Self time of a node = its samples × the mean interval between samples.
  const samples = new Map();
  for (const id of profile.samples) samples.set(id, (samples.get(id) ?? 0) + 1);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerSample = totalMs / profile.samples.length;
  const byFunction = new Map();
  const byStage = new Map();
  const bySource = new Map();
  for (const node of profile.nodes) {
    const ms = (samples.get(node.id) ?? 0) * msPerSample;
    if (ms === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const source = inBundle(url) ? sourceAt(url, lineNumber, columnNumber)?.replace(/^(\.\.\/)+/, '') : undefined;
    const where = source ?? (url === '' ? '' : url.replace(/^node:/, 'node:'));
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    const add = (map, key) => map.set(key, (map.get(key) ?? 0) + ms);
    add(byFunction, name);
    add(byStage, stageOf(source, functionName));
    add(bySource, source ?? (functionName.startsWith('(') ? functionName : 'node internals'));
  }
  const table = (title, map, limit) => {
    const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, limit);
    return [`| ${title} | self s | share |`, '|---|--:|--:|', ...rows.map(([key, ms]) => `| ${key} | ${(ms / 1000).toFixed(2)} | ${((100 * ms) / totalMs).toFixed(1)}% |`)].join('\n');
  };
  const top = Number(values.top);
  process.stdout.write(`Profiled ${(totalMs / 1000).toFixed(1)} s of \`report\` on ${values.data ?? `bench/data/${values.scale}`}${values.only ? ` (${values.only})` : ''}.\n\n` +
    `${table('stage', byStage, 20)}\n\n${table('source file', bySource, top)}\n\n${table('function', byFunction, top)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
