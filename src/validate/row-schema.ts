/**
 * The zod schema of one dataset's rows, generated from the column declarations of src/core/datasets.ts
 * and built per config (time zone, level and priority maps, survey scale). Its input is a row keyed by
 * canonical column (plus `seq`, the row's position, for the datasets whose records carry one); its
 * output is exactly `RecordOf[D]`. Every bad cell of a row is reported, not only the first.
 */
import { z } from 'zod';
import type { Config } from '../core/config.js';
import { DATASETS, type ColumnSpec, type DatasetName, type RecordOf } from '../core/datasets.js';
import { buildCellParser } from './cell-parser.js';
import { columnRules } from './column-rules.js';
import { failureMessage } from './parse-result.js';
import { checkOrder, ROW_CHECKS, type OrderCheck } from './row-checks.js';

/** Datasets whose records keep their position in the file (later rows win ties). */
export const SEQUENCED_DATASETS: ReadonlySet<DatasetName> = new Set(['job_history', 'automation_coverage']);

export type RowSchema<D extends DatasetName> = z.ZodType<RecordOf[D], Record<string, unknown>>;

export const columnsOf = (dataset: DatasetName): ReadonlyArray<readonly [string, ColumnSpec]> =>
  Object.entries(DATASETS[dataset].columns as Record<string, ColumnSpec>);

const cellSchema = (dataset: DatasetName, column: string, spec: ColumnSpec, config: Config): z.ZodType => {
  const parseCell = buildCellParser(spec, columnRules(dataset, column, spec, config), config);
  // `.optional()` lets a key be absent from the input; the transform still runs and reports a required one.
  return z.unknown().optional().transform((raw, ctx) => {
    const result = parseCell(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: failureMessage(result), input: raw });
    return z.NEVER;
  });
};

/** Runs a two-column check only when both of its cells parsed, so a bad cell is not reported twice. */
const orderCheck = (check: OrderCheck) =>
  z.superRefine<Record<string, unknown>>(
    (row, ctx) => {
      const message = checkOrder(check, row);
      if (message !== undefined) ctx.addIssue({ code: 'custom', message, path: [check.reportOn], input: row[check.high] });
    },
    { when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === check.low || issue.path?.[0] === check.high) },
  );

/** A `title` cell parses to `{ title, level }`; the record holds both side by side. */
const recordBuilder = (dataset: DatasetName) => {
  const columns = columnsOf(dataset).map(([column, spec]) => ({ column, isTitle: spec.type === 'title' }));
  const sequenced = SEQUENCED_DATASETS.has(dataset);
  return (parsed: Record<string, unknown>): Record<string, unknown> => {
    const record: Record<string, unknown> = {};
    for (const { column, isTitle } of columns) {
      const value = parsed[column];
      if (isTitle) Object.assign(record, value as { title: string; level: string });
      else record[column] = value;
    }
    if (sequenced) record.seq = parsed.seq;
    return record;
  };
};

export const buildRowSchema = <D extends DatasetName>(dataset: D, config: Config): RowSchema<D> => {
  const shape: Record<string, z.ZodType> = {};
  for (const [column, spec] of columnsOf(dataset)) shape[column] = cellSchema(dataset, column, spec, config);
  if (SEQUENCED_DATASETS.has(dataset)) shape.seq = z.number().int();
  let schema: z.ZodType<Record<string, unknown>> = z.object(shape);
  for (const check of ROW_CHECKS) {
    if (check.dataset === dataset) schema = schema.check(orderCheck(check));
  }
  return schema.transform(recordBuilder(dataset)) as unknown as RowSchema<D>;
};
