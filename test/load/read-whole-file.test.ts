/**
 * The files read whole (the config, --compare's earlier report) are read from the descriptor whose
 * kind was checked, not opened again by name: a folder or a named pipe put in the file's place after the
 * path was looked at is refused with the reader's own words, never read (a pipe would be waited on).
 * The swap is made at the exact moment the path is looked at, through a `statSync` that swaps it.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { readPrevious } from '../../src/cli/commands/report.js';
import { formatProblem } from '../../src/core/problems.js';
import { readWholeFile, readWholeLatin1 } from '../../src/load/open-input.js';
import { tempDir, tempFile } from './helpers.js';

/** The path whose next `statSync` swaps what is there, and how. */
const swap = vi.hoisted(() => ({ path: undefined as string | undefined, make: (): void => undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const statSync = ((path: string, options?: never) => {
    const stats = fs.statSync(path, options);
    if (path === swap.path) {
      swap.path = undefined;
      swap.make();
    }
    return stats;
  }) as typeof fs.statSync;
  return { ...fs, default: { ...fs, statSync }, statSync };
});

afterEach(() => {
  swap.path = undefined;
});

/** A regular file at `path` now, and a folder in its place once the path has been looked at. */
function folderOnceLookedAt(path: string): void {
  swap.path = path;
  swap.make = () => {
    renameSync(path, `${path}.moved`);
    mkdirSync(path);
  };
}

describe('readWholeFile', () => {
  it('reads all of a regular file', () => {
    const path = tempFile('previous.json', '{"a": 1}');
    expect(readWholeFile(path)).toEqual({ content: Buffer.from('{"a": 1}') });
  });

  it('says what is there instead of a file, and passes on the file system\'s error', () => {
    expect(readWholeFile(tempDir())).toEqual({ notAFile: 'a folder' });
    expect(readWholeFile(join(tempDir(), 'missing.json'))).toEqual({ error: expect.objectContaining({ code: 'ENOENT' }) });
  });

  it('refuses what took the file\'s place after its path was looked at', () => {
    const path = tempFile('previous.json', '{"a": 1}');
    folderOnceLookedAt(path);
    expect(readWholeFile(path)).toEqual({ notAFile: 'a folder' });
  });
});

describe('the config and --compare\'s report are read from the file that was checked', () => {
  it('the config: a folder put in its place is "the config is a folder"', async () => {
    const cwd = tempDir();
    const path = join(cwd, 'custom.json');
    writeFileSync(path, '{ "timezone": "UTC" }');
    folderOnceLookedAt(path);
    const loaded = await loadConfig(path, cwd, cwd);
    expect('problems' in loaded && loaded.problems.map(formatProblem)).toEqual([`${relative(cwd, path)}:0: -: the config is a folder, not a file`]);
  });

  it('the config: a missing file is still "config file not found"', async () => {
    const cwd = tempDir();
    const loaded = await loadConfig('missing.json', cwd, cwd);
    expect('problems' in loaded && loaded.problems.map(formatProblem)).toEqual(['missing.json:0: -: config file not found']);
  });

  it('--compare: a folder put in its place is refused in the same words as a folder there from the start', () => {
    const path = tempFile('previous.json', '{}');
    expect(readPrevious(path)).toEqual({});
    folderOnceLookedAt(path);
    expect(() => readPrevious(path)).toThrow(`--compare: ${path} is a folder, not a JSON report`);
    expect(() => readPrevious(join(tempDir(), 'missing.json'))).toThrow(/^--compare: cannot read .*missing\.json: file not found$/);
    const file = tempFile('plain.json', '{}');
    expect(() => readPrevious(join(file, 'report.json'))).toThrow(`--compare: cannot read ${join(file, 'report.json')}: a part of the path is a file, not a folder`);
  });
});

describe('readWholeLatin1', () => {
  it('gives a character a byte, across the chunks it reads the file in', () => {
    // 1.3 MB: two whole 512 KiB chunks and a part of a third; every byte value, UTF-8's multi-byte
    // characters included, is one character of the same code.
    const bytes = Buffer.alloc(1_300_000);
    for (let at = 0; at < bytes.length; at++) bytes[at] = (at * 7 + (at >> 9)) & 0xff;
    const path = tempFile('previous.json', bytes);
    const read = readWholeLatin1(path);
    expect('content' in read && read.content.length).toBe(bytes.length);
    expect('content' in read && read.content === bytes.toString('latin1')).toBe(true);
    expect(readWholeLatin1(tempFile('empty.json', ''))).toEqual({ content: '' });
  });

  it('refuses what is not a file, as readWholeFile does', () => {
    expect(readWholeLatin1(tempDir())).toEqual({ notAFile: 'a folder' });
    const path = tempFile('previous.json', '{"a": 1}');
    folderOnceLookedAt(path);
    expect(readWholeLatin1(path)).toEqual({ notAFile: 'a folder' });
  });
});
