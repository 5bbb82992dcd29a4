/**
 * Terminal columns of text: what the table reporter and `validate`'s summary pad and cut by, so that a
 * name or file name in Chinese, Japanese or Korean, or with emoji or accents, keeps the columns after it
 * in line.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cutToWidth, displayWidth, graphemeClusters, padEndToWidth, padStartToWidth } from '../../src/reporters/display-width.js';
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
    ['East Asian Ambiguous characters are narrow', '–…·≥—', 5],
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

  test('from U+2010 to U+2CEE, only separators, format characters and combining marks take no column', () => {
    // U+2010–U+2027, U+2030–U+205F and U+2100–U+2CEE are measured without the zero-width test, so none of
    // them may be a mark, a format character or a control. Between them: U+2028–U+202F (separators, bidi
    // controls, a narrow space) and U+2060–U+20FF (format characters, currency signs, combining marks).
    const zero = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u;
    for (let code = 0x2010; code <= 0x2cee; code++) {
      const char = String.fromCodePoint(code);
      const between = (code >= 0x2028 && code <= 0x202f) || (code >= 0x2060 && code <= 0x20ff);
      if (!between && zero.test(char)) expect.fail(`U+${code.toString(16)} is a mark, format or control character`);
      expect(displayWidth(char) === 0).toBe(zero.test(char));
    }
    expect(displayWidth('\u2028\u202e\u2060\u20dd')).toBe(0);
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

describe('graphemeClusters', () => {
  test('every assigned code point between two letters: the clusters Intl.Segmenter finds', () => {
    // In batches (a c1 a c2 a …): one Segmenter call per code point would take far longer.
    const assigned: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (/\p{Assigned}/u.test(char)) assigned.push(char);
    }
    for (let i = 0; i < assigned.length; i += 100) {
      const text = `a${assigned.slice(i, i + 100).join('a')}a`;
      const found = [...graphemeClusters(text)];
      if (found.length !== 201) expect(found).toEqual(clusters(text)); // only then the slower comparison
    }
  });

  test.each([
    ['a letter with 600 accents, one cluster longer than a window', `x${'e\u0301'.repeat(3)}${'\u0301'.repeat(600)}yz`],
    ['301 flags after an odd regional indicator, across windows', `🇯${'🇯🇵'.repeat(301)}a`],
    ['200 ZWJ sequences, across windows', '👩\u200d💻👨\u200d👩\u200d👧'.repeat(200)],
    ['conjoining jamo syllables, across windows', '\u1100\u1161\u11a8\u1100\u1161'.repeat(120)],
    ['CR LF pairs, across windows', 'a\r\n'.repeat(300)],
  ])('%s', (_, text) => {
    expect([...graphemeClusters(text)]).toEqual(clusters(text));
  });

  test('any text: the clusters Intl.Segmenter finds', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect([...graphemeClusters(text)]).toEqual(clusters(text));
    }), { numRuns: 2000 });
  });

  test('any text of several windows (256 code units each): the clusters Intl.Segmenter finds', () => {
    const long = fc.array(fc.constantFrom(...PIECES), { minLength: 150, maxLength: 600 }).map((pieces) => pieces.join(''));
    fc.assert(fc.property(long, (text) => {
      expect([...graphemeClusters(text)]).toEqual(clusters(text));
    }), { numRuns: 300 });
  });
});

describe('cutToWidth', () => {
  test('a cut inside a run of wide characters falls before the one that would overflow', () => {
    // 5 columns hold two ideographs (4); a third would make 6.
    expect(cutToWidth('山田太郎', 5)).toEqual(['山田', '太郎']);
    expect(cutToWidth('山田太郎', 4)).toEqual(['山田', '太郎']);
    // 運用チ is 6 columns, ー would make 8; ーム.c is 4 + 2, s would make 7.
    expect(cutToWidth('運用チーム.csv', 7)).toEqual(['運用チ', 'ーム.cs', 'v']);
  });

  test('a cut never separates a character from its accent, an emoji sequence or a flag', () => {
    expect(cutToWidth('e\u0301e\u0301', 1)).toEqual(['e\u0301', 'e\u0301']);
    expect(cutToWidth('🇯🇵🇰🇷', 3)).toEqual(['🇯🇵', '🇰🇷']);
    expect(cutToWidth('👩\u200d💻👩\u200d💻', 2)).toEqual(['👩\u200d💻', '👩\u200d💻']);
    expect(cutToWidth('ab👍🏽', 3)).toEqual(['ab', '👍🏽']);
  });

  test('ASCII is cut every `width` characters', () => {
    expect(cutToWidth('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
    expect(cutToWidth('', 3)).toEqual([]);
  });

  test('a cluster wider than the width is a piece on its own, so a long word is always cut down', () => {
    expect(cutToWidth('山田', 1)).toEqual(['山', '田']);
  });

  test('a long word is cut in time proportional to its length', () => {
    // 70,000 ideographs (140,000 columns) in pieces of 70 columns, 35 ideographs: 2,000 of them. Segmenting
    // the text whole would take minutes; 17,500 ZWJ sequences (2 columns each) likewise make 500 pieces.
    const pieces = cutToWidth('山'.repeat(70_000), 70);
    expect(pieces).toHaveLength(2_000);
    const joined = cutToWidth('👩\u200d💻'.repeat(17_500), 70);
    expect(joined).toHaveLength(500);
    expect(joined.every((piece) => piece === '👩\u200d💻'.repeat(35))).toBe(true);
  }, 10_000);

  test('any text: whole clusters, as many as fit in each piece, the pieces making the text', () => {
    fc.assert(fc.property(anyText, fc.integer({ min: 1, max: 12 }), (text, width) => {
      const pieces = cutToWidth(text, width);
      expect(pieces.join('')).toBe(text);
      const all = clusters(text);
      let taken = 0;
      for (const piece of pieces) {
        const own = clusters(piece);
        expect(all.slice(taken, taken + own.length)).toEqual(own); // cut at the text's cluster boundaries
        if (own.length > 1) expect(displayWidth(piece)).toBeLessThanOrEqual(width);
        taken += own.length;
        // The next cluster would not have fitted.
        if (taken < all.length) expect(displayWidth(piece) + displayWidth(all[taken]!)).toBeGreaterThan(width);
      }
    }), { numRuns: 2000 });
  });
});
