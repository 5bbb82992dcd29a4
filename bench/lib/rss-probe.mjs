// Preloaded with `node --import` when /usr/bin/time is missing: at exit, the process writes its own
// peak RSS and CPU time to the file named by OPS_BENCH_PROBE_OUT, so the parent can read them.
import { writeFileSync } from 'node:fs';

const out = process.env.OPS_BENCH_PROBE_OUT;
if (out) {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssKiB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, exitCode: code }));
  });
}
