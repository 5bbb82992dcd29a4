/**
 * A record table gives the same report whether it keeps its records as they came (every file of the
 * demo: the largest has ~2,300 rows) or holds them in columns (files past 8,192 rows): the demo's report,
 * computed from tables moved into columns from their first record, is the same to the byte.
 */
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, type OrgData } from '../../src/core/datasets.js';
import { fieldKinds, type TabledDataset } from '../../src/core/record-kinds.js';
import { RecordTable } from '../../src/core/record-table.js';
import { loadInputs } from '../../src/cli/load-inputs.js';
import { resolveWindow } from '../../src/model/window.js';
import { computeReport } from '../../src/report/compute-report.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { DEMO_DIR } from '../fixtures/read-demo.js';

const TABLED = DATASET_NAMES.filter((name): name is TabledDataset => name !== 'survey' && name !== 'incidents');

describe('record tables kept whole or in columns', () => {
  it('give the demo the same report', async () => {
    const loaded = await loadInputs({ dataDir: DEMO_DIR, configFlag: undefined, cwd: DEMO_DIR });
    if (loaded.kind !== 'loaded') throw new Error(`demo not loaded: ${loaded.kind}`);
    const { config, data } = loaded;
    const inColumns = { ...data } as Record<string, unknown>;
    for (const dataset of TABLED) {
      const rows = data[dataset];
      if (rows !== undefined) inColumns[dataset] = RecordTable.of(fieldKinds(dataset), rows as Iterable<never>, 0);
    }
    const jsonOf = (org: OrgData, period: string): string => {
      const window = resolveWindow({ period, today: '2026-11-25', timezone: config.timezone });
      return jsonReporter(computeReport({ data: org, config, window, inputs: [], failOn: 'never', names: true, toolVersion: 'test' }), { color: false });
    };
    for (const period of ['2026-Q3', '2025-Q4', '2026']) {
      const whole = jsonOf(data, period);
      expect(jsonOf(inColumns as OrgData, period), period).toBe(whole);
      // Not a report of nothing: the demo's figures are there.
      expect(whole).toContain('"status": "met"');
    }
  });
});
