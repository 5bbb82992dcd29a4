/**
 * Generators of hostile input files: well-formed exports of every dataset with nasty values, the same
 * serialised badly (raw joins, mixed line ends, a BOM, another delimiter), and mutated byte by byte
 * (truncated, random bytes, invalid UTF-8, NUL, lone CR, unbalanced quotes). Every file is bytes, as
 * a reader meets it on disk.
 */
import fc from 'fast-check';
import { DATASET_NAMES, DATASETS, type ColumnSpec, type DatasetName } from '../../src/core/datasets.js';

/** Values that have broken parsers before: edge dates, numbers JavaScript mangles, prototype keys, escapes. */
export const NASTY_VALUES = [
  '', ' ', '0000-00-00', '+275760-09-13', '-271821-04-20', '2024-02-30', '2023-02-29', '2026-13-01', '9999-12-31T23:59:60Z',
  '2026-03-08T02:30', '2026-11-01T01:30', '1e400', '-1e400', 'NaN', '-0', '0x10', '1,5', '1 000', '∞', 'Infinity', '1e-400',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '=1+1', '@SUM(A1)', '+1', '-1', '\u001b[31mred',
  '\u001b]0;title\u0007', '\u0000', 'a\u0000b', '"', '""', '"a"b"', '\r', '\n', '\r\n', '\t', '\u2028', '\ufeff', '\ud800',
  '<script>alert(1)</script>', '::error::x', '%0A', 'a | b', '**b**', '[x](javascript:alert(1))', ']]>', '&amp;', 'true', 'yes', 'P1', 'SEV1', 'Ops Engineer 2.0', 'ops2', '2026-Q3',
] as const;

/** A plausible value of a column's type: enough valid rows that validation goes past the first check. */
const typedValue = (spec: ColumnSpec): fc.Arbitrary<string> => {
  switch (spec.type) {
    case 'date': return fc.date({ min: new Date('1990-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'timestamp': return fc.date({ min: new Date('1990-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'number': return fc.oneof(fc.integer({ min: -5, max: 200_000 }).map(String), fc.double({ noNaN: true }).map(String));
    case 'share': return fc.double({ min: 0, max: 1, noNaN: true }).map(String);
    case 'bool': return fc.constantFrom('true', 'false', 'yes', 'no', 'Y', '0', '1', 'maybe');
    case 'enum': return fc.constantFrom(...(spec.values ?? ['x']), 'unknown');
    case 'priority': return fc.constantFrom('P1', 'P2', 'SEV1', 'High', 'Sev0', 'urgent');
    case 'title': case 'respondent_level': return fc.constantFrom('Ops Engineer', 'Ops Engineer 2.0', 'Operations Architect', 'SRE II', 'ops2');
    case 'question': return fc.constantFrom('autonomy', 'feel_valued', 'role_scope_satisfaction', 'What?');
    case 'id': return fc.constantFrom('E1', 'E2', 'E3', 'INC-1', 'INC-2', ' E1 ', '42');
    case 'string': return fc.string({ maxLength: 12 });
    default: { const never: never = spec.type; return never; }
  }
};

/** Any string, weighted towards the characters that matter to CSV, JSON and terminals. */
export const hostileString = (maxLength = 20): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', '\u0000', '\u001b', 'a', ' ', '\\', '{', '}', '[', ']', ':', '|', '<', '>', '&', '*', '`', '#', '=', '%'), maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
  );

const cellFor = (spec: ColumnSpec): fc.Arbitrary<string> =>
  fc.oneof({ weight: 4, arbitrary: typedValue(spec) }, { weight: 1, arbitrary: hostileString() });

/** A header name as a spreadsheet might write a canonical column: case, spaces and dashes vary. */
const headerSpelling = (column: string): fc.Arbitrary<string> =>
  fc.constantFrom(column, column.toUpperCase(), column.replace(/_/g, ' '), ` ${column.replace(/_/g, '-')} `);

export interface Table {
  readonly dataset: DatasetName;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A dataset's table: its columns (some dropped, some extra, shuffled) and up to `maxRows` rows. */
export const datasetTable = (maxRows = 8): fc.Arbitrary<Table> =>
  fc.constantFrom(...DATASET_NAMES).chain((dataset) => {
    const specs = Object.entries(DATASETS[dataset].columns as Record<string, ColumnSpec>);
    const column = specs.map(([name, spec]) =>
      fc.record({ header: headerSpelling(name), keep: fc.double({ min: 0, max: 1, noNaN: true }), cell: fc.constant(spec) }));
    return fc.record({
      columns: fc.tuple(...column).chain((cols) => fc.shuffledSubarray(cols.filter((c) => c.cell.required || c.keep > 0.3), { minLength: cols.length > 0 ? 1 : 0 })),
      extra: fc.array(hostileString(8), { maxLength: 2 }),
    }).chain(({ columns, extra }) => {
      const header = [...columns.map((c) => c.header), ...extra];
      const row = fc.tuple(...columns.map((c) => cellFor(c.cell)), ...extra.map(() => hostileString()));
      return fc.array(row, { maxLength: maxRows }).map((rows) => ({ dataset, header, rows }));
    });
  });

const quote = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;

/** How a table is written out: quoting (proper, none, or always), delimiter, line ends, a BOM. */
export const csvStyle = fc.record({
  quoting: fc.constantFrom('rfc', 'rfc', 'raw', 'always'),
  delimiter: fc.constantFrom(',', ',', ';', '\t'),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
  bom: fc.boolean(),
  trailingNewline: fc.boolean(),
});
export type CsvStyle = typeof csvStyle extends fc.Arbitrary<infer T> ? T : never;

export function writeCsv(table: Table, style: CsvStyle): string {
  const cell = (value: string): string => {
    if (style.quoting === 'raw') return value;
    if (style.quoting === 'always') return quote(value);
    return /["\r\n]/.test(value) || value.includes(style.delimiter) ? quote(value) : value;
  };
  const lines = [table.header, ...table.rows].map((cells) => cells.map(cell).join(style.delimiter));
  const ends = ['\n', '\r\n', '\r'];
  const text = lines.map((line, i) => `${line}${style.lineEnd === 'mixed' ? ends[i % 3] : style.lineEnd}`).join('');
  const body = style.trailingNewline ? text : text.replace(/[\r\n]+$/, '');
  return `${style.bom ? '\ufeff' : ''}${body}`;
}

/** A JSON value in the shape of a record: the table's row as an object, with raw JSON tokens mixed in. */
const JSON_TOKENS = ['1e400', '-1e400', '-0', '1E-400', '123456789012345678901234567890', 'null', 'true', '[]', '{}', '[1,[2,[3]]]', '{"__proto__":{"polluted":1}}'];

export const jsonStyle = fc.record({
  wrap: fc.constantFrom('array', 'object', 'two-arrays', 'scalar'),
  rawTokens: fc.array(fc.nat(), { maxLength: 3 }),
  protoKeys: fc.boolean(),
  indent: fc.boolean(),
});
export type JsonStyle = typeof jsonStyle extends fc.Arbitrary<infer T> ? T : never;

/** The objects of a table as JSON texts, each an object literal written by hand so any token can go in. */
export function jsonObjects(table: Table, style: JsonStyle): string[] {
  return table.rows.map((row, r) => {
    const members = table.header.map((key, i) => {
      const token = style.rawTokens.includes(r * 7 + i) ? JSON_TOKENS[(r + i) % JSON_TOKENS.length]! : JSON.stringify(row[i] ?? '');
      return `${JSON.stringify(key)}:${token}`;
    });
    if (style.protoKeys) members.push('"__proto__":{"polluted":"yes"}', '"constructor":{"prototype":{"polluted":"yes"}}');
    return `{${members.join(',')}}`;
  });
}

export function writeJson(table: Table, style: JsonStyle): string {
  const objects = jsonObjects(table, style);
  const array = `[${objects.join(style.indent ? ',\n  ' : ',')}]`;
  switch (style.wrap) {
    case 'array': return array;
    case 'object': return `{"limit":100,"records":${array}}`;
    case 'two-arrays': return `{"a":${array},"b":[]}`;
    case 'scalar': return objects[0] ?? '"nothing"';
    default: { const never: never = style.wrap; return never; }
  }
}

export const writeNdjson = (table: Table, style: JsonStyle): string => jsonObjects(table, style).join(style.indent ? '\r\n\n' : '\n');

/** One edit of the bytes of a file: the damage that transfers, spreadsheets and hand edits do. */
type Mutation = (bytes: Buffer) => Buffer;

const at = (bytes: Buffer, fraction: number): number => Math.floor(fraction * (bytes.length + 1));

const insert = (piece: readonly number[]) => (fraction: number): Mutation => (bytes) => {
  const i = at(bytes, fraction);
  return Buffer.concat([bytes.subarray(0, i), Buffer.from(piece), bytes.subarray(i)]);
};

const mutation: fc.Arbitrary<Mutation> = fc.double({ min: 0, max: 1, noNaN: true }).chain((fraction) =>
  fc.oneof(
    fc.constant<Mutation>((bytes) => bytes.subarray(0, at(bytes, fraction))), // truncated
    fc.uint8Array({ minLength: 1, maxLength: 8 }).map((random) => insert([...random])(fraction)), // random bytes
    fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]).map((bad) => insert(bad)(fraction)), // invalid UTF-8
    fc.constantFrom(...NASTY_VALUES).map((value) => insert([...Buffer.from(value, 'utf8')])(fraction)), // a nasty value spliced in
    fc.constant(insert([0x00])(fraction)), // NUL
    fc.constant(insert([0x0d])(fraction)), // lone CR
    fc.constant(insert([0x22])(fraction)), // unbalanced quote
    fc.constantFrom([0x7b], [0x5b], [0x7d, 0x5d], [0x2c]).map((token) => insert(token)(fraction)), // JSON structure
    fc.nat(255).map((value): Mutation => (bytes) => { // one byte overwritten
      const copy = Buffer.from(bytes);
      const i = Math.min(at(bytes, fraction), copy.length - 1);
      if (i >= 0) copy[i] = value;
      return copy;
    }),
    fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]).map((bom): Mutation => (bytes) => Buffer.concat([Buffer.from(bom), bytes])), // a byte-order mark in front
  ),
);

/** The text as UTF-8 bytes, left as is or damaged by up to three mutations. */
export const mutatedBytes = (text: string): fc.Arbitrary<Buffer> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(Buffer.from(text, 'utf8')) },
    { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce<Buffer>((b, m) => m(b), Buffer.from(text, 'utf8'))) },
  );

/** A file of pure noise, or nothing at all. */
export const noiseBytes: fc.Arbitrary<Buffer> = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes));

/** `depth` nested arrays or objects: a parser that recurses runs out of stack long before a real export ends. */
export const deeplyNested = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A file as the generators make it: a dataset, the format and its bytes. */
export interface FuzzFile {
  readonly dataset: DatasetName;
  readonly format: 'csv' | 'json' | 'ndjson';
  readonly bytes: Buffer;
}

export const csvFile: fc.Arbitrary<FuzzFile> = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(datasetTable(), csvStyle).chain(([table, style]) => mutatedBytes(writeCsv(table, style)).map((bytes) => ({ dataset: table.dataset, format: 'csv' as const, bytes }))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DATASET_NAMES), noiseBytes).map(([dataset, bytes]) => ({ dataset, format: 'csv' as const, bytes })) },
);

export const jsonFile: fc.Arbitrary<FuzzFile> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(datasetTable(), jsonStyle).chain(([table, style]) => mutatedBytes(writeJson(table, style)).map((bytes) => ({ dataset: table.dataset, format: 'json' as const, bytes }))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DATASET_NAMES), fc.jsonValue({ maxDepth: 4 })).map(([dataset, value]) => ({ dataset, format: 'json' as const, bytes: Buffer.from(JSON.stringify(value) ?? 'null') })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DATASET_NAMES), noiseBytes).map(([dataset, bytes]) => ({ dataset, format: 'json' as const, bytes })) },
);

export const ndjsonFile: fc.Arbitrary<FuzzFile> = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(datasetTable(), jsonStyle).chain(([table, style]) => mutatedBytes(writeNdjson(table, style)).map((bytes) => ({ dataset: table.dataset, format: 'ndjson' as const, bytes }))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DATASET_NAMES), noiseBytes).map(([dataset, bytes]) => ({ dataset, format: 'ndjson' as const, bytes })) },
);

export const FILE_ARBITRARIES = { csv: csvFile, json: jsonFile, ndjson: ndjsonFile } as const;
