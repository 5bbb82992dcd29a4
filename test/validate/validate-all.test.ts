import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/core/raw-row.js';
import { validateAll, type DatasetInput } from '../../src/validate/validate-all.js';
import { configOf, csvRows } from './support.js';

type Source = () => AsyncIterable<RawRow>;

describe('validateAll', () => {
  it('validates in dependency order whatever the input order, and fills OrgData', async () => {
    const inputs: Array<DatasetInput<Source>> = [
      { dataset: 'action_items', file: 'action_items.csv', source: () => csvRows(['action_id', 'incident_id', 'created_at'], ['A1', 'INC-9', '2026-01-02']) },
      { dataset: 'job_history', file: 'job_history.csv', source: () => csvRows(['employee_id', 'effective_date', 'title'], ['E2', '2020-01-01', 'Ops Engineer']) },
      { dataset: 'incidents', file: 'incidents.csv', source: () => csvRows(['incident_id', 'opened_at', 'priority'], ['INC-1', '2026-01-01', 'P1']) },
      { dataset: 'people', file: 'people.csv', source: () => csvRows(['employee_id', 'title', 'hire_date'], ['E1', 'Ops Engineer', '2020-01-01']) },
    ];
    const { data, results } = await validateAll(inputs, configOf(), (source) => source());
    expect(results.map((result) => result.dataset)).toEqual(['people', 'job_history', 'incidents', 'action_items']);
    // Both references were checked, so people and incidents were validated first.
    expect(results.flatMap((result) => result.problems.map((problem) => problem.message))).toEqual([
      'employee_id "E2" is not in people.csv',
      'incident_id "INC-9" is not in incidents.csv',
    ]);
    expect(data.people).toHaveLength(1);
    expect(data.job_history).toEqual([]);
    expect(data.incidents?.[0]?.opened_at).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(data.survey).toBeUndefined();
    expect(Object.keys(data)).toHaveLength(14);
  });
});
