/**
 * The records of a whole CSV file held in memory, read without csv-parse when the file keeps to plain
 * CSV: fields separated by one delimiter character, records by CRLF, LF or CR, and a field either
 * unquoted (holding no quote) or quoted from its first character to a closing quote that a delimiter,
 * a line break or the end follows (`""` inside standing for one quote). Anything else (a stray quote,
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

/**
 * The records of `text` (the file without its byte-order mark) in order, empty lines skipped as with
 * csv-parse's `skip_empty_lines`; undefined when the text is not plain CSV as above.
 */
export function scanPlainCsv(text: string, delimiter: string): PlainRecord[] | undefined {
  if (delimiter.length !== 1 || delimiter === QUOTE || delimiter === '\r' || delimiter === '\n') return undefined;
  const records: PlainRecord[] = [];
  const end = text.length;
  let lines = 0; // csv-parse's `info.lines` as the line tracker reads it
  let emptyLines = 0;
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
    if (lineEnd === position) {
      emptyLines++;
      position = afterBreak(text, position);
      continue;
    }
    let fields: string[];
    let spansLines = false;
    if (nextQuote >= lineEnd) {
      fields = text.slice(position, lineEnd).split(delimiter);
      position = lineEnd;
    } else {
      const quoted = scanQuotedRecord(text, position, delimiter);
      if (quoted === undefined) return undefined;
      ({ fields, spansLines } = quoted);
      position = quoted.end;
    }
    // The tracker takes a record for one physical line when `lines` grew by one plus the empty lines
    // skipped; otherwise it counts the line breaks in the fields itself.
    lines += 1 + (spansLines ? 1 : 0);
    records.push({ fields, info: { lines: lines + emptyLines, empty_lines: emptyLines } });
    if (position < end) position = afterBreak(text, position);
  }
  return records;
}

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
 * field may hold line breaks. Undefined when it is not plain CSV.
 */
function scanQuotedRecord(text: string, start: number, delimiter: string): { fields: string[]; end: number; spansLines: boolean } | undefined {
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
        if (quote === -1) return undefined; // never closed
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
    if (position >= end) return { fields, end, spansLines };
    const code = text.charCodeAt(position);
    if (code === delimiterCode) {
      position++;
      // A delimiter last in the text or before a break leaves one empty field.
      if (position >= end || isBreak(text.charCodeAt(position))) {
        fields.push('');
        return { fields, end: position, spansLines };
      }
      continue;
    }
    if (isBreak(code)) return { fields, end: position, spansLines };
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
