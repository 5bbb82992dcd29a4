/**
 * Whether the first bytes of an input are UTF-8 text, the only encoding read. A file in another encoding
 * is refused before any row is built: decoded as UTF-8, a Latin-1 `Opérations Manager` would become
 * `Op�rations Manager`, an unknown title, and quietly move its holder out of ops.
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

/** The physical line (from 1) of `offset`: LF, CRLF and a lone CR each end a line, as for records. */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = 0; at < offset; at++) {
    if (bytes[at] === 0x0a || (bytes[at] === 0x0d && bytes[at + 1] !== 0x0a)) line++;
  }
  return line;
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
  if (isUtf8(text)) return undefined;
  const offset = firstInvalidByte(text);
  const hex = (text[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    description: `the file is not UTF-8: byte 0x${hex} on this line is not UTF-8 text (a Latin-1 or Windows-1252 file?)`,
    line: lineAt(text, offset),
  };
}
