/**
 * Every fatal problem the load stage can raise, with its stable code, its one-line message and its
 * fix. The wording lives here so that the readers only say *what* went wrong and *where*.
 */
import { whyNotRead } from '../core/file-system-words.js';
import { InputError, ReadStoppedAt } from '../core/problems.js';
import type { EncodingProblem } from './encoding.js';

export const LOAD_ERROR_CODES = [
  'data_dir_missing',
  'data_dir_not_a_folder',
  'dataset_ambiguous',
  'dataset_path_missing',
  'file_unreadable',
  'file_empty',
  'file_encoding',
  'file_too_large',
  'csv_unterminated_quote',
  'csv_bad_quote',
  'record_too_large',
  'too_many_columns',
  'csv_malformed',
  'json_invalid',
  'json_no_records',
  'json_two_arrays',
  'json_records_missing',
  'json_repeated_key',
] as const;
export type LoadErrorCode = (typeof LOAD_ERROR_CODES)[number];

const MIB = 1024 * 1024;
/** `8 MiB`, or the exact byte count when it is not a whole number of MiB. */
export const formatBytes = (bytes: number): string =>
  bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;

const inputError = (code: LoadErrorCode, file: string, message: string, hint?: string, line = 0): InputError =>
  new InputError(code, file, message, hint, line);

/** A CSV record csv-parse cannot read, every row before which it gave (see ReadStoppedAt). */
const stoppedAt = (code: LoadErrorCode, file: string, message: string, hint: string | undefined, line: number): ReadStoppedAt =>
  new ReadStoppedAt(code, file, message, hint, line);

export const loadErrors = {
  dataDirMissing: (dir: string) =>
    inputError('data_dir_missing', dir, `data folder not found: ${dir}`, 'Pass the folder holding the exports with --data DIR, or create it with `ops-metrics init`.'),
  dataDirNotAFolder: (dir: string) =>
    inputError('data_dir_not_a_folder', dir, `the data path is not a folder: ${dir}`, 'Pass the folder that holds the export files with --data DIR, not a file.'),
  datasetAmbiguous: (dataset: string, files: readonly string[]) =>
    inputError('dataset_ambiguous', files[0] ?? dataset, `two files for the dataset ${dataset}: ${files.join(', ')}`, 'Keep one of them, or point the dataset at one file with `datasets.<name>.path` in the config.'),
  datasetPathMissing: (dataset: string, file: string) =>
    inputError('dataset_path_missing', file, `the file configured for the dataset ${dataset} does not exist`, `Fix \`datasets.${dataset}.path\` in the config; it is relative to the data folder.`),
  /** From a Node file-system error (`code` such as ENOENT, EACCES, EISDIR). */
  unreadable: (file: string, errnoCode: string | undefined, what: 'file' | 'folder' = 'file') =>
    inputError('file_unreadable', file, `cannot read the ${what}: ${whyNotRead(errnoCode)}`),
  /** `kind` is what the entry is instead of a regular file, in words (`a named pipe`: see entryKind). */
  notAFile: (file: string, kind: string) =>
    inputError('file_unreadable', file, `cannot read the file: is ${kind}, not a file`, 'Only regular files are read: save the export to a file.'),
  fileEmpty: (file: string) =>
    inputError('file_empty', file, 'file is empty', 'Add a header row (CSV) or records (JSON), or remove the file.'),
  notUtf8: (file: string, problem: EncodingProblem) =>
    inputError('file_encoding', file, `${problem.description}; only UTF-8 is read`, 'Export or save the file as UTF-8 (with or without a byte-order mark).', problem.line),
  fileTooLarge: (file: string, size: number, limit: number) =>
    inputError('file_too_large', file, `the JSON file is ${formatBytes(size)}, above the ${formatBytes(limit)} limit for JSON documents`, 'Convert it to NDJSON (one object a line) or CSV, which are read as a stream.'),
  unterminatedQuote: (file: string, line: number) =>
    stoppedAt('csv_unterminated_quote', file, `unterminated quoted field in the record starting on line ${line}`, 'Close the quoted field with a quote, or double the quotes inside it ("").', line),
  badQuote: (file: string, line: number) =>
    stoppedAt('csv_bad_quote', file, `misplaced quote in the record starting on line ${line}`, 'A field holding a quote must be quoted as a whole, with the quote doubled: "5"" monitor".', line),
  recordTooLarge: (file: string, line: number, limit: number) =>
    stoppedAt('record_too_large', file, `the record starting on line ${line} is larger than ${formatBytes(limit)}`, 'This is usually a quoted field that is never closed; check the quotes from that line on.', line),
  /** An NDJSON line holds one record: a line this long is a whole JSON document, or lines joined without their breaks. */
  lineTooLarge: (file: string, line: number, limit: number) =>
    inputError('record_too_large', file, `line ${line} is larger than ${formatBytes(limit)}`, 'NDJSON holds one record a line: a JSON document (one array of records) belongs in a .json file, and records joined without line breaks need them back.', line),
  tooManyColumns: (file: string, line: number, found: number, limit: number) =>
    inputError('too_many_columns', file, `the record starting on line ${line} has ${found} fields, more than the limit of ${limit}`, 'Check the delimiter (`datasets.<name>.delimiter`) and the quoting from that line on.', line),
  csvMalformed: (file: string, line: number, detail: string) =>
    stoppedAt('csv_malformed', file, `cannot parse the record starting on line ${line}: ${detail}`, undefined, line),
  /** `line`/`column` are the physical position of the syntax error (1-based). */
  jsonInvalid: (file: string, line: number, column: number) =>
    inputError('json_invalid', file, `invalid JSON: syntax error at line ${line}, column ${column}`, 'Check the file with a JSON validator; NDJSON files must be named .ndjson or .jsonl.', line),
  jsonNoRecords: (file: string, found: string) =>
    inputError('json_no_records', file, `expected a JSON array of records (or an object holding one array), found ${found}`),
  jsonTwoArrays: (file: string, keys: readonly string[]) =>
    inputError('json_two_arrays', file, `expected one array of records, found several array properties: ${keys.join(', ')}`, 'Keep only the array that holds the records, or export it alone.'),
  /**
   * An object document without the array property `expectedBy` reads the records from (a preset's, such
   * as BambooHR's `employees`); `found` says what the object has instead.
   */
  jsonRecordsMissing: (file: string, property: string, expectedBy: string, found: string) =>
    inputError(
      'json_records_missing', file, `expected the records in the array property "${property}", as ${expectedBy} reads them, found ${found}`,
      `Check that the file is the export ${expectedBy} reads, as downloaded; a JSON array of the records alone is read too.`,
    ),
  /** A key the object holding the records gives twice: `first` and `again` are physical places (1-based). */
  jsonRepeatedKey: (file: string, key: string, first: { line: number; column: number }, again: { line: number; column: number }) =>
    inputError(
      'json_repeated_key', file,
      `the key "${key}" is given twice in the object holding the records (first on line ${first.line} at column ${first.column}, ` +
        `again on line ${again.line} at column ${again.column}); JSON keeps the last, so which value was meant is unclear`,
      'Give each key once: keep the one that was meant, and put all the records in one array.', again.line,
    ),
} satisfies Record<string, (...args: never[]) => InputError>;
