#!/usr/bin/env node
// What holds the live memory of a report, by owner, at two of its steps:
//   node bench/heap-owners.mjs [--scale medium] [--keep DIR]
// Runs `report --period 2026-Q3 --format json` on bench/data/<scale> as the CLI does (the sources bundled,
// the survey's worker running dist/cli.cjs) and writes a heap snapshot before the first metric (every
// file read) and before the last red flag (every other detail made); then charges each object of each
// snapshot to the first owner met on its way up to the roots, following fields first: a dataset's
// records (`data.incidents`...) or a part of the report (`report.details`...). What no owner reaches (the
// code, the modules, V8's own objects) is "(the program)". The typed arrays' buffers count too: a
// snapshot lists them as `system / JSArrayBufferData` with their size. Only the main thread's heap is
// seen (not the survey's worker), and nothing outside V8's heap but those buffers. The snapshots are in
// a temporary folder, or kept in DIR.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_PERIOD, dataDirOf } from './generate.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { importStages } from './lib/bundle-src.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'medium' },
    keep: { type: 'string' },
    // Internal: the two stages, each in a process of its own.
    'snapshot-into': { type: 'string' },
    analyse: { type: 'string' },
  },
});

if (values['snapshot-into'] !== undefined) {
  const { reportWithSnapshots } = await importStages('./heap-entry.mjs');
  const argv = ['report', '--data', dataDirOf(values.scale), '--period', BENCH_PERIOD, '--format', 'json', '--fail-on', 'never',
    '--output', join(values['snapshot-into'], 'report.json')];
  process.exitCode = await reportWithSnapshots(argv, join(ROOT, 'dist', 'cli.cjs'), values['snapshot-into']);
} else if (values.analyse !== undefined) {
  process.stdout.write(JSON.stringify(ownersOf(values.analyse)));
} else {
  // The report asks for its step hook (fullCollection) only from COLLECT_BETWEEN_STEPS_BYTES (128 MiB) of
  // input, src/cli/heap-growth.ts.
  const dataDir = dataDirOf(values.scale);
  if (!existsSync(dataDir)) fail(`no data in ${dataDir}: run node bench/generate.mjs --scale ${values.scale} first`);
  const bytes = readdirSync(dataDir).reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0);
  if (bytes < 128 * 1048576) fail(`${dataDir} holds ${(bytes / 1048576).toFixed(0)} MiB: the report collects between its steps, where the snapshots are taken, from 128 MiB of input (--scale medium or large)`);
  ensureBuilt(ROOT);
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'ops-metrics-heap-'));
  mkdirSync(dir, { recursive: true });
  try {
    const run = (args, nodeFlags = []) => {
      const child = spawnSync(process.execPath, [...nodeFlags, SELF, '--scale', values.scale, ...args], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
      if (child.status !== 0) throw new Error(`${args[0]} failed (exit ${child.status})`);
      return child.stdout.toString();
    };
    run(['--snapshot-into', dir]);
    // A snapshot of 150 MiB live is a JSON document of ~130 MB: parsing it needs more than the default heap.
    const [first, last] = ['first-step', 'last-step'].map((name) => JSON.parse(run(['--analyse', join(dir, `${name}.heapsnapshot`)], ['--max-old-space-size=8192'])));
    const mib = (bytes) => (bytes === undefined ? '–' : (bytes / 1048576).toFixed(1));
    const owners = [...new Set([...Object.keys(last), ...Object.keys(first)])].sort((a, b) => (last[b] ?? 0) - (last[a] ?? 0));
    const total = (bytes) => Object.values(bytes).reduce((sum, b) => sum + b, 0);
    const lines = [`Live heap of the ${values.scale} report, MiB`, '', '| owner | before the first metric | before the last red flag |', '|---|--:|--:|'];
    for (const owner of owners) lines.push(`| ${owner} | ${mib(first[owner])} | ${mib(last[owner])} |`);
    lines.push(`| **all** | ${mib(total(first))} | ${mib(total(last))} |`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (values.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

function fail(message) {
  process.stderr.write(`heap-owners: ${message}\n`);
  process.exit(2);
}

/** Bytes of the snapshot in `file`, by owner. */
function ownersOf(file) {
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  const { node_fields: nodeFields, edge_fields: edgeFields, edge_types: [edgeTypes] } = snapshot.snapshot.meta;
  const { nodes, edges, strings } = snapshot;
  const NODE = nodeFields.length;
  const EDGE = edgeFields.length;
  const [sizeAt, edgeCountAt] = ['self_size', 'edge_count'].map((field) => nodeFields.indexOf(field));
  const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((field) => edgeFields.indexOf(field));
  const count = nodes.length / NODE;
  const NAMED_EDGES = new Set(['property', 'internal', 'context', 'shortcut']);

  // Each node's retainers, property links first (an object's field names say more than array slots).
  const retainers = Array.from({ length: count }, () => []);
  for (let node = 0, edge = 0; node < count; node++) {
    const end = edge + nodes[node * NODE + edgeCountAt] * EDGE;
    for (; edge < end; edge += EDGE) {
      const type = edgeTypes[edges[edge + edgeTypeAt]];
      if (type === 'weak') continue;
      const name = NAMED_EDGES.has(type) ? strings[edges[edge + edgeNameAt]] : String(edges[edge + edgeNameAt]);
      // A field, or a variable a closure holds (the loaded data may be either).
      retainers[edges[edge + edgeToAt] / NODE].push({ from: node, property: type === 'property' || type === 'context', name });
    }
  }
  for (const list of retainers) list.sort((a, b) => Number(b.property) - Number(a.property));

  // A dataset's records are a field of the object held as `data` (the loaded data the report reads).
  const isData = (node) => retainers[node].some(({ property, name }) => property && name === 'data');
  const REPORT_PARTS = new Set(['details', 'evidence', 'measures', 'redFlags', 'inputs', 'gate']);
  const ownerOfEdge = ({ from, property, name }) =>
    !property ? undefined : isData(from) ? `data.${name}` : REPORT_PARTS.has(name) ? `report.${name}` : undefined;

  const ownerOf = new Array(count);
  const MAX_DEPTH = 16;
  for (let node = 0; node < count; node++) {
    const path = [];
    let current = node;
    let owner;
    for (let depth = 0; depth < MAX_DEPTH && owner === undefined; depth++) {
      if (ownerOf[current] !== undefined) {
        owner = ownerOf[current];
        break;
      }
      path.push(current);
      const next = retainers[current].find(({ from }) => !path.includes(from));
      if (next === undefined) break;
      owner = ownerOfEdge(next);
      current = next.from;
    }
    owner ??= '(the program)';
    for (const step of path) ownerOf[step] = owner;
  }

  const bytesOf = new Map();
  for (let node = 0; node < count; node++) {
    const size = nodes[node * NODE + sizeAt];
    bytesOf.set(ownerOf[node], (bytesOf.get(ownerOf[node]) ?? 0) + size);
  }
  return Object.fromEntries(bytesOf);
}
