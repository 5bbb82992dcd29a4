// dist/cli.js: runs the bundle (dist/cli.cjs) through V8's code cache (dist/cli.cjs.cache, written by
// scripts/build.mjs after a training run), so a run deserialises compiled code instead of parsing and
// compiling half a megabyte of JavaScript. Node 20 has no code cache for ES modules, hence a CommonJS
// bundle run as a script. The cache is used only when it was made from this very bundle (it starts with
// the bundle's SHA-256) and V8 accepts it (same V8 version and flags); otherwise the bundle is compiled
// as usual, only slower.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundlePath = fileURLToPath(new URL('./cli.cjs', import.meta.url));
const source = readFileSync(bundlePath, 'utf8');
const HASH_BYTES = 32;

const sourceHash = () => createHash('sha256').update(source).digest();

function cachedDataFor() {
  let cache;
  try {
    cache = readFileSync(`${bundlePath}.cache`);
  } catch {
    return undefined;
  }
  return cache.subarray(0, HASH_BYTES).equals(sourceHash()) ? cache.subarray(HASH_BYTES) : undefined;
}

// The CommonJS wrapper, as Node's own loader adds it.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundlePath,
  cachedData: cachedDataFor(),
});
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));

/** Runs the command line of this process; bin/ops-metrics.js calls it. */
export const run = bundle.exports.run;
/** `main(argv, io)`: one command line, its exit code. */
export const main = bundle.exports.main;

/** The code cache of the bundle as compiled so far, prefixed with the bundle's hash (for scripts/build.mjs). */
export const codeCache = () => Buffer.concat([sourceHash(), script.createCachedData()]);
