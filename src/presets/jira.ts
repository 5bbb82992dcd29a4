/**
 * Jira's issue-navigator CSV ("Export → CSV (all fields)"), for incidents and for postmortem action
 * items. Dates are `dd/MMM/yy h:mm a` without an offset (read in the configured zone; admins can change
 * the format: `dateFormat`); the file starts with a BOM; multi-value fields repeat their header
 * (`Labels`, `Labels`; `Component/s`, `Component/s`): a column read from one takes its first value, and
 * rows with more are counted in a warning. Custom fields are `Custom field (<Name>)`. A resolution such
 * as `Won't Do` ends an action item without completing it, and leaves an incident out: an issue closed as
 * `Duplicate` (or `Declined`, `Cannot Reproduce`...) is not an incident of its own, and read as one it
 * would count as a P1 without an RCA, or as a recurrence of the incident it duplicates. Its action items are
 * left out with it. An item's owner is not read: `Assignee` is a person's display name, not an employee id.
 */
import { normaliseHeader } from '../validate/headers.js';
import { definePreset, type Condition, type DateRule, type RowWatch } from './preset.js';

const dates: DateRule = { formats: ['dd/MMM/yy h:mm a', 'dd/MMM/yy'], timeZone: { kind: 'configured' } };

/**
 * Resolutions that say an issue is no incident of its own: another ticket holds it, or it never happened
 * as reported. Such an issue counted as an incident made a second P1 of one, and a recurrence of itself.
 */
const NOT_AN_INCIDENT_RESOLUTIONS = ['Duplicate', 'Cannot Reproduce', 'Declined'];

/**
 * Resolutions that close an issue without doing it: the above, and those of work dropped. An incident
 * closed as Won't Fix happened all the same (an accepted risk), so it stays an incident; an action item
 * closed so is not done.
 */
const NOT_DONE_RESOLUTIONS = [...NOT_AN_INCIDENT_RESOLUTIONS, "Won't Do", "Won't Fix", 'Incomplete', 'Obsolete', 'Abandoned'];

/** Holds for an issue not closed by one of them: still open, or done. */
const NOT_CLOSED_UNDONE: Condition = { source: 'Resolution', notIn: NOT_DONE_RESOLUTIONS };

const listed = (words: readonly string[]): string => `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

const EXPORT_RESOLUTION = 'Export with the Resolution column (Export → CSV (all fields), or add it to the view)';

/**
 * A resolved issue of an export without a Resolution column ("current fields" of a view without it): the
 * filters above cannot see how it was closed, so it is read as an incident, or as a done item, unchecked.
 * An empty Resolution cell is an unresolved issue; only the column's absence is counted.
 */
const resolutionUnseen = (column: 'resolved_at' | 'completed_at', message: (count: number, example: string) => string): RowWatch => ({
  column,
  example: (row) => (row.read('Resolution') === undefined && row.canonical[column] !== undefined ? String(row.read('Issue key')) : undefined),
  message,
});

const incidentResolutionUnseen = resolutionUnseen('resolved_at', (count, example) =>
  `${count} resolved ${count === 1 ? 'issue is read as an incident' : 'issues are read as incidents'} (like ${example}), but the file has no Resolution column to show which ` +
  `${count === 1 ? 'was' : 'were'} resolved as ${listed(NOT_AN_INCIDENT_RESOLUTIONS)}: no incident of their own, which would count as incidents too ` +
  `(a duplicate is a second P1, and a recurrence of the one it repeats). ${EXPORT_RESOLUTION}`);

const itemResolutionUnseen = resolutionUnseen('completed_at', (count, example) =>
  `${count} resolved action ${count === 1 ? 'item counts' : 'items count'} as done (like ${example}), but the file has no Resolution column to show which ` +
  `${count === 1 ? 'was' : 'were'} closed without being done (${listed(NOT_DONE_RESOLUTIONS)}). ${EXPORT_RESOLUTION}`);

export const jira = definePreset({
  name: 'jira',
  title: 'Jira issue-navigator CSV export',
  datasets: {
    incidents: {
      columns: {
        incident_id: ['Issue key'],
        opened_at: ['Created'],
        priority: ['Priority'],
        title: ['Summary'],
        resolved_at: ['Resolved'],
        service: ['Custom field (Service)', 'Component/s'],
        root_cause_category: ['Custom field (Root Cause Category)', 'Custom field (Root Cause)'],
      },
      dates,
      repeatedHeaders: 'multi-value',
      // Both of Jira's default schemes, highest first; `Critical` is P2 under Blocker.
      priorities: {
        Highest: 'P1', High: 'P2', Medium: 'P3', Low: 'P4', Lowest: 'P5',
        Blocker: 'P1', Critical: 'P2', Major: 'P3', Minor: 'P4', Trivial: 'P5',
      },
      keep: [{ source: 'Resolution', notIn: NOT_AN_INCIDENT_RESOLUTIONS }],
      leftOut: `issues resolved as ${listed(NOT_AN_INCIDENT_RESOLUTIONS)}: no incident of their own`,
      watches: [incidentResolutionUnseen],
    },
    action_items: {
      columns: {
        action_id: ['Issue key'],
        incident_id: ['Custom field (Incident)', 'Parent key'],
        created_at: ['Created'],
        completed_at: [{ from: 'Resolved', when: NOT_CLOSED_UNDONE }],
        // Not Assignee: it holds a display name, which would show where ids belong (in JUnit and GitHub
        // output too, where names never go) and match no employee id. A column of ids is the user's to map.
      },
      dates,
      repeatedHeaders: 'multi-value',
      watches: [itemResolutionUnseen],
      // Sub-tasks that name their parent only by its numeric issue id: both sides must hold that id.
      mismatchFix: (found, missing) => {
        // The header as the file spells it (`Parent ID`), the id column first when both are there.
        const parent = ['Parent id', 'Parent'].map((name) => found.find((key) => normaliseHeader(key) === normaliseHeader(name))).find((key) => key !== undefined);
        if (parent === undefined || !missing.includes('incident_id')) return undefined;
        return {
          fixWhy: `its sub-tasks name their incident by its numeric issue id in "${parent}": map that, and "Issue id" for the incidents, so both sides hold the same id`,
          fix: { datasets: { incidents: { columns: { 'Issue id': 'incident_id' } }, action_items: { columns: { [parent]: 'incident_id' } } } },
        };
      },
    },
  },
});
