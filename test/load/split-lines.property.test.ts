/**
 * splitLines against the plainest reading of its contract: the whole byte stream joined, split on LF,
 * each line's CR of a CRLF dropped and decoded alone, numbered from 1, and the first line longer than the
 * limit refused with every line before it given. Chunk boundaries fall anywhere: inside a CRLF, inside a
 * multi-byte character, on a line break.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/load/split-lines.js';

const tooLong = (line: number): Error => Object.assign(new Error(`line ${line} too long`), { line });

/** What splitLines should give for these bytes: the lines, then the line refused (or undefined). */
function oracle(bytes: Buffer, maxLineBytes: number): { lines: string[]; refused: number | undefined } {
  const lines: string[] = [];
  let start = 0;
  for (let lf = bytes.indexOf(0x0a); lf !== -1; lf = bytes.indexOf(0x0a, start)) {
    if (lf - start > maxLineBytes) return { lines, refused: lines.length + 1 };
    const line = bytes.subarray(start, lf);
    lines.push(line.subarray(0, line.at(-1) === 0x0d ? line.length - 1 : line.length).toString('utf8'));
    start = lf + 1;
  }
  if (start < bytes.length) {
    if (bytes.length - start > maxLineBytes) return { lines, refused: lines.length + 1 };
    const line = bytes.subarray(start);
    lines.push(line.subarray(0, line.at(-1) === 0x0d ? line.length - 1 : line.length).toString('utf8'));
  }
  return { lines, refused: undefined };
}

async function run(chunks: Buffer[], maxLineBytes: number): Promise<{ batches: string[][]; refused: number | undefined }> {
  async function* source(): AsyncGenerator<Buffer> {
    yield* chunks;
  }
  const batches: string[][] = [];
  try {
    for await (const batch of splitLines(source(), maxLineBytes, tooLong)) batches.push([...batch]);
  } catch (error) {
    return { batches, refused: (error as { line: number }).line };
  }
  return { batches, refused: undefined };
}

/** `bytes` cut at the given places (sorted, deduplicated, within the bytes). */
const cut = (bytes: Buffer, at: number[]): Buffer[] => {
  const places = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const place of [...places, bytes.length]) {
    if (place > from) pieces.push(bytes.subarray(from, place));
    from = Math.max(from, place);
  }
  return pieces;
};

const text = fc.array(fc.constantFrom('a', 'b', '{', '"', ':', ' ', '\n', '\r', '\r\n', 'é', '中', '😀'), { maxLength: 80 }).map((parts) => parts.join(''));

describe('splitLines', () => {
  it('gives the lines the joined bytes hold, in batches that end where chunks end lines, whatever the cuts', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 40 }), async (content, at, maxLineBytes) => {
        const bytes = Buffer.from(content, 'utf8');
        const expected = oracle(bytes, maxLineBytes);
        const { batches, refused } = await run(cut(bytes, at), maxLineBytes);
        expect(batches.flat()).toEqual(expected.lines);
        expect(refused).toBe(expected.refused);
        expect(batches.every((batch) => batch.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a chunk ending three lines as one batch, the unfinished line with the chunk that ends it', async () => {
    // Chunk 1: `a\r\nb\nc` ends lines 1 (a, its CR dropped) and 2 (b); `c` waits. Chunk 2: `d\n` ends line 3
    // (cd); chunk 3: `中` (its three bytes split 1 + 2 over chunks 3 and 4) is the last line, with no LF.
    const zhong = Buffer.from('中', 'utf8');
    const chunks = [Buffer.from('a\r\nb\nc'), Buffer.from('d\n'), zhong.subarray(0, 1), zhong.subarray(1)];
    expect(await run(chunks, 10)).toEqual({ batches: [['a', 'b'], ['cd'], ['中']], refused: undefined });
  });

  it('refuses a line past the limit after the batch of the lines before it, counting a line begun in an earlier chunk', async () => {
    // Limit 4 bytes. `ok\nab` then `cde\nz\n`: line 1 `ok` is given; line 2 `abcde` (2 + 3 = 5 bytes) is
    // refused when its LF arrives, and `z` after it is never given.
    expect(await run([Buffer.from('ok\nab'), Buffer.from('cde\nz\n')], 4)).toEqual({ batches: [['ok']], refused: 2 });
    // Exactly 4 bytes passes: `abcd`.
    expect(await run([Buffer.from('ok\nab'), Buffer.from('cd\nz\n')], 4)).toEqual({ batches: [['ok'], ['abcd', 'z']], refused: undefined });
  });
});
