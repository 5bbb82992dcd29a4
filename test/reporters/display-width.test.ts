/**
 * Terminal columns of text: what the table reporter and `validate`'s summary pad and cut by, so that a
 * name or file name in Chinese, Japanese or Korean, or with emoji or accents, keeps the columns after it
 * in line.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { displayWidth, padEndToWidth, padStartToWidth, splitAtWidth } from '../../src/reporters/display-width.js';
import { STATUS_SYMBOL } from '../../src/reporters/format-values.js';
import { plainText } from '../../src/reporters/text.js';

const clusters = (text: string): string[] => [...new Intl.Segmenter().segment(text)].map((s) => s.segment);

describe('displayWidth', () => {
  test.each([
    ['ASCII', 'E042 people.csv', 15],
    ['empty', '', 0],
    ['CJK ideographs, 2 each', '山田太郎', 8],
    ['a Japanese file name: 5 wide characters and ".csv"', '運用チーム.csv', 5 * 2 + 4],
    ['Hangul syllables', '한국어', 6],
    ['Hangul written as conjoining jamo: initial 2, vowel and final 0', '\u1100\u1161\u11a8', 2],
    ['full-width Latin letters', 'ＡＢＣ', 6],
    ['the ideographic space (Fullwidth)', '\u3000', 2],
    ['half-width katakana, 1 each', 'ｶﾀｶﾅ', 4],
    ['a half-width voiced mark takes its own column', 'ﾃﾞ', 2],
    ['e and a combining acute accent', 'e\u0301', 1],
    ['a name with combining accents: José Nuñez', 'Jose\u0301 Nun\u0303ez', 10],
    ['an emoji', '🚀', 2],
    ['an emoji between words', 'ship 🚀 it', 10],
    ['a ZWJ sequence: woman, joiner, laptop', '👩\u200d💻', 2],
    ['a family of four joined by three ZWJs', '👨\u200d👩\u200d👧\u200d👦', 2],
    ['a flag: two regional indicators', '🇯🇵', 2],
    ['two flags', '🇯🇵🇰🇷', 4],
    ['a lone regional indicator', '🇯', 1],
    ['a skin tone on an emoji', '👍🏽', 2],
    ['a narrow emoji made an emoji by U+FE0F', '\u2764\ufe0f', 2],
    ['the same without U+FE0F', '\u2764', 1],
    ['a keycap: 1, U+FE0F, U+20E3', '1\ufe0f\u20e3', 2],
    ['the rainbow flag: white flag, U+FE0F, ZWJ, rainbow', '🏳\ufe0f\u200d🌈', 2],
    ['a wide emoji with U+FE0F stays 2', '🚀\ufe0f', 2],
    ['U+FE0F after a letter adds nothing', 'a\ufe0f', 1],
    ['zero-width joiner and non-joiner alone', '\u200d\u200c', 0],
    ['East Asian Ambiguous characters are narrow', '–…·≥✓', 5],
    ['a Devanagari conjunct with a vowel sign: ka, virama, ssa, i (spacing mark)', '\u0915\u094d\u0937\u093f', 3],
  ])('%s', (_, text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });

  test.each([
    ['U+10FF, before the Hangul initials', 0x10ff, 1],
    ['U+1100, the first Hangul initial', 0x1100, 2],
    ['U+115F, the Hangul initial filler', 0x115f, 2],
    ['U+1160, the Hangul vowel filler', 0x1160, 0],
    ['U+303E, the last wide CJK symbol', 0x303e, 2],
    ['U+303F, a half-width fill space', 0x303f, 1],
    ['U+3099, a combining voiced mark inside a wide range', 0x3099, 0],
    ['U+4DC0, a hexagram, wide since Unicode 16', 0x4dc0, 2],
    ['U+FF01, the first full-width form', 0xff01, 2],
    ['U+FF60, the last full-width form', 0xff60, 2],
    ['U+FF61, the first half-width form', 0xff61, 1],
    ['U+FFE6, the full-width won sign', 0xffe6, 2],
    ['U+FFE8, a half-width form', 0xffe8, 1],
    ['U+1F300, the first emoji of its block', 0x1f300, 2],
    ['U+1F321, a thermometer, text by default', 0x1f321, 1],
    ['U+20000, CJK extension B', 0x20000, 2],
    ['U+3FFFD, the end of plane 3', 0x3fffd, 2],
    ['U+3FFFE, past it', 0x3fffe, 1],
  ])('%s', (_, code, columns) => {
    expect(displayWidth(String.fromCodePoint(code))).toBe(columns);
  });

  test('what plainText shows for a control or format character is what is measured', () => {
    expect(displayWidth(plainText('E\u0000003'))).toBe(5); // E␀003: the picture is one column
    expect(displayWidth(plainText('E\u202e300'))).toBe(10); // E\u202e300: the escape is six
    expect(displayWidth(plainText('a\u200bb'))).toBe(8); // a\u200bb
  });

  test("the report's own status symbols take one column each", () => {
    for (const symbol of Object.values(STATUS_SYMBOL)) expect(displayWidth(symbol)).toBe(1);
  });
});

// Pieces that make grapheme clusters of every kind, and characters of every width.
const PIECES = [
  'a', 'Z', ' ', '.', '山', '한', 'Ａ', 'ｶ', '\uff9e', 'é', '\u0301', '\u0308', '\u1100', '\u1161', '\u11a8',
  '🚀', '👩', '💻', '\u2764', '🏳', '🌈', '1', '\u200d', '\u200c', '\ufe0f', '\ufe0e', '🏽', '🇯', '🇵', '\u20e3',
  '\u0915', '\u094d', '\u0937', '\u093f', '\u0e33', '␀', '–', '\u{1f9d1}', '\u{e0067}', '\u{1f3f4}',
];
const tricky = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''));
const anyText = fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));

describe('displayWidth and grapheme clusters', () => {
  test('the width of a text is the sum of the widths of its grapheme clusters', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(displayWidth(text)).toBe(clusters(text).reduce((sum, cluster) => sum + displayWidth(cluster), 0));
    }), { numRuns: 2000 });
  });
});

describe('padding to a width', () => {
  test('padded, any text is exactly as wide as the column; wider text is left as it is', () => {
    fc.assert(fc.property(anyText, fc.integer({ min: 0, max: 40 }), (text, width) => {
      const end = padEndToWidth(text, width);
      const start = padStartToWidth(text, width);
      expect(displayWidth(end)).toBe(Math.max(width, displayWidth(text)));
      expect(displayWidth(start)).toBe(Math.max(width, displayWidth(text)));
      expect(end.startsWith(text) && start.endsWith(text)).toBe(true);
    }));
  });

  test('ASCII is padded as padEnd and padStart pad it', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...' abcXYZ019.-_|') }), fc.integer({ min: 0, max: 40 }), (text, width) => {
      expect(padEndToWidth(text, width)).toBe(text.padEnd(width));
      expect(padStartToWidth(text, width)).toBe(text.padStart(width));
    }));
  });

  test('CJK: 山田太郎 (8 columns) in a column of 10 gets 2 spaces, not 6', () => {
    expect(padEndToWidth('山田太郎', 10)).toBe('山田太郎  ');
    expect(padStartToWidth('運用', 5)).toBe(' 運用');
  });
});

describe('splitAtWidth', () => {
  test('a cut inside a run of wide characters falls before the one that would overflow', () => {
    // 5 columns hold two ideographs (4); a third would make 6.
    expect(splitAtWidth('山田太郎', 5)).toEqual(['山田', '太郎']);
    expect(splitAtWidth('山田太郎', 4)).toEqual(['山田', '太郎']);
    expect(splitAtWidth('運用チーム.csv', 7)).toEqual(['運用チ', 'ーム.csv']);
  });

  test('a cut never separates a character from its accent, an emoji sequence or a flag', () => {
    expect(splitAtWidth('e\u0301e\u0301', 1)).toEqual(['e\u0301', 'e\u0301']);
    expect(splitAtWidth('🇯🇵🇰🇷', 3)).toEqual(['🇯🇵', '🇰🇷']);
    expect(splitAtWidth('👩\u200d💻👩\u200d💻', 2)).toEqual(['👩\u200d💻', '👩\u200d💻']);
    expect(splitAtWidth('ab👍🏽', 3)).toEqual(['ab', '👍🏽']);
  });

  test('ASCII is cut as slice cuts it', () => {
    expect(splitAtWidth('abcdefgh', 3)).toEqual(['abc', 'defgh']);
  });

  test('a single cluster wider than the width is taken whole, so a long word is always cut down', () => {
    expect(splitAtWidth('山田', 1)).toEqual(['山', '田']);
  });

  test('any text: the head is whole clusters, as many as fit, and head + rest is the text', () => {
    fc.assert(fc.property(anyText, fc.integer({ min: 1, max: 12 }), (text, width) => {
      const [head, rest] = splitAtWidth(text, width);
      expect(head + rest).toBe(text);
      const all = clusters(text);
      const taken = clusters(head);
      expect(all.slice(0, taken.length)).toEqual(taken); // the cut is a cluster boundary of the text
      if (taken.length > 1) expect(displayWidth(head)).toBeLessThanOrEqual(width);
      if (text !== '') expect(head).not.toBe('');
      // The next cluster would not have fitted.
      if (rest !== '') expect(displayWidth(head) + displayWidth(all[taken.length]!)).toBeGreaterThan(width);
    }), { numRuns: 2000 });
  });
});
