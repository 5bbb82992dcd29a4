/**
 * The problem of a wide survey response whose date cannot be read: one for the respondent's row, on its
 * date column as the file names it, rather than two for each of its answers (its responded_on, and a
 * wave the file never had: the wave is the date's quarter). It says what was expected and, when the text
 * reads in a format of its shape, the `dateFormat` that reads it.
 */
import { dateFormatAdvice, dateFormatHints } from './date-format-hint.js';
import { describeFound } from '../validate/parse-result.js';
import type { DateReading } from './cell-values.js';
import { isBlank } from './blank-value.js';

export interface UnreadDate {
  /** The cell as the file has it. */
  readonly value: unknown;
  /** How the file's dates are read; undefined when neither the preset nor the config names a format. */
  readonly reading: DateReading | undefined;
  /** The format is the config's `dateFormat`, not the preset's. */
  readonly userFormat: boolean;
  readonly preset: string;
  /** The non-empty answers of the row, each one of its rejected rows. */
  readonly answers: number;
}

const quotedFormats = (formats: readonly string[]): string => formats.map((format) => `"${format}"`).join(' or ');

export function unreadDateMessage({ value, reading, userFormat, preset, answers }: UnreadDate): string {
  const rejected = answers === 1 ? "the row's answer is rejected" : `the row's ${answers} answers are rejected`;
  if (isBlank(value)) return `expected the response date, found nothing, so ${rejected}`;
  const formats = reading?.formats ?? [];
  const expected = formats.length === 0
    ? 'an ISO 8601 date'
    : `a date in ${userFormat ? 'the config\'s dateFormat' : `the format${formats.length === 1 ? '' : 's'}`} ${quotedFormats(formats)}` +
      `${userFormat ? '' : ` of preset "${preset}"`} (or ISO 8601)`;
  const found = `expected ${expected}, found ${describeFound(typeof value === 'string' ? value.trim() : value)}, so ${rejected}`;
  // Only text can be written in another format; a JSON number or object is no date in any.
  if (typeof value !== 'string') return found;
  return `${found}; ${dateFormatAdvice('survey', dateFormatHints(value, formats, reading?.trailingZoneName ?? false).formats)}`;
}
