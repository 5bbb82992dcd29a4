// Loaded into the built CLI by tests (`node --require`), which Node loads into each worker thread too: a
// worker says on standard error what it was started for (its workerData's `kind`), so a test can see that
// a command really ran in a worker. CommonJS, as the CLI's bundle is.
'use strict';
const { isMainThread, workerData } = require('node:worker_threads');
if (!isMainThread) require('node:fs').writeSync(2, `worker: ${workerData?.kind}\n`);
