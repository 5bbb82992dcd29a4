/**
 * The header of a CSV file: the keys its rows are stored under, and every header row as written, so
 * that a wide-survey preset can find a question column by its text in any header row.
 */

/** Handed to `onHeader` once, before the first row. */
export interface CsvHeader {
  /** The key of each column in `RawRow.fields`, by position (0-based). */
  readonly keys: readonly string[];
  /** The header rows as in the file (trimmed): `rows[0]` gave the keys; Qualtrics adds 2 more, SurveyMonkey 1. */
  readonly rows: readonly (readonly string[])[];
  /** The line of `rows[0]`: 1, unless blank lines come before it; absent, 1. */
  readonly line?: number;
}

/** The key of a column with an empty header cell, or of a field beyond the header: `column_N`, N 1-based. */
export const positionalKey = (index: number): string => `column_${index + 1}`;

/** `name`, or `name_2`, `name_3`, ... — the first that is not in `used`, which it is then added to. */
const claimKey = (name: string, used: Set<string>): string => {
  let key = name;
  for (let n = 2; used.has(key); n++) key = `${name}_${n}`;
  used.add(key);
  return key;
};

/**
 * The keys of the header's columns: trimmed names, `column_N` for an empty cell, and `name_2`,
 * `name_3`, ... for repeats (Jira repeats `Labels`). A suffix that the file itself uses as a name is
 * skipped, so that no column is ever lost.
 */
export function columnKeys(names: readonly string[]): string[] {
  const wanted = names.map((name, i) => name.trim() || positionalKey(i));
  const used = new Set(wanted);
  const seen = new Set<string>();
  return wanted.map((name) => {
    if (seen.has(name)) return claimKey(name, used);
    seen.add(name);
    return name;
  });
}

/**
 * The columns whose header name repeats an earlier column's (Jira repeats `Labels` for a multi-value
 * field): the key of the first → the keys of the others, in file order. Empty header cells repeat nothing.
 */
export function repeatedColumns(header: CsvHeader): ReadonlyMap<string, readonly string[]> {
  const names = header.rows[0] ?? [];
  const firstKeyOf = new Map<string, string>();
  const repeats = new Map<string, string[]>();
  header.keys.forEach((key, i) => {
    const name = names[i]?.trim() ?? '';
    if (name === '') return;
    const first = firstKeyOf.get(name);
    if (first === undefined) firstKeyOf.set(name, key);
    else repeats.set(first, [...(repeats.get(first) ?? []), key]);
  });
  return repeats;
}

/** `keys` extended to `count` columns with `column_N` keys for the fields of a row longer than its header. */
export function extendKeys(keys: readonly string[], count: number): string[] {
  const used = new Set(keys);
  const extended = [...keys];
  for (let i = keys.length; i < count; i++) extended.push(claimKey(positionalKey(i), used));
  return extended;
}

const comparable = (text: string): string => text.trim().toLowerCase();

/**
 * The key of the first column whose cell in any header row equals `text` (case-insensitively, after
 * trimming), searching row by row; `undefined` when none does.
 */
/** The keys of every column whose cell in some header row equals `text` (as findColumnByHeaderText compares). */
export function columnsByHeaderText(header: CsvHeader, text: string): string[] {
  const target = comparable(text);
  return header.keys.filter((_key, index) => header.rows.some((row) => comparable(row[index] ?? '') === target));
}

export function findColumnByHeaderText(header: CsvHeader, text: string): string | undefined {
  const target = comparable(text);
  for (const row of header.rows) {
    const index = row.findIndex((cell) => comparable(cell) === target);
    if (index !== -1) return header.keys[index];
  }
  return undefined;
}
