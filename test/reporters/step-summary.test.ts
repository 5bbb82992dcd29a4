import { describe, expect, test } from 'vitest';
import { CUT_NOTE, STEP_SUMMARY_LIMIT_BYTES, stepSummaryChunk } from '../../src/cli/step-summary.js';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const NOTE_BYTES = bytes(CUT_NOTE);

describe('stepSummaryChunk', () => {
  test('a report that fits is appended whole', () => {
    expect(stepSummaryChunk('# report\n', 0)).toBe('# report\n');
    // 10 bytes left, 9 needed.
    expect(stepSummaryChunk('# report\n', STEP_SUMMARY_LIMIT_BYTES - 10)).toBe('# report\n');
  });

  test('a larger report is cut at a line boundary, with the note, as close to the limit as whole lines allow', () => {
    // 20,000 lines of 100 bytes = 2,000,000 bytes. 48,576 bytes already there leaves exactly 1,000,000;
    // minus the note, floor((1,000,000 − note) ÷ 100) whole lines fit.
    const line = `${'x'.repeat(99)}\n`;
    const markdown = line.repeat(20_000);
    const chunk = stepSummaryChunk(markdown, 48_576);
    const kept = Math.floor((1_000_000 - NOTE_BYTES) / 100);
    expect(chunk).toBe(`${line.repeat(kept)}${CUT_NOTE}`);
    expect(48_576 + bytes(chunk)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT_BYTES);
    expect(48_576 + bytes(chunk) + 100).toBeGreaterThan(STEP_SUMMARY_LIMIT_BYTES);
  });

  test('multi-byte text is never split', () => {
    // "€" is 3 bytes: 333 of them and a newline make a 1,000-byte line.
    const line = `${'€'.repeat(333)}\n`;
    const chunk = stepSummaryChunk(line.repeat(2_000), 0);
    const kept = Math.floor((STEP_SUMMARY_LIMIT_BYTES - NOTE_BYTES) / 1_000);
    expect(chunk).toBe(`${line.repeat(kept)}${CUT_NOTE}`);
  });

  test('a first line too long for the room leaves only the note', () => {
    expect(stepSummaryChunk(`${'x'.repeat(STEP_SUMMARY_LIMIT_BYTES)}\nend\n`, 0)).toBe(CUT_NOTE);
  });

  test('a file already (nearly) full gets nothing', () => {
    expect(stepSummaryChunk('x\n'.repeat(100), STEP_SUMMARY_LIMIT_BYTES - NOTE_BYTES + 1)).toBe('');
    expect(stepSummaryChunk('x\n', STEP_SUMMARY_LIMIT_BYTES + 5)).toBe('');
  });
});
