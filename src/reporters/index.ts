/**
 * Output formats by name; the names also feed commander's `.choices()`. This module loads every
 * reporter at once (for tests and library use); the CLI uses `loadReporter` to load only the one it writes.
 */
import { csvReporter } from './csv.js';
import { FORMATS, type Format } from './formats.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { tableReporter } from './table.js';
import type { Reporter } from './types.js';

export { FORMATS, type Format };
export { loadPieceReporter, loadReporter } from './load-reporter.js';

export const REPORTERS = {
  table: tableReporter,
  json: jsonReporter,
  markdown: markdownReporter,
  junit: junitReporter,
  github: githubReporter,
  html: htmlReporter,
  csv: csvReporter,
} as const satisfies Record<Format, Reporter>;
