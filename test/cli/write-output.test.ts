/**
 * Writing a report piece by piece: the file holds exactly the joined pieces; a failure to open or write
 * is `output_unwritable` and leaves no file descriptor open; an error of the pieces themselves is passed on.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { ENDING_SIGNALS } from '../../src/cli/remove-on-signal.js';
import { writePiecesToFile, writeReport } from '../../src/cli/write-output.js';
import { InputError } from '../../src/core/problems.js';

const tempPath = (name: string): string => join(mkdtempSync(join(tmpdir(), 'ops-metrics-out-')), name);
const PIECES = ['{\n  "note": "a → b"', ',\n  "n": 1', '\n}\n'];
const openDescriptors = (): number => readdirSync('/proc/self/fd').length;
const hasProc = existsSync('/proc/self/fd');

async function caught(run: () => Promise<void>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('writePiecesToFile', () => {
  it('writes the pieces one after another as UTF-8, replacing what the file held', async () => {
    const path = tempPath('report.json');
    await writePiecesToFile(path, ['old text that is longer than the new one, to be truncated']);
    await writePiecesToFile(path, PIECES);
    expect(readFileSync(path, 'utf8')).toBe(PIECES.join(''));
  });

  it('gives output_unwritable naming the file and why when it cannot be opened', async () => {
    const path = join(tempPath('missing-dir'), 'report.json');
    const error = await caught(() => writePiecesToFile(path, PIECES));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'output_unwritable', file: path, message: `cannot write the report to ${path}: its folder does not exist` });
    const folder = tempPath('a-folder');
    mkdirSync(folder);
    expect(await caught(() => writePiecesToFile(folder, PIECES))).toMatchObject({ message: `cannot write the report to ${folder}: is a folder, not a file` });
  });

  it.skipIf(!hasProc || !existsSync('/dev/full'))('gives output_unwritable when a write fails (a full device), and closes the file', async () => {
    const before = openDescriptors();
    const error = await caught(() => writePiecesToFile('/dev/full', PIECES));
    expect(error).toMatchObject({ code: 'output_unwritable', file: '/dev/full' });
    expect(openDescriptors()).toBe(before);
  });

  it.skipIf(!hasProc)('passes on an error of the pieces as it is, after closing the file', async () => {
    const path = tempPath('report.json');
    const before = openDescriptors();
    function* failing(): Generator<string> {
      yield 'first';
      throw new RangeError('broken reporter');
    }
    expect(await caught(() => writePiecesToFile(path, failing()))).toBeInstanceOf(RangeError);
    expect(openDescriptors()).toBe(before);
    // Whole or not at all: no report cut short, and nothing left beside it.
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it('leaves a report that was there as it was when the new one fails, and keeps its permissions when it does not', async () => {
    const path = tempPath('report.json');
    writeFileSync(path, 'the last quarter\'s report');
    chmodSync(path, 0o666);
    function* failing(): Generator<string> {
      yield 'half of';
      throw new RangeError('broken reporter');
    }
    expect(await caught(() => writePiecesToFile(path, failing()))).toBeInstanceOf(RangeError);
    expect(readFileSync(path, 'utf8')).toBe('the last quarter\'s report');
    await writePiecesToFile(path, PIECES);
    expect(readFileSync(path, 'utf8')).toBe(PIECES.join(''));
    // 0o666 as it was, where a new file would take the umask's 0o644.
    expect(statSync(path).mode & 0o777).toBe(0o666);
    expect(readdirSync(dirname(path))).toEqual(['report.json']);
  });

  it('writes through what is not a regular file, which a rename would replace: a link, a device', async () => {
    const target = tempPath('real.json');
    writeFileSync(target, 'old');
    const link = join(dirname(target), 'link.json');
    symlinkSync(target, link);
    await writePiecesToFile(link, PIECES);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(PIECES.join(''));
    if (existsSync('/dev/null')) await writePiecesToFile('/dev/null', PIECES);
  });
});

describe('writePiecesToFile and the signals that stop a run', () => {
  const listening = (): number[] => ENDING_SIGNALS.map((signal) => process.listenerCount(signal));
  const plusOne = (counts: readonly number[]): number[] => counts.map((count) => count + 1);

  it('listens to SIGINT, SIGTERM and SIGHUP while its temporary file is there, and not after, written or failed', async () => {
    const before = listening();
    const during: number[][] = [];
    function* pieces(fail: boolean): Generator<string> {
      during.push(listening());
      yield 'first';
      during.push(listening());
      if (fail) throw new RangeError('broken reporter');
      yield 'second';
    }
    await writePiecesToFile(tempPath('report.json'), pieces(false));
    expect(listening()).toEqual(before);
    expect(await caught(() => writePiecesToFile(tempPath('report.json'), pieces(true)))).toBeInstanceOf(RangeError);
    expect(listening()).toEqual(before);
    expect(during).toEqual([plusOne(before), plusOne(before), plusOne(before), plusOne(before)]);
  });

  it('listens to none of them when it writes in place, with no temporary file of its own', async () => {
    const target = tempPath('real.json');
    writeFileSync(target, 'old');
    const link = join(dirname(target), 'link.json');
    symlinkSync(target, link);
    const before = listening();
    const during: number[][] = [];
    function* pieces(): Generator<string> {
      during.push(listening());
      yield 'in place';
    }
    await writePiecesToFile(link, pieces());
    expect(during).toEqual([before]);
    expect(listening()).toEqual(before);
  });
});

describe('writeReport', () => {
  const io = (written: string[]): Io => ({
    cwd: '/', env: {}, isTty: false, progressStream: undefined, now: () => 0,
    out: (text) => written.push(text), err: () => undefined,
  });

  it('hands each piece to standard output in order when there is no --output', async () => {
    const written: string[] = [];
    await writeReport(PIECES, undefined, io(written));
    expect(written).toEqual(PIECES);
  });

  it('makes the next piece only after standard output has passed on the last one', async () => {
    const events: string[] = [];
    function* pieces(): Generator<string> {
      for (const piece of ['a', 'b']) {
        events.push(`make ${piece}`);
        yield piece;
      }
    }
    const slow: Io = { ...io([]), out: (text) => void events.push(`out ${text}`), outDrained: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      events.push('drained');
    } };
    await writeReport(pieces(), undefined, slow);
    expect(events).toEqual(['make a', 'out a', 'drained', 'make b', 'out b', 'drained']);
  });

  it('writes to the --output file and nothing to standard output', async () => {
    const written: string[] = [];
    const path = tempPath('report.json');
    await writeReport(PIECES, path, io(written));
    expect(written).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(PIECES.join(''));
  });
});
