/**
 * The physical line where each CSV record starts. csv-parse's `info.lines` is the line where a record
 * *ends*, and it counts a CRLF inside a quoted field as two lines, so the start line is derived
 * here: the previous record's end, plus the empty lines csv-parse skipped, plus the line breaks inside
 * the record's own fields (counted only when csv-parse saw the record span several lines).
 */

/** The part of csv-parse's `info` counters the tracker needs, read as the record is pushed. */
export interface ParserLines {
  /** csv-parse's count of the line the record ends on. */
  readonly lines: number;
  /** Empty lines skipped so far (`skip_empty_lines`). */
  readonly empty_lines: number;
}

export interface LineTracker {
  /** Start line of the record just emitted; call once per record, in order. */
  readonly startOf: (record: readonly string[], info: ParserLines) => number;
  /** Start line of the record being parsed when csv-parse failed, given the error's `empty_lines`. */
  readonly startOfFailed: (emptyLines: number) => number;
}

/** Line breaks in a value, a CRLF counting as one. */
const lineBreaksIn = (value: string): number => {
  let breaks = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 10 || (code === 13 && value.charCodeAt(i + 1) !== 10)) breaks++;
  }
  return breaks;
};

export function createLineTracker(): LineTracker {
  let nextLine = 1; // physical line where the next record may start
  let parserEnd = 0; // csv-parse's line count at the end of the previous record
  let emptyLines = 0;
  return {
    startOf(record, info) {
      const skipped = info.empty_lines - emptyLines;
      const line = nextLine + skipped;
      const spansLines = info.lines !== parserEnd + 1 + skipped;
      let breaks = 0;
      if (spansLines) for (const value of record) breaks += lineBreaksIn(value);
      nextLine = line + 1 + breaks;
      parserEnd = info.lines;
      emptyLines = info.empty_lines;
      return line;
    },
    startOfFailed: (failedEmptyLines) => nextLine + Math.max(0, failedEmptyLines - emptyLines),
  };
}
