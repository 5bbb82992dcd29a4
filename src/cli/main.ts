/**
 * The CLI entry point: the only module that reads argv and sets the exit code. Commands return an exit
 * code; user mistakes (UsageError, InputError) print one clear line per problem and exit 2, with the
 * stack trace only under --debug. Each command's module is imported when that command runs, so `--help`
 * or `schema` never compiles the loading, validation and metrics code (start-up time is most of a small
 * run).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { RED_FLAG_IDS } from '../core/config.js';
import { formatProblem, InputError, InputErrors, problemOfInputError, UsageError } from '../core/problems.js';
import { FORMATS } from '../reporters/formats.js';
import { plainText } from '../reporters/text.js';
import type { ReportOptions } from './commands/report.js';
import type { ValidateOptions } from './commands/validate.js';
import { EXIT, type ExitCode } from './exit-code.js';
import { processIo, standardError, type Io } from './io.js';
import { TOOL_VERSION } from './version.js';

// Counts are read as digits alone: Number() would also take 0x4, 1e1 and 4.0 for a count typed otherwise.
const isWholeNumber = (text: string): boolean => /^\d+$/.test(text.trim());

const positiveInteger = (text: string): number => {
  const n = Number(text);
  if (!isWholeNumber(text) || n < 1 || n > 40) throw new InvalidArgumentError('expected a whole number of quarters from 1 to 40');
  return n;
};

const problemCount = (text: string): number => {
  const n = Number(text);
  if (!isWholeNumber(text) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number of problems (0 for every one)');
  return n;
};

/**
 * A path option's value, which must name something: an empty one (`--output ""`, a shell variable that was
 * never set) resolved to the working directory and came out as "cannot write the report to : its folder
 * does not exist", or a config "that is a folder". Nor may it be one of the program's options (`flags`):
 * commander gives an option the next word as its value, so `--output --names` (an unquoted variable that
 * was never set) wrote the report to a file named --names and said nothing.
 */
const pathValue = (flags: ReadonlySet<string>) => (text: string): string => {
  if (text.trim() === '') throw new InvalidArgumentError('expected a path, found an empty one (an unset shell variable?)');
  const option = /^--[a-z][a-z-]*/.exec(text)?.[0];
  if (option !== undefined && flags.has(option)) {
    throw new InvalidArgumentError(`expected a path, found the option ${option}: the path is missing (an unset shell variable?); write ./${text} for a file of that name`);
  }
  return text;
};

/** Commander's accumulator for a repeatable option. */
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

// The suggestion commander adds on a line of its own to an unknown command or option.
const SUGGESTION = /\n\(Did you mean [^\n]*\?\)$/;

/**
 * Commander's errors quote what was typed ("unknown command '…'", "argument '…' is invalid"), which a CI
 * job may have taken from a branch name or a file: made inert as file text is, line breaks included (a
 * typed line break could start a line that CI reads as a workflow command). Only commander's own line
 * break before its suggestion is kept.
 */
export function commanderErrorText(text: string): string {
  const message = text.endsWith('\n') ? text.slice(0, -1) : text;
  const suggestion = SUGGESTION.exec(message)?.[0] ?? '';
  return `${plainText(message.slice(0, message.length - suggestion.length))}${suggestion === '' ? '' : `\n${plainText(suggestion.slice(1))}`}\n`;
}

/** `--output -` is standard output, as for most tools that write files: a file named "-" is no one's wish (`./-` is one). */
function toStandardOutput<O extends { readonly output?: string }>(opts: O): O {
  if (opts.output !== '-') return opts;
  const { output: _standardOutput, ...rest } = opts;
  return rest as O;
}

function buildProgram(io: Io, done: (code: ExitCode) => void): Command {
  // Every long option of every command, filled once the program is built: no path is one of them.
  const optionFlags = new Set<string>(['--help']);
  const givenPath = pathValue(optionFlags);
  const program = new Command('ops-metrics')
    .description('Ops Engineer 2.0 success metrics and red flags from HRIS, incident, survey and activity exports.')
    .version(TOOL_VERSION)
    .option('--debug', 'show stack traces of errors')
    // Set before the commands are made, which take it: each command's help lists --debug too.
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: (s, write) => write(commanderErrorText(s)) });

  const dataOptions = (command: Command): Command =>
    command
      .option('--data <dir>', 'folder holding the dataset files', givenPath, './data')
      .option('--config <file>', 'config file (default: ops-metrics.config.json in the data folder, else in the working directory)', givenPath)
      .option('--preset <dataset=preset>', 'read a dataset\'s file as a vendor export, e.g. incidents=pagerduty-csv (repeatable; see schema --presets)', collect)
      .option('--max-problems <n>', 'problems shown per file (default 50; validate --format json 1000); 0 for every one', problemCount);

  const report = dataOptions(program.command('report').description('validate the data, compute the eight metrics and the red flags, print them'))
    .option('--period <period>', 'quarter (2026-Q3) or year (2026); default: the last complete quarter')
    .option('--as-of <date>', 'YYYY-MM-DD; alone: the quarter holding it, cut there; with --period: cuts the period there when earlier than its end')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--output <file>', 'write the report to a file instead of standard output (- for standard output)', givenPath)
    .addOption(new Option('--fail-on <mode>', 'when the exit code is 1').choices(['red-flag', 'missed', 'never']).default('red-flag'))
    .option('--skip-invalid', 'report on the valid rows and count the rejected ones instead of stopping')
    .option('--names', "show people's names in per-person detail (ids only by default)")
    .option('--no-color', 'no colour (also NO_COLOR, and whenever the output is not a terminal)')
    .option('--compare <previous.json>', 'an earlier JSON report: show each measure\'s and red flag\'s change since it', givenPath)
    .option('--trend <quarters>', 'also compute the N quarters ending at the period (1-40) and show each measure\'s and red flag\'s history', positiveInteger)
    // Flags without a default (whose help would say "(default: false)"): absent is false.
    .action(async (opts: ReportOptions) => done(await (await import('./commands/report.js')).runReport({ ...toStandardOutput(opts), skipInvalid: opts.skipInvalid === true, names: opts.names === true }, io)));

  const validate = dataOptions(program.command('validate').description('validate the data only; print its problems (the first 50 a file in text, 1000 with --format json); exit 0 when clean'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--output <file>', 'write the problems to a file instead of standard output (- for standard output)', givenPath)
    .option('--no-color', 'accepted as by report; the listing has no colour');
  // report's own options, taken here only to say so: commander would suggest --version for --period.
  const reportOnly = report.options.filter((option) => !validate.options.some((own) => own.long === option.long));
  for (const option of reportOnly) validate.addOption(new Option(option.flags).hideHelp());
  validate.action(async (opts: ValidateOptions & Record<string, unknown>) => {
    const given = reportOnly.find((option) => opts[option.attributeName()] !== undefined && opts[option.attributeName()] !== false);
    if (given !== undefined) throw new UsageError(`${given.long} is an option of report; validate checks every row of every file, whatever the period, and makes no report`);
    done(await (await import('./commands/validate.js')).runValidate(toStandardOutput(opts), io));
  });

  program
    .command('schema')
    .argument('[dataset]', 'one dataset (default: all)')
    .description('print the canonical columns, types and meanings of the datasets')
    .addOption(new Option('--format <format>', 'output format (json: JSON Schema)').choices(['text', 'json', 'markdown']).default('text'))
    .option('--presets', 'list the vendor presets and the columns each expects')
    .action(async (dataset: string | undefined, opts: { format: 'text' | 'json' | 'markdown'; presets?: boolean }) =>
      done((await import('./commands/schema.js')).runSchema(dataset, { ...opts, presets: opts.presets === true }, io)),
    );

  program
    .command('init')
    .argument('[dir]', 'folder to create', './data')
    .description('write header-only templates of every dataset and an example config')
    .option('--force', 'write the templates beside your exports, keeping them and your own config (only templates and the example config are overwritten)')
    .action(async (dir: string, opts: { force?: boolean }) => done(await (await import('./commands/init.js')).runInit(dir, { force: opts.force === true }, io)));

  for (const command of [program, ...program.commands]) {
    for (const option of command.options) if (option.long !== undefined) optionFlags.add(option.long);
  }
  program.addHelpText('after', `\nRed flags: ${RED_FLAG_IDS.slice(0, 3).join(', ')},\n  ${RED_FLAG_IDS.slice(3).join(', ')}.\nExit codes: 0 passed, 1 the gate failed, 2 usage error or invalid input.`);
  return program;
}

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.passed;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  const debug = argv.includes('--debug');
  try {
    // `help <command>` of a command that is not one: commander shows the program's help and says nothing.
    const [first, asked] = argv;
    if (first === 'help' && asked !== undefined && asked !== 'help' && !asked.startsWith('-') && !program.commands.some((c) => c.name() === asked)) {
      throw new UsageError(`help: unknown command '${asked}' (the commands: ${program.commands.map((c) => c.name()).join(', ')})`);
    }
    // The help of help is the program's, asked for (commander shows it as for a mistake).
    await program.parseAsync(first === 'help' && asked === 'help' ? ['--help'] : [...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help or the version asked for exits 0; help shown because no command was given (commander's
      // exit code 1) is a usage error, so an empty command in a CI job does not pass.
      return error.exitCode === 0 ? EXIT.passed : EXIT.invalid;
    }
    if (error instanceof InputError || error instanceof InputErrors) {
      for (const one of error instanceof InputErrors ? error.errors : [error]) io.err(`${plainText(formatProblem(problemOfInputError(one)))}\n`);
    } else if (error instanceof UsageError) {
      io.err(`ops-metrics: ${plainText(error.message)}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.err(`ops-metrics: internal error: ${plainText(message)}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    }
    // A message may quote file text: each line of the trace shown as such text is.
    if (debug && error instanceof Error && error.stack) io.err(`${error.stack.split('\n').map(plainText).join('\n')}\n`);
    return EXIT.invalid;
  }
}

/** Runs the command line of this process; bin/ops-metrics.js calls it. */
export function run(): void {
  const argv = process.argv.slice(2);
  main(argv, processIo()).then(
    (code) => {
      // exitCode, not exit(): a long report piped to another program is written out in full first.
      process.exitCode = code;
    },
    (error: unknown) => {
      standardError().write(`ops-metrics: internal error: ${plainText(String(error))}\n`);
      process.exitCode = EXIT.invalid;
    },
  );
}

/** In a worker thread started by survey-worker.ts (which loads the bundle there): validates its survey file. */
export function runWorkerTask(): void {
  void import('./survey-worker.js').then((worker) => worker.runWorkerTask());
}
