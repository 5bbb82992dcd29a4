import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodingProblem, Utf8Stream, type EncodingProblem } from '../../src/load/encoding.js';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('encodingProblem', () => {
  it('accepts UTF-8, with or without a byte-order mark, multi-byte characters included', () => {
    expect(encodingProblem(bytes('name\nAnn é 😀 日本\n'), true)).toBeUndefined();
    expect(encodingProblem(bytes([0xef, 0xbb, 0xbf], 'name\nAnn\n'), true)).toBeUndefined();
  });

  it('names the line and byte of Latin-1 text (é is 0xE9 there)', () => {
    // Line 1 header, line 2 fine, line 3 holds the Latin-1 é.
    expect(encodingProblem(bytes('id,title\nE1,Ops\nE2,Op', [0xe9], 'rations Manager\n'), true)).toEqual({
      description: 'the file is not UTF-8: byte 0xE9 on this line is not UTF-8 text (a Latin-1 or Windows-1252 file?)',
      line: 3,
    });
  });

  it('counts CRLF once and a lone CR as a line end, as records are counted', () => {
    expect(encodingProblem(bytes('a\r\nb\rc\n', [0xfc]), true)?.line).toBe(4);
  });

  it('refuses overlong forms and lone continuation bytes, which are not UTF-8 either', () => {
    expect(encodingProblem(bytes('x', [0xc0, 0xaf]), true)?.description).toContain('byte 0xC0');
    expect(encodingProblem(bytes('x', [0x80], 'y'), true)?.description).toContain('byte 0x80');
  });

  it('takes a character cut at the end of a first read as whole, but not at the end of the file', () => {
    // 😀 is F0 9F 98 80: a first read may stop after any of its first three bytes.
    for (const cut of [1, 2, 3]) {
      const start = bytes('name\n', [0xf0, 0x9f, 0x98, 0x80].slice(0, cut));
      expect(encodingProblem(start, false), `cut after ${cut}`).toBeUndefined();
      expect(encodingProblem(start, true)).toMatchObject({ line: 2 });
    }
    // A cut lead byte after a bad one is still a fault.
    expect(encodingProblem(bytes('a', [0xe9], 'b', [0xc3]), false)?.line).toBe(1);
  });

  it('names UTF-16 and UTF-32 by their byte-order marks, and UTF-16 without one by its zero bytes', () => {
    expect(encodingProblem(Buffer.from([0xff, 0xfe, 0x61, 0x00]), false)).toEqual({ description: 'the file is UTF-16', line: 0 });
    expect(encodingProblem(Buffer.from([0xfe, 0xff, 0x00, 0x61]), false)).toEqual({ description: 'the file is UTF-16', line: 0 });
    expect(encodingProblem(Buffer.from([0xff, 0xfe, 0x00, 0x00]), false)).toEqual({ description: 'the file is UTF-32', line: 0 });
    expect(encodingProblem(Buffer.from('id,name', 'utf16le'), false)?.description).toBe('the file is UTF-16 (without a byte-order mark)');
    expect(encodingProblem(Buffer.from([0x00, 0x69, 0x00, 0x64]), false)?.description).toBe('the file is UTF-16 (without a byte-order mark)');
  });

  it('names a compressed file or a workbook, which are never text', () => {
    expect(encodingProblem(Buffer.from([0x1f, 0x8b, 0x08, 0x00]), false)?.description).toBe('the file is gzip-compressed (unpack it first)');
    expect(encodingProblem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]), false)?.description).toBe('the file is a ZIP archive (an Excel workbook? export it as CSV)');
  });
});

/** What a Utf8Stream says of `chunks`, fed in order: the first chunk's problem, else the end's. */
function streamed(...chunks: Buffer[]): EncodingProblem | undefined {
  const stream = new Utf8Stream();
  for (const chunk of chunks) {
    const problem = stream.next(chunk);
    if (problem !== undefined) return problem;
  }
  return stream.end();
}

/** `bytes` cut at `cuts` (offsets into it, in any order). */
const cutAt = (bytes: Buffer, cuts: readonly number[]): Buffer[] => {
  const ends = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...ends, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
};

describe('Utf8Stream', () => {
  it('takes a character split between chunks as whole, wherever it is cut', () => {
    // 😀 is F0 9F 98 80: the first chunk may end after any of its first three bytes.
    const text = bytes('name\nZoë ', [0xf0, 0x9f, 0x98, 0x80], '\n');
    for (const cut of [8, 9, 10, 11, 12, 13]) {
      expect(streamed(text.subarray(0, cut), text.subarray(cut)), `cut at ${cut}`).toBeUndefined();
    }
    // Cut in three: F0 | 9F | 98 80.
    expect(streamed(text.subarray(0, 10), text.subarray(10, 11), text.subarray(11, 12), text.subarray(12))).toBeUndefined();
  });

  it('names a bad byte that opens a chunk at its line in the file, counting the lines of the chunks before', () => {
    // Chunk 1 holds lines 1-2 and the start of line 3; chunk 2 opens with the Latin-1 é of line 3.
    expect(streamed(bytes('id,title\nE1,Ops\nE2,Op'), bytes([0xe9], 'rations\n'))).toEqual({
      description: 'the file is not UTF-8: byte 0xE9 on this line is not UTF-8 text (a Latin-1 or Windows-1252 file?)',
      line: 3,
    });
    // A chunk that holds only line breaks moves the line on too: 2 + 3 breaks, the é on line 6.
    expect(streamed(bytes('a\nb\n'), bytes('\n\r\n\r'), bytes([0xe9]))?.line).toBe(6);
  });

  it('counts a CRLF split between two chunks once, and a CR that ends a chunk before other text as a line end', () => {
    // a CR | LF é: the CRLF ends line 1, the é is on line 2 (counting the CR and the LF apart would say 3).
    expect(streamed(bytes('a\r'), bytes('\n', [0xe9]))?.line).toBe(2);
    // a CR | é: a lone CR ends line 1 too.
    expect(streamed(bytes('a\r'), bytes([0xe9]))?.line).toBe(2);
    // CRLF split twice, then a lone CR: lines 1, 2 and 3 end, the é is on line 4.
    expect(streamed(bytes('a\r'), bytes('\nb\r'), bytes('\nc\r'), bytes('d', [0xe9]))?.line).toBe(4);
  });

  it('names a carried character whose next chunk does not complete it, at the line it starts on', () => {
    // C3 needs one continuation byte (80-BF); `(` is not one.
    expect(streamed(bytes('a\nb', [0xc3]), bytes('(\n'))).toMatchObject({ line: 2, description: expect.stringContaining('byte 0xC3') });
  });

  it('refuses a character still cut at the end of the file', () => {
    const stream = new Utf8Stream();
    expect(stream.next(bytes('a\r\nb\rc', [0xe2, 0x82]))).toBeUndefined();
    // CRLF and the lone CR end lines 1 and 2: the cut € (E2 82 AC) starts on line 3.
    expect(stream.end()).toMatchObject({ line: 3, description: expect.stringContaining('byte 0xE2') });
  });

  it('says what encodingProblem says of the file read whole, however the file is cut into chunks', () => {
    // Text starting with `a` (no signature, no UTF-16 zero bytes), made of ASCII, line breaks, whole
    // characters of 2-4 bytes and bytes that are not UTF-8 where they are.
    const piece = fc.constantFrom<Array<string | number[]>>(['b'], ['\n'], ['\r'], ['\r\n'], ['é'], ['€'], ['😀'], [[0xe9]], [[0x80]], [[0xc3]], [[0xf0, 0x9f]], [[0xed, 0xa0, 0x80]]);
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), (pieces, cuts) => {
      const text = bytes('a', ...pieces.flat());
      expect(streamed(...cutAt(text, cuts))).toEqual(encodingProblem(text, true));
    }), { numRuns: 2000 });
  });
});
