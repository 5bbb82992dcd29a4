import { describe, expect, it } from 'vitest';
import { ROUND_DAYS, ROUND_GAP_DAYS, watchWaveStraddle } from '../../src/presets/wave-straddle.js';

/** The warnings for respondents answering on `dates` (one a line from 2). */
function warnings(dates: string[]): string[] {
  const watch = watchWaveStraddle('gf.csv', 'Timestamp');
  dates.forEach((date, i) => watch.note(date, i + 2));
  return watch.finish().map((p) => `${p.line} ${p.message}`);
}

/** Each warning's line and the dates it names. */
const named = (found: string[]): string[] => found.map((w) => w.slice(0, w.indexOf(' read as')));

/** Every day from `from` for `count` days. */
const daily = (from: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('watchWaveStraddle', () => {
  it('says a round from 20 September to 5 October is read as two waves, at the first answer after the turn', () => {
    // The answers are never more than 7 days apart (22 Sep → 29 Sep → 3 Oct), over 15 days.
    const found = warnings(['2026-09-20', '2026-09-22', '2026-09-29', '2026-10-03', '2026-10-05', '2026-10-04']);
    expect(found).toEqual([
      '5 the answers dated 2026-09-20 to 2026-10-05 read as one survey round (never more than 7 days apart), but the quarter turns on ' +
        '2026-10-01 and no wave is configured, so they are two waves: 2026-Q3 (3 respondents, the last on 2026-09-29) and 2026-Q4 ' +
        '(3 respondents, the first on 2026-10-03); each group is then judged on part of its answers, and one below survey.minGroupSize in ' +
        'each is suppressed. If the file holds this one round, name its wave: { "datasets": { "survey": { "wave": "2026-Q3" } } }; ' +
        'if a column names each respondent\'s round, map it: { "datasets": { "survey": { "columns": { "<that column>": "wave" } } } }',
    ]);
  });

  it('says it though the file holds other rounds (a reused form), and once for each round across a turn', () => {
    // A January round, then one from 28 March to 2 April, then one from 27 June to 2 July.
    const found = warnings(['2025-01-13', '2025-01-14', '2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02', '2025-06-27', '2025-07-02']);
    expect(named(found)).toEqual(['6 the answers dated 2025-03-28 to 2025-04-02', '9 the answers dated 2025-06-27 to 2025-07-02']);
  });

  it('across a year\'s turn too', () => {
    expect(warnings(['2025-12-29', '2026-01-02'])).toHaveLength(1);
  });

  it('says nothing of rounds that keep to their quarter, of monthly rounds, or of a form open all year', () => {
    expect(warnings(['2026-09-20', '2026-09-30', '2026-12-20', '2026-12-30'])).toEqual([]);
    expect(warnings(['2026-07-01', '2026-07-10', '2026-10-01', '2026-10-10'])).toEqual([]);
    // The 15th, 20th and 25th of every month: 21 days between the 25th and the next month's 15th.
    const monthly = Array.from({ length: 12 }, (_, m) => ['15', '20', '25'].map((d) => `2025-${String(m + 1).padStart(2, '0')}-${d}`)).flat();
    expect(warnings(monthly)).toEqual([]);
    // An answer every day of 2025: one run of 365 days, no round.
    expect(warnings(daily('2025-01-01', 365))).toEqual([]);
  });

  it(`takes a gap of ${ROUND_GAP_DAYS} days as within a round, and a run of ${ROUND_DAYS} days as too long for one`, () => {
    // 25 September and 2 October are 7 days apart: one round; 24 September and 2 October, 8: two.
    expect(warnings(['2026-09-25', '2026-10-02'])).toHaveLength(1);
    expect(warnings(['2026-09-24', '2026-10-02'])).toEqual([]);
    // A run from 1 September, one answer a day: to 12 October (41 days) a round, to 13 October (42) no longer.
    expect(warnings(daily('2026-09-01', 42))).toHaveLength(1);
    expect(warnings(daily('2026-09-01', 43))).toEqual([]);
  });
});
