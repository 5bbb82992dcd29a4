/**
 * Every field of every dataset's records has a column in its table, and the table gives the records back
 * as validation made them: each dataset of the demo (CSV, JSON and NDJSON files) is loaded, and its
 * rows are validated again here, record by record, without a table.
 */
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, SEQUENCED_DATASETS, type DatasetName } from '../../src/core/datasets.js';
import { fieldKinds, type TabledDataset } from '../../src/core/record-kinds.js';
import { loadInputs } from '../../src/cli/load-inputs.js';
import { buildRowSchema } from '../../src/validate/row-schema.js';
import { DEMO_DIR, readDemo } from '../fixtures/read-demo.js';

const TABLED = DATASET_NAMES.filter((name): name is TabledDataset => name !== 'survey' && name !== 'incidents');

describe('fieldKinds', () => {
  it('gives a `title` column its level code and a sequenced dataset its row position', () => {
    expect(Object.keys(fieldKinds('job_history'))).toEqual(['employee_id', 'effective_date', 'title', 'level', 'team', 'base_salary', 'total_comp', 'reason', 'seq']);
    expect(fieldKinds('improvements')).toMatchObject({ critical: 'bool', minutes_before: 'number', process: 'text' });
  });

  it('holds every dataset of the demo exactly as validation makes its records', async () => {
    const loaded = await loadInputs({ dataDir: DEMO_DIR, configFlag: undefined, cwd: DEMO_DIR, compact: false });
    if (loaded.kind !== 'loaded') throw new Error(`demo not loaded: ${loaded.kind}`);
    const demo = await readDemo();
    for (const dataset of TABLED) {
      const schema = buildRowSchema(dataset as DatasetName, loaded.config);
      // Cells as the reader gives them to the schema; a sequenced row's position counts from 1.
      const expected = demo.rows[dataset].map((row, i) =>
        schema.parse({ ...row.cells, ...(SEQUENCED_DATASETS.has(dataset) ? { seq: i + 1 } : {}) }));
      const held = [...(loaded.data[dataset] ?? [])];
      expect(held.length, dataset).toBeGreaterThan(0);
      expect(held, dataset).toStrictEqual(expected);
    }
  });
});
