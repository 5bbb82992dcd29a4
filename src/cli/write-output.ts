/**
 * Writes a report's pieces one after another, to `--output` or to standard output, so the whole text of
 * a large report is never held at once.
 */
// Synchronous file calls, as elsewhere in the CLI: each piece is one small write.
import { chmodSync, closeSync, lstatSync, openSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errnoCode, fileSystemReason } from '../core/file-system-words.js';
import { InputError } from '../core/problems.js';
import type { Io } from './io.js';
import { loopTurn, removeOnSignal } from './remove-on-signal.js';

/** Why a file could not be written, in words: for a file being created, ENOENT is a folder that is not there. */
export const whyNotWritten = (error: unknown): string => {
  const code = errnoCode(error);
  return code === 'ENOENT' ? 'its folder does not exist' : fileSystemReason(code) ?? (code === undefined ? 'the system refused it' : `the system refused it (${code})`);
};

const unwritable = (path: string, error: unknown): InputError =>
  new InputError('output_unwritable', path, `cannot write the report to ${path}: ${whyNotWritten(error)}`);

/**
 * Writes all of the text's UTF-8 bytes. A string is written without a Buffer of our own (Node encodes it
 * into memory it frees at once); a call may take only part of it, and then the rest goes from a Buffer.
 */
function writeAll(fd: number, text: string): void {
  const size = Buffer.byteLength(text, 'utf8');
  let done = writeSync(fd, text);
  if (done === size) return;
  const bytes = Buffer.from(text, 'utf8');
  while (done < size) done += writeSync(fd, bytes, done);
}

/** Writes every piece to the open `fd` and closes it; any failure is `output_unwritable` naming `shownAs`. */
async function writePieces(fd: number, pieces: Iterable<string>, shownAs: string): Promise<void> {
  let written = false;
  try {
    for (const piece of pieces) {
      try {
        writeAll(fd, piece);
      } catch (error) {
        throw unwritable(shownAs, error);
      }
      // A signal's handler runs only between pieces, when the loop turns: one that stops the run removes
      // the temporary file there (see remove-on-signal.ts).
      await loopTurn();
    }
    written = true;
  } finally {
    try {
      closeSync(fd);
    } catch (error) {
      // A failed close may have lost data; it is the error to report only when nothing failed before it.
      if (written) throw unwritable(shownAs, error);
    }
  }
}

/** Opens `path` with `flags`, or throws `output_unwritable` naming `shownAs`. */
function opened(path: string, flags: string, shownAs: string): number {
  try {
    return openSync(path, flags);
  } catch (error) {
    throw unwritable(shownAs, error);
  }
}

/** Removes the temporary file after a failure; should that fail too, the first failure is still the one told. */
function removeAfterFailure(temporary: string): void {
  try {
    rmSync(temporary, { force: true });
  } catch {
    // The failure that brought us here is what the user needs to read.
  }
}

/**
 * Writes the pieces to `path` whole or not at all: a run stopped halfway (Ctrl-C, SIGTERM or SIGHUP, a
 * full disk, an error in the pieces) leaves the file as it was, never a report cut short that a script
 * would read as complete, and removes what it had written. The text goes to a file beside it, which then
 * takes its name and the old file's permissions. What is not a regular file (`/dev/stdout`, a pipe, a
 * link) is written in place, as a rename would replace it, and so is a file in a folder where no other
 * file can be made. A failure is `output_unwritable`; an error of the pieces themselves is passed on as
 * it is.
 */
export async function writePiecesToFile(path: string, pieces: Iterable<string>): Promise<void> {
  // Nothing there yet: it is made whole, as a file that is replaced.
  const existing = lstatOrUndefined(path);
  if (!writesThroughTemporary(path, existing)) return writePieces(opened(path, 'w', path), pieces, path);
  const temporary = temporaryFileOf(path);
  // Listening before the file is made: a signal between its making and the listening would leave it.
  const release = removeOnSignal(temporary);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
  } catch {
    // Written in place below, where a stopped run has nothing of its own to remove.
  }
  if (fd === undefined) {
    await release();
    return writePieces(opened(path, 'w', path), pieces, path);
  }
  try {
    await writePieces(fd, pieces, path);
    try {
      if (existing !== undefined) chmodSync(temporary, existing.mode & 0o7777);
      renameSync(temporary, path);
    } catch (error) {
      throw unwritable(path, error);
    }
  } catch (error) {
    removeAfterFailure(temporary);
    throw error;
  } finally {
    await release();
  }
}

/**
 * Whether `path` is written through a temporary file (see writePiecesToFile): a regular file, or nothing
 * there yet. A pipe, a device or a link is written in place. `existing` is what lstat found there, if known.
 */
export function writesThroughTemporary(path: string, existing: Stats | undefined = lstatOrUndefined(path)): boolean {
  return existing === undefined || existing.isFile();
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The file the text for `path` is written to before it takes that name: beside it, hidden, this process's. */
export const temporaryFileOf = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * The report to `--output` when given, else to standard output, one piece at a time; the next piece is
 * made only once standard output has passed on the last one.
 */
export async function writeReport(pieces: Iterable<string>, output: string | undefined, io: Io): Promise<void> {
  if (output !== undefined) return writePiecesToFile(output, pieces);
  for (const piece of pieces) {
    io.out(piece);
    await io.outDrained?.();
  }
}
