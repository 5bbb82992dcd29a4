// The long fuzz campaign: `npm run fuzz` (or `node scripts/fuzz.mjs --runs 100000 --seed 42`).
// It runs the property suites of test/fuzz with many more cases than CI does, then prints how many
// cases each target really ran. CI runs the same properties with a small bounded count.
//
//   --runs N         cases per reader (CSV, JSON, NDJSON) and for the schemas (default 100000)
//   --preset-runs N  cases per vendor preset (default 10000)
//   --report-runs N  cases per output format (default 10000)
//   --cli-runs N     cases per property that spawns the built command (default 200)
//   --seed S         replay a campaign (fast-check prints the seed of any failure)
//   FILTER...        only the test files whose names hold a filter (`npm run fuzz -- readers presets`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '100000' },
    'preset-runs': { type: 'string', default: '10000' },
    'report-runs': { type: 'string', default: '10000' },
    'cli-runs': { type: 'string', default: '200' },
    seed: { type: 'string' },
  },
});

const summary = `${root}test-artifacts/fuzz-summary.jsonl`;
mkdirSync(`${root}test-artifacts`, { recursive: true });
rmSync(summary, { force: true });

// The CLI properties run the built command.
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 2);

const env = {
  ...process.env,
  FUZZ_RUNS: values.runs,
  FUZZ_PRESET_RUNS: values['preset-runs'],
  FUZZ_REPORTER_RUNS: values['report-runs'],
  FUZZ_CLI_RUNS: values['cli-runs'],
  FUZZ_SUMMARY: summary,
  ...(values.seed === undefined ? {} : { FUZZ_SEED: values.seed }),
};
const started = Date.now();
// No test timeout: a property of 100,000 cases takes minutes. A hang of the command is still bounded by
// the spawn timeout of test/helpers/run-cli.ts. `--reporter default` keeps the suite's JSON results file intact.
const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...(positionals.length > 0 ? positionals.map((filter) => `test/fuzz/${filter}`) : ['test/fuzz']), '--testTimeout=0', '--hookTimeout=0', '--reporter=default'], {
  cwd: root,
  env,
  stdio: 'inherit',
});

const totals = new Map();
for (const line of readFileSync(summary, { encoding: 'utf8', flag: 'a+' }).split('\n')) {
  if (line.trim() === '') continue;
  const { target, cases } = JSON.parse(line);
  totals.set(target, (totals.get(target) ?? 0) + cases);
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nFuzz campaign: ${minutes} min${values.seed === undefined ? '' : `, seed ${values.seed}`}. Cases run:`);
for (const [target, cases] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${target.padEnd(32)} ${String(cases).padStart(9)}`);
}
process.exit(vitest.status ?? 2);
