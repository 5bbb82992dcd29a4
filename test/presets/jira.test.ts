/**
 * fixtures/vendors/jira: issue-navigator CSVs of incidents and of their action items (BOM, CRLF,
 * repeated `Labels` headers, quoted newlines and doubled quotes, `dd/MMM/yy h:mm a` in Europe/Berlin).
 */
import { describe, expect, it } from 'vitest';
import { iso, loadFolder, loadVendor, messages, tempFolder } from './vendor-fixture.js';

describe('preset jira', () => {
  it('reads incidents: keys, both priority schemes, local times across the DST change', async () => {
    const { data, files } = await loadVendor('jira');
    // OPS-105, resolved as Duplicate, and its sub-task OPS-114 are left out (see below).
    expect(messages(files).map((message) => message.split(' (')[0])).toEqual([
      'Jira incidents.csv:7: -: warning: 1 record left out by preset "jira"',
      'Jira action items.csv:6: -: warning: 1 record left out by preset "jira"',
    ]);
    // Highest → P1, Medium → P3, Blocker → P1, Critical → P2 (under Blocker in the classic scheme).
    // Berlin is UTC+1 until 2025-03-30 02:00, then UTC+2: 03/Mar 9:05 AM → 08:05Z, 30/Mar 4:10 PM → 14:10Z,
    // 14/Apr 11:20 PM → 21:20Z, resolved 15/Apr 1:05 AM → 14/Apr 23:05Z.
    expect(data.incidents?.records().map((i) => [i.incident_id, i.priority, iso(i.opened_at), iso(i.resolved_at), i.root_cause_category])).toEqual([
      ['OPS-101', 'P1', '2025-03-03T08:05:00.000Z', '2025-03-03T10:35:00.000Z', 'capacity'],
      ['OPS-102', 'P3', '2025-03-30T14:10:00.000Z', undefined, undefined],
      ['OPS-103', 'P1', '2025-04-14T21:20:00.000Z', '2025-04-14T23:05:00.000Z', 'change'],
      ['OPS-104', 'P2', '2025-06-02T08:00:00.000Z', '2025-06-02T14:45:00.000Z', 'capacity'],
    ]);
    expect(data.incidents?.records()[0]?.title).toBe('Payments API 500s, EU region');
  });

  it("reads action items: a resolution such as Won't Do closes an item without completing it", async () => {
    const { data } = await loadVendor('jira');
    // Assignee (a display name: Jane Doe, Raj Patel) is not taken for the owner's employee id.
    expect([...(data.action_items ?? [])].map((a) => [a.action_id, a.incident_id, iso(a.completed_at), a.owner_id])).toEqual([
      ['OPS-110', 'OPS-101', '2025-03-20T16:30:00.000Z', undefined],
      ['OPS-111', 'OPS-101', undefined, undefined],
      ['OPS-112', 'OPS-103', undefined, undefined],
      ['OPS-113', 'OPS-104', '2025-06-10T10:00:00.000Z', undefined],
    ]);
  });

  it('leaves out an incident resolved as no incident of its own (Duplicate...), and the action items naming it; keeps one closed as Won\'t Do', async () => {
    const incidents = [
      'Issue key,Summary,Priority,Resolution,Created,Resolved',
      'OPS-1,Checkout errors,Highest,Done,03/Mar/25 9:05 AM,03/Mar/25 11:35 AM',
      'OPS-2,Checkout errors again,Highest,Duplicate,03/Mar/25 9:20 AM,03/Mar/25 9:30 AM',
      'OPS-3,Search lag,Medium,,30/Mar/25 4:10 PM,',
      "OPS-4,Flaky alert,High,Won't Do,01/Apr/25 8:00 AM,01/Apr/25 9:00 AM",
    ].join('\n');
    const items = [
      'Issue key,Parent key,Resolution,Created,Resolved',
      'OPS-10,OPS-1,Done,04/Mar/25 9:00 AM,05/Mar/25 9:00 AM',
      'OPS-11,OPS-2,Done,04/Mar/25 9:00 AM,05/Mar/25 9:00 AM',
      'OPS-12,OPS-3,,31/Mar/25 9:00 AM,',
    ].join('\n');
    const config = { datasets: { incidents: { preset: 'jira' }, action_items: { preset: 'jira' } } };
    const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': incidents, 'action_items.csv': items }, config));
    const notIncident = 'issues resolved as Duplicate, Cannot Reproduce or Declined: no incident of their own';
    // OPS-2 (line 3, Duplicate) is left out; OPS-4 (Won't Do: a flaky alert that fired all the same) stays.
    // OPS-11 (line 3) names OPS-2, so it is left out too.
    expect(messages(files)).toEqual([
      `incidents.csv:3: -: warning: 1 record left out by preset "jira" (${notIncident}), on this line: it is not a row of incidents and counts in no figure`,
      `action_items.csv:3: -: warning: 1 record left out by preset "jira" (its incident_id names a record left out of incidents.csv: ${notIncident}), ` +
        'on this line: it is not a row of action_items and counts in no figure',
    ]);
    expect(data.incidents?.records().map((i) => i.incident_id)).toEqual(['OPS-1', 'OPS-3', 'OPS-4']);
    expect([...(data.action_items ?? [])].map((a) => a.action_id)).toEqual(['OPS-10', 'OPS-12']);
    expect(files.map((f) => [f.rows, f.accepted, f.warnings])).toEqual([[3, 3, 1], [2, 2, 1]]);
  });

  it('an export without a Resolution column ("current fields") says that resolved issues are read as incidents and as done items unchecked', async () => {
    // Without Resolution, OPS-2 (a duplicate, say) is an incident of its own and OPS-11 (Won't Do, say) a
    // completed item: nothing in the file can tell, so the figures may be wrong, and the user is told so.
    const incidents = 'Summary,Issue key,Issue Type,Status,Priority,Created,Resolved\r\n' +
      'A,OPS-1,Incident,Done,Highest,03/Mar/25 9:05 AM,03/Mar/25 11:35 AM\r\nB,OPS-2,Incident,Closed,Highest,04/Mar/25 9:40 AM,04/Mar/25 10:00 AM\r\n' +
      'C,OPS-3,Incident,Open,High,05/Mar/25 9:40 AM,\r\n';
    const items = 'Summary,Issue key,Parent key,Status,Created,Resolved\r\n' +
      'X,OPS-10,OPS-1,Done,03/Mar/25 2:00 PM,04/Mar/25 2:00 PM\r\nY,OPS-11,OPS-1,Closed,03/Mar/25 2:00 PM,05/Mar/25 2:00 PM\r\nZ,OPS-12,OPS-1,Open,03/Mar/25 2:00 PM,\r\n';
    const config = { timezone: 'UTC', datasets: { incidents: { path: 'inc.csv', preset: 'jira' }, action_items: { path: 'ai.csv', preset: 'jira' } } };
    const { data, files } = await loadFolder(tempFolder({ 'inc.csv': incidents, 'ai.csv': items }, config));
    expect(data.incidents?.records().map((i) => i.incident_id)).toEqual(['OPS-1', 'OPS-2', 'OPS-3']);
    expect([...(data.action_items ?? [])].map((a) => [a.action_id, iso(a.completed_at)])).toEqual([
      ['OPS-10', '2025-03-04T14:00:00.000Z'], ['OPS-11', '2025-03-05T14:00:00.000Z'], ['OPS-12', undefined],
    ]);
    // The open issues (OPS-3, OPS-12) need no resolution: 2 of each file are counted.
    expect(messages(files)).toEqual([
      'inc.csv:2: resolved_at: warning: 2 resolved issues are read as incidents (like OPS-1), but the file has no Resolution column to show which were ' +
        'resolved as Duplicate, Cannot Reproduce or Declined: no incident of their own, which would count as incidents too (a duplicate is a second P1, and a recurrence of the one it repeats). ' +
        'Export with the Resolution column (Export → CSV (all fields), or add it to the view)',
      'ai.csv:2: completed_at: warning: 2 resolved action items count as done (like OPS-10), but the file has no Resolution column to show which were ' +
        "closed without being done (Duplicate, Cannot Reproduce, Declined, Won't Do, Won't Fix, Incomplete, Obsolete or Abandoned). " +
        'Export with the Resolution column (Export → CSV (all fields), or add it to the view)',
    ]);
  });

  it('says which columns the header lacks when every incident is left out as a duplicate', async () => {
    // Both rows are resolved as Duplicate, so no incident reaches the figures; the header still says the
    // export has no RCA time and no postmortem lead: p1_rca_48h and postmortem_leads_6m are no_data, as for a
    // canonical header alone, not 0 of the 2.0 cohort leading a postmortem.
    const incidents = [
      'Issue key,Summary,Priority,Resolution,Created,Resolved,Custom field (Service),Custom field (Root Cause Category)',
      'OPS-2,Checkout errors again,Highest,Duplicate,03/Mar/25 9:20 AM,03/Mar/25 9:30 AM,checkout,capacity',
      'OPS-3,Checkout errors once more,High,Duplicate,03/Mar/25 9:25 AM,03/Mar/25 9:30 AM,checkout,capacity',
    ].join('\n');
    const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': incidents }, { datasets: { incidents: { preset: 'jira' } } }));
    expect(data.incidents?.records()).toEqual([]);
    expect([...(files[0]?.absentColumns ?? [])].sort()).toEqual(['postmortem_completed_at', 'postmortem_lead_id', 'rca_completed_at', 'recurrence_of']);
  });

  it('reads an instance that writes dates another way through dateFormat, and says so when it is missing', async () => {
    const csv = 'Issue key,Summary,Priority,Created,Resolved\nOPS-1,Outage,High,2025/03/03 09:05,\n';
    const without = await loadFolder(tempFolder({ 'incidents.csv': csv }, { datasets: { incidents: { preset: 'jira' } } }));
    expect(messages(without.files)).toEqual([
      'incidents.csv:2: opened_at: warning: "2025/03/03 09:05" does not match the date format "dd/MMM/yy h:mm a" or "dd/MMM/yy" of preset "jira"; ' +
        'it reads as "yyyy/M/d H:mm": if the export writes dates that way, set "datasets": { "incidents": { "dateFormat": "yyyy/M/d H:mm" } }',
      'incidents.csv:2: opened_at: expected an ISO 8601 timestamp like 2026-03-01T14:05:00Z, found "2025/03/03 09:05"',
    ]);
    // The format the warning gives reads it: 09:05 in Berlin (UTC+1 in March) is 08:05Z.
    const config = { timezone: 'Europe/Berlin', datasets: { incidents: { preset: 'jira', dateFormat: 'yyyy/M/d H:mm' } } };
    const withFormat = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
    expect(withFormat.data.incidents?.records().map((i) => iso(i.opened_at))).toEqual(['2025-03-03T08:05:00.000Z']);
  });

  describe('a repeated header it reads (a multi-value field: Component/s, Component/s)', () => {
    const csv = [
      'Issue key,Summary,Priority,Created,Custom field (Service),Component/s,Component/s,Labels,Labels',
      'OPS-1,a,High,03/Mar/25 9:05 AM,,payments,search,x,y', // line 2: service payments, "search" not read
      'OPS-2,b,High,04/Mar/25 9:05 AM,checkout,payments,search,x,y', // line 3: the custom field gives the service
      'OPS-3,c,High,05/Mar/25 9:05 AM,,db,,x,y', // line 4: one component
      'OPS-4,d,High,06/Mar/25 9:05 AM,,db,db,x,', // line 5: the same twice, nothing lost
      'OPS-5,e,High,07/Mar/25 9:05 AM,,,queue,,', // line 6: the first empty, "queue" not read
    ].join('\n');
    const componentWarning =
      'incidents.csv:1: service: warning: the header "Component/s" is given twice (one value a column) and preset "jira" reads service ' +
      'from the first only: 2 rows have another value, the first on line 2 ("search"), which count in no figure. ' +
      'To choose the service of such rows, fill "Custom field (Service)", which the preset reads first';

    it('reads the first column, and counts the rows whose later one holds another value in one warning at the header', async () => {
      const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, { datasets: { incidents: { preset: 'jira' } } }));
      // Labels is repeated too, but the preset does not read it: no word about it.
      expect(messages(files)).toEqual([componentWarning]);
      // Every row is kept (a warning, exit 0): lines 2 and 6 count in the figures with their first component.
      expect(files.map((f) => [f.rows, f.accepted, f.warnings])).toEqual([[5, 5, 1]]);
      expect(data.incidents?.records().map((i) => i.service)).toEqual(['payments', 'checkout', 'db', 'db', undefined]);
    });

    it('says so for a repeated header the config maps too, with the config that chooses the value', async () => {
      const config = { datasets: { incidents: { preset: 'jira', columns: { Labels: 'root_cause_category' } } } };
      const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
      // Labels x,y on lines 2, 3 and 4: "y" is not read; line 5 has one label, line 6 none.
      expect(messages(files)).toEqual([
        componentWarning,
        'incidents.csv:1: root_cause_category: warning: the header "Labels" is given twice (one value a column) and preset "jira" reads ' +
          'root_cause_category from the first only: 3 rows have another value, the first on line 2 ("y"), which count in no figure. ' +
          'To choose the root_cause_category of such rows, map a column of one value to it in the config: ' +
          '{ "datasets": { "incidents": { "columns": { "<column holding root_cause_category>": "root_cause_category" } } } }',
      ]);
      expect(data.incidents?.records().map((i) => i.root_cause_category)).toEqual(['x', 'x', 'x', 'x', undefined]);
    });

    it('reads a later column the config maps by its key (Component/s_2) as it says, and then says nothing of it', async () => {
      const config = { datasets: { incidents: { preset: 'jira', columns: { 'Component/s_2': 'root_cause_category' } } } };
      const { data, files } = await loadFolder(tempFolder({ 'incidents.csv': csv }, config));
      expect(messages(files)).toEqual([]);
      expect(data.incidents?.records().map((i) => [i.service, i.root_cause_category])).toEqual([
        ['payments', 'search'], ['checkout', 'search'], ['db', undefined], ['db', 'db'], [undefined, 'queue'],
      ]);
    });

    it('says nothing when no row has a second value', async () => {
      const single = 'Issue key,Priority,Created,Component/s,Component/s\nOPS-1,High,03/Mar/25 9:05 AM,payments,\n';
      const { files } = await loadFolder(tempFolder({ 'incidents.csv': single }, { datasets: { incidents: { preset: 'jira' } } }));
      expect(messages(files)).toEqual([]);
    });
  });
});
