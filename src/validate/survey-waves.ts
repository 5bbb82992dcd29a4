/**
 * A bound on the distinct waves of a survey file. Answers are folded per wave (and date, level and
 * question), so a file whose wave column holds something else than a survey round (a response id, a
 * time of day) makes a tally for nearly every answer: ~1 KB each, gigabytes for a large export, long
 * before any figure could mean anything. Real surveys have a wave a quarter or a month, tens or hundreds
 * in all; the bound stops such a file at once, with a message that says what a wave is.
 */
import { InputError } from '../core/problems.js';

export const MAX_SURVEY_WAVES = 10_000;

/** Notes each accepted answer's wave; throws an InputError at the first wave beyond the bound. */
export function watchSurveyWaves(file: string, limit = MAX_SURVEY_WAVES): (wave: string, line: number) => void {
  const waves = new Set<string>();
  return (wave, line) => {
    if (waves.has(wave)) return;
    if (waves.size >= limit) {
      throw new InputError(
        'too_many_waves', file,
        `more than ${limit.toLocaleString('en-US')} distinct survey waves (the next, "${wave}", on this line): ` +
          'this column holds something else than the survey round',
        'A wave is a round of the survey (2026-Q3, 2026-09): map the column that names the round to wave',
        line,
        'wave',
      );
    }
    waves.add(wave);
  };
}
