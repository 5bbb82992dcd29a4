/**
 * `init`'s handling of what the file system refuses: its own folder walk (bounded where Node's recursive
 * mkdir loops), and every refusal worded as a usage error naming the path. The command itself is run
 * through the built CLI in commands.test.ts.
 */
import { existsSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initFailure, makeFolder } from '../../src/cli/commands/init.js';
import { UsageError } from '../../src/core/problems.js';
import { rejectionOf } from '../helpers/rejection.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ops-metrics-init-'));

/** A Node system error as fs/promises makes them: `code` and the path of the call that failed. */
const systemError = (code: string, path: string): Error => Object.assign(new Error(`${code}: refused, mkdir '${path}'`), { code, path });

describe('makeFolder', () => {
  it('makes a folder and its missing parents, and accepts one that exists', async () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    await makeFolder(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    await makeFolder(dir);
  });

  it('throws the refusal of the call that failed: a file in the way, or under the path', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'people.csv'), 'x\n');
    expect(await rejectionOf(makeFolder(join(root, 'people.csv')))).toMatchObject({ code: 'EEXIST', path: join(root, 'people.csv') });
    expect(await rejectionOf(makeFolder(join(root, 'people.csv', 'sub')))).toMatchObject({ code: 'ENOTDIR' });
  });

  // /proc answers ENOENT to a new folder under a parent that exists: Node's recursive mkdir retries forever.
  it.skipIf(!existsSync('/proc/self'))('gives up at once where the file system refuses the name (/proc)', { timeout: 10_000 }, async () => {
    expect(await rejectionOf(makeFolder('/proc/ops-metrics-test'))).toMatchObject({ code: 'ENOENT', path: '/proc/ops-metrics-test' });
    expect(await rejectionOf(makeFolder('/proc/ops-metrics-test/data'))).toMatchObject({ code: 'ENOENT', path: '/proc/ops-metrics-test' });
  });
});

describe('initFailure', () => {
  it.each([
    ['EEXIST', 'a file is in the way'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'no space left on the disk'],
    ['ENOENT', 'the file system does not allow new entries there'],
    ['EWHATEVER', 'the system refused it (EWHATEVER)'],
  ])('words %s as "%s", naming the path', (code, reason) => {
    // A path where nothing is: the words do not depend on what lstat finds.
    const path = join(tempDir(), 'data');
    const error = initFailure('cannot create the folder', path, systemError(code, path));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`init: cannot create the folder ${path}: ${reason}`);
  });

  it('says what is in the way, and a link that points to nothing, from what is really there', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'people.csv'));
    expect((initFailure('cannot write', join(dir, 'people.csv'), systemError('ENOENT', join(dir, 'people.csv'))) as Error).message)
      .toBe(`init: cannot write ${join(dir, 'people.csv')}: a symbolic link there points to nothing`);
    expect((initFailure('cannot create the folder', join(dir, 'people.csv'), systemError('EEXIST', join(dir, 'people.csv'))) as Error).message)
      .toBe(`init: cannot create the folder ${join(dir, 'people.csv')}: a symbolic link is in the way`);
    writeFileSync(join(dir, 'notes'), 'x');
    expect((initFailure('cannot create the folder', join(dir, 'notes'), systemError('EEXIST', join(dir, 'notes'))) as Error).message)
      .toBe(`init: cannot create the folder ${join(dir, 'notes')}: a file is in the way`);
  });

  it('names the parent the refusal was about when it is not the path itself', () => {
    const error = initFailure('cannot create the folder', '/sys/x/y', systemError('EPERM', '/sys/x'));
    expect((error as Error).message).toBe('init: cannot create the folder /sys/x/y: permission denied (at /sys/x)');
  });

  it('returns an error that is not the file system\'s unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(initFailure('cannot write', 'data/people.csv', bug)).toBe(bug);
    const nodeFault = Object.assign(new TypeError('bad argument'), { code: 'ERR_INVALID_ARG_TYPE' });
    expect(initFailure('cannot write', 'data/people.csv', nodeFault)).toBe(nodeFault);
  });
});
