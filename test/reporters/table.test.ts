/** The terminal table's red-flag lines: a status, then the title, never run together. */
import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { tableReporter } from '../../src/reporters/table.js';
import { sampleReport } from '../helpers/sample-report.js';

const options = { color: false };

describe('table: red flags', () => {
  const base = sampleReport();
  const report: Report = {
    ...base,
    redFlags: base.redFlags.map((flag) => (flag.id === 'year1_turnover'
      ? { ...flag, status: 'insufficient_data' as const, value: null, reason: 'no promotions to 2.0 yet' }
      : flag)),
  };
  const lines = tableReporter(report, options).split('\n');

  test('the usual statuses in a column of 14, the title after it', () => {
    expect(lines).toContain('✓ clear       No process improvements documented: 7 (trips = 0)');
    expect(lines.some((line) => line.startsWith('⊘ suppressed  1.0 engineers feel undervalued: group 1.0'))).toBe(true);
  });

  test('a longer status, "? insufficient data", is followed by a space, not run into the title', () => {
    expect(lines).toContain('? insufficient data High turnover of 2.0s in year 1: no promotions to 2.0 yet');
  });
});
