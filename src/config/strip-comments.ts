/** A config's text with its comments blanked, and where a block comment opened that is never closed. */
export interface StrippedText {
  readonly text: string;
  /**
   * The offset of a `/*` with no `*\/` after it: everything from there was blanked as comment, which
   * would leave the JSON cut short (or, after the last brace, drop keys the writer meant to keep).
   */
  readonly unclosedCommentAt: number | undefined;
}

/**
 * The config may carry `//` and `/* … *\/` comments (the example config `init` writes explains every key
 * that way). They are blanked out with spaces, keeping every newline, so line numbers in messages still
 * point at the right line; text inside strings is left alone.
 */
export function stripJsonComments(text: string): StrippedText {
  let out = '';
  let i = 0;
  let inString = false;
  let unclosedCommentAt: number | undefined;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (inString) {
      out += ch;
      if (ch === '\\' && next !== undefined) {
        out += next;
        i += 2;
        continue;
      }
      if (ch === '"') inString = false;
      i++;
    } else if (ch === '"') {
      inString = true;
      out += ch;
      i++;
    } else if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) unclosedCommentAt = i;
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return { text: out, unclosedCommentAt };
}
