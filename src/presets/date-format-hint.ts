/**
 * The `dateFormat` to suggest for a date text no format read. First the reading's own numeric format with
 * day and month the other way round (`31/08/2020` for `MM/dd/yyyy`); else date-fns formats written like
 * the text (`9/14/2026 9:02:11`, as a Google Sheet in a US locale writes it, gives `M/d/yyyy H:mm:ss`).
 * Each is checked to read the text. A year written last leaves the order of day and month to the
 * spreadsheet's locale: every order that reads the text is given, never one guessed.
 */
import { readsNumericDayMonth, swappedDayMonth } from './day-month.js';
import { readVendorTime } from './vendor-dates.js';

const reads = (text: string, format: string, trailingZoneName: boolean): boolean =>
  readVendorTime(text, [format], trailingZoneName) !== undefined;

/** A numeric date, then optionally a time of day (`9:02`, `9:02:11`, `9:02:11.250`, `9:02:11 AM`), then anything (a zone name). */
const SHAPE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:(\s+|T)(\d{1,2}):\d{2}(:\d{2}(\.\d{1,3})?)?(\s*[AaPp]\.?[Mm]\.?)?)?/;

/**
 * The formats written like `text` that read it: year first (`2026.09.14` → `yyyy.M.d`), or year last
 * (4 or 2 digits) with month first, then day first. Single letters read one digit or two (date-fns reads
 * `09` with `M` too), so one format fits a file whether or not it pads.
 */
export function formatsShapedLike(text: string, trailingZoneName: boolean): string[] {
  const trimmed = text.trim();
  const shape = SHAPE.exec(trimmed);
  if (shape === null) return [];
  const [, first, separator, , last, gap, , seconds, fraction, meridiem] = shape;
  const time = gap === undefined
    ? ''
    : `${gap === 'T' ? "'T'" : gap}${meridiem === undefined ? 'H' : 'h'}:mm${seconds === undefined ? '' : ':ss'}${fraction === undefined ? '' : `.${'S'.repeat(fraction.length - 1)}`}` +
      `${meridiem === undefined ? '' : `${meridiem.slice(0, meridiem.length - meridiem.trimStart().length)}a`}`;
  const year = (digits: string): string | undefined => (digits.length === 4 ? 'yyyy' : digits.length === 2 ? 'yy' : undefined);
  const yearFirst = first!.length === 4;
  const yearToken = year(yearFirst ? first! : last!);
  if (yearToken === undefined || (yearFirst && last!.length > 2)) return [];
  const dates = yearFirst
    ? [`${yearToken}${separator}M${separator}d`]
    : [`M${separator}d${separator}${yearToken}`, `d${separator}M${separator}${yearToken}`];
  return dates.map((date) => `${date}${time}`).filter((format) => reads(trimmed, format, trailingZoneName));
}

export interface DateFormatHints {
  readonly formats: readonly string[];
  /** The one format is the reading's own with day and month the other way round. */
  readonly otherOrder: boolean;
}

/**
 * The formats to suggest for `text`, which none of `formats` read: the first of them that reads it with
 * day and month the other way round (`31/08/2020` for `MM/dd/yyyy`), else those written like it; none
 * when nothing fits.
 */
export function dateFormatHints(text: string, formats: readonly string[], trailingZoneName: boolean): DateFormatHints {
  const otherOrder = formats.filter(readsNumericDayMonth).map(swappedDayMonth).find((format) => reads(text, format, false));
  return otherOrder !== undefined ? { formats: [otherOrder], otherOrder: true } : { formats: formatsShapedLike(text, trailingZoneName), otherOrder: false };
}

/** How to set `dateFormat` for a text that reads with `hints` (see dateFormatHints). */
export function dateFormatAdvice(dataset: string, hints: readonly string[]): string {
  const set = (format: string): string => `set "datasets": { "${dataset}": { "dateFormat": "${format}" } }`;
  if (hints.length === 0) return `if the export writes dates another way, ${set('...')} (date-fns tokens)`;
  if (hints.length === 1) return `it reads as "${hints[0]}": if the export writes dates that way, ${set(hints[0]!)}`;
  const [monthFirst, dayFirst] = hints;
  return `it reads as "${monthFirst}" (month first) or "${dayFirst}" (day first): ${set(monthFirst!)}, or "${dayFirst}" if the export writes the day first`;
}
