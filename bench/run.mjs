#!/usr/bin/env node
// `npm run bench -- --scale small|medium|large [--reps N] [--startup-reps N] [--render]`
// Builds the bundle if stale, generates the data if missing, then times, interleaved and each in its
// own child process: (a) csv-parse counting the records of each file, (b) `ops-metrics report
// --format json` on a folder holding only that file, then both on all files; and start-up. Writes
// bench/results/<scale>.json and .md and prints the Markdown. `--render` measures nothing: it rewrites
// the Markdown of an earlier result (e.g. medium's, once large has run). See bench/README.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_PERIOD, GENERATOR_VERSION, MANIFEST, dataDirOf, generate } from './generate.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { detectMeter, measureNode } from './lib/measure.mjs';
import { compareRates, judgeGoals, scaling, summarise, toMarkdown } from './lib/results.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'ops-metrics.js');
const COUNT = join(ROOT, 'bench', 'count-records.mjs');
const RESULTS = join(ROOT, 'bench', 'results');
const CONFIG = 'ops-metrics.config.json';

const { values: args } = parseArgs({ options: { scale: { type: 'string', default: 'small' }, reps: { type: 'string' }, 'startup-reps': { type: 'string', default: '10' }, render: { type: 'boolean', default: false } } });
const scale = args.scale;
const reps = Number(args.reps ?? (scale === 'small' ? 3 : 1));
const log = (text) => process.stderr.write(`${text}\n`);

function ensureData(scale) {
  const dir = dataDirOf(scale);
  const manifestPath = join(dir, MANIFEST);
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;
  if (manifest?.generatorVersion === GENERATOR_VERSION) return { dir, manifest };
  log(`generating bench/data/${scale} …`);
  return { dir, manifest: generate(scale) };
}

const env = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;
const meter = detectMeter();
const scratch = mkdtempSync(join(tmpdir(), 'ops-metrics-bench-data-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Runs a measurement; a failure (bad exit, no JSON) is kept as data, not thrown. */
async function run(label, nodeArgs, accept) {
  const started = Date.now();
  const result = await measureNode(nodeArgs, { meter, cwd: ROOT, env });
  const problem = accept(result);
  log(`  ${label.padEnd(44)} ${(result.wallMs / 1000).toFixed(2).padStart(7)} s ${((result.maxRssKiB ?? 0) / 1024).toFixed(0).padStart(6)} MiB${problem ? `  FAILED: ${problem}` : ''}`);
  return problem ? { ...result, failed: problem, started } : result;
}

const reportArgs = (dir, extra = []) => [CLI, 'report', '--data', dir, '--period', BENCH_PERIOD, '--format', 'json', '--fail-on', 'never', ...extra];
const reportOk = (output) => (result) => {
  if (result.exitCode !== 0) return `exit ${result.exitCode}: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  try {
    JSON.parse(readFileSync(output, 'utf8'));
  } catch {
    return 'no JSON report written';
  }
  return undefined;
};
const countOk = (expected) => (result) => {
  if (result.exitCode !== 0) return `exit ${result.exitCode}`;
  const counted = Object.values(JSON.parse(result.stdout)).reduce((a, b) => a + b, 0);
  return counted === expected ? undefined : `counted ${counted} records, expected ${expected}`;
};

/** A folder holding one dataset (a link to its file) and the shared config. */
function singleDatasetFolder(dir, file, label) {
  const folder = join(scratch, label, file.replace(/\.csv$/, ''));
  mkdirSync(folder, { recursive: true });
  for (const name of [file, CONFIG]) if (!existsSync(join(folder, name))) symlinkSync(join(dir, name), join(folder, name));
  return folder;
}

async function measureStartup(count) {
  const output = join(scratch, 'demo.json');
  const demo = reportArgs(join(ROOT, 'fixtures', 'demo'), ['--output', output]);
  const runs = { node: [], help: [], report: [] };
  for (let i = 0; i < count; i++) {
    runs.node.push(await run("node -e ''", ['-e', ''], (r) => (r.exitCode === 0 ? undefined : `exit ${r.exitCode}`)));
    runs.help.push(await run('ops-metrics --help', [CLI, '--help'], (r) => (r.exitCode === 0 ? undefined : `exit ${r.exitCode}`)));
    runs.report.push(await run('ops-metrics report --data fixtures/demo', demo, reportOk(output)));
  }
  const [node, help, report] = [summarise(runs.node), summarise(runs.help), summarise(runs.report)];
  return { reps: count, node, help, report, helpFactor: help.wallMs / node.wallMs, reportFactor: report.wallMs / node.wallMs };
}

/** The measurements of one data folder: (a) and (b) on all its files, then on each file alone. */
function throughputPlan(dir, manifest, label) {
  const files = Object.keys(manifest.rows).map((dataset) => ({ dataset, file: `${dataset}.csv`, rows: manifest.rows[dataset] }));
  const total = files.reduce((sum, f) => sum + f.rows, 0);
  const output = join(scratch, 'report.json');
  const runs = { all: { parse: [], report: [] } };
  for (const f of files) runs[f.dataset] = { parse: [], report: [] };
  const steps = [
    { runs: runs.all, parse: ['(a) csv-parse, all files', [COUNT, ...files.map((f) => join(dir, f.file))], countOk(total)], report: ['(b) report, all files', reportArgs(dir, ['--output', output]), reportOk(output)] },
    ...files.map((f) => ({
      runs: runs[f.dataset],
      parse: [`(a) csv-parse, ${f.dataset}`, [COUNT, join(dir, f.file)], countOk(f.rows)],
      report: [`(b) report, ${f.dataset}`, reportArgs(singleDatasetFolder(dir, f.file, label), ['--output', output]), reportOk(output)],
    })),
  ];
  const summary = () => {
    const bytesOf = (f) => statSync(join(dir, f.file)).size;
    const datasets = files.map((f) => ({ dataset: f.dataset, ...compareRates(f.rows, bytesOf(f), summarise(runs[f.dataset].parse), summarise(runs[f.dataset].report)) }));
    const overall = { dataset: 'all files', ...compareRates(total, files.reduce((sum, f) => sum + bytesOf(f), 0), summarise(runs.all.parse), summarise(runs.all.report)) };
    return { datasets, overall };
  };
  return { steps, summary };
}

/**
 * (a) and (b) on the scale's folder and, when `half` is given (the large run: the medium folder, every
 * file half as long), each measurement of the one followed at once by the same on the other, so the
 * doubling of the time is judged on runs the machine's load touched alike.
 */
async function measureThroughput(dir, manifest, half) {
  const plan = throughputPlan(dir, manifest, scale);
  const halfPlan = half === undefined ? undefined : throughputPlan(half.dir, half.manifest, 'half');
  for (let rep = 0; rep < reps; rep++) {
    log(`run ${rep + 1} of ${reps}`);
    for (const [i, step] of plan.steps.entries()) {
      const halfStep = halfPlan?.steps.find((candidate) => candidate.parse[0] === step.parse[0]);
      if (halfStep === undefined && halfPlan !== undefined && i > 0) throw new Error(`${step.parse[0]}: not in the medium folder`);
      for (const kind of ['parse', 'report']) {
        step.runs[kind].push(await run(...step[kind]));
        if (halfStep !== undefined) halfStep.runs[kind].push(await run(`${halfStep[kind][0]} (medium)`, halfStep[kind][1], halfStep[kind][2]));
      }
    }
  }
  return { ...plan.summary(), ...(halfPlan === undefined ? {} : { half: halfPlan.summary() }) };
}

const gitCommit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
/** The commit alone does not name the build while the tree is edited: the bundle's hash does. */
const bundleHash = () => createHash('sha256').update(readFileSync(join(ROOT, 'dist', 'cli.cjs'))).digest('hex').slice(0, 12);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const readResults = (name) => (existsSync(join(RESULTS, `${name}.json`)) ? JSON.parse(readFileSync(join(RESULTS, `${name}.json`), 'utf8')) : undefined);

async function measureAll() {
  if (ensureBuilt(ROOT)) log('rebuilt dist/');
  const { dir, manifest } = ensureData(scale);
  const half = scale === 'large' ? ensureData('medium') : undefined;
  const loadBefore = load();
  log(`meter: ${meter}; data: ${dir}${half === undefined ? '' : `, and ${half.dir} beside it`}`);
  const startup = await measureStartup(Number(args['startup-reps']));
  const { datasets, overall, half: medium } = await measureThroughput(dir, manifest, half);
  return {
    scale,
    date: new Date().toISOString().slice(0, 10),
    reps,
    environment: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), meter, commit: gitCommit(), bundle: bundleHash(), loadBefore, loadAfter: load() },
    manifest,
    startup,
    datasets,
    overall,
    ...(medium === undefined ? {} : { medium }),
  };
}

const started = performance.now();
const result = args.render ? readResults(scale) : await measureAll();
if (result === undefined) throw new Error(`--render: no bench/results/${scale}.json yet`);
const large = scale === 'medium' ? readResults('large') : scale === 'large' ? result : undefined;
if (large?.medium !== undefined) {
  // Medium measured in the large run itself, each run beside its large twin.
  result.scaling = scaling(large.medium, large);
  result.scalingInOneRun = true;
  delete result.scalingBundles;
} else {
  const medium = scale === 'large' ? readResults('medium') : scale === 'medium' ? result : undefined;
  if (medium !== undefined && large !== undefined) {
    result.scaling = scaling(medium, large);
    result.scalingBundles = { medium: medium.environment.bundle, large: large.environment.bundle };
  }
}
result.goals = judgeGoals(result, result.scaling);
if (!args.render) result.benchSeconds = Math.round(performance.now() - started) / 1000;
const markdown = toMarkdown(result);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, `${scale}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(RESULTS, `${scale}.md`), markdown);
process.stdout.write(markdown);
log(`bench took ${result.benchSeconds.toFixed(0)} s; results in bench/results/${scale}.json and .md`);
