/**
 * The guard on the report's temporary file, driven by a stand-in for `process`: a signal removes the file
 * and raises the same signal again with no handler left; nothing listens before the guard or after its
 * release. test/cli/interrupted-output.test.ts sends real signals to the built CLI.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENDING_SIGNALS, removeOnSignal, type SignalledProcess } from '../../src/cli/remove-on-signal.js';

/** A process that records what it is sent, and how many handlers each ending signal had then. */
class FakeProcess extends EventEmitter implements SignalledProcess {
  readonly pid = 4242;
  readonly sent: { pid: number; signal: NodeJS.Signals; handlersLeft: number }[] = [];
  kill(pid: number, signal: NodeJS.Signals): true {
    this.sent.push({ pid, signal, handlersLeft: this.handlers() });
    return true;
  }
  handlers(): number {
    return ENDING_SIGNALS.reduce((sum, signal) => sum + this.listenerCount(signal), 0);
  }
}

const temporaryFile = (): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'ops-metrics-signal-')), '.report.json.4242.tmp');
  writeFileSync(path, '{ "half of": ');
  return path;
};

describe('removeOnSignal', () => {
  it.each(ENDING_SIGNALS)('on %s removes the file, then raises the same signal with no handler left', (signal) => {
    const path = temporaryFile();
    const target = new FakeProcess();
    void removeOnSignal(path, target);
    target.emit(signal, signal);
    expect(existsSync(path)).toBe(false);
    expect(target.sent).toEqual([{ pid: 4242, signal, handlersLeft: 0 }]);
  });

  it('listens to SIGINT, SIGTERM and SIGHUP from the start until released, and to nothing after', async () => {
    const path = temporaryFile();
    const target = new FakeProcess();
    const release = removeOnSignal(path, target);
    expect(ENDING_SIGNALS.map((signal) => target.listenerCount(signal))).toEqual([1, 1, 1]);
    await release();
    expect(target.handlers()).toBe(0);
    target.emit('SIGTERM', 'SIGTERM');
    expect(target.sent).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });

  it('raises the signal when the file is not there yet', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ops-metrics-signal-')), '.report.json.4242.tmp');
    const target = new FakeProcess();
    void removeOnSignal(path, target);
    target.emit('SIGINT', 'SIGINT');
    expect(target.sent).toEqual([{ pid: 4242, signal: 'SIGINT', handlersLeft: 0 }]);
  });

  it('still raises the signal when the file cannot be removed', () => {
    // A folder with something in it: removing it as a file fails.
    const path = temporaryFile().replace(/\.tmp$/, '.dir.tmp');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), '');
    const target = new FakeProcess();
    void removeOnSignal(path, target);
    target.emit('SIGHUP', 'SIGHUP');
    expect(existsSync(path)).toBe(true);
    expect(target.sent).toEqual([{ pid: 4242, signal: 'SIGHUP', handlersLeft: 0 }]);
  });

  it('does not release before the event loop has turned, so a signal caught meanwhile still has its handler', async () => {
    const path = temporaryFile();
    const target = new FakeProcess();
    const release = removeOnSignal(path, target);
    // Queued now, as a signal read in the loop's next turn would be: it must still find the handler.
    setImmediate(() => target.emit('SIGTERM', 'SIGTERM'));
    await release();
    expect(existsSync(path)).toBe(false);
    expect(target.sent).toEqual([{ pid: 4242, signal: 'SIGTERM', handlersLeft: 0 }]);
  });
});
