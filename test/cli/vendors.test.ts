/**
 * The built command on every fixtures/vendors folder: each validates clean and reports through its
 * preset; a wrong preset is refused with the mismatch message and exit 2; `schema --presets` lists them.
 * PagerDuty's CSV without its urgency mapping loads with one warning, and only the P1 measures say so.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../src/presets/index.js';
import { hasStackTrace, ROOT, runCli } from '../helpers/run-cli.js';

const FOLDERS = readdirSync(`${ROOT}fixtures/vendors`).sort();

describe('vendor exports through their presets', () => {
  it('has one fixture folder per preset', () => {
    expect(FOLDERS).toEqual([...PRESET_NAMES].sort());
  });

  // The records a preset leaves out by rule (test incidents, deleted follow-ups, survey previews) are
  // said once per file, as a warning; the fixtures hold some for incidentio, jira and qualtrics.
  const LEFT_OUT_WARNINGS: Readonly<Record<string, number>> = { incidentio: 2, jira: 2, qualtrics: 1 };
  // What a preset reads by an assumption the export cannot confirm is said too: Opsgenie's close times, and
  // the Google Forms fixture's round across a quarter's turn, read as two waves without a configured one.
  const ASSUMPTION_WARNINGS: Readonly<Record<string, number>> = { opsgenie: 1, 'google-forms': 1 };

  for (const folder of FOLDERS) {
    it(`${folder}: validate exits 0 and report gives JSON`, () => {
      const data = ['--data', `fixtures/vendors/${folder}`];
      const validate = runCli(['validate', ...data]);
      const leftOut = LEFT_OUT_WARNINGS[folder] ?? 0;
      const warnings = leftOut + (ASSUMPTION_WARNINGS[folder] ?? 0);
      expect(validate.stdout, validate.stdout + validate.stderr).toMatch(new RegExp(`^Valid: \\d files?, ${warnings} warnings?\\.$`, 'm'));
      expect(validate.stdout.match(/: -: warning: \d+ records? left out by preset /g) ?? []).toHaveLength(leftOut);
      expect(validate.code).toBe(0);
      const report = runCli(['report', ...data, '--period', '2025', '--format', 'json', '--fail-on', 'never']);
      expect(report.code, report.stderr).toBe(0);
      const inputs = (JSON.parse(report.stdout) as { inputs: Array<{ rows: number; accepted: number; rejected: number; warnings: number }> }).inputs;
      expect(inputs.length).toBeGreaterThan(0);
      expect(inputs.every((input) => input.rows > 0 && input.rejected === 0 && input.rows === input.accepted)).toBe(true);
      expect(inputs.reduce((sum, input) => sum + input.warnings, 0)).toBe(warnings);
    });
  }

  it('incidentio: the left-out records are counted in validate, and in the warnings report gives', () => {
    const data = ['--data', 'fixtures/vendors/incidentio'];
    const validate = runCli(['validate', ...data]);
    expect(validate.stdout).toContain(
      'incidents.json:2: -: warning: 2 records left out by preset "incidentio" (test or tutorial incidents, and declined, merged or canceled ones), ' +
        'the first on this line: they are not rows of incidents and count in no figure',
    );
    expect(validate.stdout).toContain(
      'follow-ups.json:3: -: warning: 1 record left out by preset "incidentio" (deleted follow-ups), on this line: it is not a row of action_items and counts in no figure',
    );
    const report = runCli(['report', ...data, '--period', '2025', '--format', 'json', '--fail-on', 'never']);
    expect(report.stderr).toContain('2 warnings in the input');
  });

  it('jira: an incident resolved as Duplicate is left out with its action item, and the figures are those of the export without them', () => {
    const fixture = `${ROOT}fixtures/vendors/jira`;
    const REPORT = ['--period', '2025', '--format', 'json', '--fail-on', 'never'];
    const validate = runCli(['validate', '--data', fixture]);
    const notIncident = 'issues resolved as Duplicate, Cannot Reproduce or Declined: no incident of their own';
    // OPS-105 (Duplicate of OPS-101) starts on line 7: OPS-101's description holds a line break.
    expect(validate.stdout).toContain(
      `Jira incidents.csv:7: -: warning: 1 record left out by preset "jira" (${notIncident}), on this line: it is not a row of incidents and counts in no figure`,
    );
    expect(validate.stdout).toContain(
      `Jira action items.csv:6: -: warning: 1 record left out by preset "jira" (its incident_id names a record left out of Jira incidents.csv: ${notIncident}), ` +
        'on this line: it is not a row of action_items and counts in no figure',
    );
    // The same folder without OPS-105 and its sub-task OPS-114.
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-jira-duplicate-'));
    for (const file of ['Jira incidents.csv', 'Jira action items.csv', 'ops-metrics.config.json']) {
      const text = readFileSync(join(fixture, file), 'utf8');
      writeFileSync(join(dir, file), text.split('\r\n').filter((line) => !/,OPS-10?5,|,OPS-114,/.test(line)).join('\r\n'));
    }
    expect(readFileSync(join(dir, 'Jira incidents.csv'), 'utf8')).not.toContain('OPS-105');
    interface JsonMeasure { id: string; status: string; value: number | null; n?: number | null }
    const measures = (data: string) => (JSON.parse(runCli(['report', '--data', data, ...REPORT]).stdout) as { metrics: Array<{ measures: JsonMeasure[] }> })
      .metrics.flatMap((metric) => metric.measures);
    const withDuplicate = measures(fixture);
    expect(withDuplicate).toEqual(measures(dir));
    // action_items_30d: OPS-110 (done 20/Mar, due 02/Apr) and OPS-113 (done 10/Jun, due 03/Jul) on time; OPS-111 (Won't Do)
    // and OPS-112 (open) not: 2 of 4. Read as an item, OPS-114 (done 06/Mar, due 04/Apr) would have made it 3 of 5.
    expect(withDuplicate.find((m) => m.id === 'action_items_30d')).toMatchObject({ value: 0.5, n: 4 });
  });

  describe('a saved page of an API list that says more records exist', () => {
    const REPORT = ['--period', '2025', '--format', 'json', '--fail-on', 'never'];
    type Json = Record<string, unknown>;
    /** A copy of a fixture folder whose `file` is rewritten by `edit`; the folder's other files as they are. */
    const copyWith = (folder: string, file: string, edit: (document: Json) => Json): string => {
      const dir = mkdtempSync(join(tmpdir(), `ops-metrics-page-${folder}-`));
      for (const name of readdirSync(`${ROOT}fixtures/vendors/${folder}`)) copyFileSync(`${ROOT}fixtures/vendors/${folder}/${name}`, join(dir, name));
      const document = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
      writeFileSync(join(dir, file), JSON.stringify(edit(document), null, 2));
      return dir;
    };
    const report = (data: string) => JSON.parse(runCli(['report', '--data', data, ...REPORT]).stdout) as { metrics: unknown; inputs: Array<{ rows: number; warnings: number }> };
    const NEXT = 'https://api.opsgenie.com/v2/alerts?query=status%3Aopen&offset=20&limit=20&sort=createdAt&order=desc';
    const CASES = [
      {
        folder: 'pagerduty-api', file: 'incidents.json', edit: (d: Json): Json => ({ ...d, more: true }),
        warning: 'incidents.json:0: -: warning: this file is one page of a longer export ("more": true): the records on the other pages are in no figure. ' +
          'Request the other pages (the same query, its offset raised by limit each time, until a page says "more": false), ' +
          `then give all the pages as this one file: jq -s '.[-1] + {"incidents": map(.incidents[])}' <every page, in order> > incidents.json`,
      },
      {
        folder: 'opsgenie', file: 'alerts.json', edit: (d: Json): Json => ({ ...d, paging: { next: NEXT, first: NEXT.replace('offset=20', 'offset=0') } }),
        warning: `alerts.json:0: -: warning: this file is one page of a longer export ("next": "${NEXT}"): the records on the other pages are in no figure. ` +
          "Request the other pages (each page's paging.next, until a page has none), " +
          `then give all the pages as this one file: jq -s '.[-1] + {"data": map(.data[])}' <every page, in order> > alerts.json`,
      },
      {
        // The fixture's page holds its 5 incidents (2 of them left out by the preset's filter) of a total of 120.
        folder: 'incidentio', file: 'incidents.json',
        edit: (d: Json): Json => ({ ...d, pagination_meta: { after: '01HVE5F6G7H8J9K0M1N2P3Q4R5', page_size: 5, total_record_count: 120 } }),
        warning: 'incidents.json:0: -: warning: this file is one page of a longer export (total_record_count 120 against 5 records): the records on the other pages are in no figure. ' +
          "Request the other pages (each page's pagination_meta.after as the after parameter, until you have them all), " +
          `then give all the pages as this one file: jq -s '.[-1] + {"incidents": map(.incidents[])}' <every page, in order> > incidents.json`,
      },
    ];

    for (const { folder, file, edit, warning } of CASES) {
      it(`${folder}: one warning at the document quotes the marker, and the figures are the page's as without it`, () => {
        const dir = copyWith(folder, file, edit);
        const validate = runCli(['validate', '--data', dir]);
        expect(validate.code, validate.stdout).toBe(0);
        expect(validate.stdout).toContain(warning);
        const [page, fixture] = [report(dir), report(`${ROOT}fixtures/vendors/${folder}`)];
        expect(page.metrics).toEqual(fixture.metrics);
        expect(page.inputs.map((input) => input.warnings)).toEqual(fixture.inputs.map((input, at) => input.warnings + (at === 0 ? 1 : 0)));
      });
    }

    it('says nothing of a last page, nor of a complete one whose total is its own count', () => {
      // The fixtures are whole: PagerDuty's says "more": false, incident.io's total_record_count is 5 of 5, Opsgenie's has no paging.
      for (const folder of ['pagerduty-api', 'incidentio', 'opsgenie']) expect(runCli(['validate', '--data', `fixtures/vendors/${folder}`]).stdout).not.toContain('one page of');
      const last = copyWith('opsgenie', 'alerts.json', (d) => ({ ...d, paging: { first: NEXT.replace('offset=20', 'offset=0') } }));
      expect(runCli(['validate', '--data', last]).stdout).not.toContain('one page of');
    });

    const hasJq = spawnSync('jq', ['--version']).status === 0;
    it.skipIf(!hasJq)("pagerduty-api: two pages merged by the warning's jq command are read whole, and the last page's \"more\": false says nothing", () => {
      // The fixture's 5 incidents as two pages of 3 and 2: the merged file has 3 + 2 = 5 rows, and the fixture's figures.
      const dir = copyWith('pagerduty-api', 'incidents.json', (d) => d);
      const whole = JSON.parse(readFileSync(join(dir, 'incidents.json'), 'utf8')) as Json & { incidents: unknown[] };
      writeFileSync(join(dir, 'page-1.json'), JSON.stringify({ ...whole, incidents: whole.incidents.slice(0, 3), limit: 3, offset: 0, more: true }, null, 2));
      writeFileSync(join(dir, 'page-2.json'), JSON.stringify({ ...whole, incidents: whole.incidents.slice(3), limit: 3, offset: 3, more: false }, null, 2));
      writeFileSync(join(dir, 'incidents.json'), readFileSync(join(dir, 'page-1.json')));
      const warned = runCli(['validate', '--data', dir]).stdout;
      const command = /then give all the pages as this one file: (jq .*)$/m.exec(warned)?.[1];
      expect(command).toBeDefined();
      const merged = spawnSync('sh', ['-c', (command ?? '').replace('<every page, in order>', 'page-1.json page-2.json')], { cwd: dir, encoding: 'utf8' });
      expect(merged.status, merged.stderr).toBe(0);
      const validate = runCli(['validate', '--data', dir]);
      expect(validate.stdout).toMatch(/^Valid: 1 file, 0 warnings\.$/m);
      const read = report(dir);
      expect(read.inputs.map((input) => input.rows)).toEqual([5]);
      expect(read.metrics).toEqual(report(`${ROOT}fixtures/vendors/pagerduty-api`).metrics);
    });
  });

  it('refuses a wrong preset with the mismatch message and exit 2, in validate and in report', () => {
    const args = ['--data', 'fixtures/vendors/pagerduty-csv', '--preset', 'incidents=jira'];
    const validate = runCli(['validate', ...args]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('incidents.csv:1: -: the file does not fit preset "jira" for incidents: no column for incident_id');
    expect(validate.stdout).toContain('It fits preset "pagerduty-csv"');
    const report = runCli(['report', ...args, '--period', '2025']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('the file does not fit preset "jira"');
    expect(hasStackTrace(validate.stdout + validate.stderr + report.stdout + report.stderr)).toBe(false);
  });

  describe('pagerduty-csv without the urgency → P1 mapping', () => {
    // The fixture folder's own config, less `columns` and `priorities`.
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-pd-'));
    const config = join(dir, 'unmapped.json');
    writeFileSync(config, JSON.stringify({ timezone: 'America/Los_Angeles', datasets: { incidents: { path: 'incidents.csv', preset: 'pagerduty-csv' } } }));
    const data = ['--data', 'fixtures/vendors/pagerduty-csv'];
    const REPORT = ['--period', '2025', '--format', 'json', '--fail-on', 'never'];
    interface JsonMeasure { id: string; status: string; value: number | null; reason?: string }
    const measuresOf = (stdout: string): JsonMeasure[] =>
      (JSON.parse(stdout) as { metrics: Array<{ measures: JsonMeasure[] }> }).metrics.flatMap((metric) => metric.measures);

    it('validate exits 0 with one warning at the header that gives the config', () => {
      const validate = runCli(['validate', ...data, '--config', config]);
      expect(validate.code, validate.stdout + validate.stderr).toBe(0);
      expect(validate.stdout).toMatch(/^Valid: 1 file, 1 warning\.$/m);
      expect(validate.stdout).toContain(
        "incidents.csv:1: priority: warning: PagerDuty's incident CSV has no priority column, only urgency (high/low); say which urgency is P1: " +
          "until then every incident's priority is unknown, and the P1 measures (p1_rca_48h, p1_unresolved) are not computed. " +
          'Add to the config: { "datasets": { "incidents": { "columns": { "urgency": "priority" } } }, "priorities": { "high": "P1", "low": "P3" } }',
      );
    });

    it('report: the P1 measures are without a figure, with the reason, the others as with the mapping', () => {
      const unmapped = runCli(['report', ...data, '--config', config, ...REPORT]);
      expect(unmapped.code, unmapped.stderr).toBe(0);
      const mapped = runCli(['report', ...data, ...REPORT]);
      const byId = (list: JsonMeasure[]) => new Map(list.map((m) => [m.id, m]));
      const [without, withMapping] = [byId(measuresOf(unmapped.stdout)), byId(measuresOf(mapped.stdout))];
      // With the mapping (high → P1): 1043 is unresolved → 1. 1041 and 1044 have RCAs due in 2025, but
      // PagerDuty's CSV has no RCA time: counted as not done they made a 0 % that said nothing of the work.
      expect(withMapping.get('p1_unresolved')?.value).toBe(1);
      const noRcaColumn = 'incidents.csv has no rca_completed_at column, so every row would count as lacking one: no figure rather than a ' +
        'wrong one. If the export has it under another header, map it: { "datasets": { "incidents": { "columns": { "<its header>": "rca_completed_at" } } } }';
      expect(withMapping.get('p1_rca_48h')).toMatchObject({ status: 'no_data', value: null, reason: noRcaColumn });
      // Without it: all 5 incidents (opened in 2025, before T) are unknown; the RCAs have no column either way.
      const reason = 'priority unknown for 5 of 5 incidents: their export gives them no priority (no column of it, or an empty one), ' +
        'and nothing in the config says which of them are P1 (the warning on the incidents file says what to add)';
      expect(without.get('p1_unresolved')).toMatchObject({ status: 'insufficient_data', value: null, reason });
      expect(without.get('p1_rca_48h')).toMatchObject({ status: 'no_data', value: null, reason: noRcaColumn });
      for (const id of ['action_items_30d', 'recurrence_reduction_yoy', 'postmortem_leads_6m']) {
        expect(without.get(id), id).toBeDefined();
        expect(without.get(id), id).toEqual(withMapping.get(id));
      }
      expect((JSON.parse(unmapped.stdout) as { inputs: Array<{ warnings: number }> }).inputs.map((i) => i.warnings)).toEqual([1]);
    });
  });

  it('still refuses a canonical incidents file whose priority is empty or "unknown" (exit 2)', () => {
    // Only a preset can make a priority unknown; in the canonical columns both cells are errors.
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-canonical-'));
    writeFileSync(join(dir, 'incidents.csv'), 'incident_id,opened_at,priority\nI1,2025-05-01T10:00:00Z,\nI2,2025-05-02T10:00:00Z,unknown\n');
    const validate = runCli(['validate', '--data', dir]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('incidents.csv:2: priority: expected a priority, found an empty cell');
    expect(validate.stdout).toContain('incidents.csv:3: priority: expected a priority the priorities map knows (P1..P5, SEV1, High, ...), found "unknown"');
  });

  it('reads "pagerduty" (the name in cli.md\'s example config) by the file\'s format: CSV export or API JSON', () => {
    const REPORT = ['--period', '2025', '--format', 'json', '--fail-on', 'never'];
    for (const folder of ['pagerduty-csv', 'pagerduty-api']) {
      const own = JSON.parse(readFileSync(`${ROOT}fixtures/vendors/${folder}/ops-metrics.config.json`, 'utf8')) as { datasets: { incidents: { preset: string } } };
      own.datasets.incidents.preset = ' PagerDuty ';
      const config = join(mkdtempSync(join(tmpdir(), 'ops-metrics-pd-name-')), 'config.json');
      writeFileSync(config, JSON.stringify(own));
      const data = ['--data', `fixtures/vendors/${folder}`];
      const byName = runCli(['report', ...data, '--config', config, ...REPORT]);
      const byPreset = runCli(['report', ...data, ...REPORT]);
      expect(byName.code, byName.stderr).toBe(0);
      expect(byName.stdout, folder).toBe(byPreset.stdout);
    }
  });

  it("refuses PagerDuty's API JSON read as incident.io's with one mismatch that names pagerduty-api, not an error per incident", () => {
    const validate = runCli(['validate', '--data', 'fixtures/vendors/pagerduty-api', '--preset', 'incidents=incidentio']);
    expect(validate.code).toBe(2);
    const problems = validate.stdout.split('\n').filter((line) => line.startsWith('incidents.json:'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^incidents\.json:0: -: the file does not fit preset "incidentio" for incidents: no column for priority \(looked for "severity\.rank" or "priority"; "priority" holds an object, not a value\); /,
    );
    expect(problems[0]).toContain('It fits preset "pagerduty-api": { "datasets": { "incidents": { "preset": "pagerduty-api" } } }');
    expect(hasStackTrace(validate.stdout + validate.stderr)).toBe(false);
  });

  it('pagerduty-api: nested keys spelled in another case give the same report as the export as saved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-pd-case-'));
    const saved = readFileSync(`${ROOT}fixtures/vendors/pagerduty-api/incidents.json`, 'utf8');
    // PRIORITY with its Summary only (no name to fall back on), Service with its SUMMARY (the titles' summaries start with "[").
    const respelled = saved
      .replaceAll('"priority": {', '"PRIORITY": {')
      .replaceAll(/"name": "P\d",\s*/g, '')
      .replaceAll(/"summary": "(?=P\d")/g, '"Summary": "')
      .replaceAll('"service": {', '"Service": {')
      .replaceAll(/"summary": "(?![[P])/g, '"SUMMARY": "');
    expect(respelled).not.toMatch(/"priority"|"service"|"name": "P/);
    writeFileSync(join(dir, 'incidents.json'), respelled);
    writeFileSync(join(dir, 'ops-metrics.config.json'), readFileSync(`${ROOT}fixtures/vendors/pagerduty-api/ops-metrics.config.json`));
    const REPORT = ['--period', '2025', '--format', 'json', '--fail-on', 'never'];
    const validate = runCli(['validate', '--data', dir]);
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.stdout).toMatch(/^Valid: 1 file, 0 warnings\.$/m);
    expect(runCli(['report', '--data', dir, ...REPORT]).stdout).toBe(runCli(['report', '--data', 'fixtures/vendors/pagerduty-api', ...REPORT]).stdout);
    // Two keys of the priority object that differ only by case: the incident is rejected, as for two top-level keys.
    writeFileSync(join(dir, 'incidents.json'), saved.replace('"summary": "P1",', '"summary": "P1", "Summary": "P3",'));
    const doubled = runCli(['validate', '--data', dir]);
    expect(doubled.code).toBe(2);
    expect(doubled.stdout).toContain('incidents.json:0: priority: columns "priority.summary" and "priority.Summary" both mean "priority"; keep one:');
  });

  it('jira: a repeated header it reads gives one warning (exit 0); a canonical file that repeats a column is refused (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-jira-repeat-'));
    writeFileSync(join(dir, 'incidents.csv'), [
      '\ufeffIssue key,Summary,Priority,Created,Component/s,Component/s,Labels,Labels,Custom field (Root Cause Category)',
      'OPS-1,Checkout errors,Highest,03/Mar/25 9:05 AM,payments,search,sev1,eu,capacity',
      'OPS-2,Search lag,High,30/Mar/25 4:10 PM,search,,,,capacity',
    ].join('\r\n'));
    writeFileSync(join(dir, 'ops-metrics.config.json'), JSON.stringify({ datasets: { incidents: { preset: 'jira' } } }));
    const validate = runCli(['validate', '--data', dir]);
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.stdout).toMatch(/^Valid: 1 file, 1 warning\.$/m);
    expect(validate.stdout).toContain(
      'incidents.csv:1: service: warning: the header "Component/s" is given twice (one value a column) and preset "jira" reads service ' +
        'from the first only: 1 row has another value, on line 2 ("search"), which counts in no figure. ' +
        'To choose the service of such a row, fill "Custom field (Service)", which the preset reads first',
    );
    const canonical = mkdtempSync(join(tmpdir(), 'ops-metrics-canonical-repeat-'));
    writeFileSync(join(canonical, 'incidents.csv'), 'incident_id,opened_at,priority,service,service\nI1,2025-03-03T08:05:00Z,P1,payments,search\n');
    const refused = runCli(['validate', '--data', canonical]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('incidents.csv:1: service: the header gives "service" twice, and both mean "service"; keep one: delete or rename the other in the file');
  });

  it('refuses an unknown preset as a usage error', () => {
    const result = runCli(['validate', '--data', 'fixtures/vendors/jira', '--preset', 'incidents=servicenow']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ops-metrics: --preset incidents=servicenow: unknown preset "servicenow"; the presets are: pagerduty-csv, /);
  });

  it('schema --presets lists every preset with the columns it expects', () => {
    const result = runCli(['schema', '--presets']);
    expect(result.code).toBe(0);
    for (const name of PRESET_NAMES) expect(result.stdout).toMatch(new RegExp(`^${name} — `, 'm'));
    expect(result.stdout).toMatch(/^ {4}opened_at +created_on$/m);
    const json = JSON.parse(runCli(['schema', '--presets', '--format', 'json']).stdout) as Record<string, { datasets: Record<string, Record<string, string>> }>;
    expect(json['jira']?.datasets['incidents']?.['incident_id']).toBe('Issue key');
    // Only Jira's exports repeat the header of a multi-value field; every other preset refuses a repeated header it reads.
    const repeating = Object.entries(json).filter(([, preset]) => Object.values(preset.datasets).some((columns) => 'repeated headers' in columns));
    expect(repeating.map(([name]) => name)).toEqual(['jira']);
    expect(result.stdout).toMatch(/^ {4}repeated headers +a multi-value field, one value a column: the first column is read, and rows with more are counted in a warning$/m);
  });
});
