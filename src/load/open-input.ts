/**
 * Opening an input file, with every file-system failure turned into a plain InputError, and reading
 * its first bytes (to sniff the encoding, the CSV delimiter and emptiness). Most input files are small:
 * the first read then holds the whole file and the file is closed at once; a larger file's rest is
 * streamed from where that read stopped, so no byte is read twice.
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import type { Readable } from 'node:stream';
import { entryKind, errnoCode } from '../core/file-system-words.js';
import { fixedBytes } from '../core/typed-columns.js';
import { encodingProblem, Utf8Stream, type EncodingProblem } from './encoding.js';
import { loadErrors } from './load-errors.js';

/**
 * What is read first: enough to hold the header line of any real export, and all of most files (one
 * read instead of a stream's several). Larger files are streamed, so memory stays bounded.
 */
export const START_BYTES = 1024 * 1024;

/**
 * The size of the pieces a file is read in past its first read, and the first read is handed on in too,
 * so a batch of rows is this much of the file: the rows of a batch are all reachable until the validator
 * is done with them, and a row that outlives two young-generation collections is copied to the old
 * generation, as garbage that waits for a full collection. A large folder is read with the young
 * generation kept at its start-up size (heap-growth.ts), a collection every ~2 MB allocated, which a
 * batch of 64 KiB (the file stream's default, ~1,000 rows) outlived. At 16 KiB, the large bench report
 * (548 MiB): 29.3–32.3 → 26.5–29.9 s, CPU 34.3–37.9 → 28.4–32.0 s, peak 140–144 → 137–141 MiB; medium
 * (274 MiB): 15.5–15.6 → 14.4–14.7 s, peak 110–112 → 107 MiB (alternating runs, 32 KiB between the two).
 */
export const READ_CHUNK_BYTES = 16 * 1024;

export interface OpenedInput {
  /** The first bytes of the file: all of it when `rest` is undefined. */
  readonly start: Buffer;
  /** The open file (a descriptor) when more follows `start`: stream it with `restOf`, or close it. */
  readonly rest: number | undefined;
}

/** A Node file-system error (ENOENT, EACCES, ...) as an InputError about `file`; any other error unchanged. */
export const asUnreadable = (error: unknown, file: string, what: 'file' | 'folder' = 'file'): unknown => {
  const code = errnoCode(error);
  return code === undefined ? error : loadErrors.unreadable(file, code, what);
};

/** What is at a path instead of a regular file, in words (`a named pipe`: see entryKind). */
class NotARegularFile extends Error {
  constructor(readonly kind: string) {
    super(`is ${kind}, not a file`);
  }
}

/**
 * Refuses an entry that is not a regular file. Reading stops at a regular file's end; a named pipe
 * would be waited on until something writes to it, a device such as /dev/zero never ends, and a folder
 * opens on Linux but cannot be read.
 */
function requireRegularFile(stats: Stats): void {
  if (!stats.isFile()) throw new NotARegularFile(entryKind(stats));
}

/**
 * Opened without waiting: should the path become a named pipe between the check and the open, the open
 * returns at once and the check on the open file refuses it. Regular files read the same either way.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The open regular file at `path` (a descriptor) and its size. What the path is, is checked before it
 * is opened (opening a pipe or a device can wait, or act on the device) and again on the open file, so
 * what is read is what was checked. Throws NotARegularFile, or the file system's error as it is.
 */
function openRegularFile(path: string): { readonly fd: number; readonly size: number } {
  let fd: number | undefined;
  try {
    requireRegularFile(statSync(path));
    fd = openSync(path, OPEN_FLAGS);
    const stats = fstatSync(fd);
    requireRegularFile(stats);
    return { fd, size: stats.size };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw error;
  }
}

/**
 * An open regular file (a descriptor) and its size; `file` names it in errors (see openRegularFile).
 * Opening and the first read are synchronous: a run reads its files one after another, and each
 * asynchronous step would wait its turn on the thread pool for what takes microseconds.
 */
export function openFile(path: string, file: string): { readonly fd: number; readonly size: number } {
  try {
    return openRegularFile(path);
  } catch (error) {
    throw error instanceof NotARegularFile ? loadErrors.notAFile(file, error.kind) : asUnreadable(error, file);
  }
}

/** A file read whole by `readWholeFile` (`Buffer`) or `readWholeLatin1` (`string`), or why it was not. */
export type WholeFile<Content = Buffer> =
  | { readonly content: Content }
  /** What is at the path instead of a regular file, in words: `a named pipe`, `a folder`, ... */
  | { readonly notAFile: string }
  /** The error of the failed call, as the file system gave it (ENOENT, EACCES, ...). */
  | { readonly error: unknown };

/**
 * A regular file read whole by `read`, from the descriptor that was checked (see openRegularFile), so no
 * pipe can take the file's place between the check and the read. For the files read whole and worded by
 * their readers: the config, and --compare's earlier report.
 */
function readChecked<Content>(path: string, read: (fd: number) => Content): WholeFile<Content> {
  let fd: number;
  try {
    fd = openRegularFile(path).fd;
  } catch (error) {
    return error instanceof NotARegularFile ? { notAFile: error.kind } : { error };
  }
  try {
    return { content: read(fd) };
  } catch (error) {
    return { error };
  } finally {
    closeSync(fd);
  }
}

/** All of a regular file's bytes (see readChecked). */
export const readWholeFile = (path: string): WholeFile => readChecked(path, (fd) => readFileSync(fd));

/**
 * Bytes read at a time by `readWholeLatin1`: below the ~1 MB from which Node makes a string's characters
 * outside V8's heap, with the C allocator.
 */
const LATIN1_CHUNK_BYTES = 512 * 1024;

/**
 * All of a regular file's bytes as Latin-1 text, a character a byte (see readChecked), made without one
 * large block of the C allocator. The whole file as a Buffer, or as one string, would be such a block;
 * glibc maps one that large on its own, and once it is freed serves every later block below that size
 * from its heap, where freed memory stays resident. Read whole for `--compare`, the large bench report
 * (24 MB) left the run's peak 15 MiB higher for it. Here the file is read in chunks, each made a string in
 * V8's heap, and the whole joined there.
 */
export const readWholeLatin1 = (path: string): WholeFile<string> =>
  readChecked(path, (fd) => {
    const chunk = fixedBytes(LATIN1_CHUNK_BYTES);
    const parts: string[] = [];
    for (let read = readSync(fd, chunk, 0, chunk.length, null); read > 0; read = readSync(fd, chunk, 0, chunk.length, null)) {
      parts.push(chunk.toString('latin1', 0, read));
    }
    return parts.join('');
  });

/** Opens `path` and reads its first `startBytes` bytes (default START_BYTES); `file` names it in errors. */
export function openInput(path: string, file: string, startBytes: number = START_BYTES): OpenedInput {
  const { fd, size } = openFile(path, file);
  try {
    // One byte more than the size says, so a file that grew since it was opened is not taken as whole.
    // Input files are regular files: a short read is the end of the file.
    // On storage V8 maps itself (see fixedStorage): a 1 MiB block a file freed to the C allocator would
    // raise its threshold for every later block.
    const buffer = fixedBytes(Math.min(startBytes, size + 1));
    const start = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
    if (start.length <= size && start.length < startBytes) {
      closeSync(fd);
      return { start, rest: undefined };
    }
    return { start, rest: fd };
  } catch (error) {
    closeSync(fd);
    throw asUnreadable(error, file);
  }
}

/** Closes the file when its rest will not be read (a problem found in its start). */
export const closeInput = (input: OpenedInput): void => {
  if (input.rest !== undefined) closeSync(input.rest);
};

/** The bytes after `start` (none when the start is the whole file); the stream closes the file when it ends or is destroyed. */
export const restOf = (input: OpenedInput): Readable | undefined =>
  input.rest === undefined ? undefined : createReadStream('', { fd: input.rest, start: input.start.length, highWaterMark: READ_CHUNK_BYTES });

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** The text of `start` without a UTF-8 byte-order mark. A lone trailing partial character may be garbled: only sniff with it. */
export const startText = (start: Buffer): string => {
  const hasBom = start[0] === UTF8_BOM[0] && start[1] === UTF8_BOM[1] && start[2] === UTF8_BOM[2];
  return start.subarray(hasBom ? 3 : 0).toString('utf8');
};

/**
 * Rejects a file that holds nothing (0 bytes, or only a byte-order mark and whitespace) and one whose
 * first read is not UTF-8. A larger file's rest is checked as it is read (see encodingCheck).
 */
export function checkStart(input: OpenedInput, file: string): void {
  const problem = encodingProblem(input.start, input.rest === undefined);
  if (problem !== undefined) throw loadErrors.notUtf8(file, problem);
  if (input.rest === undefined && startText(input.start).trim() === '') throw loadErrors.fileEmpty(file);
}

/** A file's bytes checked for UTF-8 as they are read, in order from its first (see Utf8Stream). */
export interface EncodingCheck {
  /** Checks the file's next bytes; throws the file_encoding InputError at a byte that is not UTF-8. */
  readonly next: (chunk: Buffer) => void;
  /** At the end of the file: throws the same error for a character cut there. */
  readonly end: () => void;
}

/**
 * The check of a file larger than its first read, every chunk judged before its rows are built. A bad
 * byte is refused with the error and words checkStart gives one in the first read, at its line in the
 * file. The reader throws it after the rows of the chunks before, as any error met mid-file, and the run
 * takes the file as unreadable (see cli/load-inputs.ts): those rows make no report. The first read is
 * checked again here, which costs ~nothing, so that its lines are counted.
 */
export function encodingCheck(file: string): EncodingCheck {
  const stream = new Utf8Stream();
  const refuse = (problem: EncodingProblem | undefined): void => {
    if (problem !== undefined) throw loadErrors.notUtf8(file, problem);
  };
  return { next: (chunk) => refuse(stream.next(chunk)), end: () => refuse(stream.end()) };
}

/**
 * Every byte of a file larger than its first read, in order, each chunk checked for UTF-8 before it is
 * given (see encodingCheck): `start` in pieces of `pieceBytes`, then `rest` as it streams. The caller
 * destroys `rest` (it may stop before the end).
 */
export async function* checkedBytes(start: Buffer, rest: AsyncIterable<Buffer>, file: string, pieceBytes: number): AsyncGenerator<Buffer> {
  const check = encodingCheck(file);
  for (let offset = 0; offset < start.length; offset += pieceBytes) {
    const piece = start.subarray(offset, offset + pieceBytes);
    check.next(piece);
    yield piece;
  }
  for await (const chunk of rest) {
    check.next(chunk);
    yield chunk;
  }
  check.end();
}
