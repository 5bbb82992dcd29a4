/**
 * A wide survey's wave, when the config gives none, is the calendar quarter of each answer's date: one
 * survey round open from 20 September to 5 October becomes two waves, each with part of the respondents,
 * and a group that answered in full can fall below `survey.minGroupSize` in both, its measures and red
 * flags suppressed (a red flag that would trip passes the gate). Such a split is told by its dates: answers
 * in a quarter's last STRADDLE_DAYS days and in the next one's first STRADDLE_DAYS. The file's other rounds
 * (a reused form holds them all) do not hide it; rounds run at the start of each quarter, or at the end of
 * each, never look so.
 */
import type { IsoDate } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import { addDays } from '../model/calendar.js';
import { parsePeriod } from '../model/window.js';

/** How near the quarter's turn a round's answers must lie, on both sides, to read as one round. */
export const STRADDLE_DAYS = 21;

/** A wave's answers near the turns of its quarter: those in its first and its last STRADDLE_DAYS days. */
interface NearTurn { first: IsoDate; last: IsoDate; respondents: number; firstLine: number }
interface WaveEdges { readonly start: IsoDate; readonly end: IsoDate; early?: NearTurn; late?: NearTurn }

export interface WaveStraddleWatch {
  /** A respondent's row, its wave taken from its date. */
  readonly note: (wave: string, date: IsoDate, line: number) => void;
  /** One warning for each turn of a quarter that splits what reads as one round. */
  readonly finish: () => Problem[];
}

const widened = (near: NearTurn | undefined, date: IsoDate, line: number): NearTurn => {
  if (near === undefined) return { first: date, last: date, respondents: 1, firstLine: line };
  near.respondents += 1;
  if (date < near.first) near.first = date;
  if (date > near.last) near.last = date;
  if (line < near.firstLine) near.firstLine = line;
  return near;
};

const respondents = (n: number): string => `${n} respondent${n === 1 ? '' : 's'}`;

export function watchWaveStraddle(file: string, dateColumn: string): WaveStraddleWatch {
  const byWave = new Map<string, WaveEdges | undefined>();
  return {
    note(wave, date, line) {
      if (!byWave.has(wave)) {
        const period = parsePeriod(wave);
        byWave.set(wave, period === undefined ? undefined : { start: period.start, end: period.end });
      }
      const edges = byWave.get(wave);
      if (edges === undefined) return;
      if (date < addDays(edges.start, STRADDLE_DAYS)) edges.early = widened(edges.early, date, line);
      if (date > addDays(edges.end, -STRADDLE_DAYS)) edges.late = widened(edges.late, date, line);
    },
    finish() {
      const problems: Problem[] = [];
      for (const [wave, later] of byWave) {
        if (later?.early === undefined) continue;
        const turn = later.start;
        const earlierWave = [...byWave.keys()].find((other) => byWave.get(other)?.end === addDays(turn, -1));
        const before = earlierWave === undefined ? undefined : byWave.get(earlierWave)?.late;
        if (before === undefined) continue;
        const after = later.early;
        problems.push({
          file, line: after.firstLine, column: dateColumn, severity: 'warning',
          message: `the answers dated ${before.first} to ${after.last} read as one survey round, but the quarter turns on ${turn} ` +
            `and no wave is configured, so they are two waves: ${earlierWave} (${respondents(before.respondents)} in its last ${STRADDLE_DAYS} days, ` +
            `the last on ${before.last}) and ${wave} (${respondents(after.respondents)} in its first ${STRADDLE_DAYS}, the last on ${after.last}); ` +
            'each group is then judged on part of its answers, and one below survey.minGroupSize in each is suppressed. ' +
            `If the file holds this one round, name its wave: { "datasets": { "survey": { "wave": "${earlierWave}" } } }; ` +
            'if a column names each respondent\'s round, map it: { "datasets": { "survey": { "columns": { "<that column>": "wave" } } } }',
        });
      }
      return problems.sort((a, b) => a.line - b.line);
    },
  };
}
