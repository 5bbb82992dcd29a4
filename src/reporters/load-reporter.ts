/**
 * The reporter of one format, loaded when asked for: a run writes one format, so it never compiles
 * the others (the HTML page and its charts are most of the reporters' code).
 */
import type { Format } from './formats.js';
import type { PieceReporter, Reporter } from './types.js';

const LOADERS: { readonly [F in Format]: () => Promise<Reporter> } = {
  table: async () => (await import('./table.js')).tableReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  junit: async () => (await import('./junit.js')).junitReporter,
  github: async () => (await import('./github.js')).githubReporter,
  html: async () => (await import('./html.js')).htmlReporter,
  csv: async () => (await import('./csv.js')).csvReporter,
};

/** Formats whose text can be large and is built in pieces; the others come as one piece. */
const PIECE_LOADERS: { readonly [F in Format]?: () => Promise<PieceReporter> } = {
  json: async () => (await import('./json.js')).jsonPieceReporter,
  junit: async () => (await import('./junit.js')).junitPieceReporter,
};

export const loadReporter = (format: Format): Promise<Reporter> => LOADERS[format]();

/** The reporter of one format as pieces to write one by one (a single piece for formats not built in pieces). */
export async function loadPieceReporter(format: Format): Promise<PieceReporter> {
  const loadPieces = PIECE_LOADERS[format];
  if (loadPieces !== undefined) return loadPieces();
  const reporter = await loadReporter(format);
  return (report, options) => [reporter(report, options)];
}
