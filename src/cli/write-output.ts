/**
 * Writes a report's pieces one after another, to `--output` or to standard output, so the whole text of
 * a large report is never held at once.
 */
// Synchronous file calls, as elsewhere in the CLI: each piece is one small write.
import { closeSync, openSync, writeSync } from 'node:fs';
import { errnoCode, fileSystemReason } from '../core/file-system-words.js';
import { InputError } from '../core/problems.js';
import type { Io } from './io.js';

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

/**
 * Creates or truncates the file and writes the pieces to it. A failure to open, write or close is
 * `output_unwritable`; an error of the pieces themselves is passed on as it is. The file is closed either way.
 */
export function writePiecesToFile(path: string, pieces: Iterable<string>): void {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw unwritable(path, error);
  }
  let written = false;
  try {
    for (const piece of pieces) {
      try {
        writeAll(fd, piece);
      } catch (error) {
        throw unwritable(path, error);
      }
    }
    written = true;
  } finally {
    try {
      closeSync(fd);
    } catch (error) {
      // A failed close may have lost data; it is the error to report only when nothing failed before it.
      if (written) throw unwritable(path, error);
    }
  }
}

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
