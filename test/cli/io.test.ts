/**
 * whenDrained: standard output written in pieces waits for a slow reader instead of holding the rest in
 * memory, and never waits on a stream that is gone.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { whenDrained } from '../../src/cli/io.js';

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
