/**
 * File-system failures and entries in plain words, for messages about a user's files and folders: an
 * errno code (EACCES, EROFS, ...) means little to someone who exported a CSV. One table, so reading the
 * data and `init` writing its templates say the same thing the same way.
 */

/**
 * The `code` of a Node system error (ENOENT, EACCES, ...), if `error` is one; undefined for Node's own
 * `ERR_...` codes, which are faults of the caller, not the file system's answer.
 */
export const errnoCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && /^E[A-Z0-9]+$/.test(error.code)
    ? error.code
    : undefined;

/**
 * The codes whose meaning does not depend on the call that failed. ENOENT and EEXIST are left out on
 * purpose: "not found" when reading, but under /proc a refused `mkdir` says ENOENT too, so each caller
 * words them for what it was doing.
 */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EIO: 'input/output error (a disk or network problem)',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

/** What a failed file-system call's `code` means, in words; undefined for a code not listed. */
export const fileSystemReason = (code: string | undefined): string | undefined => (code === undefined ? undefined : REASONS[code]);

/** Why a file could not be read, from its errno code, in words: ENOENT, when reading, can only mean the file is not there. */
export const whyNotRead = (code: string | undefined): string =>
  code === 'ENOENT' ? 'file not found' : fileSystemReason(code) ?? `read failed (${code ?? 'unknown error'})`;

/** The type tests of a `fs.Stats`, which is all `entryKind` reads. */
export interface EntryTypeTests {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSymbolicLink(): boolean;
}

/** What a file-system entry is, in words: `a file`, `a folder`, `a named pipe`, ... */
export function entryKind(entry: EntryTypeTests): string {
  if (entry.isFile()) return 'a file';
  if (entry.isDirectory()) return 'a folder';
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  if (entry.isSymbolicLink()) return 'a symbolic link';
  return 'neither a file nor a folder';
}
