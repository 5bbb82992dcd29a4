/**
 * A wide survey's wave, when the config gives none, is the calendar quarter of each answer's date: one
 * survey round open from 20 September to 5 October becomes two waves, each with part of the respondents,
 * and a group that answered in full can fall below `survey.minGroupSize` in both, its measures and red
 * flags suppressed (a red flag that would trip passes the gate).
 *
 * A round is told by its days: the days with answers, split wherever ROUND_GAP_DAYS pass without one, make
 * runs, and a run of at most ROUND_DAYS is a round. One that crosses a quarter's turn is warned of. A form
 * open all year makes one long run, and rounds a month apart make runs that keep to their month, so
 * neither is taken for a round split in two; the file's other rounds do not hide one that is.
 */
import type { IsoDate } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import { daysBetween, quarterLabel as quarterOf } from '../model/calendar.js';
import { parsePeriod } from '../model/window.js';

/** More days than this without an answer end a round. */
export const ROUND_GAP_DAYS = 7;
/** A run of answers longer than this is a form left open, not a round. */
export const ROUND_DAYS = 42;

interface Day { readonly date: IsoDate; respondents: number; firstLine: number }

export interface WaveStraddleWatch {
  /** A respondent's row, by the date of its answers. */
  readonly note: (date: IsoDate, line: number) => void;
  /** One warning for each round that crosses a quarter's turn. */
  readonly finish: () => Problem[];
}

const respondents = (n: number): string => `${n} respondent${n === 1 ? '' : 's'}`;

/** The days in order, split where more than ROUND_GAP_DAYS pass between two. */
function runsOf(days: readonly Day[]): Day[][] {
  const runs: Day[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run !== undefined && daysBetween(run.at(-1)!.date, day.date) <= ROUND_GAP_DAYS) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

export function watchWaveStraddle(file: string, dateColumn: string): WaveStraddleWatch {
  // One entry a day with answers: a few hundred for years of rounds, whatever the respondents.
  const byDate = new Map<IsoDate, Day>();
  return {
    note(date, line) {
      const day = byDate.get(date);
      if (day === undefined) byDate.set(date, { date, respondents: 1, firstLine: line });
      else {
        day.respondents += 1;
        if (line < day.firstLine) day.firstLine = line;
      }
    },
    finish() {
      const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const problems: Problem[] = [];
      for (const run of runsOf(days)) {
        const [first, last] = [run[0]!, run.at(-1)!];
        if (daysBetween(first.date, last.date) >= ROUND_DAYS || quarterOf(first.date) === quarterOf(last.date)) continue;
        const earlierWave = quarterOf(first.date);
        const before = run.filter((day) => quarterOf(day.date) === earlierWave);
        const after = run.filter((day) => quarterOf(day.date) !== earlierWave);
        const laterWave = quarterOf(after[0]!.date);
        const count = (part: readonly Day[]): number => part.reduce((sum, day) => sum + day.respondents, 0);
        problems.push({
          file, line: Math.min(...after.map((day) => day.firstLine)), column: dateColumn, severity: 'warning',
          message: `the answers dated ${first.date} to ${last.date} read as one survey round (never more than ${ROUND_GAP_DAYS} days apart), ` +
            `but the quarter turns on ${parsePeriod(laterWave)!.start} and no wave is configured, so they are two waves: ` +
            `${earlierWave} (${respondents(count(before))}, the last on ${before.at(-1)!.date}) and ${laterWave} ` +
            `(${respondents(count(after))}, the first on ${after[0]!.date}); each group is then judged on part of its answers, and one ` +
            'below survey.minGroupSize in each is suppressed. If the file holds this one round, name its wave: ' +
            `{ "datasets": { "survey": { "wave": "${earlierWave}" } } }; if a column names each respondent's round, map it: ` +
            '{ "datasets": { "survey": { "columns": { "<that column>": "wave" } } } }',
        });
      }
      return problems.sort((a, b) => a.line - b.line);
    },
  };
}
