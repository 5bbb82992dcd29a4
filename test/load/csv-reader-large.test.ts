/** Properties of the CSV reader that only show on files larger than the read buffers. */
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/load/csv-reader.js';
import { collect, rejection, tempDir, tempFile } from './helpers.js';

const MB = 1024 * 1024;
const FILLER = 'Customer-facing latency rose above the objective; paged on-call, rolled back the release, '.repeat(2);

/** Writes a header and `rows` records of about 270 bytes each; every 1000th record spans two lines. */
async function writeLargeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,opened_at,priority,title,service,description\r\n');
  for (let i = 0; i < rows; i++) {
    const title = i % 1000 === 0 ? `"Database failover, ""primary""\r\nsecond line ${i}"` : `Incident number ${i} with a title`;
    const record = `INC-${i},2026-03-01T10:00:00Z,P${(i % 5) + 1},${title},service-${i % 17}-api-gateway,"${FILLER}"\r\n`;
    if (!out.write(record)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('readCsv on large files', () => {
  // ~27 MB rather than 50: csv-parse reads a few MB/s on a busy shared machine, and the property is the
  // same — held in memory, these rows would take ~80 MB (about 800 bytes of heap per row, measured),
  // twice the bound below. The timeout is generous for busy machines; no timing is asserted.
  it('streams a ~27 MB file without the heap growing with it', { timeout: 180_000 }, async () => {
    const rows = 100_000;
    const path = join(tempDir(), 'incidents.csv');
    await writeLargeCsv(path, rows);
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let count = 0;
    let lastLine = 0;
    for await (const row of readCsv(path)) {
      count++;
      lastLine = row.line;
      if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    // 100 000 records on 100 000 + 100 lines (every 1000th record spans 2) after the header line:
    // the last record (i = 99 999, single-line) starts on line 1 + 100 000 + 100 = 100 101.
    expect(count).toBe(rows);
    expect(lastLine).toBe(100_101);
    expect(statSync(path).size).toBeGreaterThan(25 * MB);
    // Loose on purpose (garbage not yet collected counts too): this checks that memory does not
    // scale with the file, not a precise figure.
    expect(peak - baseline).toBeLessThan(40 * MB);
  });

  it('locates a quoting error deep in a file exactly, despite the stream buffers', { timeout: 60_000 }, async () => {
    // header on line 1, 20 000 good records on lines 2..20 001, the bad one on line 20 002
    const good = Array.from({ length: 20_000 }, (_, i) => `${i},"ok ${i}"`).join('\r\n');
    const error = await rejection(collect(readCsv(tempFile('deep.csv', `a,b\r\n${good}\r\n20000,"x"y\r\n1,2\r\n`))));
    expect(error).toMatchObject({ code: 'csv_bad_quote', line: 20_002 });
  });

  it('can be abandoned part-way (the consumer breaks) without hanging', async () => {
    const path = join(tempDir(), 'incidents.csv');
    await writeLargeCsv(path, 50_000);
    const lines: number[] = [];
    for await (const row of readCsv(path)) {
      lines.push(row.line);
      if (lines.length === 3) break;
    }
    // record 0 spans lines 2-3 (i % 1000 === 0), records 1 and 2 are on lines 4 and 5
    expect(lines).toEqual([2, 4, 5]);
  });
});

describe('readCsv: header names that are Object.prototype members', () => {
  it('keeps __proto__ and constructor columns as plain fields', async () => {
    const rows = await collect(readCsv(tempFile('p.csv', '__proto__,constructor,id\nx,c,1\n')));
    const fields = rows[0]?.fields ?? {};
    expect(Object.keys(fields)).toEqual(['__proto__', 'constructor', 'id']);
    expect(fields['__proto__']).toBe('x');
    expect(fields['toString']).toBeUndefined();
    expect(Object.getPrototypeOf(fields)).toBeNull();
  });
});
