/**
 * How many terminal columns text takes, counted as wcwidth counts them, so that columns of names, ids
 * and file names in Chinese, Japanese or Korean, or with emoji or accents, line up:
 *
 * - East Asian Wide (W) and Fullwidth (F) characters take 2 columns: `山`, `한`, `Ａ`, `🚀`.
 * - Combining marks (Mn, Me: the accent of `e` + U+0301, variation selectors), the zero-width (non-)joiner,
 *   other format characters (Cf), controls, and the vowels and final consonants of conjoining Hangul
 *   jamo take none.
 * - An emoji sequence takes 2 in all: a narrow emoji made an emoji by U+FE0F (`❤️`, keycap `1️⃣`), one
 *   with a skin tone (`👍🏽`), emoji joined by U+200D (`👩‍💻`), a flag (two regional indicators, 1 each).
 * - Everything else takes 1: the East Asian Neutral characters (`✓`, `✗`) and the Ambiguous ones (`–`,
 *   `…`, `·`, `≥`) among them, which terminals outside East Asian legacy locales draw narrow; the report's
 *   own symbols are of these.
 *
 * Measure the text as shown: what `plainText` (text.ts) prints for a control or format character (`␀`,
 * `\u202e`) is what takes the columns. Every rule above looks back only within one grapheme cluster, so
 * the width of a text is the sum of the widths of its clusters (a test checks this against
 * `Intl.Segmenter`), and cutting between clusters cuts between columns.
 */

// The East Asian Wide (W) and Fullwidth (F) code points of Unicode 17.0.0 (EastAsianWidth-17.0.0.txt),
// as first, last pairs in order, touching runs merged; the unassigned code points that file makes Wide
// (the CJK ideograph blocks and planes 2 and 3) are in. 126 runs.
const WIDE = [
  0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE,
  0x2614, 0x2615, 0x2630, 0x2637, 0x2648, 0x2653, 0x267F, 0x267F, 0x268A, 0x268F, 0x2693, 0x2693, 0x26A1, 0x26A1,
  0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3,
  0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
  0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C,
  0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x303E, 0x3041, 0x3096,
  0x3099, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E5, 0x31EF, 0x321E, 0x3220, 0x3247, 0x3250, 0xA48C,
  0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE52, 0xFE54, 0xFE66,
  0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4, 0x16FF0, 0x16FF6, 0x17000, 0x18CDA,
  0x18CFF, 0x18D20, 0x18D80, 0x18DF2, 0x18E00, 0x19191, 0x191A0, 0x191D2, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB,
  0x1AFFD, 0x1AFFE, 0x1B000, 0x1B128, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1B155, 0x1B155, 0x1B164, 0x1B168,
  0x1B170, 0x1B2FB, 0x1D300, 0x1D356, 0x1D360, 0x1D376, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
  0x1F191, 0x1F19A, 0x1F1AE, 0x1F1AE, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251,
  0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
  0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC,
  0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4,
  0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D9, 0x1F6DC, 0x1F6DF,
  0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7DA, 0x1F7DA, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A,
  0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FA7C, 0x1FA80, 0x1FAC6, 0x1FAC8, 0x1FAC8, 0x1FACC, 0x1FADD,
  0x1FADF, 0x1FAEB, 0x1FAEF, 0x1FAFA, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
];

/** Binary search of WIDE: the run starting at or before the code point, if it reaches it. */
function isWide(code: number): boolean {
  if (code < WIDE[0]!) return false;
  let low = 0;
  let high = WIDE.length / 2 - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (WIDE[middle * 2]! <= code) low = middle;
    else high = middle - 1;
  }
  return code <= WIDE[low * 2 + 1]!;
}

// Hangul jamo vowels and final consonants (U+1160–U+11FF, U+D7B0–U+D7FF) join the initial before them
// into one syllable, drawn in its two columns.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u1160-\u11ff\ud7b0-\ud7ff]/u;
// Grapheme_Extend and the emoji modifiers make UAX #29's Extend: what may stand between an emoji and
// the joiner that joins it to the next one (rule GB11).
const EXTEND = /[\p{Grapheme_Extend}\p{Emoji_Modifier}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI = /\p{Emoji}/u;
const MODIFIER_BASE = /\p{Emoji_Modifier_Base}/u;
const ZWJ = '\u200d';
const EMOJI_PRESENTATION = 0xfe0f;
// The emoji modifiers (Emoji_Modifier): the five skin tones U+1F3FB–U+1F3FF.
const isSkinTone = (code: number): boolean => code >= 0x1f3fb && code <= 0x1f3ff;

// Punctuation, letterlike symbols, arrows, maths, boxes, shapes, dingbats (U+2010–U+2027, U+2030–U+205F,
// U+2100–U+2CEE) hold no mark, format or control character: the report's own symbols (– — … ≥ ✓ ✗ ▂) are
// measured without compiling ZERO_WIDTH, which costs a short run about a millisecond.
const isPlainSymbol = (code: number): boolean =>
  (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205f) || (code >= 0x2100 && code <= 0x2cee);

/** The columns of one code point on its own. */
function codePointWidth(code: number, char: string): number {
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xad ? 0 : 1;
  if (!isPlainSymbol(code) && ZERO_WIDTH.test(char)) return 0;
  return isWide(code) ? 2 : 1;
}

// Most cells (ids, figures, dates, English labels) are printable ASCII: one column a character.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The number of terminal columns `text` takes. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // Only a ZWJ joins emoji into one, so only then are the emoji before one followed: most text has none,
  // and a regular expression not run is one not compiled, which matters to a short run.
  const hasJoiner = text.includes(ZWJ);
  let width = 0;
  let previous = '';
  let previousWidth = 0;
  let pictographicRun = false; // an Extended_Pictographic, then only Extend characters
  let joined = false; // the previous character is a ZWJ after such a run
  for (const char of text) {
    const code = char.codePointAt(0)!;
    let columns: number;
    if (joined && PICTOGRAPHIC.test(char)) columns = 0; // drawn into the emoji before the joiner
    else if (code === EMOJI_PRESENTATION) columns = previousWidth === 1 && EMOJI.test(previous) ? 1 : 0;
    else if (isSkinTone(code) && MODIFIER_BASE.test(previous)) columns = 0; // a skin tone on the emoji before
    else columns = codePointWidth(code, char);
    if (hasJoiner) {
      joined = char === ZWJ && pictographicRun;
      pictographicRun = PICTOGRAPHIC.test(char) || (pictographicRun && EXTEND.test(char));
    }
    width += columns;
    previous = char;
    previousWidth = columns;
  }
  return width;
}

/** `text` and spaces after it to `width` columns; text as wide or wider is returned as it is. */
export const padEndToWidth = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Spaces and then `text`, to `width` columns; text as wide or wider is returned as it is. */
export const padStartToWidth = (text: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

// A text holding none of these has one grapheme cluster per code point, as most text in Chinese, Japanese
// or Korean does. They are what joins the character before it (UAX #29's Extend, ZWJ and SpacingMark, of
// which Mc and U+0E33, U+0EB3 hold the last), the Hangul jamo and the regional indicators (which join each
// other), and what joins the character after it (CR before LF; Prepend: the format characters and those
// listed). A test checks every assigned code point against Intl.Segmenter.
const JOINS_NEIGHBOUR = new RegExp(
  String.raw`[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Mc}\p{Cf}\r\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff` +
  String.raw`\u{1f1e6}-\u{1f1ff}\u0d4e\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]`,
  'u',
);

// Made on first use: the first Intl.Segmenter of a process costs 20–40 ms (ICU loads its break rules),
// a tenth of a whole run.
let segmenter: Intl.Segmenter | undefined;
// Segmenting a string takes time that grows with the square of its length (in Node 20, 64,000
// ideographs take 4 s), so text is segmented a window at a time.
const WINDOW = 256;

/**
 * The grapheme clusters of `text`, in order, as Intl.Segmenter finds them. The last cluster of a window
 * may run on past it, so it is segmented again at the start of the next window: a boundary depends only
 * on what is before it within its cluster and on the character after it, so segmenting from a boundary
 * finds the same ones.
 */
export function* graphemeClusters(text: string): Generator<string> {
  if (!JOINS_NEIGHBOUR.test(text)) {
    yield* text;
    return;
  }
  segmenter ??= new Intl.Segmenter();
  let start = 0;
  let size = WINDOW;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const lastUnit = text.charCodeAt(end - 1);
    if (lastUnit >= 0xd800 && lastUnit <= 0xdbff) end++; // never half a character: a cluster would end there
    const segments = Array.from(segmenter.segment(text.slice(start, end)), (s) => s.segment);
    if (end < text.length) segments.pop();
    if (segments.length === 0) {
      size *= 2; // one cluster longer than the window
      continue;
    }
    for (const segment of segments) {
      start += segment.length;
      yield segment;
    }
    size = WINDOW;
  }
}

/**
 * `text` cut into pieces of at most `width` columns, each as long as it can be: a cut falls between
 * grapheme clusters, never inside a wide character, a character and its accents, an emoji sequence or a
 * flag. Where a wide character would overflow the width by one, its piece is a column short (pad it to
 * line up what follows); a cluster wider than the width is a piece on its own.
 */
export function cutToWidth(text: string, width: number): string[] {
  const pieces: string[] = [];
  if (PRINTABLE_ASCII.test(text)) {
    const step = Math.max(1, width);
    for (let start = 0; start < text.length; start += step) pieces.push(text.slice(start, start + step));
    return pieces;
  }
  let piece = '';
  let used = 0;
  for (const cluster of graphemeClusters(text)) {
    const columns = displayWidth(cluster);
    if (piece !== '' && used + columns > width) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += cluster;
    used += columns;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
