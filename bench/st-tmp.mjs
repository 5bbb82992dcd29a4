import { importStages } from './lib/bundle-src.mjs';
const { measureStages } = await importStages();
const r = await measureStages(process.argv[2], '2026-Q3');
for (const s of r.stages) console.log(s.dataset, (s.retainedBytes / 1048576).toFixed(1), 'MiB', Math.round(s.bytesPerRecord), 'B/rec');
