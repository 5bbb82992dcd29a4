// dist/cli-entry.cjs: runs the bundle (dist/cli.cjs) through V8's code cache (dist/cli.cjs.cache, written
// by scripts/build.mjs after a training run), so a run deserialises compiled code instead of parsing and
// compiling half a megabyte of JavaScript. Node 20 has no code cache for ES modules, hence a CommonJS
// bundle run as a script; and this file and bin/ops-metrics.js are CommonJS too, because the first ES
// module of a process makes Node set up its ES module loader (~40 ms measured on the demo's start-up).
//
// The cache is used only when it was made from this very bundle, and V8 accepts it (same V8 version and
// flags); otherwise the bundle is compiled as usual, only slower. The cache starts with the bundle's
// SHA-256, size and modification time (ns): when size and time match, the bundle is the one the build
// wrote and hashing is skipped; otherwise (a copy that did not keep the time) the hash decides.
'use strict';
const { closeSync, fstatSync, openSync, readSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

// V8 sends a function to its optimising compiler (TurboFan) once it has run through a budget of bytecode,
// 66 KiB by default. On a small folder most of that work is wasted: the demo report had 58 functions
// compiled (each on another thread, but started and installed on the main one, with the second core
// shared with the collector's threads), most of them too late to pay back before the run ended; with a
// budget four times larger, 12. That made the demo report 13-19 ms faster (~150 -> ~135 ms, medians of
// 30-40 alternating runs) and the bench's small folder (5.7 MB) 3-5 % faster; the medium bench folder
// took the same time. A folder of 16 MiB or more is read with V8's own budget again (src/cli/tier-up.ts).
// Set before the bundle is compiled: V8 accepts a code cache only under the flags it was made with, and
// the build's training run, which makes it, loads this file too. A budget given to node itself is left
// alone (the same test as tier-up.ts's). Only on the V8 of Node 20, where it was measured: V8's sources
// since Maglev (a compiler below TurboFan) give a budget of 132 KiB, and what suits them is unmeasured.
const INTERRUPT_BUDGET = 4 * 66 * 1024;
const TUNED_FOR_V8 = '11.3.';
if (process.versions.v8.startsWith(TUNED_FOR_V8) && !process.execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) {
  require('node:v8').setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

const bundlePath = join(__dirname, 'cli.cjs');
const HASH_BYTES = 32;
const HEADER_BYTES = HASH_BYTES + 16;

/**
 * All of a file's bytes, in storage V8 maps itself (a resizable buffer) rather than the C allocator's:
 * glibc serves a block this large with a mapping of its own, and once such a block is freed it serves every
 * later block below that size from its heap, where freed memory stays resident. The bundle and its cache
 * (0.6 and 0.8 MiB) were the first such blocks of every run; see src/core/typed-columns.ts.
 */
function readBytes(path) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let bytes;
    try {
      bytes = Buffer.from(new ArrayBuffer(size, { maxByteLength: Math.max(size, 1) }), 0, size);
    } catch {
      bytes = Buffer.allocUnsafe(size); // a system that will not map it (a `ulimit -v`)
    }
    let done = 0;
    while (done < size) {
      const read = readSync(fd, bytes, done, size - done, done);
      if (read === 0) return bytes.subarray(0, done);
      done += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The bundle's SHA-256 (32 bytes), size and modification time: the header of its code cache. */
function fingerprint(source) {
  const hash = require('node:crypto').createHash('sha256').update(source, 'latin1').digest();
  const header = Buffer.alloc(HEADER_BYTES);
  hash.copy(header);
  const { size, mtimeNs } = statSync(bundlePath, { bigint: true });
  header.writeBigUInt64LE(size, HASH_BYTES);
  header.writeBigUInt64LE(mtimeNs, HASH_BYTES + 8);
  return header;
}

/** The compiled code saved for this bundle, or undefined when there is none or it is another bundle's. */
function cachedDataFor(source) {
  let cache;
  try {
    cache = readBytes(`${bundlePath}.cache`);
  } catch {
    return undefined;
  }
  if (cache.length < HEADER_BYTES) return undefined;
  const { size, mtimeNs } = statSync(bundlePath, { bigint: true });
  const sameFile = cache.readBigUInt64LE(HASH_BYTES) === size && cache.readBigUInt64LE(HASH_BYTES + 8) === mtimeNs;
  if (sameFile || fingerprint(source).subarray(0, HASH_BYTES).equals(cache.subarray(0, HASH_BYTES))) return cache.subarray(HEADER_BYTES);
  return undefined;
}

// The build writes the bundle in ASCII (esbuild escapes other characters), so latin1 reads it exactly and
// faster than utf8.
const source = readBytes(bundlePath).toString('latin1');
// The CommonJS wrapper, as Node's own loader adds it.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundlePath,
  cachedData: cachedDataFor(source),
});
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, require, bundle, bundlePath, __dirname);

/** Runs the command line of this process; bin/ops-metrics.js calls it. */
exports.run = bundle.exports.run;
/** `main(argv, io)`: one command line, its exit code. */
exports.main = bundle.exports.main;
/** Whether the bundle was compiled from its code cache (V8 accepted it), for the tests. */
exports.compiledFromCache = script.cachedDataRejected === false;
/** The code cache of the bundle as compiled so far, after its fingerprint (for scripts/build.mjs). */
exports.codeCache = () => Buffer.concat([fingerprint(source), script.createCachedData()]);
