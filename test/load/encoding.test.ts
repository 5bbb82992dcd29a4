import { describe, expect, it } from 'vitest';
import { encodingProblem } from '../../src/load/encoding.js';

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
