/**
 * The report command end to end on the bundled demo: the JSON contract, determinism across machine time
 * zones and locales, the gate's exit codes, --output, and colour rules.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEASURE_IDS, METRIC_IDS } from '../../src/core/report.js';
import { RED_FLAG_IDS } from '../../src/core/config.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';

const DEMO = ['--data', 'fixtures/demo', '--period', '2026-Q3'];

describe('report on the demo', () => {
  const json = runCli(['report', ...DEMO, '--format', 'json']);
  const report = JSON.parse(json.stdout) as {
    schemaVersion: number;
    metrics: Array<{ id: string; status: string; measures: Array<{ id: string; status: string; value: number | null; n: number | null }> }>;
    redFlags: Array<{ id: string; status: string }>;
    gate: { failOn: string; failed: boolean };
    period: { label: string; start: string; end: string };
    asOf: string;
  };

  it('follows the JSON contract: ids and order of metrics, measures and red flags', () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.period).toEqual({ label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(report.asOf).toBe('2026-09-30');
    expect(report.metrics.map((m) => m.id)).toEqual([...METRIC_IDS]);
    expect(report.metrics.flatMap((m) => m.measures.map((x) => x.id))).toEqual([...MEASURE_IDS]);
    expect(report.redFlags.map((f) => f.id)).toEqual([...RED_FLAG_IDS]);
  });

  it('gives value null exactly when there is no figure', () => {
    for (const m of report.metrics.flatMap((x) => x.measures)) {
      const noFigure = ['insufficient_data', 'suppressed', 'no_data'].includes(m.status);
      if (noFigure) expect(m.value, m.id).toBeNull();
      if (m.status === 'suppressed') expect(m.n, m.id).toBeNull();
    }
  });

  it('shows every status a real organisation can show', () => {
    const statuses = new Set(report.metrics.flatMap((m) => m.measures.map((x) => x.status)));
    for (const s of ['met', 'missed', 'suppressed', 'info']) expect(statuses, s).toContain(s);
    expect(statuses.has('pending') || statuses.has('insufficient_data')).toBe(true);
    expect(report.redFlags.some((f) => f.status === 'tripped')).toBe(true);
  });

  it('is byte-identical in any machine time zone and locale', () => {
    for (const env of [{ TZ: 'Pacific/Chatham' }, { TZ: 'America/St_Johns' }, { TZ: 'UTC', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }]) {
      expect(runCli(['report', ...DEMO, '--format', 'json'], { env }).stdout, JSON.stringify(env)).toBe(json.stdout);
    }
  });

  it('matches the recorded JSON and table', async () => {
    await expect(json.stdout).toMatchFileSnapshot('__snapshots__/demo-report.json');
    const table = runCli(['report', ...DEMO]);
    await expect(table.stdout).toMatchFileSnapshot('__snapshots__/demo-report.txt');
  });

  it('exits by the gate: 1 on a tripped red flag, never with --fail-on never', () => {
    expect(json.code).toBe(1);
    expect(report.gate).toMatchObject({ failOn: 'red-flag', failed: true });
    expect(runCli(['report', ...DEMO, '--format', 'json', '--fail-on', 'never']).code).toBe(0);
    const missed = runCli(['report', ...DEMO, '--format', 'json', '--fail-on', 'missed']);
    expect(missed.code).toBe(1);
    expect(JSON.parse(missed.stdout).gate.failedMeasures.length).toBeGreaterThan(0);
  });

  it('with --compare of its own JSON gives each measure its own value and status as previous', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ops-metrics-compare-')), 'q3.json');
    writeFileSync(file, json.stdout);
    const compared = runCli(['report', ...DEMO, '--format', 'json', '--compare', file]);
    expect(compared.code).toBe(json.code);
    const measures = (JSON.parse(compared.stdout) as { metrics: Array<{ measures: Array<{ value: number | null; status: string; previous?: unknown }> }> })
      .metrics.flatMap((metric) => metric.measures);
    expect(measures.length).toBe(MEASURE_IDS.length);
    for (const m of measures) expect(m.previous).toEqual({ value: m.value, status: m.status, period: '2026-Q3' });
  });

  it('writes --output and still exits by the gate', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ops-metrics-')), 'report.json');
    const result = runCli(['report', ...DEMO, '--format', 'json', '--output', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(json.stdout);
  });

  it('colours only when asked: never with NO_COLOR or off a terminal, always with FORCE_COLOR', () => {
    const ESC = '\u001b[';
    expect(runCli(['report', ...DEMO]).stdout).not.toContain(ESC);
    expect(runCli(['report', ...DEMO], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(runCli(['report', ...DEMO, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('keeps the table within 80 columns', () => {
    const lines = runCli(['report', ...DEMO]).stdout.split('\n');
    const wide = lines.filter((l) => [...l].length > 80);
    expect(wide).toEqual([]);
  });
});

describe('report --trend of a period cut at an as-of date', () => {
  // Two engineers on the 2.0 track since 2024, and their product_roadmap meetings (New York dates).
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-trend-'));
  writeFileSync(join(dir, 'ops-metrics.config.json'), '{ "timezone": "America/New_York" }\n');
  writeFileSync(join(dir, 'people.csv'), 'employee_id,title,hire_date,title_start_date\nE1,Ops Engineer 2.0,2020-01-01,2024-01-01\nE2,Ops Engineer 2.0,2020-01-01,2024-01-01\n');
  writeFileSync(join(dir, 'meetings.csv'), ['employee_id,date,kind',
    'E1,2026-01-10,product_roadmap', 'E1,2026-05-10,product_roadmap', 'E1,2026-07-01,product_roadmap',
    'E1,2026-08-15,product_roadmap', 'E1,2026-08-16,product_roadmap', 'E1,2026-10-10,product_roadmap',
    'E2,2026-02-10,product_roadmap', 'E2,2026-07-20,product_roadmap', 'E2,2026-09-20,product_roadmap', ''].join('\n'));
  const roadmap = (args: string[]) => {
    const result = runCli(['report', '--data', dir, '--format', 'json', '--fail-on', 'never', ...args]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { metrics: Array<{ measures: Array<{ id: string; value: number | null; history?: Array<{ period: string; value: number | null }> }> }> };
    return report.metrics.flatMap((m) => m.measures).find((m) => m.id === 'roadmap_meetings_per_quarter')!;
  };

  it('cuts the trend\'s last quarter at the as-of date, for a year as for a quarter', () => {
    // --period 2026 --as-of 2026-08-15: the year is 2026-01-01..08-15 (227 days). E1 has 4 meetings in it
    // (01-10, 05-10, 07-01, 08-15; 08-16 and 10-10 are after T), E2 2 (02-10, 07-20): mean 3 × 91.3125 / 227
    // = 1.206773. The trend ends at the quarter holding 08-15:
    // - 2026-Q2, whole: E1 1 (05-10), E2 0 → 0.5, not scaled;
    // - 2026-Q3 cut at 08-15 (07-01..08-15, 46 days): E1 2 (07-01, 08-15), E2 1 (07-20) → 1.5 × 91.3125 / 46
    //   = 2.977582. The whole quarter would give (3 + 2) / 2 = 2.5, counting 08-16 and 09-20, after T.
    const year = roadmap(['--period', '2026', '--as-of', '2026-08-15', '--trend', '2']);
    expect(year.value).toBeCloseTo(1.206773, 6);
    expect(year.history).toEqual([{ period: '2026-Q2', value: 0.5, status: 'missed' }, { period: '2026-Q3', value: 2.977582, status: 'met' }]);
    // The cut quarter as the period gives the same points, its own figure last.
    const quarter = roadmap(['--period', '2026-Q3', '--as-of', '2026-08-15', '--trend', '2']);
    expect(quarter.value).toBe(2.977582);
    expect(quarter.history).toEqual(year.history);
  });

  it('gives the CSV a row per earlier quarter, the cut one as of the as-of date', () => {
    // The points worked out above: 2026-Q2 whole (as of its last day, 0.5, missed) and 2026-Q3 cut at
    // 2026-08-15 (2.977582, met), after the year's own row.
    const result = runCli(['report', '--data', dir, '--format', 'csv', '--fail-on', 'never', '--period', '2026', '--as-of', '2026-08-15', '--trend', '2']);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout.split('\r\n').filter((row) => row.includes(',roadmap_meetings_per_quarter,'));
    expect(rows.map((row) => row.split(',').slice(0, 2).concat(row.split(',').slice(-9, -5)))).toEqual([
      ['2026', '2026-08-15', '1.206773', '>=', '2', 'missed'],
      ['2026-Q2', '2026-06-30', '0.5', '>=', '2', 'missed'],
      ['2026-Q3', '2026-08-15', '2.977582', '>=', '2', 'met'],
    ]);
  });
});

describe('report --skip-invalid: the summary line on standard error', () => {
  it('counts the files not used beside the rows rejected', () => {
    const run = (fixture: string) =>
      runCli(['report', '--data', `fixtures/invalid/${fixture}`, '--period', '2026-Q3', '--skip-invalid', '--fail-on', 'never', '--format', 'json']);
    // A header without a required column: its one row rejected, its file not used.
    expect(run('missing-required-column').stderr).toContain('ops-metrics: 1 row rejected, 1 file not used, 0 warnings in the input');
    // A file that cannot be read at all: no row counted, but the file said (before, nothing was).
    expect(run('unterminated-quote').stderr).toContain('ops-metrics: 0 rows rejected, 1 file not used, 0 warnings in the input');
  });
});

describe('report cautions on standard error', () => {
  it('warns of a period that has not ended, and of a --compare report of the same period', () => {
    const future = runCli(['report', '--data', 'fixtures/demo', '--period', '2099-Q1', '--format', 'json', '--fail-on', 'never']);
    expect(future.code).toBe(0);
    expect(future.stderr).toMatch(/^ops-metrics: warning: the period 2099-Q1 begins on 2099-01-01, after today \(\d{4}-\d{2}-\d{2}\): /m);
    // The year holding today has begun and, but on its last day, not ended: its as-of date is after today
    // (today in the demo config's zone, as the tool reads it).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const year = today.slice(0, 4);
    const current = runCli(['report', '--data', 'fixtures/demo', '--period', year, '--format', 'json', '--fail-on', 'never']);
    if (!today.endsWith('-12-31')) expect(current.stderr).toContain(`ops-metrics: warning: the report is as of ${year}-12-31, after today (${today}): `);
    // A year before every row: its one figure is a count of nothing, which is no data.
    const early = runCli(['report', '--data', 'fixtures/demo', '--period', '2001', '--format', 'json', '--fail-on', 'never']);
    expect(early.stderr).toBe('ops-metrics: warning: no measure has a figure for 2001 (2001-01-01 … 2001-12-31): no data falls in it, ' +
      'or the files it needs are missing; check --period\n');
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-caution-'));
    const q3 = runCli(['report', '--data', 'fixtures/demo', '--period', '2026-Q3', '--format', 'json', '--fail-on', 'never']);
    expect(q3.stderr).toBe('');
    writeFileSync(join(dir, 'q3.json'), q3.stdout);
    const same = runCli(['report', '--data', 'fixtures/demo', '--period', '2026-Q3', '--compare', join(dir, 'q3.json'), '--format', 'json', '--fail-on', 'never']);
    expect(same.stderr).toBe('ops-metrics: warning: the --compare report is as of 2026-09-30, not before this period (2026-Q3, from 2026-07-01): ' +
      'its changes are not changes since an earlier period\n');
  });
});

describe('report usage errors', () => {
  it.each([
    [['report', '--data', 'fixtures/demo', '--period', '2026-Q5'], /--period: expected a quarter like 2026-Q3/],
    // Dates hold years 1000–9999, so a period does too.
    [['report', '--data', 'fixtures/demo', '--period', '0999'], /--period: expected a quarter like 2026-Q3 or a year like 2026, found "0999"/],
    [['report', '--data', 'fixtures/demo', '--as-of', '2026-02-30'], /--as-of: expected a real calendar date YYYY-MM-DD \(year 1000-9999\), found "2026-02-30"/],
    [['report', '--data', 'fixtures/demo', '--period', '2026-Q3', '--as-of', '2026-06-30'], /before the period/],
    [['report', '--data', 'no/such/folder'], /data folder not found/],
    [['report', '--data', 'fixtures/demo', '--format', 'pdf'], /invalid/],
    [['report', '--bogus'], /unknown option/],
    // A count of quarters is written in digits, as --max-problems' count is: 0x4, 1e1 and 4.0 are no such count.
    ...['0x4', '1e1', '4.0', '0', '41'].map((n) => [['report', '--data', 'fixtures/demo', '--trend', n], new RegExp(`argument '${n.replace('.', '\\.')}' is invalid\\. expected a whole number of quarters from 1 to 40`)] as [string[], RegExp]),
    // 1000-Q1 and the 39 quarters before it: the message is about --trend, not a period nobody typed.
    [['report', '--data', 'fixtures/demo', '--period', '1000-Q1', '--trend', '40'], /^ops-metrics: --trend 40: the quarters would start in 990-Q2, before the year 1000/],
  ])('%j exits 2 with one clear line and no stack trace', (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(hasStackTrace(result.stderr + result.stdout)).toBe(false);
  });

  it('refuses --output onto an input file, whatever the spelling of its path, and leaves the file alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-output-'));
    const people = readFileSync('fixtures/demo/people.csv');
    writeFileSync(join(dir, 'people.csv'), people);
    for (const output of [join(dir, 'people.csv'), join(dir, '.', '..', basename(dir), 'people.csv')]) {
      const result = runCli(['report', '--data', dir, '--output', output, '--format', 'json']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`ops-metrics: --output ${output} is the input file people.csv: write the report elsewhere\n`);
    }
    expect(readFileSync(join(dir, 'people.csv'))).toEqual(people);
    // The config found in the data folder is the report's input too.
    writeFileSync(join(dir, 'ops-metrics.config.json'), '{ "timezone": "UTC" }');
    const config = runCli(['report', '--data', dir, '--output', join(dir, 'ops-metrics.config.json'), '--format', 'json']);
    expect(config.code).toBe(2);
    expect(config.stderr).toBe(`ops-metrics: --output ${join(dir, 'ops-metrics.config.json')} is the config file: write the report elsewhere\n`);
    expect(readFileSync(join(dir, 'ops-metrics.config.json'), 'utf8')).toBe('{ "timezone": "UTC" }');
  });

  it('refuses --output onto the --compare report, and leaves it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-output-'));
    const previous = join(dir, 'q2.json');
    writeFileSync(previous, runCli(['report', '--data', 'fixtures/demo', '--period', '2026-Q2', '--format', 'json']).stdout);
    const before = readFileSync(previous, 'utf8');
    const result = runCli(['report', '--data', 'fixtures/demo', '--period', '2026-Q3', '--compare', previous, '--output', join(dir, '.', 'q2.json'), '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ops-metrics: --output ${join(dir, '.', 'q2.json')} is the --compare report: write the report elsewhere\n`);
    expect(readFileSync(previous, 'utf8')).toBe(before);
  });

  it('shows the stack trace with --debug', () => {
    const result = runCli(['--debug', 'report', '--data', 'no/such/folder']);
    expect(result.code).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(true);
  });
});

describe('report on invalid input', () => {
  const withBadRow = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-skip-'));
    for (const name of ['people.csv', 'job_history.csv', 'trainings.csv']) {
      writeFileSync(join(dir, name), readFileSync(join('fixtures/demo', name)));
    }
    writeFileSync(join(dir, 'trainings.csv'), `${readFileSync(join(dir, 'trainings.csv'), 'utf8').trimEnd()}\nE001,automation-design,2026-02-30\n`);
    return dir;
  };

  it('reads --compare\'s report before any data file: one that is not a report is refused at once', () => {
    const notJson = join(mkdtempSync(join(tmpdir(), 'ops-metrics-compare-')), 'q2.json');
    writeFileSync(notJson, '{"schemaVersion": 1, "metrics": [');
    const result = runCli(['report', '--data', withBadRow(), '--period', '2026-Q3', '--compare', notJson]);
    expect(result.code).toBe(2);
    // Only the --compare line: the data folder's bad row was never read.
    expect(result.stderr).toBe(`ops-metrics: --compare: ${notJson} is not a JSON report (invalid JSON); write one with \`ops-metrics report --format json\`\n`);
    expect(result.stdout).toBe('');
  });

  it.each([
    [['--period', '2026-Q5'], 'ops-metrics: --period: expected a quarter like 2026-Q3 or a year like 2026, found "2026-Q5"\n'],
    [['--as-of', '2026-13-01'], 'ops-metrics: --as-of: expected a real calendar date YYYY-MM-DD (year 1000-9999), found "2026-13-01"\n'],
  ])('refuses %j before any data file is read', (args, message) => {
    const result = runCli(['report', '--data', withBadRow(), ...args]);
    expect(result.code).toBe(2);
    // Only the usage line: the data folder's bad row was never read.
    expect(result.stderr).toBe(message);
  });

  it('prints the validation problems and reports nothing, exit 2', () => {
    const result = runCli(['report', '--data', withBadRow(), '--period', '2026-Q3', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^trainings\.csv:\d+: completed_on: /m);
    expect(result.stderr).toContain('--skip-invalid');
  });

  it('with --skip-invalid reports on the valid rows and counts the rejected ones in the inputs', () => {
    const result = runCli(['report', '--data', withBadRow(), '--period', '2026-Q3', '--format', 'json', '--skip-invalid', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    const trainings = JSON.parse(result.stdout).inputs.find((i: { dataset: string }) => i.dataset === 'trainings');
    expect(trainings.rejected).toBe(1);
    expect(trainings.rows).toBe(trainings.accepted + trainings.rejected);
    expect(result.stderr).toContain('1 row rejected');
  });

  it('with --skip-invalid marks a file it could not read, and its measures say so rather than ask for it', () => {
    const dir = withBadRow();
    // A stray quote inside an unquoted field: csv-parse cannot read on, so the whole file is unreadable.
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\nE001,auto"mation design,2026-02-10\n');
    const result = runCli(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--skip-invalid', '--fail-on', 'never']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { inputs: Array<Record<string, unknown>>; metrics: Array<{ measures: Array<{ id: string; status: string; reason?: string }> }> };
    expect(report.inputs.find((i) => i.dataset === 'trainings')).toEqual(
      { dataset: 'trainings', file: 'trainings.csv', rows: 0, accepted: 0, rejected: 0, warnings: 0, unreadable: true });
    expect(report.inputs.find((i) => i.dataset === 'people')).not.toHaveProperty('unreadable');
    const course = report.metrics.flatMap((m) => m.measures).find((m) => m.id === 'automation_course_6m');
    expect(course).toMatchObject({ status: 'no_data', reason: 'trainings.csv could not be read (`ops-metrics validate` says why)' });
    expect(result.stderr).toMatch(/^trainings\.csv:2: -: misplaced quote/m);
  });

  it('with --skip-invalid takes a file whose header was refused as no file, not as one holding nothing', () => {
    const dir = withBadRow();
    // improvements.csv without its required process column: its one row is rejected with the header. Read as
    // empty, the demo's 2.0 engineers would own no improvement (a figure of 0, no_improvements tripped).
    writeFileSync(join(dir, 'improvements.csv'), 'improvement_id,owner_id,completed_on,kind\nM1,E001,2026-08-01,design\n');
    const result = runCli(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--skip-invalid', '--fail-on', 'never']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      inputs: Array<Record<string, unknown>>;
      metrics: Array<{ measures: Array<{ id: string; status: string; value: number | null; reason?: string }> }>;
      redFlags: Array<{ id: string; status: string; reason?: string }>;
    };
    expect(report.inputs.find((i) => i.dataset === 'improvements')).toEqual(
      { dataset: 'improvements', file: 'improvements.csv', rows: 1, accepted: 0, rejected: 1, warnings: 0, rejectedWhole: true });
    const why = 'improvements.csv was rejected whole (its header) (`ops-metrics validate` says why)';
    const perEngineer = report.metrics.flatMap((m) => m.measures).find((m) => m.id === 'improvements_per_engineer_year');
    expect(perEngineer).toMatchObject({ status: 'no_data', value: null, reason: why });
    expect(report.redFlags.find((f) => f.id === 'no_improvements')).toMatchObject({ status: 'no_data', reason: why });
    expect(result.stderr).toMatch(/^improvements\.csv:1: process: missing required column "process"/m);
  });
});
