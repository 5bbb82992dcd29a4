/**
 * The records of a CSV file, read without csv-parse when the file keeps to plain CSV (whole when it
 * fits the first read, else piece by piece: csv-plain-stream.ts): fields separated by one delimiter
 * character, records by CRLF, LF or CR, and a field either unquoted (holding no quote) or quoted from
 * its first character to a closing quote that a delimiter, a line break or the end follows (`""` inside
 * standing for one quote). Anything else (a stray quote,
 * text after a closing quote, a quote never closed, an odd delimiter) is not read here: the scan
 * declines and csv-parse reads the file, so every error and its message stay csv-parse's.
 *
 * Why a second reader: a report on a small organisation reads a dozen small files before V8 has
 * optimised anything, and csv-parse, which looks at every byte through several calls and makes a
 * Buffer of every field, spends ~70 ms of the demo's ~300 ms there. This scan leaves the byte-by-byte
 * work to `indexOf` and `split`, which are native even in cold code. A property test checks that, on
 * any text it does not decline, it gives exactly the rows and line numbers csv-parse gives.
 */
import type { ParserLines } from './csv-line-tracker.js';
import type { CsvRowBuilder } from './csv-row-builder.js';
import type { LoadedRow } from './loaded-row.js';

/** One record and the counters csv-parse's `info` would hold when pushing it (see csv-line-tracker). */
export interface PlainRecord {
  readonly fields: string[];
  readonly info: ParserLines;
}

const QUOTE = '"';

/** What `scanQuotedRecord` found when the text ran out before the record ended (more may follow). */
const UNFINISHED = 'unfinished';

/**
 * Reads plain CSV a piece at a time, keeping csv-parse's counters across pieces: `scan` takes the text
 * read so far that is not yet records, and returns the records it holds and where the unfinished last
 * one starts (the caller passes that part again with the next piece).
 */
export class PlainCsvScanner {
  private lines = 0; // csv-parse's `info.lines` as the line tracker reads it
  private emptyLines = 0;

  private constructor(private readonly delimiter: string) {}

  /** A scanner for `delimiter`, or undefined when the delimiter is not one the scan reads. */
  static for(delimiter: string): PlainCsvScanner | undefined {
    return delimiter.length !== 1 || delimiter === QUOTE || delimiter === '\r' || delimiter === '\n' ? undefined : new PlainCsvScanner(delimiter);
  }

  /**
   * The records of `text` in order, empty lines skipped as with csv-parse's `skip_empty_lines`, and the
   * position where its unfinished part starts (`text.length` when `last`, the end of the file). Undefined
   * when the text is not plain CSV.
   */
  scan(text: string, last: boolean): { records: PlainRecord[]; rest: number } | undefined {
    const { delimiter } = this;
    const records: PlainRecord[] = [];
    const end = text.length;
    let position = 0;
    // Where the next quote, LF and CR are (end when there is none): each is searched again only once passed.
    let nextQuote = -1;
    let nextLf = -1;
    let nextCr = -1;
    while (position < end) {
      if (nextLf < position) nextLf = indexOrEnd(text, '\n', position);
      if (nextCr < position) nextCr = indexOrEnd(text, '\r', position);
      if (nextQuote < position) nextQuote = indexOrEnd(text, QUOTE, position);
      const lineEnd = Math.min(nextLf, nextCr);
      // A line without its break, or ending in a CR whose LF may come next, waits for more text.
      if (!last && (lineEnd === end || (lineEnd === end - 1 && lineEnd === nextCr))) break;
      if (lineEnd === position) {
        this.emptyLines++;
        position = afterBreak(text, position);
        continue;
      }
      let fields: string[];
      let spansLines = false;
      if (nextQuote >= lineEnd) {
        fields = text.slice(position, lineEnd).split(delimiter);
        position = lineEnd;
      } else {
        const quoted = scanQuotedRecord(text, position, delimiter, last);
        if (quoted === undefined) return undefined;
        if (quoted === UNFINISHED) break;
        ({ fields, spansLines } = quoted);
        position = quoted.end;
      }
      for (let i = 0; i < fields.length; i++) fields[i] = unshared(fields[i]!);
      // The tracker takes a record for one physical line when `lines` grew by one plus the empty lines
      // skipped; otherwise it counts the line breaks in the fields itself.
      this.lines += 1 + (spansLines ? 1 : 0);
      records.push({ fields, info: { lines: this.lines + this.emptyLines, empty_lines: this.emptyLines } });
      if (position < end) position = afterBreak(text, position);
    }
    return { records, rest: position };
  }
}

/**
 * The records of `text` (a whole file without its byte-order mark); undefined when the text is not plain
 * CSV or the delimiter not one the scan reads.
 */
export function scanPlainCsv(text: string, delimiter: string): PlainRecord[] | undefined {
  return PlainCsvScanner.for(delimiter)?.scan(text, true)?.records;
}

/**
 * `text` in a string of its own. V8 makes a substring of 13 or more characters a view into the string it
 * was cut from, so one kept field (an id, a date) would keep a whole piece of the file in memory; a
 * concatenation, flattened by the slice, copies it instead.
 */
const unshared = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

const indexOrEnd = (text: string, search: string, from: number): number => {
  const index = text.indexOf(search, from);
  return index === -1 ? text.length : index;
};

/** The position after the line break at `position` (CRLF is one break). */
const afterBreak = (text: string, position: number): number =>
  text.charCodeAt(position) === 13 && text.charCodeAt(position + 1) === 10 ? position + 2 : position + 1;

const isBreak = (code: number): boolean => code === 10 || code === 13;

/**
 * A record holding a quote, from `start` to its line break (exclusive) or the end of the text; a quoted
 * field may hold line breaks. Undefined when it is not plain CSV; UNFINISHED when the text ends before
 * the record does and it is not the `last` text.
 */
function scanQuotedRecord(
  text: string, start: number, delimiter: string, last: boolean,
): { fields: string[]; end: number; spansLines: boolean } | typeof UNFINISHED | undefined {
  const fields: string[] = [];
  const end = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  let spansLines = false;
  let position = start;
  for (;;) {
    if (text.charCodeAt(position) === 34) {
      // A quoted field: up to the quote that is not doubled.
      let value = '';
      let from = position + 1;
      for (;;) {
        const quote = text.indexOf(QUOTE, from);
        if (quote === -1) return last ? undefined : UNFINISHED; // not closed (yet)
        if (text.charCodeAt(quote + 1) === 34) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        position = quote + 1;
        break;
      }
      if (!spansLines && (value.includes('\n') || value.includes('\r'))) spansLines = true;
      fields.push(value);
    } else {
      let fieldEnd = position;
      while (fieldEnd < end) {
        const code = text.charCodeAt(fieldEnd);
        if (code === delimiterCode || isBreak(code)) break;
        if (code === 34) return undefined; // a quote inside an unquoted field
        fieldEnd++;
      }
      fields.push(text.slice(position, fieldEnd));
      position = fieldEnd;
    }
    // Out of text after a field (a closing quote may yet be the first of a doubled one): more may follow.
    if (position >= end) return last ? { fields, end, spansLines } : UNFINISHED;
    const code = text.charCodeAt(position);
    if (code === delimiterCode) {
      position++;
      if (position >= end) return last ? { fields: [...fields, ''], end: position, spansLines } : UNFINISHED;
      // A delimiter before a break leaves one empty field.
      if (isBreak(text.charCodeAt(position))) {
        if (!last && position === end - 1 && text.charCodeAt(position) === 13) return UNFINISHED; // CR, maybe CRLF
        fields.push('');
        return { fields, end: position, spansLines };
      }
      continue;
    }
    if (isBreak(code)) {
      if (!last && position === end - 1 && code === 13) return UNFINISHED; // CR, maybe CRLF
      return { fields, end: position, spansLines };
    }
    return undefined; // text after a closing quote
  }
}

/** The rows the builder makes of scanned records; at its first error, the rows before it and the error (as csv-parse's path gives them). */
export function plainRows(records: readonly PlainRecord[], builder: CsvRowBuilder): { rows: LoadedRow[]; error: unknown } {
  const rows: LoadedRow[] = [];
  try {
    for (const { fields, info } of records) {
      const row = builder.accept(fields, info);
      if (row !== null) rows.push(row);
    }
  } catch (error) {
    return { rows, error };
  }
  return { rows, error: undefined };
}
