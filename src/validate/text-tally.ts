/**
 * The distinct texts of a column that a file-level warning names (titles read as `other`, course names
 * that count nowhere): each once, as the config would match it, with its rows and first line. Memory
 * grows with the distinct texts, never with the rows.
 */
import { matchKey } from '../core/config.js';

const SHOWN = 5;

export interface TextTally {
  note(text: string, line: number): void;
  readonly size: number;
  /** The first line any of them is on. */
  readonly firstLine: number;
  /** `"Ops Eng 2.0" (2 rows, the first on line 12), "Sales Rep" (line 14)`, the first five and a count of the rest. */
  listed(): string;
}

export function tallyTexts(): TextTally {
  const seen = new Map<string, { text: string; rows: number; line: number }>();
  return {
    note(text, line) {
      const key = matchKey(text);
      const entry = seen.get(key);
      if (entry === undefined) seen.set(key, { text: text.trim(), rows: 1, line });
      else entry.rows += 1;
    },
    get size() {
      return seen.size;
    },
    get firstLine() {
      return seen.values().next().value?.line ?? 0;
    },
    listed() {
      const texts = [...seen.values()];
      const shown = texts.slice(0, SHOWN).map(({ text, rows, line }) => `"${text}" (${rows === 1 ? `line ${line}` : `${rows} rows, the first on line ${line}`})`);
      return `${shown.join(', ')}${texts.length > SHOWN ? `, and ${texts.length - SHOWN} more` : ''}`;
    },
  };
}
