/**
 * The zod schema of one dataset's rows, generated from the column declarations of src/core/datasets.ts
 * and built per config (time zone, level and priority maps, survey scale). Its input is a row keyed by
 * canonical column (plus `seq`, the row's position, for the datasets whose records carry one); its
 * output is exactly `RecordOf[D]`. Every bad cell of a row is reported, not only the first.
 *
 * The schema is one transform over the whole row rather than a `z.object` of per-cell transforms: it
 * runs for millions of rows, and the per-cell layers cost several times the parsing itself. Its input
 * may be reused from row to row (see canonical-row.ts): the schema keeps no part of it.
 */
import * as z from 'zod/mini';
import type { Config } from '../core/config.js';
import { DATASETS, SEQUENCED_DATASETS, type ColumnSpec, type DatasetName, type RecordOf } from '../core/datasets.js';
import { buildCellParser } from './cell-parser.js';
import { columnRules } from './column-rules.js';
import { failureMessage } from './parse-result.js';
import { checkOrder, ROW_CHECKS } from './row-checks.js';

export { SEQUENCED_DATASETS };

export type RowSchema<D extends DatasetName> = z.ZodMiniType<RecordOf[D], Record<string, unknown>>;

export const columnsOf = (dataset: DatasetName): ReadonlyArray<readonly [string, ColumnSpec]> =>
  Object.entries(DATASETS[dataset].columns as Record<string, ColumnSpec>);

const isRow = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each column of a dataset with the reader of its cells, as the schema and `buildCellReader` read them. */
const cellsOf = (dataset: DatasetName, config: Config) => columnsOf(dataset).map(([column, spec]) => ({
  column,
  // A `title` cell parses to `{ title, level }`; the record holds both side by side.
  isTitle: spec.type === 'title',
  parse: buildCellParser(spec, columnRules(dataset, column, spec, config), config),
}));

/**
 * Reads `columns` of a row cell by cell, as the schema reads them: for a row the schema refused, the
 * values of those cells that are good (a bad or absent cell is left out), so the checks across rows can
 * still look at its key and references.
 */
export const buildCellReader = (dataset: DatasetName, config: Config, columns: readonly string[]) => {
  const cells = cellsOf(dataset, config).filter((cell) => columns.includes(cell.column));
  return (row: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    for (const { column, parse } of cells) {
      const result = parse(row[column]);
      if (result.ok && result.value !== undefined) values[column] = result.value;
    }
    return values;
  };
};

export const buildRowSchema = <D extends DatasetName>(dataset: D, config: Config): RowSchema<D> => {
  const cells = cellsOf(dataset, config);
  const checks = ROW_CHECKS.filter((check) => check.dataset === dataset);
  const sequenced = SEQUENCED_DATASETS.has(dataset);
  // Every record starts as a copy of this one, so all of a dataset's records share one shape (and
  // key order) whatever their cells hold.
  const template: Record<string, unknown> = {};
  for (const { column, isTitle } of cells) {
    if (isTitle) {
      template.title = undefined;
      template.level = undefined;
    } else template[column] = undefined;
  }
  if (sequenced) template.seq = undefined;

  // One transform that checks the input itself, rather than `z.custom(isRow).transform(...)`: a pipe of
  // two schemas costs a second pass through zod for every row. zod/mini's transform hands it the parse's
  // own payload, whose issues it adds to (classic zod's would make an `addIssue` closure for every row).
  // Each issue carries its message, so zod's error map is never asked for one.
  return z.transform((row: unknown, ctx) => {
    if (!isRow(row)) {
      ctx.issues.push({ code: 'custom', message: 'expected a row object', input: row });
      return z.NEVER;
    }
    const record: Record<string, unknown> = { ...template };
    // Made at the first bad cell only: most rows have none.
    let failed: string[] | undefined;
    for (let i = 0; i < cells.length; i++) {
      const { column, isTitle, parse } = cells[i] as (typeof cells)[number];
      const result = parse(row[column]);
      if (!result.ok) {
        (failed ??= []).push(column);
        ctx.issues.push({ code: 'custom', message: failureMessage(result), path: [column], input: row[column] });
      } else if (isTitle) {
        const { title, level } = result.value as { title: string; level: string };
        record.title = title;
        record.level = level;
      } else record[column] = result.value;
    }
    // A check between two columns runs only when both parsed, so a bad cell is not reported twice.
    for (const check of checks) {
      if (failed !== undefined && (failed.includes(check.low) || failed.includes(check.high))) continue;
      const message = checkOrder(check, record);
      if (message === undefined) continue;
      (failed ??= []).push(check.reportOn);
      ctx.issues.push({ code: 'custom', message, path: [check.reportOn], input: row[check.reportOn] });
    }
    if (sequenced) {
      if (Number.isInteger(row.seq)) record.seq = row.seq;
      else ctx.issues.push({ code: 'custom', message: 'expected the row position as an integer', path: ['seq'], input: row.seq });
    }
    return failed !== undefined || (sequenced && record.seq === undefined) ? z.NEVER : record;
  }) as unknown as RowSchema<D>;
};
