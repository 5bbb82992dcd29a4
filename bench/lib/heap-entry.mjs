// Bundled by bench/heap-owners.mjs (esbuild resolves the `.js` imports to the TypeScript sources): runs
// `report` as the CLI does, in this process, and writes a heap snapshot at two of its steps: before the
// first metric (every file read and validated) and before the last red flag (every other detail made).
import { writeHeapSnapshot } from 'node:v8';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { processIo } from '../../src/cli/io.js';
import { METRICS } from '../../src/metrics/index.js';
import { RED_FLAGS } from '../../src/red-flags/index.js';

export const SNAPSHOTS = { first: 'first-step.heapsnapshot', last: 'last-step.heapsnapshot' };

/** Exit code of `report` on `argv`; the survey's worker thread runs `workerScript` (the built bundle). */
export async function reportWithSnapshots(argv, workerScript, outDir) {
  const io = processIo();
  const steps = METRICS.length + RED_FLAGS.length;
  return main(argv, {
    ...io,
    workerScript,
    // The CLI asks for this hook only for input of 128 MiB or more (the medium and large bench folders).
    fullCollection: async () => {
      const collect = await io.fullCollection();
      let step = 0;
      return () => {
        collect();
        step += 1;
        if (step === 1) writeHeapSnapshot(join(outDir, SNAPSHOTS.first));
        if (step === steps) writeHeapSnapshot(join(outDir, SNAPSHOTS.last));
      };
    },
  });
}
