/**
 * The outcome of reading one cell: a value, or what was expected and what was found, so every message
 * reads `expected a date YYYY-MM-DD, found "31/12/2026"` and the wording stays in one place.
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly expected: string; readonly found: string; readonly hint?: string };

export type ParseFailure = Extract<ParseResult<never>, { ok: false }>;

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });

const MAX_SHOWN = 60;

/** How a raw value is shown in a message: strings quoted (and cut when long), other JSON values by kind. */
export const describeFound = (value: unknown): string => {
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}...` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
};

export const fail = (expected: string, found: unknown, hint?: string): ParseFailure =>
  hint === undefined
    ? { ok: false, expected, found: describeFound(found) }
    : { ok: false, expected, found: describeFound(found), hint };

/** The sentence of a failure: `expected X, found Y[; hint]`. */
export const failureMessage = (failure: ParseFailure): string =>
  `expected ${failure.expected}, found ${failure.found}${failure.hint === undefined ? '' : `; ${failure.hint}`}`;
