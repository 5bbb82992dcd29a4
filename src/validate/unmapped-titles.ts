/**
 * Titles (and survey respondent levels) the level map does not know are `other`, outside ops, as
 * inputs.md says: an HR roster names every job in the company. But an ops title spelt another way
 * (`Ops Eng 2.0`) would quietly take its people out of ops, and a survey's own role choices
 * (`Ops Engineer (2.0 track)`) would empty every survey group. So each file gets one warning listing
 * the texts it read as `other` without being told to, with how often, and how to map them. A text the
 * config maps to `other` on purpose is not listed.
 */
import { matchKey, type Config } from '../core/config.js';
import { LEVEL_CODES } from '../core/levels.js';
import type { Finding } from './problem-log.js';

const LEVEL_CODE_SET: ReadonlySet<string> = new Set(LEVEL_CODES);
const SHOWN = 5;

export interface UnmappedTitles {
  /** Called for a row whose title or respondent level was read as `other`, with the text as written. */
  note(text: unknown, line: number): void;
  /** The file's one warning, when some text was read as `other` unasked. */
  finish(): Finding[];
}

/** `column`: `title`, or `respondent_level` (where a level code is also a level). */
export function watchUnmappedTitles(column: 'title' | 'respondent_level', config: Config): UnmappedTitles {
  const seen = new Map<string, { text: string; rows: number; line: number }>();
  return {
    note(text, line) {
      if (typeof text !== 'string') return;
      const key = matchKey(text);
      if (key === '' || config.levels.has(key) || (column === 'respondent_level' && LEVEL_CODE_SET.has(key))) return;
      const entry = seen.get(key);
      if (entry === undefined) seen.set(key, { text: text.trim(), rows: 1, line });
      else entry.rows += 1;
    },
    finish() {
      if (seen.size === 0) return [];
      const texts = [...seen.values()];
      const listed = texts.slice(0, SHOWN).map(({ text, rows, line }) => `"${text}" (${rows === 1 ? `line ${line}` : `${rows} rows, the first on line ${line}`})`);
      const more = texts.length > SHOWN ? `, and ${texts.length - SHOWN} more` : '';
      const what = column === 'title' ? 'title' : 'respondent level';
      return [{
        line: texts[0]!.line,
        column,
        severity: 'warning',
        message: `${texts.length === 1 ? `1 ${what} is` : `${texts.length} ${what}s are`} not in the level map, so read as other (outside ops): ` +
          `${listed.join(', ')}${more}. If one is an ops level, map it under "levels" in the config ({ "levels": { "<${what}>": "ops2" } }); ` +
          'map one to "other" to say it is outside ops',
      }];
    },
  };
}
