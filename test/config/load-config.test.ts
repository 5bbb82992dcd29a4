import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfigText, type LoadedConfig } from '../../src/config/load-config.js';
import { formatProblem } from '../../src/core/problems.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ops-metrics-config-'));
  mkdirSync(join(cwd, 'data'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const write = (path: string, json: unknown): void => writeFileSync(join(cwd, path), JSON.stringify(json));
const summary = (loaded: LoadedConfig): unknown =>
  'config' in loaded ? { file: loaded.file, timezone: loaded.config.timezone } : loaded.problems.map(formatProblem);

describe('loadConfig discovery', () => {
  it('uses the defaults when no config file exists', async () => {
    expect(summary(await loadConfig(undefined, 'data', cwd))).toEqual({ file: undefined, timezone: 'UTC' });
  });

  it('prefers --config, then the data folder, then the working directory', async () => {
    write('ops-metrics.config.json', { timezone: 'Asia/Kathmandu' });
    expect(summary(await loadConfig(undefined, 'data', cwd))).toEqual({ file: 'ops-metrics.config.json', timezone: 'Asia/Kathmandu' });

    write('data/ops-metrics.config.json', { timezone: 'America/New_York' });
    expect(summary(await loadConfig(undefined, 'data', cwd))).toEqual({ file: join('data', 'ops-metrics.config.json'), timezone: 'America/New_York' });

    write('custom.json', { timezone: 'Pacific/Chatham' });
    expect(summary(await loadConfig('custom.json', 'data', cwd))).toEqual({ file: 'custom.json', timezone: 'Pacific/Chatham' });
  });

  it('reports a --config file that does not exist instead of falling back', async () => {
    write('ops-metrics.config.json', {});
    expect(summary(await loadConfig('missing.json', 'data', cwd))).toEqual(['missing.json:0: -: config file not found']);
  });

  it('says in words why a config cannot be read, not in Node\'s errno text', async () => {
    write('plain.json', {});
    expect(summary(await loadConfig('plain.json/config.json', 'data', cwd)))
      .toEqual([`${join('plain.json', 'config.json')}:0: -: cannot read the config file: a part of the path is a file, not a folder`]);
  });
});

describe('loadConfig encodings', () => {
  it('names a config that is not UTF-8 instead of parsing it', async () => {
    writeFileSync(join(cwd, 'data', 'ops-metrics.config.json'), Buffer.from('\uFEFF{ "timezone": "UTC" }', 'utf16le'));
    expect(summary(await loadConfig(undefined, 'data', cwd))).toEqual(['data/ops-metrics.config.json:0: -: the file is UTF-16; only UTF-8 is read']);
    // Latin-1: "Opérations" with é as the single byte 0xE9, on line 2.
    writeFileSync(join(cwd, 'data', 'ops-metrics.config.json'), Buffer.concat([Buffer.from('{\n  "levels": { "Op'), Buffer.from([0xe9]), Buffer.from('rations": "manager" } }')]));
    expect(summary(await loadConfig(undefined, 'data', cwd))).toEqual([
      'data/ops-metrics.config.json:2: -: the file is not UTF-8: byte 0xE9 on this line is not UTF-8 text (a Latin-1 or Windows-1252 file?); only UTF-8 is read',
    ]);
  });
});

describe('parseConfigText', () => {
  it('reports invalid JSON with its line, in words: a comma after the last member at the comma', () => {
    const lines = (text: string): string[] => {
      const loaded = parseConfigText(text, 'c.json');
      return 'problems' in loaded ? loaded.problems.map((p) => `${p.file}:${p.line}: ${p.column}: ${p.message}`) : [];
    };
    // JavaScript allows it, JSON does not; a comment between the two is no member.
    expect(lines('{\n  "timezone": "UTC", // the zone\n}\n')).toEqual([
      'c.json:2: -: invalid JSON: a comma before the closing } (on line 3); JSON allows none after the last member, so remove it',
    ]);
    expect(lines('{ "courses": { "automationDesign": ["a",\n ] } }')).toEqual([
      'c.json:1: -: invalid JSON: a comma before the closing ] (on line 2); JSON allows none after the last member, so remove it',
    ]);
    expect(lines('{\n  "timezone": UTC\n}')).toEqual(['c.json:2: -: invalid JSON: syntax error at line 2, column 15']);
    expect(lines('{\n  "timezone": "UTC"\n')).toEqual(['c.json:3: -: invalid JSON: the text ends before the JSON does (a missing } or ], or an unclosed string)']);
  });

  it('puts each problem on the line of its key, and accepts a byte-order mark', () => {
    const text = '\uFEFF{\n  "rca": {\n    "hours": "48"\n  },\n  "survey": { "minGroupsize": 5 }\n}';
    expect(summary(parseConfigText(text, 'c.json'))).toEqual([
      'c.json:3: $.rca.hours: expected a number, found "48"',
      'c.json:5: $.survey.minGroupsize: unknown key; did you mean minGroupSize? expected one of scale, minGroupSize, baselineWave, questions, answers',
    ]);
  });

  it('names the first line of a key given three times', () => {
    expect(summary(parseConfigText('{\n  "timezone": "UTC",\n  "timezone": "UTC",\n  "timezone": "UTC"\n}', 'c.json'))).toEqual([
      'c.json:3: $.timezone: duplicate key (first on line 2); JSON keeps only the last, so give it once',
      'c.json:4: $.timezone: duplicate key (first on line 2); JSON keeps only the last, so give it once',
    ]);
  });

  it('refuses a key given twice in one object, with the other problems, since JSON keeps only the last', () => {
    // Lines: 2 timezone, 3 rca.hours, 4 rca.hours again, 5 timezone again (the one JSON.parse keeps), 6 same
    // key name in another object (not a duplicate).
    const text = '{\n  "timezone": "UTC",\n  "rca": { "hours": 48,\n    "hours": "x" },\n  "timezone": "Europe/Paris",\n  "recurrence": { "hours": 1 }\n}';
    expect(summary(parseConfigText(text, 'c.json'))).toEqual([
      'c.json:4: $.rca.hours: duplicate key (first on line 3); JSON keeps only the last, so give it once',
      'c.json:4: $.rca.hours: expected a number, found "x"',
      'c.json:5: $.timezone: duplicate key (first on line 2); JSON keeps only the last, so give it once',
      'c.json:6: $.recurrence.hours: unknown key; expected one of infer, windowDays',
    ]);
  });
});
