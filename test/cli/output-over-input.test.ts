/**
 * `report --output` onto an input file or the config is refused as soon as the data files are found:
 * before any of them is opened, so a large folder is not validated for minutes only to be refused.
 * The readers' opening of files is watched through open-input.js.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runReport, type ReportOptions } from '../../src/cli/commands/report.js';
import type { Io } from '../../src/cli/io.js';
import { UsageError } from '../../src/core/problems.js';
import { rejectionOf } from '../helpers/rejection.js';

/** The paths the readers opened, in order. */
const opened = vi.hoisted(() => [] as string[]);

vi.mock('../../src/load/open-input.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/load/open-input.js')>();
  return {
    ...real,
    openInput: (path: string, ...rest: [string, number?]) => {
      opened.push(path);
      return real.openInput(path, ...rest);
    },
    openFile: (path: string, file: string) => {
      opened.push(path);
      return real.openFile(path, file);
    },
  };
});

beforeEach(() => {
  opened.length = 0;
});

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const io = (cwd: string): Io => ({
  cwd, env: {}, isTty: false, progressStream: undefined, now: () => Date.UTC(2026, 9, 1), out: () => {}, err: () => {},
});

const options = (data: string, output: string): ReportOptions =>
  ({ data, output, format: 'json', failOn: 'never', skipInvalid: false, names: false, color: false, period: '2026-Q3' });

/** A data folder of two demo files (one with a bad row, whose problems must not come first) and a config. */
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-output-'));
  folders.push(dir);
  writeFileSync(join(dir, 'people.csv'), readFileSync(join('fixtures', 'demo', 'people.csv')));
  writeFileSync(join(dir, 'Job History.csv'), `${readFileSync(join('fixtures', 'demo', 'job_history.csv'), 'utf8')}E001,someday,Operations Manager,Operations,1,1,adjustment\n`);
  writeFileSync(join(dir, 'ops-metrics.config.json'), '{ "timezone": "UTC" }');
  return dir;
}

describe('report --output onto what the report is made from', () => {
  it('refuses an input file (as discovery names it) before any data file is opened, and leaves it alone', async () => {
    const dir = dataFolder();
    const before = readFileSync(join(dir, 'Job History.csv'));
    const output = join(dir, 'Job History.csv');
    const error = await rejectionOf(runReport(options(dir, output), io(dir)));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`--output ${output} is the input file Job History.csv: write the report elsewhere`);
    expect(opened).toEqual([]);
    expect(readFileSync(output)).toEqual(before);
  });

  it('refuses the config file before any data file is opened', async () => {
    const dir = dataFolder();
    const output = join(dir, 'ops-metrics.config.json');
    const error = await rejectionOf(runReport(options(dir, output), io(dir)));
    expect((error as Error).message).toBe(`--output ${output} is the config file: write the report elsewhere`);
    expect(opened).toEqual([]);
    expect(readFileSync(output, 'utf8')).toBe('{ "timezone": "UTC" }');
  });

  it.each([['incidents.json'], ['People.csv'], ['job-history.ndjson']])(
    'refuses %s in the data folder, which the next run would read as a dataset\'s file, before any data file is opened', async (name) => {
      // incidents.json beside no incidents file would be read as the incidents next time; People.csv or
      // job-history.ndjson beside people.csv and Job History.csv would make two files for one dataset.
      const dir = dataFolder();
      const output = join(dir, name);
      const dataset = name === 'People.csv' ? 'people' : name === 'incidents.json' ? 'incidents' : 'job_history';
      const error = await rejectionOf(runReport(options(dir, output), io(dir)));
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(`--output ${output} is named as a file of the ${dataset} dataset in the data folder, and the next run would ` +
        'read it as that dataset: write the report elsewhere, or under another name');
      expect(opened).toEqual([]);
    });

  it('writes a dataset\'s name outside the data folder, or another name inside it', async () => {
    const dir = dataFolder();
    const elsewhere = mkdtempSync(join(tmpdir(), 'ops-metrics-output-'));
    folders.push(elsewhere);
    writeFileSync(join(dir, 'Job History.csv'), readFileSync(join('fixtures', 'demo', 'job_history.csv')));
    expect(await runReport(options(dir, join(elsewhere, 'incidents.json')), io(dir))).toBe(0);
    expect(await runReport(options(dir, join(dir, 'incidents-report.json')), io(dir))).toBe(0);
  });

  it('reads the files as ever when the output goes elsewhere (the watch sees them opened)', async () => {
    const dir = dataFolder();
    const output = join(dir, 'report.json');
    // The bad row is a validation error: nothing is written, exit 2, after both files were read.
    expect(await runReport(options(dir, output), io(dir))).toBe(2);
    expect(opened).toEqual([join(dir, 'people.csv'), join(dir, 'Job History.csv')]);
  });
});
