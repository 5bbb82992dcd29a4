// Builds the CLI: dist/cli.cjs (the whole CLI, one CommonJS bundle), dist/cli.js (the ES module that
// bin/ops-metrics.js imports: it runs the bundle through V8's code cache, see scripts/cli-entry.js) and
// dist/cli.cjs.cache (that cache, made by running the CLI once here). One file instead of hundreds of
// modules, compiled code instead of source: start-up is most of the time of a run on small data.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
const path = (name) => fileURLToPath(new URL(name, ROOT));
const dist = (name) => path(`dist/${name}`);

// A cache left from an earlier bundle would be refused (it carries that bundle's hash); remove it anyway.
rmSync(dist('cli.cjs.cache'), { force: true });
await build({
  entryPoints: [path('src/cli/main.ts')],
  outfile: dist('cli.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  define: { __OPS_METRICS_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
copyFileSync(path('scripts/cli-entry.js'), dist('cli.js'));

// The training run: the code V8 compiles while running these commands is what the cache holds. Other
// commands still work; their code is compiled when first used, as without a cache.
const cli = await import(new URL('dist/cli.js', ROOT).href);
const quiet = { cwd: path('.'), env: {}, isTty: false, progressStream: undefined, now: () => Date.now(), out: () => {}, err: () => {} };
const demo = ['--data', path('fixtures/demo')];
for (const argv of [['--help'], ['report', ...demo, '--period', '2026-Q3', '--fail-on', 'never', '--format', 'json'], ['validate', ...demo]]) {
  await cli.main(argv, quiet);
}
writeFileSync(dist('cli.cjs.cache'), cli.codeCache());
