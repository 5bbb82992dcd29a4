// Bundles an entry of bench/lib (stages-entry.mjs by default) with the TypeScript sources it imports (esbuild maps the `.js`
// imports to `.ts`), so plain-ESM bench scripts can time the tool's own stages in process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function importStages(entry = './stages-entry.mjs') {
  const out = mkdtempSync(join(tmpdir(), 'ops-metrics-stages-'));
  try {
    await build({
      entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
      outfile: join(out, 'stages.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
      // As scripts/build.mjs: the CommonJS dependencies bundled in call require().
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    return await import(pathToFileURL(join(out, 'stages.mjs')).href);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
