/**
 * whenDrained: standard output written in pieces waits for a slow reader instead of holding the rest in
 * memory, and never waits on a stream that is gone. isTerminal: a file or a pipe is told from a terminal
 * without making its stream, and a terminal still is one (checked through a real pseudo-terminal).
 */
import { spawnSync } from 'node:child_process';
import type { Stats } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isTerminal, whenDrained } from '../../src/cli/io.js';
import { BIN, ROOT } from '../helpers/run-cli.js';

/** A stream of a 4-byte buffer whose reader takes each write only when `take` is called. */
function slowStream(): { stream: Writable; take: () => void } {
  const pending: Array<() => void> = [];
  const stream = new Writable({ highWaterMark: 4, write: (_chunk, _encoding, callback) => void pending.push(() => callback()) });
  return { stream, take: () => pending.shift()?.() };
}

const settledSoon = async (promise: Promise<void>): Promise<boolean> => {
  let settled = false;
  void promise.then(() => { settled = true; });
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

describe('whenDrained', () => {
  it('resolves at once while the stream holds no more than its buffer', async () => {
    const { stream } = slowStream();
    stream.write('abc');
    expect(await settledSoon(whenDrained(stream))).toBe(true);
  });

  it('waits while a write beyond the buffer is not taken, and resolves once it is', async () => {
    const { stream, take } = slowStream();
    stream.write('0123456789');
    const waiting = whenDrained(stream);
    expect(await settledSoon(waiting)).toBe(false);
    take();
    expect(await settledSoon(waiting)).toBe(true);
  });

  it('stops waiting when the stream is destroyed (a closed pipe), and does not wait on a destroyed stream', async () => {
    const { stream } = slowStream();
    stream.on('error', () => undefined);
    stream.write('0123456789');
    const waiting = whenDrained(stream);
    stream.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(await settledSoon(waiting)).toBe(true);
    expect(await settledSoon(whenDrained(stream))).toBe(true);
  });
});

describe('isTerminal', () => {
  const statOf = (characterDevice: boolean) => () => ({ isCharacterDevice: () => characterDevice }) as Stats;
  /** A stream maker that counts the streams it makes. */
  const streamOf = (isTTY: boolean | undefined) => {
    const made = { count: 0 };
    const make = (): NodeJS.WriteStream => {
      made.count += 1;
      return { isTTY } as NodeJS.WriteStream;
    };
    return { made, make };
  };

  it('says a file or a pipe (not a character device) is no terminal without making its stream', () => {
    const { made, make } = streamOf(true);
    expect(isTerminal(1, make, statOf(false))).toBe(false);
    expect(made.count).toBe(0);
  });

  it('asks the stream of a character device: a terminal is one, /dev/null (no isTTY) is not', () => {
    const terminal = streamOf(true);
    expect(isTerminal(2, terminal.make, statOf(true))).toBe(true);
    expect(terminal.made.count).toBe(1);
    expect(isTerminal(1, streamOf(undefined).make, statOf(true))).toBe(false);
  });

  it('says a descriptor it cannot stat (closed) is no terminal', () => {
    const { made, make } = streamOf(true);
    const closed = (): Stats => {
      throw Object.assign(new Error('EBADF: bad file descriptor, fstat'), { code: 'EBADF' });
    };
    expect(isTerminal(1, make, closed)).toBe(false);
    expect(made.count).toBe(0);
  });

  // util-linux's `script` runs the command on a pseudo-terminal: the table report is coloured there, as
  // on a user's terminal, and plain when written to a pipe.
  const hasScript = spawnSync('script', ['-qec', 'true', '/dev/null']).status === 0;
  it.skipIf(!hasScript)('colours the report on a real terminal and not on a pipe', () => {
    const cli = `'${process.execPath}' '${BIN}' report --data fixtures/demo --period 2026-Q3 --fail-on never`;
    const env = { PATH: process.env.PATH ?? '', TZ: 'UTC', TERM: 'xterm' };
    const onTerminal = spawnSync('script', ['-qec', cli, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(onTerminal.status).toBe(0);
    expect(onTerminal.stdout).toContain('\x1b[1mops-metrics');
    const onPipe = spawnSync(process.execPath, [BIN, ...cli.split(' ').slice(2)], { cwd: ROOT, env, encoding: 'utf8' });
    expect(onPipe.status).toBe(0);
    expect(onPipe.stdout).toMatch(/^ops-metrics/);
    expect(onPipe.stdout).not.toContain('\x1b[');
  });
});
