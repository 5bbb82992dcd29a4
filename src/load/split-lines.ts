/**
 * Physical lines of a byte stream, for NDJSON. Splitting bytes on LF is safe in UTF-8 (the byte 0x0A
 * never occurs inside a multi-byte character), and it lets a line be bounded in bytes: a file with one
 * huge line (a JSON array saved as .jsonl) fails fast instead of filling memory.
 */

const LF = 0x0a;
const CR = 0x0d;

const decode = (line: Buffer): string =>
  line.toString('utf8', 0, line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length);

/**
 * Each line of `chunks` without its line break (LF or CRLF), in order, as one batch per chunk: the
 * lines a chunk ends (a line split across chunks goes with the chunk that ends it). No batch is empty;
 * counted across batches, the n-th line is physical line n. `tooLong(line)` is thrown for a line above
 * `maxLineBytes`, after the batch of the lines before it.
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
    const lines: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
      const tail = chunk.subarray(start, end);
      const line = pendingBytes === 0 ? tail : Buffer.concat([...pending, tail]);
      lineNumber++;
      if (line.length > maxLineBytes) {
        if (lines.length > 0) yield lines;
        throw tooLong(lineNumber);
      }
      lines.push(decode(line));
      pending = [];
      pendingBytes = 0;
      start = end + 1;
    }
    if (lines.length > 0) yield lines;
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) throw tooLong(lineNumber + 1);
    }
  }
  if (pendingBytes > 0) yield [decode(Buffer.concat(pending))];
}
