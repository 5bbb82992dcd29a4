// A CSV file written in large synchronous chunks: millions of rows without holding them in memory and
// without the per-write overhead of a stream.
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK_LINES = 20_000;

/** A cell as an exporter writes it: quoted only when it holds a delimiter, a quote or a line break. */
export const csvCell = (value) => {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * `header` is the list of column names; `row(values)` takes the cells in header order (already
 * strings or numbers; use `csvCell` for free text). `eol` and `bom` reproduce spreadsheet exports.
 */
export function createCsvWriter(path, header, { eol = '\n', bom = false } = {}) {
  const fd = openSync(path, 'w');
  let lines = [(bom ? '\uFEFF' : '') + header.join(',')];
  let rows = 0;
  const flush = () => {
    if (lines.length > 0) writeSync(fd, lines.join(eol) + eol);
    lines = [];
  };
  return {
    row(values) {
      lines.push(values.join(','));
      rows++;
      if (lines.length >= CHUNK_LINES) flush();
    },
    /** Closes the file and returns its number of data rows. */
    close() {
      flush();
      closeSync(fd);
      return rows;
    },
  };
}
