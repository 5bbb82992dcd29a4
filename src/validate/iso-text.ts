/**
 * The shape of ISO 8601 date and date-time cells, read character by character: this runs for millions of
 * cells, and a regular expression's match array and capture strings cost more than the reading itself.
 * Only the shape is read here; whether the date is real and the time in range is temporal-values.ts's
 * call. As a regular expression (`\d` is 0-9 only, `\s` is JavaScript's white space):
 *
 *     date       ^(\d{4})-(\d{2})-(\d{2})$
 *     date-time  ^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$
 */

/** The fields of a `YYYY-MM-DD` text, as written (not checked against the calendar). */
export interface IsoDateText {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The fields of a date-time text, as written (not checked against the calendar or the clock). */
export interface IsoDateTimeText extends IsoDateText {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** The first three digits of the fraction of a second (further digits are cut, not rounded). */
  readonly millisecond: number;
  /** `local` when no zone is written; `Z` for Zulu; else the sign of the written offset. */
  readonly zone: 'local' | 'Z' | '+' | '-';
  readonly offsetHours: number;
  readonly offsetMinutes: number;
}

const ZERO = 48;
const DASH = 45;
const COLON = 58;
const PLUS = 43;
const DOT = 46;
const COMMA = 44;

/** The value of the digit at `at`, or -1 when it is not 0-9. */
const digitAt = (text: string, at: number): number => {
  const value = text.charCodeAt(at) - ZERO;
  return value >= 0 && value <= 9 ? value : -1;
};

/** The value of two digits at `at`, or -1. */
const twoDigitsAt = (text: string, at: number): number => {
  const tens = digitAt(text, at);
  const units = digitAt(text, at + 1);
  return tens < 0 || units < 0 ? -1 : tens * 10 + units;
};

/** JavaScript's `\s`: its WhiteSpace and LineTerminator code points. */
export const isJsWhiteSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/** The date fields of the `YYYY-MM-DD` that starts `text`, or undefined. */
const datePrefix = (text: string): IsoDateText | undefined => {
  const high = twoDigitsAt(text, 0);
  const low = twoDigitsAt(text, 2);
  const month = twoDigitsAt(text, 5);
  const day = twoDigitsAt(text, 8);
  if (high < 0 || low < 0 || month < 0 || day < 0 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  return { year: high * 100 + low, month, day };
};

/** The fields of a text that is exactly `YYYY-MM-DD`, or undefined. */
export const readIsoDate = (text: string): IsoDateText | undefined => (text.length === 10 ? datePrefix(text) : undefined);

/** The fields of a date-time text of the shape above, or undefined. */
export const readIsoDateTime = (text: string): IsoDateTimeText | undefined => {
  const date = text.length >= 16 ? datePrefix(text) : undefined;
  const separator = text.charCodeAt(10);
  if (date === undefined || (separator !== 84 /* T */ && separator !== 116 /* t */ && separator !== 32)) return undefined;
  const hour = twoDigitsAt(text, 11);
  const minute = twoDigitsAt(text, 14);
  if (hour < 0 || minute < 0 || text.charCodeAt(13) !== COLON) return undefined;
  let at = 16;
  let second = 0;
  let millisecond = 0;
  const secondAt = text.charCodeAt(at) === COLON ? twoDigitsAt(text, at + 1) : -1;
  if (secondAt >= 0) {
    second = secondAt;
    at += 3;
    const mark = text.charCodeAt(at);
    if ((mark === DOT || mark === COMMA) && digitAt(text, at + 1) >= 0) {
      at += 1;
      for (let place = 100; digitAt(text, at) >= 0; at++, place /= 10) {
        if (place >= 1) millisecond += digitAt(text, at) * place;
      }
    }
  }
  while (at < text.length && isJsWhiteSpace(text.charCodeAt(at))) at++;
  const { year, month, day } = date;
  if (at === text.length) return { year, month, day, hour, minute, second, millisecond, zone: 'local', offsetHours: 0, offsetMinutes: 0 };
  const mark = text.charCodeAt(at);
  if ((mark === 90 /* Z */ || mark === 122 /* z */) && at + 1 === text.length) {
    return { year, month, day, hour, minute, second, millisecond, zone: 'Z', offsetHours: 0, offsetMinutes: 0 };
  }
  if (mark !== PLUS && mark !== DASH) return undefined;
  const offsetHours = twoDigitsAt(text, at + 1);
  if (offsetHours < 0) return undefined;
  at += 3;
  if (text.charCodeAt(at) === COLON) at++;
  const offsetMinutes = at === text.length ? 0 : twoDigitsAt(text, at);
  // After the hours: nothing, or two digits of minutes (with or without a colon) that end the text.
  if (offsetMinutes < 0 || (at < text.length && at + 2 !== text.length) || (at === text.length && text.charCodeAt(at - 1) === COLON)) {
    return undefined;
  }
  return { year, month, day, hour, minute, second, millisecond, zone: mark === PLUS ? '+' : '-', offsetHours, offsetMinutes };
};
