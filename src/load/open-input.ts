/**
 * Opening an input file, with every file-system failure turned into a plain InputError, and reading
 * its first bytes (to sniff the encoding, the CSV delimiter and emptiness) without reading the rest.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { loadErrors } from './load-errors.js';

export interface OpenInput {
  readonly handle: FileHandle;
  readonly size: number;
}

/** The `code` of a Node system error (ENOENT, EACCES, ...), if `error` has one. */
export const errnoCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** A Node file-system error (ENOENT, EACCES, ...) as an InputError about `file`; any other error unchanged. */
export const asUnreadable = (error: unknown, file: string): unknown => {
  const code = errnoCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code) ? loadErrors.unreadable(file, code) : error;
};

export async function openInput(path: string, file: string): Promise<OpenInput> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    // Opening a folder succeeds on Linux; only reading it fails, so say it now.
    if (stats.isDirectory()) throw loadErrors.unreadable(file, 'EISDIR');
    return { handle, size: stats.size };
  } catch (error) {
    await handle?.close();
    throw asUnreadable(error, file);
  }
}

/** The first `maxBytes` bytes of the file (fewer when the file is shorter). */
export async function readStart(input: OpenInput, maxBytes: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.min(maxBytes, input.size));
  const { bytesRead } = await input.handle.read(buffer, 0, buffer.length, 0);
  return buffer.subarray(0, bytesRead);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** The text of `start` without a UTF-8 byte-order mark. A lone trailing partial character may be garbled: only sniff with it. */
export const startText = (start: Buffer): string => {
  const hasBom = start[0] === UTF8_BOM[0] && start[1] === UTF8_BOM[1] && start[2] === UTF8_BOM[2];
  return start.subarray(hasBom ? 3 : 0).toString('utf8');
};

/** `UTF-16` when the file starts with a UTF-16 byte-order mark (Excel's "Unicode text", Qualtrics TSV). */
export const nonUtf8Encoding = (start: Buffer): string | undefined =>
  (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff) ? 'UTF-16' : undefined;

/**
 * Rejects a file that holds nothing (0 bytes, or only a byte-order mark and whitespace) and one that is
 * not UTF-8. `start` must be the whole file when the file is no longer than it.
 */
export function checkStart(input: OpenInput, start: Buffer, file: string): void {
  const encoding = nonUtf8Encoding(start);
  if (encoding !== undefined) throw loadErrors.notUtf8(file, encoding);
  if (start.length === input.size && startText(start).trim() === '') throw loadErrors.fileEmpty(file);
}
