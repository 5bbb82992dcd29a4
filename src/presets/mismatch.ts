/**
 * The message for a file that does not fit its preset (issue: "a clear error for a mismatch"): which
 * canonical columns could not be found and where they were looked for, the columns that were there, and
 * the config that would map them — or the preset the file does fit.
 */
import type { DatasetName } from '../core/datasets.js';
import { InputError } from '../core/problems.js';
import { CANONICAL_PRESET_NAME } from './canonical.js';

export interface MissingColumn {
  readonly column: string;
  /** The headers or paths the preset looked for. */
  readonly lookedFor: readonly string[];
  /** Why nothing was looked for, when that is the case (`levelColumn` is not set). */
  readonly why?: string;
  /** Sources found that hold no value but an object or an array (`kind`, as the validator names it). */
  readonly notValues?: readonly { readonly path: string; readonly kind: string }[];
}

/** A config fragment on one line, as it would be written in the file. */
export const configSnippet = (fragment: unknown): string => JSON.stringify(fragment, null, 1).replace(/\n\s*/g, ' ');

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(' or ');

const describeMissing = (missing: MissingColumn): string => {
  if (missing.why !== undefined) return `${missing.column} (${missing.why})`;
  if (missing.lookedFor.length === 0) return missing.column;
  const held = (missing.notValues ?? []).map(({ path, kind }) => `; "${path}" holds ${kind}, not a value`).join('');
  return `${missing.column} (looked for ${quoted(missing.lookedFor)}${held})`;
};

/** The `columns` entries that map a column of the user's choice to each of `columns`. */
export const placeholderColumns = (columns: readonly string[]): Record<string, string> =>
  Object.fromEntries(columns.map((column) => [`<column holding ${column}>`, column]));

/** The config entry that maps a column of the user's choice to each missing canonical column. */
export const columnsSnippet = (dataset: DatasetName, missing: readonly MissingColumn[]): string =>
  configSnippet({ datasets: { [dataset]: { columns: placeholderColumns(missing.map((m) => m.column)) } } });

export interface MismatchContext {
  readonly file: string;
  readonly dataset: DatasetName;
  readonly preset: string;
  /** The columns of the file (CSV header keys, or a JSON record's keys). */
  readonly found: readonly string[];
  /** Other presets this file's columns do fit. */
  readonly fits: readonly string[];
  /** The header's line (1 for a CSV), or 0 for a JSON document. */
  readonly line: number;
  /** The config that supplies the missing columns; default: a `columns` map of placeholders. */
  readonly fix?: Readonly<Record<string, unknown>>;
  /** Why that config, when it is not the placeholders. */
  readonly fixWhy?: string;
}

export function presetMismatch(context: MismatchContext, missing: readonly MissingColumn[]): InputError {
  const { file, dataset, preset, found, fits } = context;
  const message =
    `the file does not fit ${preset === CANONICAL_PRESET_NAME ? 'the canonical columns' : `preset "${preset}"`} for ${dataset}: ` +
    `no column for ${missing.map(describeMissing).join(', ')}; ` +
    `the file has: ${found.length === 0 ? '(no columns)' : found.join(', ')}`;
  const elsewhere = fits.length === 0 ? '' : `It fits preset ${quoted(fits)}: ${configSnippet({ datasets: { [dataset]: { preset: fits[0] } } })}, or `;
  const fix = context.fix === undefined ? columnsSnippet(dataset, missing) : configSnippet(context.fix);
  const why = context.fixWhy === undefined ? '' : ` (${context.fixWhy})`;
  const hint = `${elsewhere}${elsewhere === '' ? 'M' : 'm'}ap the columns in the config${why}: ${fix}`;
  return new InputError('preset_mismatch', file, message, hint, context.line);
}
