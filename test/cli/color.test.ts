import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/color.js';

const at = (env: NodeJS.ProcessEnv, over: Partial<Parameters<typeof useColor>[0]> = {}): boolean =>
  useColor({ flag: true, env, isTty: true, toFile: false, ...over });

describe('useColor', () => {
  it('colours a terminal, but not a file, a pipe, --no-color or NO_COLOR', () => {
    expect(at({})).toBe(true);
    expect(at({}, { toFile: true })).toBe(false);
    expect(at({}, { isTty: false })).toBe(false);
    expect(at({}, { flag: false })).toBe(false);
    expect(at({ NO_COLOR: '1' })).toBe(false);
    // An empty NO_COLOR is no request (no-color.org).
    expect(at({ NO_COLOR: '' })).toBe(true);
  });

  it('does not colour a terminal that says it shows escape codes as text (TERM=dumb), unless FORCE_COLOR asks', () => {
    expect(at({ TERM: 'dumb' })).toBe(false);
    expect(at({ TERM: 'xterm-256color' })).toBe(true);
    expect(at({ TERM: 'dumb', FORCE_COLOR: '1' })).toBe(true);
  });

  it('FORCE_COLOR colours a pipe, unless it is 0 or false; --no-color still wins', () => {
    expect(at({ FORCE_COLOR: '1' }, { isTty: false })).toBe(true);
    expect(at({ FORCE_COLOR: '0' })).toBe(false);
    expect(at({ FORCE_COLOR: 'False' })).toBe(false);
    expect(at({ FORCE_COLOR: '1' }, { flag: false })).toBe(false);
  });
});
