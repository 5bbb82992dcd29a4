/** The JSON report of cli.md: the report object itself, two-space indented, with a final newline. */
import { jsonTextPieces } from './json-pieces.js';
import type { PieceReporter, Reporter } from './types.js';

/** The JSON report in pieces of at most about 64 KiB, for writing a large report without its whole text. */
export const jsonPieceReporter: PieceReporter = (report) => jsonTextPieces(report, { end: '\n' });

export const jsonReporter: Reporter = (report, options) => [...jsonPieceReporter(report, options)].join('');
