/**
 * node:worker_threads, for survey-worker.ts to import when it starts or runs a thread (most runs do
 * neither, and loading the module costs every start-up a few milliseconds). Imported through this
 * module because the bundle turns an `import()` of its own module into a lazy `require`, where an
 * `import()` of a Node module would stay one, which a bundle run as a script (dist/cli-entry.cjs)
 * cannot do.
 */
export { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
