// Builds the CLI: dist/cli.cjs (the whole CLI, one CommonJS bundle), dist/cli-entry.cjs (what
// bin/ops-metrics.js loads: it runs the bundle through V8's code cache, see scripts/cli-entry.cjs) and
// dist/cli.cjs.cache (that cache, made by running the CLI once here). One file instead of hundreds of
// modules, compiled code instead of source: start-up is most of the time of a run on small data.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
const path = (name) => fileURLToPath(new URL(name, ROOT));
const dist = (name) => path(`dist/${name}`);

// commander requires node:child_process at load, for subcommands run as separate programs, which this
// CLI has none of; loading it costs every start-up ~4 ms. Its require gets an object that loads the
// module on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(plugin) {
    plugin.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined);
    plugin.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

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
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
// The entry reads the bundle as latin1, which is exact only for ASCII (esbuild's default charset).
if (/[^\x00-\x7f]/.test(readFileSync(dist('cli.cjs'), 'latin1'))) throw new Error('dist/cli.cjs is not ASCII');
rmSync(dist('cli.js'), { force: true }); // the ES module entry of earlier builds
copyFileSync(path('scripts/cli-entry.cjs'), dist('cli-entry.cjs'));

// The training run: the code V8 compiles while running these commands is what the cache holds. Other
// commands still work; their code is compiled when first used, as without a cache.
const cli = createRequire(import.meta.url)(dist('cli-entry.cjs'));
const quiet = { cwd: path('.'), env: {}, isTty: false, progressStream: undefined, now: () => Date.now(), out: () => {}, err: () => {} };
const demo = ['--data', path('fixtures/demo')];
for (const argv of [['--help'], ['report', ...demo, '--period', '2026-Q3', '--fail-on', 'never', '--format', 'json'], ['validate', ...demo]]) {
  await cli.main(argv, quiet);
}
writeFileSync(dist('cli.cjs.cache'), cli.codeCache());
