/** validate, schema, init, help and the version through the built command. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../src/core/datasets.js';
import { templateCsv } from '../../src/cli/dataset-docs.js';
import { hasStackTrace, ROOT, runCli } from '../helpers/run-cli.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ops-metrics-cli-'));

/** Makes a named pipe with `mkfifo`; false where that cannot be done (Windows, no such command). */
const makeFifo = (path: string): boolean => process.platform !== 'win32' && spawnSync('mkfifo', [path]).status === 0;
const canMakeFifo = makeFifo(join(tempDir(), 'pipe'));

describe('validate', () => {
  it('passes the demo with exit 0 and a summary per file, within 80 columns', () => {
    const result = runCli(['validate', '--data', 'fixtures/demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^file\s+rows\s+accepted\s+rejected\s+warnings$/m);
    // Each file is named after its dataset, which the summary then does not repeat.
    for (const d of DATASET_NAMES) expect(result.stdout).toMatch(new RegExp(`^${d}\\.(csv|json|ndjson)\\s`, 'm'));
    expect(result.stdout).toContain('Valid: 14 files, 0 warnings.');
    // With a dataset column beside each file it took 90 columns.
    expect(result.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('writes its listing to --output, as on standard output, and never over a file it reads', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\nE1,automation-design,2026-02-30\n');
    const onStdout = runCli(['validate', '--data', dir, '--format', 'json']);
    const output = join(tempDir(), 'problems.json');
    // --no-color is taken as by report: a CI job may give both commands the same options.
    const toFile = runCli(['validate', '--data', dir, '--format', 'json', '--output', output, '--no-color']);
    expect([toFile.code, toFile.stdout, toFile.stderr]).toEqual([2, '', '']);
    expect(readFileSync(output, 'utf8')).toBe(onStdout.stdout);
    const over = runCli(['validate', '--data', dir, '--output', join(dir, 'trainings.csv')]);
    expect([over.code, over.stderr]).toEqual([2, `ops-metrics: --output ${join(dir, 'trainings.csv')} is the input file trainings.csv: write the problems elsewhere\n`]);
    expect(readFileSync(join(dir, 'trainings.csv'), 'utf8')).toContain('2026-02-30');
    // Nor over a config whose problems end the run before any data file is found.
    const config = join(dir, 'bad.json');
    writeFileSync(config, '{"timezone": 5}');
    const overConfig = runCli(['validate', '--data', dir, '--config', config, '--output', config]);
    expect([overConfig.code, overConfig.stderr]).toEqual([2, `ops-metrics: --output ${config} is the config file: write the problems elsewhere\n`]);
    expect(readFileSync(config, 'utf8')).toBe('{"timezone": 5}');
    // The config's problems are no JSON listing: in JSON they go to standard error, and --output is not written.
    const configLine = `${config}:1: $.timezone: expected a string, found 5\n`;
    expect(runCli(['validate', '--data', dir, '--config', config, '--output', output]).code).toBe(2);
    expect(readFileSync(output, 'utf8')).toBe(configLine);
    const jsonOutput = join(tempDir(), 'problems.json');
    const configJson = runCli(['validate', '--data', dir, '--config', config, '--format', 'json', '--output', jsonOutput]);
    expect([configJson.code, configJson.stdout, configJson.stderr, existsSync(jsonOutput)]).toEqual([2, '', configLine, false]);
    const configJsonOut = runCli(['validate', '--data', dir, '--config', config, '--format', 'json']);
    expect([configJsonOut.code, configJsonOut.stdout, configJsonOut.stderr]).toEqual([2, '', configLine]);
    // Nor over either of two files of one dataset, which are the user's though neither is read.
    writeFileSync(join(dir, 'trainings.json'), '[]');
    const overTwin = runCli(['validate', '--data', dir, '--output', join(dir, 'trainings.json')]);
    expect([overTwin.code, overTwin.stderr]).toEqual([2, `ops-metrics: --output ${join(dir, 'trainings.json')} is the input file trainings.json: write the problems elsewhere\n`]);
    expect(readFileSync(join(dir, 'trainings.json'), 'utf8')).toBe('[]');
  });

  it('prints the first 50 problems of a file and counts the rest', () => {
    const dir = tempDir();
    // 60 rows, each with a bad date: 60 problems, 50 shown, "10 more".
    const rows = Array.from({ length: 60 }, (_, i) => `E${i},automation-design,2026-02-30`);
    writeFileSync(join(dir, 'trainings.csv'), ['employee_id,course,completed_on', ...rows].join('\n'));
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(2);
    const problems = result.stdout.split('\n').filter((l) => l.startsWith('trainings.csv:'));
    expect(problems).toHaveLength(51);
    expect(problems[0]).toMatch(/^trainings\.csv:2: completed_on: /);
    expect(problems[49]).toMatch(/^trainings\.csv:51: completed_on: /);
    expect(problems[50]).toBe('trainings.csv: … and 10 more problems not shown (all errors; --max-problems 0 shows every one)');
    expect(result.stdout).toMatch(/^trainings\.csv\s+60\s+0\s+60\s+0$/m);
  });

  it('shows as many problems a file as --max-problems says, and every one with 0, beyond the 1,000 kept by default', () => {
    const dir = tempDir();
    // 1,200 rows, each with a bad date: 1,200 problems, lines 2..1201.
    const rows = Array.from({ length: 1200 }, (_, i) => `E${i},automation-design,2026-02-30`);
    writeFileSync(join(dir, 'trainings.csv'), ['employee_id,course,completed_on', ...rows].join('\n'));
    const problemsOf = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('trainings.csv:'));
    const three = problemsOf(runCli(['validate', '--data', dir, '--max-problems', '3']).stdout);
    expect(three).toEqual([
      expect.stringMatching(/^trainings\.csv:2: completed_on: /), expect.stringMatching(/^trainings\.csv:3: /), expect.stringMatching(/^trainings\.csv:4: /),
      'trainings.csv: … and 1197 more problems not shown (all errors; --max-problems 0 shows every one)',
    ]);
    const all = runCli(['validate', '--data', dir, '--max-problems', '0']);
    expect(all.code).toBe(2);
    expect(problemsOf(all.stdout).map((l) => Number(/^trainings\.csv:(\d+):/.exec(l)?.[1]))).toEqual(rows.map((_, i) => i + 2));
    const json = JSON.parse(runCli(['validate', '--data', dir, '--format', 'json', '--max-problems', '0']).stdout) as { datasets: Array<{ problems: unknown[]; omittedProblems: number }> };
    expect([json.datasets[0]!.problems.length, json.datasets[0]!.omittedProblems]).toEqual([1200, 0]);
    // By default JSON gives the first 1,000 and counts the 200 others.
    const capped = JSON.parse(runCli(['validate', '--data', dir, '--format', 'json']).stdout) as typeof json;
    expect([capped.datasets[0]!.problems.length, capped.datasets[0]!.omittedProblems]).toEqual([1000, 200]);
    // report lists them the same way on invalid input.
    const report = runCli(['report', '--data', dir, '--period', '2026-Q3', '--max-problems', '2']);
    expect(report.code).toBe(2);
    expect(problemsOf(report.stderr)).toHaveLength(3);
    expect(report.stderr).toContain('trainings.csv: … and 1198 more problems not shown (all errors; --max-problems 0 shows every one)');
  });

  it.each([['-1'], ['x'], ['2.5'], ['']])('refuses --max-problems %j with exit 2', (value) => {
    const result = runCli(['validate', '--data', 'fixtures/demo', '--max-problems', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--max-problems <n>' argument '.*' is invalid\. expected a whole number of problems \(0 for every one\)/);
  });

  it.each([
    ['validate', '--data'], ['validate', '--config'], ['validate', '--output'],
    ['report', '--output'], ['report', '--compare'], ['report', '--config'],
  ])('refuses an empty path for %s %s with exit 2, before reading anything', (command, option) => {
    // An unset shell variable ("--output $OUT") resolved to the working directory: "cannot write the report to : ...".
    const result = runCli([command, ...(option === '--data' ? [] : ['--data', 'fixtures/demo']), option, ' ']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`argument ' ' is invalid. expected a path, found an empty one (an unset shell variable?)`);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['report', '--output', '--names'], ['report', '--output', '--fail-on'], ['report', '--compare', '--output=q3.json'],
    ['validate', '--output', '--format'], ['validate', '--config', '--no-color'], ['report', '--data', '--help'],
  ])('refuses %s %s followed by the option %s, whose path is missing, and writes nothing', (command, option, next) => {
    // Commander takes the next word for the value: `--output $OUT --names` with OUT unset wrote a file named --names.
    const cwd = tempDir();
    const result = runCli([command, ...(option === '--data' ? [] : ['--data', join(ROOT, 'fixtures/demo')]), option, next, 'never'], { cwd });
    const flag = next.replace(/=.*/, '');
    expect([result.code, result.stdout, readdirSync(cwd)]).toEqual([2, '', []]);
    expect(result.stderr).toContain(`argument '${next}' is invalid. expected a path, found the option ${flag}: the path is missing (an unset shell variable?); write ./${next} for a file of that name\n`);
  });

  it('takes --output - as standard output, for the report and the problems, writing no file', () => {
    const cwd = tempDir();
    const report = runCli(['report', '--data', join(ROOT, 'fixtures/demo'), '--period', '2026-Q3', '--fail-on', 'never', '--format', 'json', '--output', '-'], { cwd });
    expect(report.code).toBe(0);
    expect((JSON.parse(report.stdout) as { period: { label: string } }).period.label).toBe('2026-Q3');
    const validate = runCli(['validate', '--data', join(ROOT, 'fixtures/demo'), '--output', '-'], { cwd });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('Valid: ');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('writes a file whose name only looks like an option when the path says so (./--names)', () => {
    const cwd = tempDir();
    const result = runCli(['report', '--data', join(ROOT, 'fixtures/demo'), '--period', '2026-Q3', '--fail-on', 'never', '--format', 'csv', '--output', './--names'], { cwd });
    expect([result.code, readdirSync(cwd)]).toEqual([0, ['--names']]);
  });

  it('lists the problems of the rows before a record it cannot read after that one, which no limit drops, the file still unusable', () => {
    // A misplaced quote on line 4 ends the read: the bad timestamp on line 2 came out only a run later.
    const dir = tempDir();
    writeFileSync(join(dir, 'incidents.csv'), 'incident_id,opened_at,priority,title\nINC-1,bad1,P1,x\nINC-2,2026-07-01T10:00:00Z,P1,ok\nINC-3,2026-07-01T10:00:00Z,P1,5" screen\nINC-4,bad4,P1,x\n');
    const text = runCli(['validate', '--data', dir]);
    expect(text.code).toBe(2);
    const quote = 'incidents.csv:4: -: misplaced quote in the record starting on line 4. A field holding a quote must be quoted as a whole, with the quote doubled: "5"" monitor".';
    expect(text.stdout.split('\n').filter((line) => line.startsWith('incidents.csv:'))).toEqual([
      quote,
      'incidents.csv:2: opened_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "bad1"',
    ]);
    // Its rows stay unknown, as of any file that cannot be read: none of them is used.
    expect(text.stdout).toMatch(/^incidents\.csv +0 +0 +unreadable +0$/m);
    const json = JSON.parse(runCli(['validate', '--data', dir, '--format', 'json']).stdout) as { datasets: Array<Record<string, unknown>> };
    expect(json.datasets[0]).toMatchObject({ rows: 0, accepted: 0, rejected: 0, errors: 2, unreadable: true });
    // With one problem shown, it is the one that makes the file unusable.
    expect(runCli(['validate', '--data', dir, '--max-problems', '1']).stdout.split('\n').filter((line) => line.startsWith('incidents.csv:'))[0]).toBe(quote);
    const report = runCli(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--fail-on', 'never', '--skip-invalid']);
    expect((JSON.parse(report.stdout) as { inputs: Array<Record<string, unknown>> }).inputs.find((i) => i.dataset === 'incidents')).toMatchObject({ rows: 0, accepted: 0, unreadable: true });
  });

  it('reports the header\'s problems on its own line when blank lines come before it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'incidents.csv'), '\n\nincident_id,priority\nINC-1,P1\n');
    writeFileSync(join(dir, 'trainings.csv'), '\n\nemployee_id,course,completed_on\n');
    const result = runCli(['validate', '--data', dir]);
    expect(result.stdout.split('\n').filter((line) => /^\w+\.csv:/.test(line)).map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual([
      'incidents.csv:3: opened_at', 'trainings.csv:3: -',
    ]);
  });

  it('names the exports in the folder that no dataset reads, but not the config, hidden files or other files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'people.csv'), 'employee_id,title,hire_date\nE1,Ops Engineer,2024-01-01\n');
    writeFileSync(join(dir, 'BambooHR roster.csv'), 'Employee #,Job Title\n1,Ops Engineer\n');
    writeFileSync(join(dir, 'jira.json'), '[]');
    writeFileSync(join(dir, 'ops-metrics.config.json'), '{ "timezone": "UTC" }');
    writeFileSync(join(dir, '.people.csv.swp'), '');
    writeFileSync(join(dir, 'README.md'), '# exports\n');
    const text = runCli(['validate', '--data', dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('\nNot read, as no dataset has its name: BambooHR roster.csv, jira.json (rename it, or point a dataset at it: ' +
      '{ "datasets": { "<dataset>": { "path": "<file>", "preset": "..." } } })\n');
    const json = JSON.parse(runCli(['validate', '--data', dir, '--format', 'json']).stdout) as { notRead: string[] };
    expect(json.notRead).toEqual(['BambooHR roster.csv', 'jira.json']);
    // A file a dataset is pointed at is read, so not named.
    writeFileSync(join(dir, 'ops-metrics.config.json'), '{ "datasets": { "incidents": { "path": "jira.json" } } }');
    const report = runCli(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--fail-on', 'never']);
    expect(report.stderr).toMatch(/^ops-metrics: note: Not read, as no dataset has its name: BambooHR roster\.csv \(/m);
    // In the summary, a file not named after its dataset has the dataset beside it.
    expect(runCli(['validate', '--data', dir]).stdout).toMatch(/^jira\.json \(incidents\) +0 +0 +0 +1$/m); // its one warning: it holds no records
    // With --config naming another file, the folder's own config is still a config, not an export to point a dataset at.
    const elsewhere = join(tempDir(), 'team.config.json');
    writeFileSync(elsewhere, '{ "timezone": "UTC" }');
    const other = JSON.parse(runCli(['validate', '--data', dir, '--config', elsewhere, '--format', 'json']).stdout) as { notRead: string[] };
    expect(other.notRead).toEqual(['BambooHR roster.csv', 'jira.json']);
  });

  // init writes incidents.csv; the user points incidents at the vendor's export and leaves the template.
  // "No dataset has its name" would be untrue of it, and pointing a dataset at it would drop the export.
  it('says a file named for a dataset the config points elsewhere is not read for that, and keeps the old words for a file named for none', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'incidents.csv'), templateCsv('incidents'));
    writeFileSync(join(dir, 'Survey.CSV'), templateCsv('survey'));
    writeFileSync(join(dir, 'pagerduty_incidents.csv'), readFileSync('fixtures/vendors/pagerduty-csv/incidents.csv'));
    mkdirSync(join(dir, 'exports'));
    writeFileSync(join(dir, 'exports', 'pulse.csv'), templateCsv('survey'));
    writeFileSync(join(dir, 'BambooHR roster.csv'), 'Employee #,Job Title\n1,Ops Engineer\n');
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({
      priorities: { high: 'P1', low: 'P3' },
      datasets: {
        incidents: { path: 'pagerduty_incidents.csv', preset: 'pagerduty-csv', columns: { urgency: 'priority' } },
        survey: { path: 'exports/pulse.csv' },
      },
    }));
    const unnamed = 'Not read, as no dataset has its name: BambooHR roster.csv (rename it, or point a dataset at it: ' +
      '{ "datasets": { "<dataset>": { "path": "<file>", "preset": "..." } } })';
    const pointedAway = [
      'Survey.CSV is not read: datasets.survey.path points to exports/pulse.csv (delete it if it is an unused template)',
      'incidents.csv is not read: datasets.incidents.path points to pagerduty_incidents.csv (delete it if it is an unused template)',
    ];
    // PagerDuty's CSV has neither RCA times nor postmortem leads: the measures resting on them are named after.
    const columnsMissing = ['rca_completed_at: p1_rca_48h', 'postmortem_lead_id: postmortem_leads_6m'].map((pair) => {
      const [column, measure] = pair.split(': ') as [string, string];
      return `pagerduty_incidents.csv has no ${column} column: ${measure} will have no figure (if the export has it under another header, ` +
        `map it: { "datasets": { "incidents": { "columns": { "<its header>": "${column}" } } } })`;
    });
    const validate = runCli(['validate', '--data', dir]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain(`\n\n${[unnamed, ...pointedAway, ...columnsMissing].join('\n')}\n\nValid: 2 files, 1 warning.\n`);
    // JSON names them all, as before: none of them is read; and the columns missing, with their measures.
    const json = JSON.parse(runCli(['validate', '--data', dir, '--format', 'json']).stdout) as { notRead: string[]; missingColumns: unknown[] };
    expect(json.notRead).toEqual(['BambooHR roster.csv', 'Survey.CSV', 'incidents.csv']);
    expect(json.missingColumns).toEqual([
      { dataset: 'incidents', file: 'pagerduty_incidents.csv', column: 'rca_completed_at', measures: ['p1_rca_48h'] },
      { dataset: 'incidents', file: 'pagerduty_incidents.csv', column: 'postmortem_lead_id', measures: ['postmortem_leads_6m'] },
    ]);
    const report = runCli(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--fail-on', 'never']);
    expect(report.code).toBe(0);
    expect(report.stderr.split('\n').filter((line) => line.startsWith('ops-metrics: note: '))).toEqual(
      [unnamed, ...pointedAway].map((line) => `ops-metrics: note: ${line}`));
    // A path that is not there is an error of its own; the file named for the dataset is still told why it is not read.
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({ datasets: { incidents: { path: 'pd.csv' } } }));
    const missing = runCli(['validate', '--data', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('\nincidents.csv is not read: datasets.incidents.path points to pd.csv (delete it if it is an unused template)\n');
    expect(missing.stdout).toMatch(/^Not read, as no dataset has its name: BambooHR roster\.csv, pagerduty_incidents\.csv \(/m);
  });

  // A template kept unfilled reads as "nothing happened": its measures count zero, where no file gives no data.
  it('warns of each CSV file that holds a header and no row, read through a preset too, counts it, and keeps the exit code', () => {
    const dir = tempDir();
    for (const dataset of ['improvements', 'trainings'] as const) writeFileSync(join(dir, `${dataset}.csv`), templateCsv(dataset));
    writeFileSync(join(dir, 'people.csv'), 'employee_id,title,hire_date\nE1,Ops Engineer,2020-01-01\n');
    // A vendor's export of nothing, read through its preset at a configured path.
    writeFileSync(join(dir, 'pd.csv'), readFileSync('fixtures/vendors/pagerduty-csv/incidents.csv', 'utf8').split('\n')[0]! + '\n');
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({
      priorities: { high: 'P1' }, datasets: { incidents: { path: 'pd.csv', preset: 'pagerduty-csv', columns: { urgency: 'priority' } } },
    }));
    const warning = (file: string, dataset: string, configured = '') => `${file}:1: -: warning: the file holds no rows, only its header: ${dataset} is read as having none, ` +
      `which counts as zero and can fail measures and trip red flags; delete the file${configured} if you have no such data (its measures then show no data)`;
    const validate = runCli(['validate', '--data', dir]);
    expect(validate.code).toBe(0);
    expect(validate.stdout.split('\n').filter((line) => line.includes(': warning: '))).toEqual([
      warning('pd.csv', 'incidents', ' and datasets.incidents.path from the config'),
      warning('trainings.csv', 'trainings'),
      warning('improvements.csv', 'improvements'),
    ]);
    expect(validate.stdout).toMatch(/^people\.csv +1 +1 +0 +0$/m);
    expect(validate.stdout).toMatch(/^improvements\.csv +0 +0 +0 +1$/m);
    expect(validate.stdout).toContain('\nValid: 4 files, 3 warnings.\n');
    const report = runCli(['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--fail-on', 'never']);
    expect(report.code).toBe(0);
    expect(report.stderr).toContain(`ops-metrics: 0 rows rejected, 3 warnings in the input (\`ops-metrics validate --data ${dir}\` lists them)\n`);
    // The semantics are unchanged: the file still reads as nothing happened.
    const improvements = (JSON.parse(report.stdout) as { inputs: Array<{ dataset: string; rows: number }> }).inputs.find((i) => i.dataset === 'improvements');
    expect(improvements).toMatchObject({ rows: 0 });
  });

  it('says which validate command lists the input\'s problems: the run\'s own folder, config and presets, quoted for the shell', () => {
    const dir = join(tempDir(), 'Q3 exports');
    mkdirSync(dir);
    // BambooHR's roster, its third line's hire date made unreadable.
    const [header, first] = readFileSync('fixtures/vendors/bamboohr/people.csv', 'utf8').split('\n');
    writeFileSync(join(dir, 'people.csv'), `${header}\n${first}\n${first!.replace('1001,', '1009,').replace('03/15/2021', 'someday')}\n`);
    const config = join(dir, 'ops-metrics.config.json');
    writeFileSync(config, '{}');
    const report = runCli(['report', '--data', dir, '--config', config, '--preset', 'people=bamboohr', '--period', '2026-Q3', '--format', 'json', '--skip-invalid', '--fail-on', 'never']);
    const command = `ops-metrics validate --data '${dir}' --config '${config}' --preset people=bamboohr`;
    expect(report.stderr).toContain(`ops-metrics: 1 row rejected, 1 warning in the input (\`${command}\` lists them)\n`);
    // Run as printed (the shell's quotes taken off), it checks the same files and finds the same row.
    const validate = runCli(['validate', '--data', dir, '--config', config, '--preset', 'people=bamboohr']);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('people.csv:3:');
  });

  it('warns of each JSON file that holds no record, an API page of nothing too, as of a CSV header alone', () => {
    // A failed or empty API export writes `[]`: read silently as "no improvement this year", it tripped
    // no_improvements and failed the gate with nothing said of the file.
    const dir = tempDir();
    writeFileSync(join(dir, 'improvements.json'), '[]\n');
    writeFileSync(join(dir, 'trainings.json'), '{ "data": [] }\n');
    writeFileSync(join(dir, 'people.csv'), 'employee_id,title,hire_date\nE1,Ops Engineer,2020-01-01\n');
    writeFileSync(join(dir, 'pd.json'), JSON.stringify({ incidents: [], limit: 25, offset: 0, total: 0, more: false }));
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({ datasets: { incidents: { path: 'pd.json', preset: 'pagerduty-api' } } }));
    const warning = (file: string, dataset: string, configured = '') => `${file}:0: -: warning: the file holds no records: ${dataset} is read as having none, ` +
      `which counts as zero and can fail measures and trip red flags; delete the file${configured} if you have no such data (its measures then show no data)`;
    const validate = runCli(['validate', '--data', dir]);
    expect(validate.code).toBe(0);
    expect(validate.stdout.split('\n').filter((line) => line.includes(': warning: ')).sort()).toEqual([
      warning('improvements.json', 'improvements'),
      warning('pd.json', 'incidents', ' and datasets.incidents.path from the config'),
      warning('trainings.json', 'trainings'),
    ]);
    expect(validate.stdout).toMatch(/^improvements\.json +0 +0 +0 +1$/m);
    expect(validate.stdout).toContain('\nValid: 4 files, 3 warnings.\n');
    // A JSON file with a record gets no such warning, even when the record is rejected.
    writeFileSync(join(dir, 'improvements.json'), '[{ "improvement_id": "I1" }]\n');
    expect(runCli(['validate', '--data', dir]).stdout).not.toContain('improvements.json:0: -: warning');
  });

  it('gives no header-only warning to a file whose rows a preset makes nothing of', () => {
    const dir = tempDir();
    // The Google Forms example with one respondent who answered no question: a row, and no answer made of it.
    const fixture = 'fixtures/vendors/google-forms';
    const form = 'Ops pulse (Responses) - Form Responses 1.csv';
    writeFileSync(join(dir, form), `${readFileSync(join(fixture, form), 'utf8').split('\n')[0]!}\n"2025/03/28 4:12:09 PM PDT","Search","","","","nothing to say"\n`);
    writeFileSync(join(dir, 'ops-metrics.config.json'), readFileSync(join(fixture, 'ops-metrics.config.json')));
    const validate = runCli(['validate', '--data', dir]);
    expect([validate.code, validate.stdout]).toEqual([0, expect.stringContaining('\nValid: 1 file, 0 warnings.\n')]);
    expect(validate.stdout).not.toContain('holds no rows');
  });

  it('gives the same findings as JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\nE1,c,2026-13-01\nE2,c,2026-01-01\n');
    const result = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(result.code).toBe(2);
    const body = JSON.parse(result.stdout);
    expect(body.ok).toBe(false);
    expect(body.datasets[0]).toMatchObject({ dataset: 'trainings', rows: 2, accepted: 1, rejected: 1, errors: 1 });
    expect(body.datasets[0].problems[0]).toMatchObject({ file: 'trainings.csv', line: 2, column: 'completed_on', severity: 'error' });
  });

  it.each([
    ['an empty file', 'incidents.csv', '', /^incidents\.csv:0: -: file is empty/m],
    ['a JSON file that holds no array', 'incidents.json', '{"a": 1}', /^incidents\.json:0: -: expected a JSON array of records/m],
    ['an unterminated quote', 'incidents.csv', 'incident_id,opened_at,priority\n"I1,2026-01-01T00:00:00Z,P1\n', /^incidents\.csv:2: -: unterminated quoted field/m],
  ])('reports %s in one line, exit 2, no stack trace', (_what, name, text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), text);
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toMatch(message);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it('says that a row referred to was rejected, rather than not in its file, and finds duplicates among rejected rows', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'people.csv'), [
      'employee_id,name,title,hire_date,termination_date',
      'E001,Ann Lee,Ops Engineer,2020-01-01,',
      'E002,Bo Chen,Ops Engineer,2021-05-01,2020-01-01',
      'E003,Cy Diaz,Ops Engineer,2020-99-99,',
      'E003,Di Eng,Ops Engineer,2021-01-01,',
    ].join('\n'));
    writeFileSync(join(dir, 'job_history.csv'), 'employee_id,effective_date,title\nE001,2020-01-01,Ops Engineer\nE002,2021-05-01,Ops Engineer\n');
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\nE003,automation-design,2026-01-10\n');
    writeFileSync(join(dir, 'incidents.csv'), 'incident_id,opened_at,priority\nINC-240722,2026-07-01T10:00:00Z,P1\nINC-240723,2026-07-02T10:00:00Z,SEV-6\n');
    writeFileSync(join(dir, 'action_items.csv'), [
      'action_id,incident_id,created_at,completed_at,owner_id',
      'AI-0006,INC-240723,2026-07-03T10:00:00Z,,E001',
      'AI-0007,INC-240722,2026-07-03T10:00:00Z,,E001',
      'AI-0007,INC-240930,garbage,,E002',
    ].join('\n'));
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(2);
    // Files come in the order they are checked: people before job_history, incidents before action_items.
    expect(result.stdout.split('\n').filter((line) => /^[\w.]+:\d+: /.test(line))).toEqual([
      'people.csv:3: termination_date: termination_date (2020-01-01) is before hire_date (2021-05-01)',
      'people.csv:4: hire_date: expected a real calendar date YYYY-MM-DD (year 1000-9999), found "2020-99-99"',
      'people.csv:5: employee_id: duplicate employee_id "E003" (first on line 4, which was rejected)',
      'job_history.csv:3: employee_id: employee_id "E002" is on line 3 of people.csv, which was rejected',
      'incidents.csv:3: priority: expected a priority the priorities map knows (P1..P5, SEV1, High, ...), found "SEV-6"; map it under "priorities" in the config',
      'action_items.csv:2: incident_id: incident_id "INC-240723" is on line 3 of incidents.csv, which was rejected',
      'action_items.csv:4: created_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "garbage"',
      'action_items.csv:4: action_id: duplicate action_id "AI-0007" (first on line 3)',
      'action_items.csv:4: incident_id: incident_id "INC-240930" is not in incidents.csv',
      'action_items.csv:4: owner_id: warning: owner_id "E002" is on line 3 of people.csv, which was rejected',
      'trainings.csv:2: employee_id: warning: employee_id "E003" is on line 4 of people.csv, which was rejected',
    ]);
  });

  it('says that a record refused for two keys meaning one column was rejected, when its key can be read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'incidents.ndjson'), [
      '{"incident_id": "INC-1", "opened_at": "2026-07-01T10:00:00Z", "priority": "P1"}',
      '{"incident_id": "INC-2", "opened_at": "2026-07-01T10:00:00Z", "priority": "P1", "Priority": "P2"}',
      '{"incident_id": "INC-3", "Incident ID": "INC-4", "opened_at": "2026-07-01T10:00:00Z", "priority": "P1"}',
    ].join('\n'));
    writeFileSync(join(dir, 'action_items.csv'), [
      'action_id,incident_id,created_at',
      'AI-1,INC-1,2026-07-03T10:00:00Z',
      'AI-2,INC-2,2026-07-03T10:00:00Z',
      'AI-3,INC-3,2026-07-03T10:00:00Z',
    ].join('\n'));
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(2);
    const conflict = 'keep one: delete or rename the other in the file (or in the config\'s "columns" map, if it names one of them)';
    expect(result.stdout.split('\n').filter((line) => /^[\w.]+:\d+: /.test(line))).toEqual([
      `incidents.ndjson:2: priority: columns "priority" and "Priority" both mean "priority"; ${conflict}`,
      `incidents.ndjson:3: incident_id: columns "incident_id" and "Incident ID" both mean "incident_id"; ${conflict}`,
      'action_items.csv:3: incident_id: incident_id "INC-2" is on line 2 of incidents.ndjson, which was rejected',
      // Which of its two ids is line 3's key cannot be told: none is taken for it.
      'action_items.csv:4: incident_id: incident_id "INC-3" is not in incidents.ndjson',
    ]);
  });

  it('reports every dataset that has two files at once, with a configured file that is missing, and checks the other files', () => {
    const dir = tempDir();
    for (const name of ['people.csv', 'people.json', 'trainings.csv', 'trainings.jsonl']) writeFileSync(join(dir, name), '');
    writeFileSync(join(dir, 'Job History.CSV'), 'employee_id,effective_date,title\nE1,bad,Ops Engineer\n');
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({ datasets: { survey: { path: 'exports/survey.csv' } } }));
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(2);
    // One line each, in dataset order, the hint after the message; the job history's rows checked as well.
    const [problems, table] = result.stdout.split('\n\n');
    expect(problems!.split('\n').map((line) => line.split('. ')[0])).toEqual([
      'people.csv:0: -: two files for the dataset people: people.csv, people.json',
      'Job History.CSV:2: effective_date: expected a date YYYY-MM-DD, found "bad"',
      `${join('exports', 'survey.csv')}:0: -: the file configured for the dataset survey does not exist`,
      'trainings.csv:0: -: two files for the dataset trainings: trainings.csv, trainings.jsonl',
    ]);
    // The hint names the dataset's own key, not a placeholder to fill in.
    expect(problems).toContain('Fix `datasets.survey.path` in the config');
    expect(table).toMatch(/^people\.csv +0 +0 +not read +0$/m);
    // Files named after their dataset as discovery matches names (`Job History.CSV`, `exports/survey.csv`)
    // need no dataset beside them.
    expect(table).toMatch(/^Job History\.CSV +1 +0 +1 +0$/m);
    expect(table).toMatch(/^exports[\\/]survey\.csv +0 +0 +not read +0$/m);
    expect(result.stdout).toContain('Invalid: 4 errors, 0 warnings.');
    // Not "files no dataset reads": they are the dataset's two.
    expect(result.stdout).not.toContain('Not read');
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    // A report does not choose between two files, even under --skip-invalid.
    const report = runCli(['report', '--data', dir, '--skip-invalid']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('Nothing was reported: tell each dataset which file is its own first (see above); --skip-invalid does not choose between files.');
  });

  // Opening a named pipe to read it waits until something writes to it: without the check, for ever.
  it.skipIf(!canMakeFifo)('refuses named pipes named like dataset files or configured, without waiting on them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'people.csv'), readFileSync(join('fixtures', 'demo', 'people.csv')));
    makeFifo(join(dir, 'trainings.csv'));
    const elsewhere = tempDir();
    makeFifo(join(elsewhere, 'survey.csv'));
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({ datasets: { survey: { path: join(elsewhere, 'survey.csv') } } }));
    for (const command of ['validate', 'report']) {
      const result = runCli([command, '--data', dir], { timeoutMs: 15_000 });
      const text = result.stdout + result.stderr;
      expect(result.code).toBe(2);
      expect(text).toMatch(/^trainings\.csv:0: -: cannot read the file: is a named pipe, not a file\. /m);
      // An absolute configured path is shown as written.
      expect(text).toContain(`${join(elsewhere, 'survey.csv')}:0: -: cannot read the file: is a named pipe, not a file. `);
      // The other files are read as ever (the demo roster's Product Manager is read as other, with its warning).
      expect(text).toMatch(/^people\.csv\s+40\s+40\s+0\s+1$/m);
      expect(hasStackTrace(text)).toBe(false);
    }
  });

  it.skipIf(!canMakeFifo)('refuses a named pipe as the config (found or given) or as --compare\'s report, without waiting on it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'people.csv'), readFileSync(join('fixtures', 'demo', 'people.csv')));
    makeFifo(join(dir, 'ops-metrics.config.json'));
    const found = runCli(['validate', '--data', dir], { timeoutMs: 15_000 });
    expect(found.code).toBe(2);
    // Shown relative to the working directory only when under it: a temporary folder is shown whole.
    expect(found.stdout + found.stderr).toMatch(/ops-metrics\.config\.json:0: -: the config is a named pipe, not a file$/m);
    const pipe = join(tempDir(), 'pipe.json');
    makeFifo(pipe);
    const given = runCli(['validate', '--data', 'fixtures/demo', '--config', pipe], { timeoutMs: 15_000 });
    expect(given.code).toBe(2);
    expect(given.stdout + given.stderr).toMatch(/:0: -: the config is a named pipe, not a file$/m);
    const compare = runCli(['report', '--data', 'fixtures/demo', '--compare', pipe], { timeoutMs: 15_000 });
    expect(compare.code).toBe(2);
    expect(compare.stderr).toBe(`ops-metrics: --compare: ${pipe} is a named pipe, not a JSON report\n`);
  });

  it('reports config problems with the key path, what was expected and what was found', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ops-metrics.config.json'), '{\n  "survey": { "minGroupSize": 2 },\n  "colour": true\n}\n');
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/ops-metrics\.config\.json:2: \$\.survey\.minGroupSize: .*3/);
    expect(result.stdout).toMatch(/ops-metrics\.config\.json:3: \$\.colour: .*unknown/);
  });
});

describe('schema', () => {
  it('prints every dataset with its columns, types, required marks and meanings', () => {
    const result = runCli(['schema']);
    expect(result.code).toBe(0);
    for (const d of DATASET_NAMES) expect(result.stdout).toContain(`${d} — `);
    expect(result.stdout).toMatch(/^\s+opened_at\*\s+timestamp\s+when the incident was opened$/m);
  });

  it('prints one dataset as JSON Schema', () => {
    const result = runCli(['schema', 'incidents', '--format', 'json']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.required).toEqual(['incident_id', 'opened_at', 'priority']);
  });

  it('prints every dataset as one JSON Schema document, each dataset\'s schema under $defs', () => {
    const all = JSON.parse(runCli(['schema', '--format', 'json']).stdout) as { $schema: string; $defs: Record<string, Record<string, unknown>> };
    expect(all.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(all.$defs)).toEqual(DATASET_NAMES);
    // The same schema as the dataset's own, but for the $schema that only a document's root carries.
    const { $schema: _root, ...incidents } = JSON.parse(runCli(['schema', 'incidents', '--format', 'json']).stdout) as Record<string, unknown>;
    expect(all.$defs.incidents).toEqual(incidents);
  });

  it('refuses an unknown dataset with the list of datasets', () => {
    const result = runCli(['schema', 'tickets']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown dataset "tickets"');
  });
});

describe('init', () => {
  it('writes a header-only template per dataset and a commented config that validates clean', () => {
    const dir = join(tempDir(), 'data');
    expect(runCli(['init', dir]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...DATASET_NAMES.map((d) => `${d}.csv`), 'ops-metrics.config.json'].sort());
    expect(readFileSync(join(dir, 'incidents.csv'), 'utf8')).toMatch(/^incident_id,opened_at,priority,/);
    expect(readFileSync(join(dir, 'ops-metrics.config.json'), 'utf8')).toContain('// timezone:');
    const validate = runCli(['validate', '--data', dir]);
    // Valid, and each template says it holds no rows yet, so an unfilled one is not taken for data.
    expect(validate.stdout).toContain('Valid: 14 files, 14 warnings.');
    expect(validate.stdout).toContain('incidents.csv:1: -: warning: the file holds no rows, only its header: incidents is read as having none, ' +
      'which counts as zero and can fail measures and trip red flags; delete the file if you have no such data (its measures then show no data)\n');
    expect(validate.code).toBe(0);
  });

  // A template left as written counts as zero (0 improvements trips a red flag), so the ones not filled
  // are to be deleted, not merely "can be".
  it('ends by telling to delete the templates not filled, and why, then how to validate', () => {
    const dir = tempDir();
    const result = runCli(['init', dir]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout.split('\n')).toEqual([
      `Wrote 15 files to ${dir}: a header-only template per dataset and ops-metrics.config.json.`,
      'Fill in the templates of the data you have, and delete the others: a template left empty is read as nothing happened ' +
        '(0 improvements, 0 trainings), which can trip red flags and fail the gate; a deleted one leaves its measures with no data.',
      `Then run: ops-metrics validate --data ${dir}`,
      '',
    ]);
    // With an export of every dataset kept, no template is written: nothing to fill or delete.
    const full = tempDir();
    for (const dataset of DATASET_NAMES) writeFileSync(join(full, `${dataset}.csv`), `${templateCsv(dataset)}x\n`);
    const kept = runCli(['init', full, '--force']);
    expect([kept.code, kept.stdout.split('\n')]).toEqual([0, [
      `Wrote 1 file to ${full}: ops-metrics.config.json; kept ${DATASET_NAMES.map((d) => `${d}.csv`).join(', ')}, whose datasets have no template written.`,
      `Run: ops-metrics validate --data ${full}`,
      '',
    ]]);
  });

  it('quotes a folder the shell would split in the command it says to run, and refuses a blank name', () => {
    const parent = tempDir();
    for (const [name, word] of [['my data', "'my data'"], ["Q3 (Bob's)", "'Q3 (Bob'\\''s)'"], ['data-2026_Q3.v1', 'data-2026_Q3.v1']] as const) {
      const result = runCli(['init', name], { cwd: parent });
      expect([result.code, result.stdout.split('\n').at(-2)]).toEqual([0, `Then run: ops-metrics validate --data ${word}`]);
      // Read by a shell, the word is the folder's name again.
      const shell = spawnSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });
      expect(shell.stdout).toBe(name);
    }
    for (const blank of ['', ' ', '\t']) {
      const result = runCli(['init', blank], { cwd: parent });
      expect([result.code, result.stdout, result.stderr]).toEqual([2, '', 'ops-metrics: init: the folder name is empty\n']);
    }
    expect(readdirSync(parent).sort()).toEqual(['Q3 (Bob\'s)', 'data-2026_Q3.v1', 'my data']);
  });

  it('refuses to overwrite without --force', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).code).toBe(0);
    const again = runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(runCli(['init', dir, '--force']).code).toBe(0);
  });

  it.each([
    ['a file', 'people.csv', 'init: cannot create the folder {root}/people.csv: a file is in the way'],
    ['a path under a file', 'people.csv/data', 'init: cannot create the folder {root}/people.csv/data: a part of the path is a file, not a folder'],
  ])('refuses to create its folder where %s is in the way: one line naming the path, exit 2', (_what, target, message) => {
    const root = tempDir();
    writeFileSync(join(root, 'people.csv'), 'employee_id\n');
    const result = runCli(['init', join(root, target)]);
    expect([result.code, result.stderr]).toEqual([2, `ops-metrics: ${message.replace('{root}', root)}\n`]);
  });

  // A link that points to nothing looks like nothing to stat, and writing "through" it makes its target,
  // wherever that is: the folder's entries are looked at as they are, and a link is never written through.
  it.each([[false], [true]])('never writes through a link at a template\'s name, even one pointing to nothing (--force: %s)', (force) => {
    const root = tempDir();
    const dir = join(root, 'data');
    mkdirSync(dir);
    mkdirSync(join(root, 'elsewhere'));
    const target = join(root, 'elsewhere', 'victim.csv');
    symlinkSync(target, join(dir, 'people.csv'));
    const result = runCli(['init', dir, ...(force ? ['--force'] : [])]);
    expect([result.code, result.stderr]).toEqual([2, `ops-metrics: init: ${dir} already holds people.csv (a symbolic link); ` +
      '--force overwrites only files: move people.csv away\n']);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual(['people.csv']);
  });

  // /proc refuses a new folder with ENOENT under a parent that exists, which a recursive mkdir retries forever.
  it.skipIf(!existsSync('/proc/self'))('gives up at once on a folder the file system refuses (/proc)', () => {
    const result = runCli(['init', '/proc/ops-metrics/data'], { timeoutMs: 15_000 });
    expect([result.code, result.stderr]).toEqual([2, 'ops-metrics: init: cannot create the folder /proc/ops-metrics/data: the file system does not allow new entries there (at /proc/ops-metrics)\n']);
  });

  // A dataset's file is found by its name matched as column names are: `Job History.csv` is
  // job_history's, and a job_history.csv beside it would make a report refuse both. It is the user's
  // export: --force keeps it and writes no template for its dataset.
  it('takes a file named like a dataset, in any spelling, for that dataset\'s: refused, and kept with --force', () => {
    const dir = tempDir();
    const history = 'employee_id,effective_date,title\nE1,2020-01-01,Ops Engineer\n';
    writeFileSync(join(dir, 'Job History.csv'), history);
    writeFileSync(join(dir, 'PEOPLE.CSV'), 'employee_id\n');
    const plain = runCli(['init', dir]);
    expect([plain.code, plain.stderr]).toEqual([2, `ops-metrics: init: ${dir} already holds PEOPLE.CSV, Job History.csv; ` +
      'pass --force to keep PEOPLE.CSV, Job History.csv (its dataset\'s own files) and write the other templates\n']);
    expect(readdirSync(dir).sort()).toEqual(['Job History.csv', 'PEOPLE.CSV']);
    const forced = runCli(['init', dir, '--force']);
    // 12 dataset templates and the config; the two exports as they were, with no template beside them.
    expect([forced.code, forced.stdout.split('\n')[0]]).toEqual([0, `Wrote 13 files to ${dir}: header-only templates and ops-metrics.config.json; ` +
      'kept PEOPLE.CSV, Job History.csv, whose datasets have no template written.']);
    expect(readdirSync(dir).sort()).toEqual([...DATASET_NAMES.filter((d) => d !== 'people' && d !== 'job_history').map((d) => `${d}.csv`),
      'Job History.csv', 'PEOPLE.CSV', 'ops-metrics.config.json'].sort());
    expect(readFileSync(join(dir, 'Job History.csv'), 'utf8')).toBe(history);
  });

  it('overwrites a template of its own name with --force, and keeps a JSON export or both of two files of a dataset', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'incidents.json'), '[]');
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id\n');
    writeFileSync(join(dir, 'Trainings.jsonl'), '{}\n');
    writeFileSync(join(dir, 'survey.csv'), 'respondent_id\n');
    const plain = runCli(['init', dir]);
    expect([plain.code, plain.stderr]).toEqual([2, `ops-metrics: init: ${dir} already holds incidents.json, survey.csv, Trainings.jsonl, trainings.csv; ` +
      'pass --force to overwrite survey.csv, and keep incidents.json, Trainings.jsonl, trainings.csv (its dataset\'s own files) and write the other templates\n']);
    const forced = runCli(['init', dir, '--force']);
    expect([forced.code, forced.stdout.split('\n')[0]]).toEqual([0, `Wrote 13 files to ${dir}: header-only templates and ops-metrics.config.json; ` +
      'kept incidents.json, Trainings.jsonl, trainings.csv, whose datasets have no template written.']);
    // No incidents.csv beside the JSON export, no third trainings file; survey.csv is the template now.
    const names = readdirSync(dir);
    expect(names).not.toContain('incidents.csv');
    expect(names.filter((name) => /^trainings/i.test(name)).sort()).toEqual(['Trainings.jsonl', 'trainings.csv']);
    expect(readFileSync(join(dir, 'survey.csv'), 'utf8')).toBe(templateCsv('survey'));
    expect(readFileSync(join(dir, 'incidents.json'), 'utf8')).toBe('[]');
  });

  it('keeps a config of the user\'s with --force, and overwrites the example config it wrote', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).code).toBe(0);
    // The example config as written is the template's: --force writes it again.
    const again = runCli(['init', dir, '--force']);
    expect(again.stdout.split('\n')[0]).toBe(`Wrote 15 files to ${dir}: a header-only template per dataset and ops-metrics.config.json.`);
    // Edited, it is the user's: kept, and said so, before and under --force.
    const mine = '{ "timezone": "Europe/Berlin", "datasets": { "people": { "path": "hr.csv", "preset": "bamboohr" } } }\n';
    writeFileSync(join(dir, 'ops-metrics.config.json'), mine);
    expect(runCli(['init', dir]).stderr).toContain('keep ops-metrics.config.json (yours, not the example)');
    const forced = runCli(['init', dir, '--force']);
    expect([forced.code, forced.stdout.split('\n')[0]]).toEqual([0, `Wrote 14 files to ${dir}: header-only templates; ` +
      'kept ops-metrics.config.json, which is yours (not the example config).']);
    expect(readFileSync(join(dir, 'ops-metrics.config.json'), 'utf8')).toBe(mine);
  });

  it('keeps a file of the template\'s own name that holds rows, even with --force', () => {
    const dir = tempDir();
    const people = 'employee_id,title,hire_date\nE1,Ops Engineer,2020-01-01\n';
    writeFileSync(join(dir, 'people.csv'), people);
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\n\n');
    const plain = runCli(['init', dir]);
    expect([plain.code, plain.stderr]).toEqual([2, `ops-metrics: init: ${dir} already holds people.csv, trainings.csv; ` +
      'pass --force to overwrite trainings.csv, and keep people.csv (its dataset\'s own file) and write the other templates\n']);
    const forced = runCli(['init', dir, '--force']);
    expect([forced.code, forced.stdout.split('\n')[0]]).toEqual([0, `Wrote 14 files to ${dir}: header-only templates and ops-metrics.config.json; ` +
      'kept people.csv, whose dataset has no template written.']);
    expect(readFileSync(join(dir, 'people.csv'), 'utf8')).toBe(people);
    expect(readFileSync(join(dir, 'trainings.csv'), 'utf8')).toBe(templateCsv('trainings'));
  });

  it('never writes over what is not a file, even with --force', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'people.csv'));
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id\n');
    const plain = runCli(['init', dir]);
    expect([plain.code, plain.stderr]).toEqual([2, `ops-metrics: init: ${dir} already holds people.csv (a folder), trainings.csv; --force overwrites only files: move people.csv away\n`]);
    const forced = runCli(['init', dir, '--force']);
    expect([forced.code, forced.stderr]).toEqual([2, `ops-metrics: init: ${dir} already holds people.csv (a folder); --force overwrites only files: move people.csv away\n`]);
  });
});

describe('help and version', () => {
  it.each([
    [['--help']], [['help']], [['help', 'report']], [['report', '--help']], [['-V']],
  ])('%j, asked for, goes to standard output with exit 0', (args) => {
    const result = runCli(args);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toBe('');
    expect(result.stderr).toBe('');
  });

  it.each([
    // An empty command in a CI job (`ops-metrics $CMD` with CMD unset) must not pass.
    [[]], [['--debug']],
  ])('%j, shown for want of a command, goes to standard error with exit 2', (args) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: ops-metrics \[options\] \[command\]/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('gives the help of help itself', () => {
    const result = runCli(['help', 'help']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^Usage: ops-metrics/);
  });

  it('says a command asked help of is not one, and names those there are', () => {
    const result = runCli(['help', 'bogus']);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, '', "ops-metrics: help: unknown command 'bogus' (the commands: report, validate, schema, init)\n"]);
  });

  it.each([
    [['--period', '2026-Q3'], '--period'], [['--as-of', '2026-09-30'], '--as-of'], [['--skip-invalid'], '--skip-invalid'],
    [['--names'], '--names'], [['--trend', '4'], '--trend'], [['--fail-on', 'never'], '--fail-on'], [['--compare', 'q2.json'], '--compare'],
  ])('validate %j: says the option is report\'s, rather than suggest another', (extra, option) => {
    const result = runCli(['validate', '--data', 'fixtures/demo', ...extra]);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, '',
      `ops-metrics: ${option} is an option of report; validate checks every row of every file, whatever the period, and makes no report\n`]);
  });
});
