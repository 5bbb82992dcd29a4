/**
 * A figure shown beside its target keeps the decimals that put it on the same side as the figure itself
 * (README, "How figures are shown"): also in a trend's points and in a compared report's earlier figure,
 * so 8.46 against ≥ 8.5 never reads `8.5` beside "missed".
 */
import { describe, expect, it } from 'vitest';
import type { MeasureResult, Report } from '../../src/core/report.js';
import { formatChange } from '../../src/reporters/format-values.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { tableReporter } from '../../src/reporters/table.js';
import { sampleReport } from '../helpers/sample-report.js';

const TARGET = { op: '>=', value: 8.5 } as const;

/** The sample report with role_scope_score changed by `change`. */
function withRoleScope(change: Partial<MeasureResult>): Report {
  const report = sampleReport();
  return {
    ...report,
    metrics: report.metrics.map((metric) => ({
      ...metric,
      measures: metric.measures.map((m) => (m.id === 'role_scope_score' ? { ...m, target: TARGET, ...change } : m)),
    })),
  };
}

describe('a figure beside its target, outside its own row', () => {
  it('shows a trend\'s points with the decimals they need: 8.46 of a missed quarter is not 8.5', () => {
    // Quarters 8.2 (one place is enough: below 8.5 either way) and 8.46 (8.5 at one place; 8.46 at two).
    const report = withRoleScope({
      value: 8.46, status: 'missed',
      history: [{ period: '2026-Q2', value: 8.2, status: 'missed' }, { period: '2026-Q3', value: 8.46, status: 'missed' }],
    });
    expect(tableReporter(report, { color: false })).toContain('8.2 → 8.46');
    expect(htmlReporter(report, { color: false })).toMatch(/<desc id="[^"]*-trend-desc">2026-Q2: 8\.2; 2026-Q3: 8\.46<\/desc>/);
  });

  it('shows the compared report\'s figure with the decimals it needs', () => {
    // Then 8.46 (missed), now 8.6 (met): the change of status reads 8.46 → 8.6, not 8.5 → 8.6.
    const changed = withRoleScope({ value: 8.6, status: 'met', previous: { period: '2026-Q2', value: 8.46, status: 'missed' } });
    expect(markdownReporter(changed, { color: false })).toContain('**missed → met** (8.46 → 8.6)');
    // No figure now: "was 8.46".
    const gone = { value: null, unit: 'score', target: TARGET, previous: { period: '2026-Q2', value: 8.46, status: 'missed' } } as const;
    expect(formatChange(gone)).toBe('was 8.46');
    expect(formatChange({ ...gone, target: null })).toBe('was 8.5');
  });
});
