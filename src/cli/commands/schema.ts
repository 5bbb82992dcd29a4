/** `ops-metrics schema [DATASET]`: the canonical columns, as text, Markdown or JSON Schema. */
import { DATASET_NAMES, type DatasetName } from '../../core/datasets.js';
import { UsageError } from '../../core/problems.js';
import { presetDocs, presetsJson } from '../../presets/index.js';
import { buildJsonSchema, buildJsonSchemas } from '../../validate/json-schema.js';
import { allDatasetsMarkdown, datasetText } from '../dataset-docs.js';
import { EXIT, type ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';

export interface SchemaOptions {
  readonly format: 'text' | 'json' | 'markdown';
  /** List the vendor presets instead of the canonical columns. */
  readonly presets?: boolean;
}

export function datasetsOf(name: string | undefined): DatasetName[] {
  if (name === undefined) return [...DATASET_NAMES];
  const found = DATASET_NAMES.find((d) => d === name.trim().toLowerCase().replace(/[-\s]+/g, '_'));
  if (!found) throw new UsageError(`unknown dataset "${name}"; the datasets are: ${DATASET_NAMES.join(', ')}`);
  return [found];
}

export function runSchema(dataset: string | undefined, options: SchemaOptions, io: Io): ExitCode {
  if (options.presets === true) {
    if (dataset !== undefined) throw new UsageError('schema --presets lists every preset; give no dataset');
    io.out(options.format === 'json' ? `${JSON.stringify(presetsJson(), null, 2)}\n` : presetDocs(options.format));
    return EXIT.passed;
  }
  const names = datasetsOf(dataset);
  if (options.format === 'json') {
    io.out(`${JSON.stringify(names.length === 1 ? buildJsonSchema(names[0]!) : buildJsonSchemas(names), null, 2)}\n`);
  } else if (options.format === 'markdown') {
    io.out(`${allDatasetsMarkdown(names)}\n`);
  } else {
    io.out(`${names.map(datasetText).join('\n\n')}\n`);
  }
  return EXIT.passed;
}
