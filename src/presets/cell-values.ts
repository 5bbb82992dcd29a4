/**
 * A planned column's value in one source row: the first present source that gives a non-empty value,
 * with its prefix and rewrite applied; dates and times in the vendor's format become canonical text.
 */
import type { CsvHeader } from '../load/csv-header.js';
import type { PlannedColumn, PlannedSource } from './column-plan.js';
import type { DateRule, ValueRewrite } from './preset.js';
import type { SourceReader } from './source-path.js';
import { readsNumericDayMonth } from './day-month.js';
import { instantOf, isoInstant, readVendorTime, wallDateOf } from './vendor-dates.js';

type Fields = Readonly<Record<string, unknown>>;

/** Absent, blank, or one of the column's `blanks` (a vendor's no-date). */
const isEmpty = (value: unknown, blanks: readonly string[] = []): boolean =>
  value === undefined || (typeof value === 'string' && (value.trim() === '' || blanks.includes(value.trim())));

const REWRITES: Readonly<Record<ValueRewrite, (text: string) => string>> = {
  'last-comma-first': (text) => {
    const comma = text.indexOf(',');
    return comma === -1 ? text.trim() : `${text.slice(comma + 1).trim()} ${text.slice(0, comma).trim()}`;
  },
};

const valueOf = (fields: Fields, source: PlannedSource, reader: SourceReader, hidden: ReadonlySet<string> | undefined, blanks: readonly string[] | undefined): unknown => {
  if (source.when !== undefined && !reader.holds(fields, source.when, hidden)) return undefined;
  const parts = source.from.map((path) => reader.read(fields, path, hidden)).filter((part) => !isEmpty(part, blanks));
  if (parts.length === 0) return undefined;
  const value = parts.length === 1 ? parts[0] : parts.map((part) => String(part).trim()).join(' ');
  if (source.prefix === undefined && source.rewrite === undefined) return value;
  if (typeof value === 'object') return value; // not text: the validator says what it found
  const text = String(value);
  return `${source.prefix ?? ''}${source.rewrite === undefined ? text : REWRITES[source.rewrite](text)}`;
};

/**
 * The column's raw value, before any date conversion; undefined when every source is empty. `hidden`:
 * keys (or nested keys, spelled as paths) read as if absent, to read a record by one of two keys in conflict.
 */
export const rawCell = (fields: Fields, column: PlannedColumn, reader: SourceReader, hidden?: ReadonlySet<string>): unknown => {
  for (const source of column.sources) {
    const value = valueOf(fields, source, reader, hidden, column.blanks);
    if (!isEmpty(value, column.blanks)) return value;
  }
  return undefined;
};

/** How one file's dates and times are read. */
export interface DateReading {
  readonly formats: readonly string[];
  readonly trailingZoneName: boolean;
  readonly configuredZone: string;
  /** The zone of wall-clock times in the column whose key is given. */
  readonly zoneOf: (key: string | undefined) => string;
  /**
   * The preset's own format that reads day and month as two leading numbers (`MM/dd/yyyy`), when the user
   * has not named one: its order is the preset's default, which a file may not follow (see PresetNotes.dateRead).
   */
  readonly dayMonthFormat?: string;
}

/** A header row's JSON cell under `key` (Qualtrics' `{"ImportId":"recordedDate","timeZone":"America/Denver"}`). */
const headerJsonValue = (header: CsvHeader | undefined, row: number, column: string | undefined, key: string): string | undefined => {
  if (header === undefined || column === undefined) return undefined;
  const cell = header.rows[row]?.[header.keys.indexOf(column)];
  if (cell === undefined || !cell.startsWith('{')) return undefined;
  try {
    const value = (JSON.parse(cell) as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  } catch {
    return undefined;
  }
};

/** The date reading of a file; undefined when neither the preset nor the user names a format. */
export function dateReading(rule: DateRule | undefined, userFormat: string | undefined, configuredZone: string, header: CsvHeader | undefined): DateReading | undefined {
  if (rule === undefined && userFormat === undefined) return undefined;
  const zoneRule = rule?.timeZone ?? { kind: 'configured' };
  const dayMonthFormat = userFormat === undefined ? rule?.formats.find(readsNumericDayMonth) : undefined;
  return {
    ...(dayMonthFormat === undefined ? {} : { dayMonthFormat }),
    formats: userFormat === undefined ? (rule?.formats ?? []) : [userFormat],
    trailingZoneName: rule?.trailingZoneName ?? false,
    configuredZone,
    zoneOf: (key) =>
      zoneRule.kind === 'header-json' ? (headerJsonValue(header, zoneRule.row, key, zoneRule.key) ?? configuredZone) : configuredZone,
  };
}

/**
 * Canonical text of a date or timestamp cell: an instant in UTC (`...Z`), or for a date read in the
 * configured zone the calendar date as written. `undefined` when no format reads the text (it is then
 * passed on as it is).
 */
export function canonicalTime(text: string, type: 'date' | 'timestamp', zone: string, reading: DateReading): string | undefined {
  const time = readVendorTime(text, reading.formats, reading.trailingZoneName);
  if (time === undefined) return undefined;
  const asWritten = time.dateOnly || (zone === reading.configuredZone && time.offsetMs === undefined);
  if (type === 'date' && asWritten) return wallDateOf(time);
  return isoInstant(instantOf(time, zone));
}

/** The key a column's first header source has in the file, for the header-row zone lookup. */
export const keyOfColumn = (column: PlannedColumn, keys: readonly string[], normalise: (text: string) => string): string | undefined => {
  const path = column.sources[0]?.from[0];
  if (path === undefined) return undefined;
  return keys.find((key) => normalise(key) === normalise(path));
};
