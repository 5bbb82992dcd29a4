/**
 * Injection, one test per class, on the real command and fixtures/hostile: whatever the files hold, it
 * cannot take over a terminal, a spreadsheet, a Markdown table, an XML parser, a browser or a GitHub
 * Actions runner. Each test also checks that the hostile text did reach the output (made inert), so it
 * would fail if the protection were removed rather than pass because the text never arrived. Control
 * characters are shown, not dropped: ESC as ␛, BEL as ␇, NUL as ␀, so the user sees what the file holds.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { csvReporter } from '../../src/reporters/csv.js';
import { sampleReport } from '../helpers/sample-report.js';
import { hasStackTrace, ROOT, runCli } from '../helpers/run-cli.js';
import { xmlProblems } from '../reporters/xml-well-formed.js';
import { FORMATS, hostileRun, reportArgs } from './hostile-runs.js';

// Anything below U+0020 but LF (CR only inside CSV's CRLF), DEL, and the C1 controls.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe.each(FORMATS)('%s output of the hostile folder', (format) => {
  test('exits 1 (red flags trip), no stack trace, no escape or control character', () => {
    const result = hostileRun(format, true);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout.replace(/\r\n/g, '\n')).not.toMatch(CONTROL);
  });
});

describe('terminal escapes (table)', () => {
  test('OSC title, SGR colour and clear-screen from the files are shown with a visible ESC, not acted on', () => {
    const out = hostileRun('table', true).stdout;
    expect(out).not.toContain('\u001b');
    // The name is `NAMEMARK Grace ESC]0;PWNED ESC\ ESC[31mRED ESC[0m ...`: every byte of it is still there.
    expect(out).toContain('NAMEMARK Grace \u241b]0;PWNED\u241b\\\u241b[31mRED\u241b[0m <script>alert(1)</script>');
    // The survey wave's clear-screen.
    expect(out).toContain('2026-Q3\u241b[2J<img');
  });

  test('with colour forced, the only escapes are the report\'s own SGR colours', () => {
    const result = runCli(reportArgs('table', true), { env: { FORCE_COLOR: '1' } });
    const withoutColour = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(result.stdout).toContain('\u001b[');
    expect(withoutColour).not.toMatch(CONTROL);
    expect(withoutColour).toContain('NAMEMARK Grace \u241b]0;PWNED\u241b\\\u241b[31mRED\u241b[0m');
  });

  test('problems printed on exit 2 quote the bad value without its escapes, one per line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-hostile-'));
    try {
      writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\nE1,x,"\u001b]0;PWNED\u0007\u001b[2J2026-13-01\n::error::value"\n');
      const result = runCli(['validate', '--data', dir]);
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('trainings.csv:2: completed_on: ');
      // The value is quoted as a JSON string: its escapes and line break are shown as text, not acted on.
      expect(result.stdout).toContain('found "\\u001b]0;PWNED\\u0007\\u001b[2J2026-13-01\\n::error::value"');
      expect(result.stdout + result.stderr).not.toMatch(CONTROL);
      expect(result.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('problem lines show the value that is in the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-controls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // E<DEL>4 twice in the roster; trainings by E<NUL>003, E<CSI>5, E<RLO>300 (drawn as "E003" by a
  // terminal) and E0<zero-width space>03 (looks like "E003"), none of whom is in it.
  writeFileSync(join(dir, 'people.csv'), 'employee_id,title,hire_date\nE003,Ops Engineer,2024-01-01\nE\u007f4,Ops Engineer,2024-01-01\nE\u007f4,Ops Engineer,2024-01-01\n');
  writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\nE\u0000003,x,2024-05-01\nE\u009b5,x,2024-05-01\nE\u202e300,x,2024-05-01\nE0\u200b03,x,2024-05-01\n');
  const LINES = [
    'people.csv:4: employee_id: duplicate employee_id "E\u24214" (first on line 3)',
    // Not "E003", which is in people.csv: the NUL is shown, so the user can find the row.
    'trainings.csv:2: employee_id: warning: employee_id "E\u2400003" is not in people.csv',
    'trainings.csv:3: employee_id: warning: employee_id "E\\x9b5" is not in people.csv',
    'trainings.csv:4: employee_id: warning: employee_id "E\\u202e300" is not in people.csv',
    'trainings.csv:5: employee_id: warning: employee_id "E0\\u200b03" is not in people.csv',
  ];

  test('validate: a NUL, DEL, C1 control, bidi override or zero-width space in an id is shown', () => {
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(2);
    for (const line of LINES) expect(result.stdout.split('\n')).toContain(line);
    expect(result.stdout).not.toMatch(CONTROL);
  });

  test('validate --format json: the exact ids, with DEL, C1 and bidi controls written as \\u escapes', () => {
    const result = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/[\u007f-\u009f\u202e\u200b]/);
    const messages = (JSON.parse(result.stdout) as { datasets: Array<{ problems: Array<{ message: string }> }> })
      .datasets.flatMap((d) => d.problems.map((p) => p.message));
    // Parsed, the messages hold the ids exactly as in the files.
    for (const id of ['E\u007f4', 'E\u0000003', 'E\u009b5', 'E\u202e300', 'E0\u200b03']) expect(messages.some((m) => m.includes(`"${id}"`))).toBe(true);
  });

  test('report on invalid input: the same lines on standard error', () => {
    const result = runCli(['report', '--data', dir, '--period', '2026-Q3']);
    expect(result.code).toBe(2);
    for (const line of LINES) expect(result.stderr.split('\n')).toContain(line);
    expect(result.stderr).not.toMatch(CONTROL);
  });

  test('a config file\'s problems too: its name holds a BEL', () => {
    const config = join(dir, 'bad\u0007config.json');
    writeFileSync(config, '{ "timezone": 5 }');
    for (const [args, stream] of [[['validate'], 'stdout'], [['report', '--period', '2026-Q3'], 'stderr']] as const) {
      const result = runCli([...args, '--data', dir, '--config', config]);
      expect(result.code).toBe(2);
      expect(result[stream]).toContain('bad\u2407config.json:1: $.timezone: expected a string, found 5');
      expect(result.stdout + result.stderr).not.toMatch(CONTROL);
    }
  });
});

describe('command-line errors quote what was typed, inert', () => {
  test('an option value or a command holding an escape sequence or a bidi override', () => {
    const format = runCli(['report', '--format', '\u001b[31mX']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument '\u241b[31mX' is invalid");
    const command = runCli(['a\u202eb']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'a\\u202eb'");
    for (const result of [format, command]) {
      expect(result.stderr).not.toMatch(CONTROL);
      expect(result.stderr).not.toContain('\u202e');
      // Still one message a line, then the hint.
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    }
  });

  test('a typed line break cannot start a line of its own (a CI workflow command)', () => {
    const format = runCli(['report', '--format', 'x\n::error title=pwned::injected']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument 'x ::error title=pwned::injected' is invalid");
    const command = runCli(['rep\n::warning::cmd']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'rep ::warning::cmd'");
    for (const result of [format, command]) expect(result.stderr.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });

  test("commander's own suggestion keeps its line", () => {
    const result = runCli(['repor']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: unknown command 'repor'\n(Did you mean report?)\n(run with --help for usage)\n");
  });
});

describe('spreadsheet formulas (csv)', () => {
  test('a label that starts like a formula is prefixed with a quote', () => {
    // The CSV output carries no file text today (labels are the tool's own); a report with a hostile label shows
    // what would happen if one did.
    const report = sampleReport();
    const hostile = { ...report, metrics: report.metrics.map((m) => ({ ...m, measures: m.measures.map((x) => ({ ...x, label: '=HYPERLINK("http://evil.example","click")' })) })) };
    const rows = parse(csvReporter(hostile, { color: false })) as string[][];
    expect(rows[1]![5]).toBe('\'=HYPERLINK("http://evil.example","click")');
  });

  test('no cell of the command\'s CSV starts a formula', () => {
    const rows = parse(hostileRun('csv', true).stdout) as string[][];
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('Markdown table breakers (markdown)', () => {
  const out = hostileRun('markdown', true).stdout;

  test('pipes, emphasis and HTML in names are escaped', () => {
    // The ESC of each escape sequence shows as ␛; `]`, `[` and `\` after it are escaped like any other.
    expect(out).toContain('NAMEMARK Grace \u241b\\]0;PWNED\u241b\\\\\u241b\\[31mRED\u241b\\[0m &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*bold\\*\\*');
    expect(out).not.toMatch(/<[a-z/!]/i);
  });

  test('every table row has as many cells as its header', () => {
    const cells = (row: string): number => row.replace(/\\./g, '').split('|').length - 2;
    let width = 0;
    for (const row of out.split('\n')) {
      if (!row.startsWith('|')) { width = 0; continue; }
      if (width === 0) width = cells(row);
      expect(cells(row), row).toBe(width);
    }
  });
});

describe('XML (junit)', () => {
  const out = hostileRun('junit', true).stdout;

  test('well-formed, and the incident id with markup is escaped text', () => {
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('INC-1&lt;script&gt;alert(2)&lt;/script&gt;|x');
    expect(out).not.toContain('<script');
  });
});

describe('HTML (html)', () => {
  const out = hostileRun('html', true).stdout;

  test('no script or event handler can come from a name, a wave or an incident', () => {
    expect(out).toContain('NAMEMARK Grace \u241b]0;PWNED\u241b\\\u241b[31mRED\u241b[0m &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('2026-Q3\u241b[2J&lt;img src=x onerror=alert(1)&gt;');
    // An event handler only runs inside a tag; the escaped text above holds "onerror=" as plain words.
    expect(out).not.toMatch(/<script|<img|<[^>]*\son[a-z]+\s*=/i);
  });
});

describe('workflow commands (github)', () => {
  const out = hostileRun('github', true).stdout;

  test('every line is one of the tool\'s own annotations', () => {
    for (const line of out.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) title=[^:]*::/);
  });

  test('an id holding "::error::" or a line break stays inside its annotation', () => {
    // E12's id is "E12\n::error::newline-injection": its line break became a space.
    expect(out).toContain('E12 ::error::newline-injection');
    expect(out).toContain('E11::error::id-injection');
    expect(out.split('\n').filter((line) => line.includes('injection')).every((line) => /^::(error|warning) /.test(line))).toBe(true);
  });
});

describe('GitHub workflow commands in a CI log, where any format may be printed', () => {
  // The demo with an employee id holding the legacy form of a command, which GitHub's runner reads anywhere in
  // a line (`##[error]`), and ten names ending in a command (`::error title=…::`), each after a filler of
  // another length, so the table's wrap puts it at the start of a line for some of them.
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-commands-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, 'fixtures', 'demo'), dir, { recursive: true });
  const ID = 'E016##[error]legacy';
  for (const file of readdirSync(dir)) {
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replaceAll('E016', ID));
  }
  const named = ['E003', 'E004', 'E010', 'E011', 'E012', 'E013', 'E019', 'E021', 'E040', 'E041'];
  const people = readFileSync(join(dir, 'people.csv'), 'utf8').split('\n').map((line) => {
    const at = named.indexOf(line.split(',')[0]!);
    // The name is the second field, quoted when it holds a comma ("O'Neil, Sam").
    return at < 0 ? line : line.replace(/^([^,]*),("[^"]*"|[^,]*)/, `$1,${'x'.repeat(50 + 2 * at)} ::error title=forged::injected`);
  });
  writeFileSync(join(dir, 'people.csv'), people.join('\n'));
  const run = (format: string): string => {
    const result = runCli(['report', '--data', dir, '--period', '2026-Q3', '--names', '--fail-on', 'never', '--format', format]);
    expect(result.code).toBe(0);
    return result.stdout;
  };

  test.each(FORMATS)('%s: no line holds `##[`, none starts with `::` but an annotation, and the id is there', (format) => {
    const out = run(format);
    const lines = out.split(/\r?\n/);
    expect(lines.filter((line) => line.includes('##['))).toEqual([]);
    expect(lines.filter((line) => line.trimStart().startsWith('::') && !/^::(error|warning|notice) title=/.test(line))).toEqual([]);
    const shown = { table: 'E016#\\x23[error]legacy', csv: undefined, markdown: 'E016\\#\\#\\[error\\]legacy',
      junit: 'E016##&#91;error]legacy', html: 'E016##&#91;error]legacy', github: 'E016#\\x23[error]legacy', json: 'E016##\\u005berror]legacy' }[format];
    if (shown !== undefined) expect(out).toContain(shown);
  });

  test('json: the id reads back as in the file', () => {
    const report = JSON.parse(run('json')) as { metrics: Array<{ measures: Array<{ id: string; details: Array<{ employeeId?: string }> }> }> };
    const retention = report.metrics[0]!.measures.find((m) => m.id === 'retention_1y')!;
    expect(retention.details.map((d) => d.employeeId)).toContain(ID);
  });

  test('table: a name wrapped at its command shows the first colon as \\x3a, and the text is all there', () => {
    const lines = run('table').split('\n');
    expect(lines.some((line) => line.trimStart().startsWith('\\x3a:error title=forged::injected'))).toBe(true);
  });

  test('validate quotes the id inert too', () => {
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\n##[error]unknown,x,2024-05-01\n');
    const result = runCli(['validate', '--data', dir]);
    expect(result.stdout).toContain('trainings.csv:2: employee_id: warning: employee_id "#\\x23[error]unknown" is not in people.csv');
    expect(result.stdout).not.toContain('##[');
  });
});

describe('validate: a configured file name that starts a workflow command', () => {
  // The config may name any file: one named `::error title=…::…` starts its problem lines and the summary's row.
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-file-command-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const FILE = '::error title=forged::injected.csv';

  test('starts no line with `::`, and names the file with its first colon shown as \\x3a', () => {
    writeFileSync(join(dir, FILE), 'employee_id,course,completed_on\nE1,x,someday\n');
    writeFileSync(join(dir, 'trainings.csv'), 'employee_id,course,completed_on\n');
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({ datasets: { trainings: { path: FILE } } }));
    const result = runCli(['validate', '--data', dir]);
    expect(result.code).toBe(2);
    const lines = result.stdout.split('\n');
    expect(lines.filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
    // The problem and the summary's row, each starting with the file's name shown inert.
    expect(lines.filter((line) => line.startsWith('\\x3a:error title=forged::injected.csv')).length).toBe(2);
  });
});

describe('a --compare file is input too', () => {
  // An earlier report whose period label was edited to attack every format. The label is what the report
  // shows as "since <label>", so it must be a period: the attack is refused before anything is read, and
  // the refusal shows the label inert.
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-compare-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const previous = JSON.parse(hostileRun('json', false).stdout) as { period: { label: string }; metrics: Array<{ measures: Array<{ value: number | null }> }> };
  previous.period.label = '2026-Q2\u001b]0;PWNED\u0007<script>alert(3)</script>\n::error::compare|x';
  const file = join(dir, 'previous.json');
  writeFileSync(file, JSON.stringify(previous));

  test.each(['table', 'markdown', 'html', 'junit', 'github'] as const)('%s: the label is refused, and the refusal shows it inert', (format) => {
    const result = runCli([...reportArgs(format, false), '--compare', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('period.label: expected a period like 2026-Q3 or 2026, found "2026-Q2\\u001b]0;PWNED\\u0007<script>');
    expect(result.stderr).not.toMatch(CONTROL);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('::error::compare'))).toEqual([]);
  });
});
