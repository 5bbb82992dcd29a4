import type { Report } from '../core/report.js';

export interface ReporterOptions {
  /** Colour escapes allowed (table only): decided once by the CLI from --no-color, NO_COLOR, FORCE_COLOR and the TTY. */
  readonly color: boolean;
}

/** A reporter is a pure function from the report to the text to write. */
export type Reporter = (report: Report, options: ReporterOptions) => string;

/** A reporter whose text comes in pieces, written one after another; joined, they are the reporter's text. */
export type PieceReporter = (report: Report, options: ReporterOptions) => Iterable<string>;
