/** `ops-metrics report`: validate, compute, render, write; the exit code follows the gate. */
// Synchronous file calls: each is one small read or write, which an asynchronous call would hand to
// libuv's thread pool (started for it) and wait for.
import { appendFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config, FailOn } from '../../core/config.js';
import { errnoCode, whyNotRead } from '../../core/file-system-words.js';
import { InputError, UsageError } from '../../core/problems.js';
import type { Report } from '../../core/report.js';
import { periodBounds, resolveWindow, type ReportWindow } from '../../model/window.js';
import { computeReport } from '../../report/compute-report.js';
import { reportCautions } from '../../report/cautions.js';
import { recordFilters, type RecordFilters } from '../../report/horizon.js';
import { quarterFigures, runWindows, trendLabels, withHistory } from '../../report/trend.js';
import { withoutNames } from '../../report/without-names.js';
import type { Format } from '../../reporters/formats.js';
import { loadPieceReporter, loadReporter } from '../../reporters/load-reporter.js';
import { readWholeLatin1 } from '../../load/open-input.js';
import { parseReportLatin1 } from '../../report/previous-json.js';
import { dateInZone } from '../../validate/time-zone.js';
import { useColor } from '../color.js';
import { EXIT, type ExitCode } from '../exit-code.js';
import { COLLECT_BETWEEN_STEPS_BYTES, oneThreadFor } from '../heap-growth.js';
import { hasErrors, loadInputs } from '../load-inputs.js';
import { stepSummaryChunk } from '../step-summary.js';
import { notReadLines, problemLimits, problemLine, problemLines, PROBLEMS_SHOWN_PER_FILE, validationText } from '../validation-output.js';
import { TOOL_VERSION } from '../version.js';
import type { Io } from '../io.js';
import { createProgress } from '../progress.js';
import { whyNotWritten, writeReport } from '../write-output.js';
import { refuseOutputOverInput, sameFile } from '../output-target.js';
import { shellWord } from '../shell-word.js';

const MACHINE_FORMATS: ReadonlySet<Format> = new Set(['json', 'junit', 'github', 'csv']);

export interface ReportOptions {
  readonly data: string;
  readonly config?: string;
  /** `--preset <dataset>=<preset>` values. */
  readonly preset?: readonly string[];
  readonly period?: string;
  readonly asOf?: string;
  readonly format: Format;
  readonly output?: string;
  readonly failOn: FailOn;
  readonly skipInvalid: boolean;
  /** `--max-problems`: problems listed per file, 0 for all; 50 when absent. */
  readonly maxProblems?: number;
  readonly names: boolean;
  readonly color: boolean;
  readonly compare?: string;
  readonly trend?: number;
}

/** The validate command that lists the problems of what this run read: its data folder, config and presets. */
const validateCommand = (options: ReportOptions): string =>
  ['ops-metrics validate', '--data', shellWord(options.data),
    ...(options.config === undefined ? [] : ['--config', shellWord(options.config)]),
    ...(options.preset ?? []).flatMap((preset) => ['--preset', shellWord(preset)])].join(' ');

/** --compare's earlier report, read from the descriptor that was checked: a pipe put in its place cannot be waited on. */
export function readPrevious(path: string): unknown {
  const read = readWholeLatin1(path);
  if ('notAFile' in read) throw new UsageError(`--compare: ${path} is ${read.notAFile}, not a JSON report`);
  if ('error' in read) throw new UsageError(`--compare: cannot read ${path}: ${whyNotRead(errnoCode(read.error))}`);
  try {
    return parseReportLatin1(read.content);
  } catch {
    throw new UsageError(`--compare: ${path} is not a JSON report (invalid JSON); write one with \`ops-metrics report --format json\``);
  }
}

interface EarlierReport {
  readonly attach: (report: Report, minGroupSize: number) => Report;
  readonly asOf: string | undefined;
  /** Where the two reports were judged otherwise (see comparisonCautions). */
  readonly cautions: (report: Report) => string[];
}

/** --compare's figures, how they are attached to the report made, the earlier report's as-of date, and what differs in how it judged. */
async function readEarlierFigures(path: string): Promise<EarlierReport> {
  // Loaded only for --compare: its schema of an earlier report is built when the module loads.
  const { attachPrevious, comparisonCautions, earlierFigures } = await import('../../report/compare.js');
  const figures = earlierFigures(readPrevious(path), path);
  return {
    attach: (report, minGroupSize) => attachPrevious(report, figures, minGroupSize),
    asOf: figures.asOf,
    cautions: (report) => comparisonCautions(report, figures),
  };
}

/**
 * GitHub's step summary: appended, never overwritten, and kept under its size limit. Never with names,
 * as the annotations. A file that cannot be written is the user's setting, not the tool's fault: one line
 * and code 2, as for `--output`.
 */
async function appendStepSummary(path: string, report: Report): Promise<void> {
  const markdownReporter = await loadReporter('markdown');
  let existing = 0;
  try {
    existing = statSync(path).size;
  } catch {
    // No summary file yet: this chunk starts it.
  }
  const chunk = stepSummaryChunk(markdownReporter(withoutNames(report), { color: false }), existing);
  try {
    appendFileSync(path, chunk);
  } catch (error) {
    throw new InputError('output_unwritable', path, `cannot append the step summary (GITHUB_STEP_SUMMARY) to ${path}: ${whyNotWritten(error)}`);
  }
}

/** The windows the report is computed for: the period's, then each quarter of `--trend`. */
function reportWindows(options: ReportOptions, today: string, timezone: string): ReportWindow[] {
  return runWindows(resolveWindow({ period: options.period, asOf: options.asOf, today, timezone }), options.trend, today);
}

/**
 * What the run can read, from its windows (report/horizon.ts). The windows can be made: runReport has
 * refused a period, as-of date or trend that cannot, before reading anything.
 */
function filtersFor(options: ReportOptions, now: number) {
  return (config: Config): RecordFilters => recordFilters(reportWindows(options, dateInZone(now, config.timezone), config.timezone), config);
}

export async function runReport(options: ReportOptions, io: Io): Promise<ExitCode> {
  // Read once: the records kept are chosen for the windows of this instant's default period.
  const now = io.now();
  // Progress only for a person at a terminal: never in machine-read formats or CI logs.
  const watched = io.progressStream !== undefined && !MACHINE_FORMATS.has(options.format);
  const progress = createProgress(io.progressStream ?? { write: () => true }, watched);
  // A large run collects in full at a few points: before the survey's worker starts, and between steps.
  let collect: (() => void) | undefined;
  const whenLarge = async (bytes: number): Promise<(() => void) | undefined> => {
    await io.tuneForLargeInput?.();
    if (bytes >= COLLECT_BETWEEN_STEPS_BYTES) collect = await io.fullCollection?.();
    return collect;
  };
  // A --period, --as-of or --trend that cannot be read is refused before any file is. By calendar dates
  // alone (the zone, unknown yet, moves only the default period): asking a zone's rules before the
  // configured one is adopted (local-zone.ts) would bring ICU's data into memory, 6-7 MiB at large.
  trendLabels(periodBounds({ period: options.period, asOf: options.asOf, today: new Date(now).toISOString().slice(0, 10) }).end, options.trend);
  // Writing over the report compared with would lose it: refused before anything is read.
  if (options.compare !== undefined && options.output !== undefined && sameFile(resolve(io.cwd, options.output), resolve(io.cwd, options.compare))) {
    throw new UsageError(`--output ${options.output} is the --compare report: write the report elsewhere`);
  }
  // --compare's earlier report is read before any data file: one that cannot be read is refused before
  // any is read, not after minutes of a large folder, and only its figures are held while the report is made (its
  // parsed JSON is let go before any data file is read; readWholeLatin1 says how the file is read). Read
  // by the thread that makes the report: on the main thread, before a large folder goes to a worker, its
  // garbage would stay there for the whole run (+170 MiB for a 24 MB report).
  let earlier: EarlierReport | undefined;
  const beforeReading = options.compare === undefined ? undefined : async (): Promise<void> => {
    earlier = await readEarlierFigures(options.compare!);
  };
  const limits = problemLimits(options.maxProblems, PROBLEMS_SHOWN_PER_FILE);
  const loaded = await loadInputs({ dataDir: options.data, configFlag: options.config, cwd: io.cwd, presetFlags: options.preset ?? [], progress, problemCap: limits.kept, workerScript: io.workerScript, adoptTimeZone: io.adoptTimeZone, whenLarge, filtersFor: filtersFor(options, now),
    whenFound: (sources, configPath) => refuseOutputOverInput(options.output, sources, configPath, io.cwd, 'the report', options.data), oneThread: oneThreadFor(io), beforeReading });
  if (loaded.kind === 'config-problems') {
    io.err(loaded.problems.map(problemLine).join('\n') + '\n');
    return EXIT.invalid;
  }
  if (loaded.kind === 'fatal') throw loaded.error;
  const { config, data, files } = loaded;
  // Which file is a dataset's is the user's to settle: --skip-invalid passes bad rows and files, not a choice between two.
  const unresolved = files.some((f) => f.unresolved === true);
  if (hasErrors(files) && (!options.skipInvalid || unresolved)) {
    io.err(validationText(files, limits.shown, loaded.notRead));
    io.err(unresolved
      ? 'Nothing was reported: tell each dataset which file is its own first (see above); --skip-invalid does not choose between files.\n'
      : 'Nothing was reported: fix the problems above, or pass --skip-invalid to report on the valid rows.\n');
    return EXIT.invalid;
  }
  const warnings = files.reduce((sum, f) => sum + f.warnings, 0);
  const rejected = files.reduce((sum, f) => sum + f.rejected, 0);
  // Under --skip-invalid nothing is dropped unseen: every rejected row and unreadable file is listed (the
  // first 50 problems of each file or --max-problems, then a count of the rest), and the report's inputs
  // carry the counts.
  if (hasErrors(files)) io.err(`${problemLines(files, limits.shown).join('\n')}\n`);
  // A file that could not be read, or whose header was refused, is no dataset at all (--skip-invalid): said
  // beside the rows, whose count does not hold it.
  const unused = files.filter((f) => f.fatal || f.headerRefused).length;
  if (warnings > 0 || rejected > 0 || unused > 0) {
    const unusedText = unused === 0 ? '' : `${unused} file${unused === 1 ? '' : 's'} not used, `;
    io.err(`ops-metrics: ${rejected} row${rejected === 1 ? '' : 's'} rejected, ${unusedText}${warnings} warning${warnings === 1 ? '' : 's'} in the input (\`${validateCommand(options)}\` lists them)\n`);
  }
  for (const unread of notReadLines(loaded.notRead)) io.err(`ops-metrics: note: ${unread}\n`);
  const today = dateInZone(now, config.timezone);
  const [window, ...trend] = reportWindows(options, today, config.timezone);
  const inputs = files.map(({ dataset, file, rows, accepted, rejected: r, warnings: w, fatal, headerRefused }) =>
    ({ dataset, file, rows, accepted, rejected: r, warnings: w, ...(fatal ? { unreadable: true as const } : {}), ...(headerRefused ? { rejectedWhole: true as const } : {}) }));
  const absentColumns = new Map(files.flatMap(({ dataset, file, absentColumns: columns }) => (columns === undefined || columns.length === 0 ? [] : [[dataset, { file, columns }] as const])));
  const request = { data, config, inputs, failOn: options.failOn, names: options.names, toolVersion: TOOL_VERSION, beforeEachStep: collect, absentColumns };
  // A trend's other quarters first, each report let go once its figures are taken: computed after the
  // report, each made its details on top of the report's (large bench, --trend 4: 213-216 -> 200-202 MiB).
  const byLabel = new Map(trend.map((w) => [w.period.label, w]));
  const figures = trend.length === 0
    ? undefined
    : quarterFigures(trend.map((w) => w.period.label), window!.period.label, (label) => computeReport({ ...request, window: byLabel.get(label)! }));
  // The last use of the data: the report lets go of each dataset once no step left needs it (large bench,
  // 2026-Q3: 182-185 -> 173-174 MiB, the later steps run without the incidents' columns).
  let report = computeReport({ ...request, window: window!, letGoOfData: true });
  if (figures !== undefined) report = withHistory(report, options.trend!, figures);
  if (earlier !== undefined) report = earlier.attach(report, config.survey.minGroupSize);
  const cautions = [...reportCautions(report, today, earlier?.asOf), ...(earlier?.cautions(report) ?? [])];
  for (const caution of cautions) io.err(`ops-metrics: warning: ${caution}\n`);

  const color = useColor({ flag: options.color, env: io.env, isTty: io.isTty, toFile: options.output !== undefined });
  await writeReport((await loadPieceReporter(options.format))(report, { color }), options.output, io);
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === 'github' && summaryFile) await appendStepSummary(summaryFile, report);
  return report.gate.failed ? EXIT.gateFailed : EXIT.passed;
}
