/**
 * Titles (and survey respondent levels) the level map does not know are `other`, outside ops, as
 * inputs.md says: an HR roster names every job in the company. But an ops title spelt another way
 * (`Ops Eng 2.0`) would quietly take its people out of ops, and a survey's own role choices
 * (`Ops Engineer (2.0 track)`) would empty every survey group. So each file gets one warning listing
 * the texts it read as `other` without being told to, with how often, and how to map them. A text the
 * config maps to `other` on purpose is not listed.
 */
import { matchKey, type Config } from '../core/config.js';
import type { Finding } from './problem-log.js';
import { tallyTexts } from './text-tally.js';
import { LEVEL_CODE_SET } from './values.js';

export interface UnmappedTitles {
  /** Called for a row whose title or respondent level was read as `other`, with the text as written. */
  note(text: unknown, line: number): void;
  /** The file's one warning, when some text was read as `other` unasked. */
  finish(): Finding[];
}

/** `column`: `title`, or `respondent_level` (where a level code is also a level). */
export function watchUnmappedTitles(column: 'title' | 'respondent_level', config: Config): UnmappedTitles {
  const tally = tallyTexts();
  return {
    note(text, line) {
      if (typeof text !== 'string') return;
      const key = matchKey(text);
      if (key === '' || config.levels.has(key) || (column === 'respondent_level' && LEVEL_CODE_SET.has(key))) return;
      tally.note(text, line);
    },
    finish() {
      if (tally.size === 0) return [];
      const what = column === 'title' ? 'title' : 'respondent level';
      return [{
        line: tally.firstLine,
        column,
        severity: 'warning',
        message: `${tally.size === 1 ? `1 ${what} is` : `${tally.size} ${what}s are`} not in the level map, so read as other (outside ops): ` +
          `${tally.listed()}. If one is an ops level, map it under "levels" in the config ({ "levels": { "<${what}>": "ops2" } }); ` +
          'map one to "other" to say it is outside ops',
      }];
    },
  };
}
