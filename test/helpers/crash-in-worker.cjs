// Loaded into the built CLI by test/cli/interrupted-output.test.ts (`node --require`), which Node loads
// into each worker thread too: in the worker a large command runs in (command-worker.ts), the first write
// of the report, to the `--output` temporary file (`.NAME.PID.tmp`) or in place to `report.json`, is
// followed by an error nothing catches, which ends the worker there, as a worker that runs out of memory
// ends. CommonJS, as the CLI's bundle is.
'use strict';
const { isMainThread, workerData } = require('node:worker_threads');

if (!isMainThread && workerData?.kind === 'ops-metrics/run') {
  const fs = require('node:fs');
  const original = { openSync: fs.openSync, writeSync: fs.writeSync };
  let temporaryFd;
  fs.openSync = function openSync(path, ...rest) {
    const fd = original.openSync.call(this, path, ...rest);
    if (String(path).endsWith(`.${process.pid}.tmp`) || String(path).endsWith('report.json')) temporaryFd = fd;
    return fd;
  };
  fs.writeSync = function writeSync(fd, ...rest) {
    const written = original.writeSync.call(this, fd, ...rest);
    if (fd === temporaryFd) setImmediate(() => { throw new Error('the worker ended mid-write'); });
    return written;
  };
}
