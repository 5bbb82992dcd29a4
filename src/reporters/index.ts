/** Output formats by name; the names also feed commander's `.choices()`. */
import { csvReporter } from './csv.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { tableReporter } from './table.js';
import type { Reporter } from './types.js';

export const FORMATS = ['table', 'json', 'markdown', 'junit', 'github', 'html', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const REPORTERS = {
  table: tableReporter,
  json: jsonReporter,
  markdown: markdownReporter,
  junit: junitReporter,
  github: githubReporter,
  html: htmlReporter,
  csv: csvReporter,
} as const satisfies Record<Format, Reporter>;
