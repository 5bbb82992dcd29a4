// Loaded into the built CLI by test/cli/interrupted-output.test.ts (`node --require`): holds the run at one
// point of its `--output` write, says `paused` on standard error, and goes on once standard input gives a
// byte or ends. The test sends its signal while the run is held, so the signal finds the run exactly
// there, with no race against the clock. PAUSE_OUTPUT_AT says where:
//   write   just after the first write to the temporary file (`.NAME.PID.tmp`), the report cut short
//   rename  just after the temporary file has taken the report's name
// CommonJS, as the CLI's bundle is: it calls `fs.writeSync` and the rest through the module object, so
// replacing them here is what it calls.
'use strict';
const fs = require('node:fs');

const original = { openSync: fs.openSync, writeSync: fs.writeSync, renameSync: fs.renameSync };
const at = process.env.PAUSE_OUTPUT_AT;
const isTemporary = (path) => String(path).endsWith(`.${process.pid}.tmp`);

function pause() {
  original.writeSync(2, 'paused\n');
  fs.readSync(0, Buffer.alloc(1), 0, 1, null);
}

let temporaryFd;
let pausedAtWrite = false;
fs.openSync = function openSync(path, ...rest) {
  const fd = original.openSync.call(this, path, ...rest);
  if (isTemporary(path)) temporaryFd = fd;
  return fd;
};
fs.writeSync = function writeSync(fd, ...rest) {
  const written = original.writeSync.call(this, fd, ...rest);
  if (at === 'write' && fd === temporaryFd && !pausedAtWrite) {
    pausedAtWrite = true;
    pause();
  }
  return written;
};
fs.renameSync = function renameSync(from, to) {
  original.renameSync.call(this, from, to);
  if (at === 'rename' && isTemporary(from)) pause();
};
