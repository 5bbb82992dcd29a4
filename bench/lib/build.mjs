// `npm run bench` measures the bundle: rebuild it (dist/cli.cjs, its code cache, dist/cli-entry.cjs) when any
// source file is newer than dist/cli-entry.cjs, which the build writes after the bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newestIn = (dir) => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
};

export function ensureBuilt(root) {
  const bundle = join(root, 'dist', 'cli-entry.cjs');
  const sources = Math.max(newestIn(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return false;
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  return true;
}
