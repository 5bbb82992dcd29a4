/**
 * A CSV file larger than its first read, read as plain CSV piece by piece (see csv-plain-scan.ts): rows
 * a batch per piece of the file, as csv-parse's stream gives them. When the file turns out not to be
 * plain CSV (a stray quote, text after a closing quote, a quote never closed, an unfinished record longer
 * than the record limit), the read stops and says how many rows it gave: the caller has csv-parse read
 * the file from the start, skipping those rows, so csv-parse decides what the file holds and reports
 * its errors as always.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { plainRows, type PlainCsvScanner } from './csv-plain-scan.js';
import type { CsvRowBuilder } from './csv-row-builder.js';
import type { LoadedRow } from './loaded-row.js';
import { asUnreadable, checkedBytes, READ_CHUNK_BYTES } from './open-input.js';

/** How a piecewise read ended: undefined when it read the whole file, else the rows it gave before declining. */
export type PlainStreamEnd = { readonly declinedAfter: number } | undefined;

export async function* readPlainPieces(
  start: Buffer,
  rest: Readable,
  scanner: PlainCsvScanner,
  builder: CsvRowBuilder,
  options: { readonly file: string; readonly maxRecordBytes: number },
): AsyncGenerator<readonly LoadedRow[], PlainStreamEnd> {
  // Decodes UTF-8 as Buffer#toString does, a character split between two pieces included.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let given = 0;
  // A record longer than a piece (a quoted cell of megabytes) is scanned from its start again with each
  // piece until it ends, which grows with the square of its length: 8 MB of `""` and line breaks took
  // ~10 s. Once a scan finds no whole record in more than a piece, the next waits until what is pending
  // has doubled, so a record is scanned a few times over, not once a piece. Rows after it wait with it.
  let stuckAt = 0;
  /** Whether `pending` was scanned for this piece: unscanned, it may hold more than its unfinished record. */
  let scannedNow = false;
  /** The rows of the records `pending` completes (all of it when `last`); undefined when it is not plain CSV. */
  const take = (last: boolean): LoadedRow[] | undefined => {
    // Past the record limit it is scanned at once, so a record too long is declined as it was before.
    scannedNow = last || stuckAt === 0 || pending.length >= 2 * stuckAt || pending.length > options.maxRecordBytes;
    if (!scannedNow) return [];
    const scanned = scanner.scan(pending, last);
    if (scanned === undefined) return undefined;
    stuckAt = scanned.rest === 0 && pending.length > READ_CHUNK_BYTES ? pending.length : 0;
    pending = pending.slice(scanned.rest);
    const { rows, error } = plainRows(scanned.records, builder);
    if (error !== undefined) throw asUnreadable(error, options.file);
    given += rows.length;
    return rows;
  };
  try {
    let first = true;
    // The first read in pieces of the file stream's size too, so a batch's rows die young (see
    // csv-row-parser.ts), then the stream's own chunks; each checked for UTF-8 before it is scanned.
    for await (const piece of checkedBytes(start, rest as AsyncIterable<Buffer>, options.file, READ_CHUNK_BYTES)) {
      pending += decoder.write(piece);
      if (first && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1); // the byte-order mark
      first = false;
      const rows = take(false);
      if (rows === undefined) return { declinedAfter: given };
      if (rows.length > 0) yield rows;
      // What is left is one unfinished record: past the limit, csv-parse says what it is. (Left unscanned,
      // it is within the limit: past it, take scans.)
      if (scannedNow && pending.length > options.maxRecordBytes) return { declinedAfter: given };
    }
    pending += decoder.end();
    const rows = take(true);
    if (rows === undefined) return { declinedAfter: given };
    if (rows.length > 0) yield rows;
    return undefined;
  } finally {
    rest.destroy();
  }
}
