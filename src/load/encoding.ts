/**
 * Whether an input is UTF-8 text, the only encoding read. A file in another encoding is refused: decoded
 * as UTF-8, a Latin-1 `Opérations Manager` would become `Op�rations Manager`, an unknown title, and
 * quietly move its holder out of ops. The first bytes are judged before any row is built
 * (`encodingProblem`, which also names what a wrong export usually is); a file larger than its first read
 * is checked to its last byte as it streams (`Utf8Stream`), since one Latin-1 name saved into row 500,000
 * by a spreadsheet is as wrong as a whole Latin-1 file.
 */
import { isUtf8 } from 'node:buffer';

export interface EncodingProblem {
  /** What the file is, as the start of a sentence: `the file is UTF-16`. */
  readonly description: string;
  /** The line of the first byte that is not UTF-8; 0 for the file as a whole. */
  readonly line: number;
}

/** `bytes` without a multi-byte character cut off at its end (a read that stopped inside it). */
function withoutCutCharacter(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

/** The offset of the first byte that does not begin a valid UTF-8 character (only called on text that is not UTF-8). */
function firstInvalidByte(bytes: Buffer): number {
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0 || (length > 1 && !isUtf8(bytes.subarray(at, at + length)))) return at;
    at += length;
  }
  return at;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The line ends in `bytes`: LF, CRLF and a lone CR each end a line, as for records. Counted as every CR
 * and every LF not after a CR, so a CRLF split between two chunks counts once: `afterCr` says the byte
 * before `bytes` was a CR. `indexOf` finds the breaks natively, faster than a loop over the bytes.
 */
function lineEndsIn(bytes: Buffer, afterCr: boolean): number {
  let ends = 0;
  for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) ends++;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) {
    if (at === 0 ? !afterCr : bytes[at - 1] !== CR) ends++;
  }
  return ends;
}

/**
 * The problem of `bytes`, which are not UTF-8: their first such byte, at its physical line. `firstLine`
 * is the line `bytes` start on, and `afterCr` whether a CR came just before them.
 */
function notUtf8(bytes: Buffer, firstLine: number, afterCr: boolean): EncodingProblem {
  const offset = firstInvalidByte(bytes);
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    description: `the file is not UTF-8: byte 0x${hex} on this line is not UTF-8 text (a Latin-1 or Windows-1252 file?)`,
    line: firstLine + lineEndsIn(bytes.subarray(0, offset), afterCr),
  };
}

/** Formats that are never text, by their first bytes: what a wrong export usually is. */
const SIGNATURES: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0x1f, 0x8b], 'the file is gzip-compressed (unpack it first)'],
  [[0x50, 0x4b, 0x03, 0x04], 'the file is a ZIP archive (an Excel workbook? export it as CSV)'],
  [[0xff, 0xfe, 0x00, 0x00], 'the file is UTF-32'],
  [[0xff, 0xfe], 'the file is UTF-16'],
  [[0xfe, 0xff], 'the file is UTF-16'],
];

/**
 * Why `start` is not UTF-8 text, or undefined when it is. `whole`: `start` is the whole file; otherwise
 * it may end inside a character, which is not a fault. Only these bytes are checked.
 */
export function encodingProblem(start: Buffer, whole: boolean): EncodingProblem | undefined {
  for (const [signature, description] of SIGNATURES) {
    if (signature.every((byte, i) => start[i] === byte)) return { description, line: 0 };
  }
  // UTF-16 without a byte-order mark: the high byte of each ASCII character is 0.
  if (start.length >= 2 && (start[0] === 0) !== (start[1] === 0)) return { description: 'the file is UTF-16 (without a byte-order mark)', line: 0 };
  const text = whole ? start : withoutCutCharacter(start);
  return isUtf8(text) ? undefined : notUtf8(text, 1, false);
}

/**
 * A whole file checked for UTF-8 chunk by chunk as it is read, from its first byte, in order: `next`
 * takes each chunk, `end` says the file ended. A character cut at the end of a chunk is carried over and
 * checked with the next; lines are counted across chunks, so a byte that is not UTF-8 is named at its
 * line in the file. isUtf8 reads GB/s, and the counting is native too (see lineEndsIn): the check costs
 * little beside reading the rows.
 */
export class Utf8Stream {
  /** The line where the bytes not yet checked start. */
  #line = 1;
  /** Whether the last byte checked was a CR (see lineEndsIn). */
  #afterCr = false;
  /** The first bytes of a character cut at the end of the last chunk (at most 3), checked with the next. */
  #cut: Buffer = Buffer.alloc(0);

  /** Why `chunk`, the file's next bytes, is not UTF-8 (with the first problem's line), or undefined. */
  next(chunk: Buffer): EncodingProblem | undefined {
    const bytes = this.#cut.length === 0 ? chunk : Buffer.concat([this.#cut, chunk]);
    const text = withoutCutCharacter(bytes);
    if (!isUtf8(text)) return notUtf8(text, this.#line, this.#afterCr);
    this.#line += lineEndsIn(text, this.#afterCr);
    if (text.length > 0) this.#afterCr = text[text.length - 1] === CR;
    // A copy: the stream may reuse the chunk's memory once it is given on.
    this.#cut = Buffer.from(bytes.subarray(text.length));
    return undefined;
  }

  /** At the end of the file: a character still cut there is not UTF-8 (as in a file read whole). */
  end(): EncodingProblem | undefined {
    return this.#cut.length === 0 ? undefined : notUtf8(this.#cut, this.#line, this.#afterCr);
  }
}
