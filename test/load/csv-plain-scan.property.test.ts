import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlainCsvScanner, plainRows, scanPlainCsv, type PlainRecord } from '../../src/load/csv-plain-scan.js';
import { createCsvRowBuilder, type CsvRowBuilder } from '../../src/load/csv-row-builder.js';
import { CsvRowParser, csvParseOptions } from '../../src/load/csv-row-parser.js';
import { startText } from '../../src/load/open-input.js';

// The plain scan stands in for csv-parse on whole files: on any text it does not decline it must give
// the builder exactly what csv-parse gives it (rows, keys, line numbers, defects, errors; see
// expectSameRead), and it must not decline well-formed CSV.

const newBuilder = (): CsvRowBuilder => createCsvRowBuilder({
  headerRows: 1,
  skipRowsAfterHeader: 0,
  onHeader: undefined,
  // Narrow enough that generated records often exceed it: the builder's error and the rows before it count too.
  maxColumns: 4,
  tooManyColumns: (line, found) => new Error(`line ${line}: ${found} columns`),
});

const describeError = (error: unknown): string | undefined => (error === undefined ? undefined : String(error));

type Read = { rows: readonly unknown[]; error: string | undefined };

/**
 * The scan read the text as csv-parse did. On the builder's error (a record wider than maxColumns) both
 * give the same error after the rows before it, except that csv-parse's path may hold back the rows of
 * the chunk it was parsing (the whole file but its last record): those are a prefix of the scan's. A
 * file with an error is refused whole, so no caller sees the difference.
 */
const expectSameRead = (scanned: Read, parsed: Read): void => {
  expect(scanned.error).toEqual(parsed.error);
  if (parsed.error === undefined) expect(scanned.rows).toEqual(parsed.rows);
  else expect(scanned.rows.slice(0, parsed.rows.length)).toEqual(parsed.rows);
};

function viaCsvParse(bytes: Buffer, delimiter: string) {
  const { rows, error } = new CsvRowParser(csvParseOptions(delimiter, 8 * 1024 * 1024), newBuilder()).parseWhole(bytes);
  return { rows, error: describeError(error) };
}

function viaScan(bytes: Buffer, delimiter: string) {
  const records = scanPlainCsv(startText(bytes), delimiter);
  if (records === undefined) return undefined;
  const { rows, error } = plainRows(records, newBuilder());
  return { rows, error: describeError(error) };
}

const DELIMITERS = [',', ';', '\t'] as const;
const BREAKS = ['\n', '\r\n', '\r'] as const;

// Any text over the characters that matter to CSV, stray quotes included.
const anyText = fc.array(fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', 'é', '中'), { maxLength: 60 })
  .map((parts) => parts.join(''));

// Well-formed CSV: fields from the same characters, quoted when they must be (and sometimes when not).
const field = fc.tuple(fc.array(fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '\n', '\r\n', '\r', 'é'), { maxLength: 6 }), fc.boolean())
  .map(([parts, quoteAnyway]) => ({ value: parts.join(''), quoteAnyway }));
const wellFormed = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  records: fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
  breaks: fc.array(fc.constantFrom(...BREAKS), { minLength: 12, maxLength: 12 }),
  emptyLinesBefore: fc.array(fc.nat({ max: 2 }), { minLength: 8, maxLength: 8 }),
  trailingBreak: fc.boolean(),
  bom: fc.boolean(),
}).map(({ delimiter, records, breaks, emptyLinesBefore, trailingBreak, bom }) => {
  const serialise = ({ value, quoteAnyway }: { value: string; quoteAnyway: boolean }): string =>
    quoteAnyway || /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
  const lines = records.map((fields, i) => {
    const lineBreak = breaks[i % breaks.length]!;
    return lineBreak.repeat(emptyLinesBefore[i]!) + fields.map(serialise).join(delimiter);
  });
  const text = lines.join(breaks[11]!) + (trailingBreak ? breaks[10]! : '');
  return { delimiter, text: (bom ? '\uFEFF' : '') + text };
});

describe('the plain CSV scan', () => {
  it('gives what csv-parse gives on any text it reads, and declines wherever csv-parse fails', () => {
    fc.assert(fc.property(anyText, fc.constantFrom(...DELIMITERS), (text, delimiter) => {
      const bytes = Buffer.from(text, 'utf8');
      const scanned = viaScan(bytes, delimiter);
      const parsed = viaCsvParse(bytes, delimiter);
      if (scanned === undefined) return;
      expectSameRead(scanned, parsed);
    }), { numRuns: 5000 });
  });

  it('reads every well-formed file (quotes, line breaks in fields, CRLF/LF/CR, empty lines, BOM) as csv-parse does', () => {
    fc.assert(fc.property(wellFormed, ({ delimiter, text }) => {
      const bytes = Buffer.from(text, 'utf8');
      const scanned = viaScan(bytes, delimiter);
      expect(scanned).toBeDefined();
      expectSameRead(scanned!, viaCsvParse(bytes, delimiter));
    }), { numRuns: 3000 });
  });

  it('reads a small file by hand: the header is line 1, an empty line is skipped but counted, a quoted field spans two lines', () => {
    // Line 1: header; line 2: empty (skipped); line 3: a,"x<LF>y" (the record ends on line 4); line 5: b,z.
    const records = scanPlainCsv('id,note\n\na,"x\ny"\nb,z\n', ',')!;
    const { rows, error } = plainRows(records, newBuilder());
    expect(error).toBeUndefined();
    expect(rows.map((row) => [row.line, { ...row.fields }])).toEqual([
      [3, { id: 'a', note: 'x\ny' }],
      [5, { id: 'b', note: 'z' }],
    ]);
  });

  it('declines what is not plain CSV, so csv-parse reports it', () => {
    expect(scanPlainCsv('id,note\na,b"c\n', ',')).toBeUndefined(); // a quote inside an unquoted field
    expect(scanPlainCsv('id,note\na,"b"c\n', ',')).toBeUndefined(); // text after a closing quote
    expect(scanPlainCsv('id,note\na,"b\n', ',')).toBeUndefined(); // never closed
    expect(scanPlainCsv('id,note\na,b\n', '||')).toBeUndefined(); // a delimiter of two characters
  });

  it('keeps a doubled quote as one and a delimiter at the end of a line as an empty field', () => {
    const records = scanPlainCsv('a;b;c\r\n"say ""hi""";;\r\n', ';')!;
    expect(records.map((record) => record.fields)).toEqual([['a', 'b', 'c'], ['say "hi"', '', '']]);
  });
});

describe('the plain CSV scan, piece by piece', () => {
  // Cut points anywhere, a CRLF or a doubled quote included: the records must be those of the whole text.
  const pieces = (text: string, cuts: number[]): string[] => {
    const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
    return [...points, text.length].map((point, i) => text.slice(i === 0 ? 0 : points[i - 1], point));
  };
  const scanInPieces = (parts: readonly string[], delimiter: string) => {
    const scanner = PlainCsvScanner.for(delimiter)!;
    const records: PlainRecord[] = [];
    let pending = '';
    for (const [i, part] of parts.entries()) {
      pending += part;
      const scanned = scanner.scan(pending, i === parts.length - 1);
      if (scanned === undefined) return undefined;
      records.push(...scanned.records);
      pending = pending.slice(scanned.rest);
    }
    return records;
  };

  it('gives the records of the whole text, and declines where the whole text is declined', () => {
    const text = fc.oneof(anyText.map((t) => ({ text: t, delimiter: ',' })), wellFormed);
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), ({ text: t, delimiter }, cuts) => {
      const whole = scanPlainCsv(t.replace(/^\uFEFF/, ''), delimiter);
      expect(scanInPieces(pieces(t.replace(/^\uFEFF/, ''), cuts), delimiter)).toEqual(whole);
    }), { numRuns: 5000 });
  });

  it('waits at a CR that ends a piece, since an LF may follow: "a\\r" + "\\nb" is two records, not three', () => {
    // Whole: line 1 "a", CRLF, line 2 "b". Cut after the CR, it must not count an empty line.
    expect(scanInPieces(['a\r', '\nb'], ',')).toEqual(scanPlainCsv('a\r\nb', ','));
    expect(scanInPieces(['a\r', '\nb'], ',')!.map((r) => r.info)).toEqual([{ lines: 1, empty_lines: 0 }, { lines: 2, empty_lines: 0 }]);
  });

  it('waits at a quote that ends a piece, since it may be the first of a doubled one', () => {
    expect(scanInPieces(['id\n"say ""hi', '"""\n'], ',')!.map((r) => r.fields)).toEqual([['id'], ['say "hi"']]);
  });
});
