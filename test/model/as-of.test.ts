import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/datasets.js';
import { IncidentTable } from '../../src/core/incident-table.js';
import { cutAtAsOf } from '../../src/model/as-of.js';
import { resolveWindow } from '../../src/model/window.js';
import { emptyData } from '../helpers/org.js';

const window = resolveWindow({ period: '2026-Q3', today: '2026-11-25', timezone: 'UTC' });
const at = (iso: string): number => Date.parse(iso);
const incident = (id: string, opened: string, resolved?: string): Incident => ({
  incident_id: id, opened_at: at(opened), priority: 'P1', title: undefined, service: undefined,
  resolved_at: resolved === undefined ? undefined : at(resolved), rca_completed_at: undefined,
  postmortem_lead_id: undefined, postmortem_completed_at: undefined, root_cause_category: undefined, recurrence_of: undefined,
});

describe('cutAtAsOf', () => {
  // T = 2026-09-30 (the end of 2026-Q3); in UTC its last instant is 2026-09-30T23:59:59.999Z.
  const within = incident('INC-1', '2026-09-01T10:00:00Z', '2026-09-30T23:59:59.999Z');
  const resolvedLater = incident('INC-2', '2026-09-29T10:00:00Z', '2026-10-01T00:00:00Z');
  const openedLater = incident('INC-3', '2026-10-01T00:00:00Z');
  const table = IncidentTable.of([within, resolvedLater, openedLater]);
  const cut = cutAtAsOf({ ...emptyData(), incidents: table }, window);

  it('leaves out incidents opened after T and makes a later resolution absent', () => {
    // INC-3 opened after T is left out; INC-1's resolution at T's last millisecond stays; INC-2's, a
    // millisecond later, reads as absent.
    expect(cut.incidents?.records()).toEqual([within, { ...resolvedLater, resolved_at: undefined }]);
  });

  it('never changes the table it was given', () => {
    expect(table.records()).toEqual([within, resolvedLater, openedLater]);
  });
});
