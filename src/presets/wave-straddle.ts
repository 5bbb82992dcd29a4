/**
 * A wide survey's wave, when the config gives none, is the calendar quarter of each answer's date: one
 * survey round open from 20 September to 5 October becomes two waves, each with part of the respondents,
 * and a group that answered in full can fall below `survey.minGroupSize` in both, its measures and red
 * flags suppressed (a red flag that would trip passes the gate). Such a split is told apart from two rounds
 * by its dates: every answer of the earlier quarter is within its last STRADDLE_DAYS days, and every answer of
 * the next quarter within its first STRADDLE_DAYS. Rounds run at the start of each quarter, or at the end of
 * each, never look so.
 */
import type { IsoDate } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import { addDays } from '../model/calendar.js';
import { parsePeriod } from '../model/window.js';

/** How near the quarter's turn a round's answers must lie, on both sides, to read as one round. */
export const STRADDLE_DAYS = 21;

interface WaveDates { first: IsoDate; last: IsoDate; respondents: number; firstLine: number }

export interface WaveStraddleWatch {
  /** A respondent's row, its wave taken from its date. */
  readonly note: (wave: string, date: IsoDate, line: number) => void;
  /** One warning for each turn of a quarter that splits what reads as one round. */
  readonly finish: () => Problem[];
}

export function watchWaveStraddle(file: string, dateColumn: string): WaveStraddleWatch {
  const byWave = new Map<string, WaveDates>();
  return {
    note(wave, date, line) {
      const seen = byWave.get(wave);
      if (seen === undefined) {
        byWave.set(wave, { first: date, last: date, respondents: 1, firstLine: line });
        return;
      }
      seen.respondents += 1;
      if (date < seen.first) seen.first = date;
      if (date > seen.last) seen.last = date;
    },
    finish() {
      const problems: Problem[] = [];
      for (const [wave, later] of byWave) {
        const turn = parsePeriod(wave)?.start;
        if (turn === undefined) continue;
        const earlierWave = [...byWave.keys()].find((other) => parsePeriod(other)?.end === addDays(turn, -1));
        const earlier = earlierWave === undefined ? undefined : byWave.get(earlierWave);
        if (earlier === undefined) continue;
        const justBeforeTurn = earlier.first >= addDays(turn, -STRADDLE_DAYS);
        const justAfterTurn = later.last < addDays(turn, STRADDLE_DAYS);
        if (!justBeforeTurn || !justAfterTurn) continue;
        problems.push({
          file, line: later.firstLine, column: dateColumn, severity: 'warning',
          message: `the answers dated ${earlier.first} to ${later.last} read as one survey round, but the quarter turns on ${turn} ` +
            `and no wave is configured, so they are two waves: ${earlierWave} (${earlier.respondents} respondent${earlier.respondents === 1 ? '' : 's'}, ` +
            `the last on ${earlier.last}) and ${wave} (${later.respondents}, all by ${later.last}); each group is then judged on part of its answers, ` +
            `and one below survey.minGroupSize in each is suppressed. If the file holds this one round, name its wave: ` +
            `{ "datasets": { "survey": { "wave": "${earlierWave}" } } }; if a column names each respondent's round, map it: ` +
            '{ "datasets": { "survey": { "columns": { "<that column>": "wave" } } } }',
        });
      }
      return problems.sort((a, b) => a.line - b.line);
    },
  };
}
