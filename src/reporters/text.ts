/**
 * Text from input files (names, ids, titles, notes) reaches every output. Before any format-specific
 * escaping, control characters are made visible and inert, never removed: the user sees what the file
 * holds, and no file can move a cursor, retitle a terminal or hide text.
 *
 * - C0 controls and DEL become their Unicode Control Pictures: NUL → ␀, ESC → ␛, BEL → ␇, DEL → ␡.
 * - C1 controls (U+0080–U+009F) become `\x` and two hex digits: U+009B → `\x9b`.
 * - So an escape sequence shows as text, its ESC made visible: `␛[31m`, `␛]0;title␇`.
 * - Tabs and line breaks (CR, LF, U+2028, U+2029; a run of them) become one space: the text stays on one line.
 * - `##[`, which a CI log reads as a workflow command wherever it stands, shows its second `#` as `\x23`.
 *
 * Every replacement is printable and of fixed width (a picture is one column), so widths computed on
 * the result are the widths shown.
 */
const LINE_BREAK = /[\t\r\n\u2028\u2029]+/g;
// After LINE_BREAK: the other C0 controls, DEL and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const CONTROL_PICTURES = 0x2400;
const DEL_PICTURE = '\u2421';

/** The visible stand-in of one control character. */
function visibleControl(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES + code);
  if (code === 0x7f) return DEL_PICTURE;
  return `\\x${code.toString(16).padStart(2, '0')}`;
}

/**
 * Characters that print nothing yet change what is shown: the format characters (Unicode category Cf).
 * Among them the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 * reorder the text after them ("E\u202e300" shows as "E003"), and the invisible ones that make two
 * different ids look alike (zero-width space U+200B, soft hyphen U+00AD, word joiner U+2060, a byte-order
 * mark U+FEFF, tag characters). Shown as `\u` and four hex digits (`\u{e0041}` past U+FFFF). Left as
 * they are: the zero-width non-joiner and joiner (U+200C, U+200D) and the left-to-right, right-to-left
 * and Arabic letter marks (U+200E, U+200F, U+061C), which names in Arabic, Hebrew, Persian or Indic
 * scripts, and emoji, hold as a matter of course.
 */
const HIDDEN_FORMAT = /(?![\u200c-\u200f\u061c])\p{Cf}/gu;

const visibleFormat = (char: string): string => {
  const code = char.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * GitHub Actions' runner still reads the legacy form of a workflow command, `##[error]text`, `##[add-mask]…`
 * or `##[stop-commands]…`, anywhere in a line of a job's log (actions/runner, ActionCommand.TryParse), where
 * `::error::` counts only at a line's start. Every format may be printed in a CI log, so none may hold `##[`:
 * each writes it its own inert way (`##&#91;` in XML, `\#\#\[` in Markdown, `##\u005b` in JSON), and plain
 * text shows its second `#` as `\x23`, as a C1 control is shown.
 */
export const LEGACY_COMMAND = /##\[/g;

// What JSON.stringify leaves raw that a terminal may act on or not show: DEL, the C1 controls, the line and
// paragraph separators, and the format characters plainText shows.
const JSON_RAW = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029]|${HIDDEN_FORMAT.source}`, 'gu');

const jsonEscape = (char: string): string => {
  let escaped = '';
  for (let unit = 0; unit < char.length; unit++) escaped += `\\u${char.charCodeAt(unit).toString(16).padStart(4, '0')}`;
  return escaped;
};

/**
 * JSON text with those characters written as `\u` escapes (a pair of them past U+FFFF). They can stand
 * only inside strings (JSON's own syntax is ASCII), and an escape parses back to the same character, so
 * the value read is exactly the one in the file; only what a terminal shows of it changes. So is `##[`
 * (`##\u005b`), which can stand only inside a string too (JSON's syntax holds no `#`).
 */
export function jsonInert(json: string): string {
  return json.replace(JSON_RAW, jsonEscape).replace(LEGACY_COMMAND, '##\\u005b');
}

/**
 * `plainText` but for `##[`: for the formats that escape `#` or `[` their own way, losing nothing (Markdown,
 * XML). Plain, single-line and printable, as `plainText`.
 */
export function printableText(text: string): string {
  return text.replace(LINE_BREAK, ' ').replace(CONTROL, visibleControl).replace(HIDDEN_FORMAT, visibleFormat);
}

/** Plain, single-line, printable text: every control character shown, none acted on, no workflow command in it. */
export function plainText(text: string): string {
  return printableText(text).replace(LEGACY_COMMAND, '#\\x23[');
}
