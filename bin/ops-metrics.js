#!/usr/bin/env node
// CommonJS (bin/package.json says so): an ES module here would make Node set up its ES module loader
// before the first line of the tool runs, which costs more than all of `--help` (see dist/cli-entry.cjs).
'use strict';
require('../dist/cli-entry.cjs').run();
