/** The JSON report of cli.md: the report object itself, two-space indented, with a final newline. */
import type { Reporter } from './types.js';

export const jsonReporter: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`;
