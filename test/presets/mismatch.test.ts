/** A file that does not fit its preset is refused whole, with what is missing, what is there and the fix. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/problems.js';
import { loadFolder, loadVendor, messages, tempFolder } from './vendor-fixture.js';

describe('a wrong preset', () => {
  it('names the missing canonical columns, the file\'s columns, the preset it fits and the config that maps them', async () => {
    // Opsgenie's `priority` is found by Jira's `Priority` (headers match case-insensitively); the rest is not there.
    const { files } = await loadVendor('opsgenie', { presets: ['incidents=jira'] });
    expect(files.map((f) => [f.fatal, f.errors])).toEqual([[true, 1]]);
    expect(messages(files)).toEqual([
      'alerts.json:0: -: the file does not fit preset "jira" for incidents: no column for incident_id (looked for "Issue key" or "incident_id"), ' +
        'opened_at (looked for "Created" or "opened_at"); ' +
        'the file has: seen, id, tinyId, alias, message, status, acknowledged, isSeen, tags, snoozed, count, lastOccurredAt, createdAt, ' +
        'updatedAt, source, owner, priority, teams, responders, integration, report, entity. ' +
        'It fits preset "opsgenie": { "datasets": { "incidents": { "preset": "opsgenie" } } }, or map the columns in the config: ' +
        '{ "datasets": { "incidents": { "columns": { "<column holding incident_id>": "incident_id", "<column holding opened_at>": "opened_at" } } } }',
    ]);
  });

  it("refuses PagerDuty's API JSON read as incident.io's: its priority object is not incident.io's severity rank", async () => {
    // incident.io's incidents need id, created_at and severity.rank (else a priority key); PagerDuty's have
    // id and created_at, and a priority that is an object: the file fits none of the columns it needs.
    const { files } = await loadVendor('pagerduty-api', { presets: ['incidents=incidentio'] });
    expect(files.map((f) => [f.fatal, f.errors, f.rows])).toEqual([[true, 1, 0]]);
    expect(messages(files)).toEqual([
      'incidents.json:0: -: the file does not fit preset "incidentio" for incidents: no column for priority ' +
        '(looked for "severity.rank" or "priority"; "priority" holds an object, not a value); ' +
        'the file has: id, type, summary, self, html_url, incident_number, title, description, created_at, updated_at, status, resolved_at, ' +
        'incident_key, urgency, priority, service, escalation_policy, teams, assignments, acknowledgements, pending_actions, alert_counts, last_status_change_at. ' +
        'It fits preset "pagerduty-api": { "datasets": { "incidents": { "preset": "pagerduty-api" } } }, or map the columns in the config: ' +
        '{ "datasets": { "incidents": { "columns": { "<column holding priority>": "priority" } } } }',
    ]);
  });

  it('refuses a Qualtrics export read as SurveyMonkey\'s, naming qualtrics, rather than take its third header row for answers', async () => {
    // Qualtrics' EndDate is SurveyMonkey's End Date once headers are normalised, so the date alone matched;
    // SurveyMonkey's respondent id column is not there, and the file fits qualtrics (RecordedDate, ResponseId).
    const { files } = await loadVendor('qualtrics', { presets: ['survey=surveymonkey'] });
    expect(files.map((f) => [f.fatal, f.errors, f.rows])).toEqual([[true, 1, 0]]);
    const [message] = messages(files);
    expect(message).toMatch(/^Ops\+pulse\+2025_July\+1,\+2025_09\.14\.csv:1: -: the file does not fit preset "surveymonkey" for survey: no column for respondent_id \(looked for "Respondent ID"\)/);
    expect(message).toContain('It fits preset "qualtrics": { "datasets": { "survey": { "preset": "qualtrics" } } }');
  });

  it('names the survey preset a SurveyMonkey export fits when it is read as Qualtrics\'', async () => {
    const { files } = await loadVendor('surveymonkey', { presets: ['survey=qualtrics'] });
    expect(files.map((f) => f.fatal)).toEqual([true]);
    expect(messages(files)[0]).toContain('It fits preset "surveymonkey": { "datasets": { "survey": { "preset": "surveymonkey" } } }');
  });

  it('takes a priority that is a value as the column, and one that is a list as none (NDJSON, at the line judged)', async () => {
    const record = (priority: unknown) => JSON.stringify({ id: 'A', created_at: '2025-04-01T09:00:00Z', name: 'x', priority });
    const config = { priorities: { sev1: 'P1' }, datasets: { incidents: { preset: 'incidentio' } } };
    const asValue = await loadFolder(tempFolder({ 'incidents.ndjson': `${record('SEV1')}\n` }, config));
    expect(messages(asValue.files)).toEqual([]);
    expect(asValue.data.incidents?.records().map((i) => i.priority)).toEqual(['P1']);
    const asList = await loadFolder(tempFolder({ 'incidents.ndjson': `\n${record(['SEV1'])}\n` }, config));
    expect(messages(asList.files)[0]).toMatch(
      /^incidents\.ndjson:2: -: the file does not fit preset "incidentio" for incidents: no column for priority \(looked for "severity\.rank" or "priority"; "priority" holds an array, not a value\); /,
    );
  });

  it('leaves a canonical file read for its dateFormat to reject only the record whose priority is an object', async () => {
    // Without a preset the same file gives the same two problems: a canonical column is the file's whatever its first record holds.
    const records = [
      { incident_id: 'I1', opened_at: '01/07/2026 10:00', priority: { name: 'P1' } },
      { incident_id: 'I2', opened_at: '02/07/2026 10:00', priority: 'P2' },
    ];
    const config = { datasets: { incidents: { dateFormat: 'dd/MM/yyyy HH:mm' } } };
    const { data, files } = await loadFolder(tempFolder({ 'incidents.json': JSON.stringify(records) }, config));
    expect(messages(files)).toEqual(['incidents.json:0: priority: expected a priority, found an object']);
    expect(data.incidents?.records().map((i) => i.incident_id)).toEqual(['I2']);
  });

  it('is reported on an NDJSON file at the line of the record it was judged on, not at a line 0 it has not got', async () => {
    // Line 1 is blank; the first record, judged against jira's columns, is on line 2.
    const dir = tempFolder({ 'incidents.ndjson': '\n{"Key":"OPS-1","When":"2026-07-01T00:00:00Z"}\n' }, { datasets: { incidents: { preset: 'jira' } } });
    const { files } = await loadFolder(dir);
    expect(messages(files)[0]).toMatch(/^incidents\.ndjson:2: -: the file does not fit preset "jira" for incidents: no column for incident_id /);
  });

  it('is checked on a CSV that has a header and no rows', async () => {
    const dir = tempFolder({ 'incidents.csv': 'Key,When,Severity\r\n' }, { datasets: { incidents: { preset: 'jira' } } });
    const { files } = await loadFolder(dir);
    expect(messages(files)[0]).toMatch(/^incidents\.csv:1: -: the file does not fit preset "jira" for incidents: no column for incident_id .*the file has: Key, When, Severity\. Map the columns/);
  });
});

describe('choosing a preset', () => {
  it('refuses an unknown preset, naming the presets', async () => {
    await expect(loadVendor('opsgenie', { presets: ['incidents=servicenow'] })).rejects.toThrow(
      new UsageError('--preset incidents=servicenow: unknown preset "servicenow"; the presets are: pagerduty-csv, pagerduty-api, jira, opsgenie, incidentio, bamboohr, workday, google-forms, qualtrics, surveymonkey'),
    );
  });

  it('refuses a preset that does not read the dataset, naming the ones it reads', async () => {
    await expect(loadVendor('opsgenie', { presets: ['people=jira'] })).rejects.toThrow('--preset people=jira: preset "jira" does not read people; it reads incidents, action_items');
  });

  it('refuses a flag that is not <dataset>=<preset>', async () => {
    await expect(loadVendor('opsgenie', { presets: ['jira'] })).rejects.toThrow('--preset jira: expected <dataset>=<preset>, e.g. --preset incidents=pagerduty-csv');
  });

  it('lets --preset win over the config', async () => {
    const dir = tempFolder({ 'incidents.csv': 'Issue key,Created,Priority\nOPS-1,03/Mar/25 9:05 AM,Blocker\n' }, { datasets: { incidents: { preset: 'opsgenie' } } });
    const { data, files } = await loadFolder(dir, { presets: ['incidents=jira'] });
    expect(messages(files)).toEqual([]);
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority])).toEqual([['OPS-1', 'P1']]);
  });

  it('Jira sub-tasks that name their parent by its numeric id: the fix maps both sides to that id, and says why', async () => {
    const incidents = 'Summary,Issue key,Issue id,Issue Type,Priority,Resolution,Created,Resolved\nPayments 500s,OPS-1,10001,Incident,Highest,Done,01/Jul/26 2:00 PM,01/Jul/26 5:30 PM\n';
    const subTasks = 'Summary,Issue key,Issue id,Issue Type,Created,Resolved,Parent,Parent summary\nAdd canary,OPS-10,10010,Sub-task,03/Jul/26 2:00 PM,,10001,Payments 500s\n';
    const config = { datasets: { incidents: { preset: 'jira' }, action_items: { preset: 'jira' } } };
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': incidents, 'action_items.csv': subTasks }, config));
    expect(messages(files)).toEqual([
      'action_items.csv:1: -: the file does not fit preset "jira" for action_items: no column for incident_id (looked for "Custom field (Incident)" or "Parent key" or "incident_id"); ' +
        'the file has: Summary, Issue key, Issue id, Issue Type, Created, Resolved, Parent, Parent summary. ' +
        'Map the columns in the config (its sub-tasks name their incident by its numeric issue id in "Parent": map that, and "Issue id" for the incidents, so both sides hold the same id): ' +
        '{ "datasets": { "incidents": { "columns": { "Issue id": "incident_id" } }, "action_items": { "columns": { "Parent": "incident_id" } } } }',
    ]);
    // That config reads them, linked.
    const fixed = { datasets: { incidents: { preset: 'jira', columns: { 'Issue id': 'incident_id' } }, action_items: { preset: 'jira', columns: { Parent: 'incident_id' } } } };
    const { data, files: read } = await loadFolder(tempFolder({ 'incidents.csv': incidents, 'action_items.csv': subTasks }, fixed));
    expect(messages(read)).toEqual([]);
    expect([...(data.action_items ?? [])].map((a) => [a.action_id, a.incident_id])).toEqual([['OPS-10', '10001']]);
  });

  it('the Jira sub-task fix keeps placeholders for the other missing columns, and the header as the file spells it', async () => {
    const incidents = 'Summary,Issue key,Issue id,Issue Type,Priority,Resolution,Created,Resolved\nPayments 500s,OPS-1,10001,Incident,Highest,Done,01/Jul/26 2:00 PM,01/Jul/26 5:30 PM\n';
    const subTasks = 'Summary,Issue key,Issue Type,Created on,Parent ID\nAdd canary,OPS-10,Sub-task,03/Jul/26 2:00 PM,10001\n';
    const config = { datasets: { incidents: { preset: 'jira' }, action_items: { preset: 'jira' } } };
    const { files } = await loadFolder(tempFolder({ 'incidents.csv': incidents, 'action_items.csv': subTasks }, config));
    expect(messages(files)).toEqual([expect.stringMatching(/in "Parent ID": map that, .*\{ "datasets": \{ "incidents": \{ "columns": \{ "Issue id": "incident_id" \} \}, "action_items": \{ "columns": \{ "Parent ID": "incident_id", "<column holding created_at>": "created_at" \} \} \} \}$/)]);
  });

  it("PagerDuty's basic report, with neither priority nor urgency: refused for the columns it lacks, then told it has no priority", async () => {
    const basic = '#,Service,Opened On,Resolved On,Resolve By,Duration,#Escalations\n101,payments-api,2026-07-02T00:10:04+02:00,2026-07-02T02:10:04+02:00,Ann Lee,7200,1\n';
    const refused = await loadFolder(tempFolder({ 'incidents.csv': basic }, { datasets: { incidents: { preset: 'pagerduty-csv' } } }));
    // The priority is not asked for among the columns: the export has none, and it is not needed to read the file.
    expect(messages(refused.files)).toEqual([expect.stringContaining('no column for incident_id (looked for "incident_number" or "id" or "incident_id"), opened_at (looked for "created_on" or "opened_at");')]);
    expect(messages(refused.files)[0]).not.toContain('priority');
    const mapped = { datasets: { incidents: { preset: 'pagerduty-csv', columns: { '#': 'incident_id', 'Opened On': 'opened_at', 'Resolved On': 'resolved_at', Service: 'service' } } } };
    const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': basic }, mapped));
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority])).toEqual([['101', 'unknown']]);
    expect(messages(files)).toEqual([
      'incidents.csv:1: priority: warning: this PagerDuty CSV has neither a priority nor an urgency column (the basic report has none); ' +
        'map a column that holds the priority, or download the incident CSV of Analytics → Reports, which has urgency: until then every incident\'s priority is unknown, ' +
        'and the P1 measures (p1_rca_48h, p1_unresolved) are not computed. Add to the config: { "datasets": { "incidents": { "columns": { "<column holding priority>": "priority" } } } }',
    ]);
  });
});
