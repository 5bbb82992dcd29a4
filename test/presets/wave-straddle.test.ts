import { describe, expect, it } from 'vitest';
import { STRADDLE_DAYS, watchWaveStraddle } from '../../src/presets/wave-straddle.js';

/** The warnings for respondents answering on `dates` (one a line from 2), each in its date's quarter. */
function warnings(dates: string[]): string[] {
  const watch = watchWaveStraddle('gf.csv', 'Timestamp');
  dates.forEach((date, i) => watch.note(`${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`, date, i + 2));
  return watch.finish().map((p) => `${p.line} ${p.message}`);
}

describe('watchWaveStraddle', () => {
  it('says a round from 20 September to 5 October is read as two waves, at the later wave\'s first row', () => {
    const found = warnings(['2026-09-20', '2026-09-22', '2026-09-21', '2026-10-03', '2026-10-05', '2026-10-04']);
    expect(found).toEqual([
      '5 the answers dated 2026-09-20 to 2026-10-05 read as one survey round, but the quarter turns on 2026-10-01 and no wave is configured, ' +
        'so they are two waves: 2026-Q3 (3 respondents in its last 21 days, the last on 2026-09-22) and 2026-Q4 (3 respondents in its first 21, ' +
        'the last on 2026-10-05); each group is then judged on part of its answers, and one below survey.minGroupSize in each is suppressed. If the file holds this one round, name its wave: ' +
        '{ "datasets": { "survey": { "wave": "2026-Q3" } } }; if a column names each respondent\'s round, map it: ' +
          '{ "datasets": { "survey": { "columns": { "<that column>": "wave" } } } }',
    ]);
  });

  it('says it though the file holds other rounds (a reused form), and once for each round across a turn', () => {
    // A January round, then one from 28 March to 2 April, then one from 27 June to 2 July.
    const found = warnings(['2025-01-13', '2025-01-14', '2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02', '2025-06-27', '2025-07-02']);
    expect(found.map((w) => w.slice(0, w.indexOf(' read as')))).toEqual([
      '6 the answers dated 2025-03-28 to 2025-04-02',
      '9 the answers dated 2025-06-27 to 2025-07-02',
    ]);
  });

  it('across a year\'s turn too', () => {
    expect(warnings(['2025-12-29', '2026-01-02'])).toHaveLength(1);
  });

  it('says nothing of rounds at the end of each quarter, at the start of each, or a quarter apart', () => {
    expect(warnings(['2026-09-20', '2026-09-30', '2026-12-20', '2026-12-30'])).toEqual([]);
    expect(warnings(['2026-07-01', '2026-07-10', '2026-10-01', '2026-10-10'])).toEqual([]);
    expect(warnings(['2026-03-30', '2026-10-02'])).toEqual([]);
  });

  it(`holds the rounds within ${STRADDLE_DAYS} days of the turn on each side: from the 21st day before, to the 20th day after`, () => {
    // The turn 2026-10-01: 21 days before is 2026-09-10 (in), 22 days is 09-09 (out); the 20th day after is
    // 2026-10-21 (in), the 21st 10-22 (out).
    expect(warnings(['2026-09-10', '2026-10-21'])).toHaveLength(1);
    expect(warnings(['2026-09-09', '2026-10-21'])).toEqual([]);
    expect(warnings(['2026-09-10', '2026-10-22'])).toEqual([]);
  });
});
