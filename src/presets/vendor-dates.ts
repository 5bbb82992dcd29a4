/**
 * Vendor date and time text → canonical text. The vendor's date-fns formats are tried in order (the
 * user's `dateFormat` replaces them: dd/MM and MM/dd are never guessed apart); a value none of them
 * reads is passed on unchanged, so ISO 8601 text still works and anything else gets the validator's
 * message. Parsing happens in a UTC context, so the machine's zone never takes part: the parsed fields
 * are wall-clock fields, turned into an instant in the zone the preset's rule names.
 */
import { tz } from '@date-fns/tz';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import type { IsoDate } from '../core/datasets.js';
import { isoDateOfUtc, localTimeToInstant, type LocalTime } from '../validate/time-zone.js';

/** Two-digit years (`yy`) are read within 50 years of 2000: 1951-2049. */
const REFERENCE_DATE = new Date(Date.UTC(2000, 0, 1));
/**
 * date-fns' `yyyy` (and `y`) reads a short year as written: `03/15/21` is the year 21, which no export
 * means (a spreadsheet re-save writes two digits). Below this it is no reading: the next format is tried,
 * and the miss suggests the `yy` format that reads it, rather than a date 2000 years back.
 */
const EARLIEST_YEAR = 1000;
const IN_UTC = { in: tz('UTC') };

/** A trailing zone name: `UTC`, `GMT`, `GMT+3`, `UTC-03:30`, or an abbreviation such as `AST`. */
const TRAILING_ZONE = /\s+(?:(?:UTC|GMT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?|[A-Z]{2,5})$/;

export interface VendorTime {
  readonly local: LocalTime;
  /** The offset the text itself gave (ms, east positive), when it named UTC/GMT. */
  readonly offsetMs?: number;
  /** The text had no time of day. */
  readonly dateOnly: boolean;
}

/** The letters date-fns reads as tokens (parsers, and the long formats P and p); any other must be quoted. */
const TOKEN_LETTERS = /^[GyRuQqMLwIdEeciabBhHKkmsSXxtTPp]*$/;

/**
 * Why date-fns could not read dates with `format`, or undefined when it can: its tokens must give a year,
 * month and day (or be a Unix timestamp, `t` or `T`), and hold no letter date-fns refuses. `YYYY` and `DD`
 * (week year, day of year) are refused without an option and almost always meant as `yyyy` and `dd`.
 * Checked with the config, so a format never fails in the middle of a file.
 */
export function dateFormatProblem(format: string): string | undefined {
  const letters = format.replace(/'[^']*'/g, '').replace(/[^A-Za-z]/g, '');
  if (/[YD]/.test(letters)) return 'yyyy and dd, not YYYY or DD (week year and day of year)';
  if (!TOKEN_LETTERS.test(letters)) return "only date-fns tokens; quote other letters, as in yyyy-MM-dd'T'HH:mm";
  if (/^(?:t+|T+)$/.test(letters)) return undefined; // a Unix timestamp, in seconds or milliseconds
  if (/[tT]/.test(letters)) return "t or T (a Unix timestamp) alone; quote a literal T, as in yyyy-MM-dd'T'HH:mm";
  if (/y/.test(letters) && /[ML]/.test(letters) && /d/.test(letters)) return undefined;
  return 'a year, a month and a day (yyyy, MM, dd)';
}

const parseWith = (text: string, formats: readonly string[]): { local: LocalTime; dateOnly: boolean } | undefined => {
  for (const format of formats) {
    let date: Date;
    try {
      date = parse(text, format, REFERENCE_DATE, IN_UTC);
    } catch {
      continue; // a format date-fns refuses (two tokens it will not mix): it reads nothing
    }
    if (!isValid(date) || date.getFullYear() < EARLIEST_YEAR) continue;
    return {
      local: {
        year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(),
        hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(), millisecond: date.getMilliseconds(),
      },
      dateOnly: !/[hHkKmsaApP]/.test(format.replace(/'[^']*'/g, '')),
    };
  }
  return undefined;
};

/** The wall-clock time a vendor text denotes, or undefined when no format reads it. */
export function readVendorTime(text: string, formats: readonly string[], trailingZoneName: boolean): VendorTime | undefined {
  const trimmed = text.trim();
  const whole = parseWith(trimmed, formats);
  if (whole !== undefined) return whole;
  if (!trailingZoneName) return undefined;
  const zone = TRAILING_ZONE.exec(trimmed);
  if (zone === null) return undefined;
  const parsed = parseWith(trimmed.slice(0, zone.index), formats);
  if (parsed === undefined) return undefined;
  const named = zone[0].trim();
  if (!/^(UTC|GMT)/.test(named)) return parsed; // an abbreviation: ambiguous, the rule's zone is used
  const [, sign, hours = '0', minutes = '0'] = zone;
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
  return { ...parsed, offsetMs };
}

const wallMs = (local: LocalTime): number =>
  Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);

/** The instant of a vendor time, read in `timeZone` unless the text gave its own offset. */
export const instantOf = (time: VendorTime, timeZone: string): number =>
  time.offsetMs !== undefined ? wallMs(time.local) - time.offsetMs : localTimeToInstant(time.local, timeZone);

/** The calendar date as written. */
export const wallDateOf = (time: VendorTime): IsoDate => isoDateOfUtc(new Date(wallMs(time.local)));

/** `2026-03-01T14:05:00.000Z`: exact, whatever zone the validator is configured with. */
export const isoInstant = (instant: number): string => new Date(instant).toISOString();
