/**
 * Physical lines of a byte stream, for NDJSON. Splitting bytes on LF is safe in UTF-8 (the byte 0x0A
 * never occurs inside a multi-byte character), and it lets a line be bounded in bytes: a file with one
 * huge line (a JSON array saved as .jsonl) fails fast instead of filling memory.
 */

const LF = 0x0a;

/** A line without the CR of its CRLF. */
const withoutCr = (line: string): string => (line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line);

/**
 * Each line of `chunks` without its line break (LF or CRLF), in order, as one batch per chunk: the
 * lines a chunk ends (a line split across chunks goes with the chunk that ends it). No batch is empty;
 * counted across batches, the n-th line is physical line n. `tooLong(line)` is thrown for a line above
 * `maxLineBytes`, after the batch of the lines before it.
 *
 * The lines a chunk ends are measured in bytes where they end, then decoded in one piece and split as
 * text: a view and a decode for every line cost more than the line's parse on the short lines of
 * NDJSON exports.
 */
export async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  maxLineBytes: number,
  tooLong: (line: number) => Error,
): AsyncGenerator<readonly string[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  for await (const chunk of chunks) {
    // The lines this chunk ends, up to the first one too long: bytes [0, end) of the chunk, after `pending`.
    let start = 0;
    let end = -1;
    let ended = 0;
    let failed = false;
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, start)) {
      if ((start === 0 ? pendingBytes : 0) + lf - start > maxLineBytes) {
        failed = true;
        break;
      }
      ended++;
      end = lf;
      start = lf + 1;
    }
    if (ended > 0) {
      const head = chunk.subarray(0, end);
      const text = (pendingBytes === 0 ? head : Buffer.concat([...pending, head])).toString('utf8');
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) lines[i] = withoutCr(lines[i]!);
      lineNumber += lines.length;
      pending = [];
      pendingBytes = 0;
      yield lines;
    }
    if (failed) throw tooLong(lineNumber + 1);
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) throw tooLong(lineNumber + 1);
    }
  }
  if (pendingBytes > 0) yield [withoutCr(Buffer.concat(pending).toString('utf8'))];
}
