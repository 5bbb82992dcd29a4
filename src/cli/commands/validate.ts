/** `ops-metrics validate`: every problem of every dataset file, then a summary; exit 0 only when clean. */
import { EXIT, type ExitCode } from '../exit-code.js';
import { oneThreadFor } from '../heap-growth.js';
import type { Io } from '../io.js';
import { createProgress } from '../progress.js';
import { findConfigFile } from '../../config/index.js';
import { refuseOutputOverInput } from '../output-target.js';
import { writeReport } from '../write-output.js';
import { hasErrors, loadInputs } from '../load-inputs.js';
import { missingColumns } from '../missing-columns.js';
import { problemLimits, problemLine, PROBLEMS_IN_JSON_PER_FILE, PROBLEMS_SHOWN_PER_FILE, validationJson, validationText } from '../validation-output.js';

export interface ValidateOptions {
  readonly data: string;
  readonly config?: string;
  /** `--preset <dataset>=<preset>` values. */
  readonly preset?: readonly string[];
  readonly format: 'text' | 'json';
  /** `--max-problems`: problems shown per file, 0 for all; the format's default when absent. */
  readonly maxProblems?: number;
  /** `--output`: the listing to this file instead of standard output (a CI job keeps the JSON as an artifact). */
  readonly output?: string;
}

export async function runValidate(options: ValidateOptions, io: Io): Promise<ExitCode> {
  const progress = createProgress(io.progressStream ?? { write: () => true }, io.progressStream !== undefined && options.format === 'text');
  const limits = problemLimits(options.maxProblems, options.format === 'json' ? PROBLEMS_IN_JSON_PER_FILE : PROBLEMS_SHOWN_PER_FILE);
  // A config with problems ends the run before the data files are found: the listing of its problems must
  // not land on it either, so --output is checked against the config first.
  refuseOutputOverInput(options.output, [], await findConfigFile(options.config, options.data, io.cwd), io.cwd, 'the problems');
  const loaded = await loadInputs({ dataDir: options.data, configFlag: options.config, cwd: io.cwd, presetFlags: options.preset ?? [], progress, keepRecords: false, problemCap: limits.kept, workerScript: io.workerScript, adoptTimeZone: io.adoptTimeZone, whenLarge: io.tuneForLargeInput,
    whenFound: (sources, configPath) => refuseOutputOverInput(options.output, sources, configPath, io.cwd, 'the problems', options.data), oneThread: oneThreadFor(io) });
  const write = (text: string): Promise<void> => writeReport([text], options.output, io);
  if (loaded.kind === 'config-problems') {
    const lines = loaded.problems.map(problemLine).join('\n') + '\n';
    // The JSON listing is read by programs: lines of text in its place (or in the file --output names)
    // would be a broken document. It is not made, as when the data folder is missing; the lines go to
    // standard error.
    if (options.format === 'json') io.err(lines);
    else await write(lines);
    return EXIT.invalid;
  }
  if (loaded.kind === 'fatal') throw loaded.error;
  const missing = missingColumns(loaded.files, loaded.config);
  await write(options.format === 'json'
    ? validationJson(loaded.files, limits.shown, loaded.notRead, missing)
    : validationText(loaded.files, limits.shown, loaded.notRead, missing));
  return hasErrors(loaded.files) ? EXIT.invalid : EXIT.passed;
}
