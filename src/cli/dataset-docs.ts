/**
 * Human descriptions of the canonical datasets, generated from the declarations in src/core/datasets.ts:
 * `ops-metrics schema` prints them, and the README's dataset section is the Markdown form (a test keeps
 * the README in step).
 */
import { DATASETS, type ColumnSpec, type DatasetName } from '../core/datasets.js';
import { displayWidth, padEndToWidth } from '../reporters/display-width.js';

export const typeName = (spec: ColumnSpec): string => {
  if (spec.type === 'enum') return spec.values!.join(' / ');
  if (spec.type === 'number' && spec.min !== undefined && spec.max !== undefined) return `number ${spec.min} to ${spec.max}`;
  if (spec.type === 'number' && spec.min !== undefined) return `number ${spec.exclusiveMin ? '>' : '≥'} ${spec.min}`;
  return spec.type;
};

const columnsOf = (dataset: DatasetName): Array<[string, ColumnSpec]> => Object.entries(DATASETS[dataset].columns);

export function datasetText(dataset: DatasetName): string {
  const rows = columnsOf(dataset).map(([name, spec]) => [`${name}${spec.required ? '*' : ''}`, typeName(spec), spec.meaning]);
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  const lines = rows.map((r) => `  ${padEndToWidth(r[0]!, widths[0]!)}  ${padEndToWidth(r[1]!, widths[1]!)}  ${r[2]}`);
  return [`${dataset} — ${DATASETS[dataset].title}  (${dataset}.csv / .json / .ndjson / .jsonl; * = required)`, ...lines].join('\n');
}

const mdCell = (text: string): string => text.replace(/\|/g, '\\|');

export function datasetMarkdown(dataset: DatasetName): string {
  const rows = columnsOf(dataset).map(
    ([name, spec]) => `| \`${name}\`${spec.required ? ' *' : ''} | ${mdCell(typeName(spec))} | ${mdCell(spec.meaning)} |`,
  );
  return [`#### \`${dataset}\` — ${DATASETS[dataset].title}`, '', '| column | type | meaning |', '|---|---|---|', ...rows].join('\n');
}

export const allDatasetsMarkdown = (names: readonly DatasetName[]): string => names.map(datasetMarkdown).join('\n\n');

/** A header-only CSV template of a dataset (for `init`). */
export const templateCsv = (dataset: DatasetName): string => `${Object.keys(DATASETS[dataset].columns).join(',')}\n`;
