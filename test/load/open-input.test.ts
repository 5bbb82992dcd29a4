/**
 * The first read of an input file: the whole of a small file at once, the rest of a larger one streamed
 * after it; and only a regular file is opened.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/load/csv-reader.js';
import { readNdjson } from '../../src/load/ndjson-reader.js';
import { asUnreadable, openFile, openInput, restOf, START_BYTES } from '../../src/load/open-input.js';
import { collect, tempDir, tempFile } from './helpers.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const bytesOf = async (stream: AsyncIterable<Buffer> | undefined): Promise<Buffer> => Buffer.concat(stream === undefined ? [] : await collect(stream));

describe('openInput', () => {
  it('reads a small file whole and closes it', () => {
    const input = openInput(tempFile('people.csv', 'employee_id\nE1\n'), 'people.csv');
    expect(input.start.toString()).toBe('employee_id\nE1\n');
    expect(input.rest).toBeUndefined();
    expect(restOf(input)).toBeUndefined();
  });

  it('streams the rest of a larger file from where the first read stopped', async () => {
    // 10 bytes with a 4-byte first read: start "0123", rest "456789".
    const input = openInput(tempFile('n.txt', '0123456789'), 'n.txt', 4);
    expect(input.start.toString()).toBe('0123');
    expect((await bytesOf(restOf(input))).toString()).toBe('456789');
  });

  it('takes a file of exactly the first read\'s size as not whole (it may go on)', async () => {
    const input = openInput(tempFile('n.txt', '0123'), 'n.txt', 4);
    expect(input.start.toString()).toBe('0123');
    expect((await bytesOf(restOf(input))).length).toBe(0);
  });
});

describe('openFile', () => {
  // A device may never end (/dev/zero) or act on being opened; a socket cannot be opened at all.
  it.skipIf(!existsSync('/dev/zero'))('refuses a device before opening it, saying what it is', () => {
    expect(thrownBy(() => openFile('/dev/zero', 'people.csv'))).toMatchObject({
      code: 'file_unreadable', file: 'people.csv', message: 'cannot read the file: is a character device, not a file',
    });
  });

  it.skipIf(process.platform === 'win32')('refuses a socket, saying what it is', async () => {
    const path = join(tempDir(), 'people.csv');
    const server = createServer();
    await new Promise<void>((listening) => server.listen(path, listening));
    try {
      expect(thrownBy(() => openFile(path, 'people.csv'))).toMatchObject({ code: 'file_unreadable', message: 'cannot read the file: is a socket, not a file' });
    } finally {
      server.close();
    }
  });
});

/**
 * A file just over START_BYTES, so the first read ends inside a record and inside a 2-byte character:
 * the header `id,name`, then records `<n>,é…é` where the name is 40 `é` (80 bytes). Each record is
 * `<digits>,` + 80 + `\n` bytes; enough records are written to pass START_BYTES by a few hundred bytes.
 */
function largeCsv(): { text: string; records: number } {
  const name = 'é'.repeat(40);
  const lines = ['id,name'];
  let bytes = 8;
  for (let n = 1; bytes <= START_BYTES + 300; n++) {
    const line = `${n},${name}`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  return { text: `${lines.join('\n')}\n`, records: lines.length - 1 };
}

describe('readers across the first read\'s end', () => {
  it('readCsv yields every record of a file larger than the first read, characters intact', async () => {
    const { text, records } = largeCsv();
    const rows = await collect(readCsv(tempFile('people.csv', text)));
    expect(rows.length).toBe(records);
    // Record n is on physical line n + 1 (the header is line 1).
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: records }, (_, i) => i + 2));
    expect(rows.every((r, i) => r.fields.id === String(i + 1) && r.fields.name === 'é'.repeat(40))).toBe(true);
  });

  it('readNdjson yields every line of a file larger than the first read', async () => {
    // 40-byte-ish lines `{"n":<n>,"s":"ééé…"}`; the count is whatever passes START_BYTES.
    const lines: string[] = [];
    let bytes = 0;
    for (let n = 1; bytes <= START_BYTES + 300; n++) {
      const line = JSON.stringify({ n, s: 'é'.repeat(20) });
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
    const rows = await collect(readNdjson(tempFile('time_allocation.ndjson', `${lines.join('\n')}\n`)));
    expect(rows.length).toBe(lines.length);
    expect(rows.every((r, i) => r.line === i + 1 && r.fields.n === i + 1 && r.fields.s === 'é'.repeat(20))).toBe(true);
  });
});

describe('asUnreadable', () => {
  it('says what could not be read, a file or a folder, and why', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(asUnreadable(denied, 'exports')).toMatchObject({ code: 'file_unreadable', file: 'exports', message: 'cannot read the file: permission denied' });
    expect(asUnreadable(denied, 'exports', 'folder')).toMatchObject({ code: 'file_unreadable', file: 'exports', message: 'cannot read the folder: permission denied' });
    // An error without an errno code is no reading problem: passed on as it is.
    const bug = new TypeError('x is undefined');
    expect(asUnreadable(bug, 'exports', 'folder')).toBe(bug);
  });
});
