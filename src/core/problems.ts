/** A finding about the input: rendered as `file:line: column: message` by the CLI. */
export interface Problem {
  readonly file: string;
  /** Physical line where the record starts (CSV/NDJSON), or the array index (JSON); 0 for the whole file. */
  readonly line: number;
  /** Canonical column name, or the source column; `-` when the problem concerns the whole record or file. */
  readonly column: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * A column as shown in a problem line. A source's own name can be anything: a JSON record may give the key
 * `""`, or `" id"`, or `"a: b"`. One that is empty, starts or ends with white space, starts with a quote
 * or holds a colon that ends a word is shown as a JSON string, so that the line still reads as
 * `file:line: column: message`: the column is that JSON string, or else all up to the first colon and
 * space. Other names are shown as they are (`hire date`, `$.levels["SRE II"]`).
 */
const shownColumn = (column: string): string =>
  column === '' || column !== column.trim() || column.startsWith('"') || /:(?:\s|$)/.test(column) ? JSON.stringify(column) : column;

export const formatProblem = (p: Problem): string =>
  `${p.file}:${p.line}: ${shownColumn(p.column)}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;

/**
 * A problem that stops the run before any row can be judged (unreadable file, missing folder, empty
 * file, a JSON document that holds no array, a missing required column...). `code` is stable; `hint`
 * says how to fix it.
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    message: string,
    readonly hint?: string,
    readonly line = 0,
    /** The column the problem is in, when it is one column's ('-': the file's, or a whole row's). */
    readonly column = '-',
    /** What the rows before the point the file could not be read past gave (see readBefore). */
    readonly readBefore?: RowsReadBefore,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * What the rows of a file read before it could be read no further (a misplaced quote on line 900) gave:
 * their problems, so that these come out with the one that stopped the read, all at once, rather than a
 * run later. The file is still unusable, its rows unknown: those after that point cannot be read.
 */
export interface RowsReadBefore {
  readonly errors: number;
  readonly warnings: number;
  readonly problems: readonly Problem[];
  /** Problems counted but not kept (see --max-problems). */
  readonly omittedProblems: number;
}

/**
 * An InputError at a record a file cannot be read past (a misplaced quote), every row before which was
 * read: only then are those rows' problems and count told with it (see RowsReadBefore). A bad byte is
 * not one: the piece of the file holding it is refused before any of its rows is read.
 */
export class ReadStoppedAt extends InputError {}

/** `error` carrying what was read before it (see RowsReadBefore). */
export const withReadBefore = (error: ReadStoppedAt, readBefore: RowsReadBefore): ReadStoppedAt =>
  new ReadStoppedAt(error.code, error.file, error.message, error.hint, error.line, error.column, readBefore);

/**
 * `text` as a message shows it: cut to `max` characters, with its length, when longer. What a file holds
 * (a header cell, a value) can be megabytes, and a message is one line.
 */
export const shownText = (text: string, max: number): string =>
  (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);

/** The problem an InputError stands for, its hint after its message. */
export const problemOfInputError = (error: InputError): Problem => ({
  file: error.file,
  line: error.line,
  column: error.column,
  message: error.hint ? `${error.message}. ${error.hint}` : error.message,
  severity: 'error',
});

/**
 * InputErrors found together before the run stops (one per dataset of a data folder, say), so that a
 * user fixes them all at once rather than one a run.
 */
export class InputErrors extends Error {
  constructor(readonly errors: readonly InputError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'InputErrors';
  }
}

/** A wrong command line or config: exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
