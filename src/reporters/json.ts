/** The JSON report of cli.md: the report object itself, two-space indented, with a final newline. */
import { jsonTextPieces } from './json-pieces.js';
import { jsonInert } from './text.js';
import type { PieceReporter, Reporter } from './types.js';

function* inertPieces(pieces: Iterable<string>): Generator<string, void, undefined> {
  for (const piece of pieces) yield jsonInert(piece);
}

/**
 * The JSON report in pieces of at most about 64 KiB, for writing a large report without its whole text. A
 * piece holds whole members, so no string is cut between two pieces (see jsonInert).
 */
export const jsonPieceReporter: PieceReporter = (report) => inertPieces(jsonTextPieces(report, { end: '\n' }));

export const jsonReporter: Reporter = (report, options) => [...jsonPieceReporter(report, options)].join('');
