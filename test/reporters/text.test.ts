/**
 * plainText: text from input files made single-line and inert, with every control character still
 * visible — C0 and DEL as Control Pictures, C1 as `\x` and two hex digits — so the user is told about
 * the value that is in the file, not a cleaned-up one.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonInert, plainText } from '../../src/reporters/text.js';

// Raw controls of any kind, and the Unicode line separators.
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('plainText', () => {
  test('a NUL in an id is shown, so the id quoted is the one in the file', () => {
    expect(plainText('E\u0000003')).toBe('E\u2400003');
    expect(plainText('E\u0000003')).not.toBe('E003');
  });

  test.each([
    ['NUL as ␀', '\u0000', '\u2400'],
    ['SOH as ␁', '\u0001', '\u2401'],
    ['BEL as ␇', '\u0007', '\u2407'],
    ['BS as ␈', '\u0008', '\u2408'], // cannot erase the character before it
    ['VT as ␋', '\u000b', '\u240b'],
    ['FF as ␌', '\u000c', '\u240c'],
    ['ESC as ␛', '\u001b', '\u241b'],
    ['US as ␟', '\u001f', '\u241f'],
    ['DEL as ␡', '\u007f', '\u2421'],
    ['U+0080 as \\x80', '\u0080', '\\x80'],
    ['NEL as \\x85', '\u0085', '\\x85'], // a C1 control, not a line break here
    ['CSI as \\x9b', '\u009b', '\\x9b'],
    ['U+009F as \\x9f', '\u009f', '\\x9f'],
  ])('%s', (_, control, shown) => {
    expect(plainText(`a${control}b`)).toBe(`a${shown}b`);
  });

  test('escape sequences keep every character, their ESC made visible', () => {
    expect(plainText('\u001b[31mred\u001b[0m')).toBe('\u241b[31mred\u241b[0m');
    expect(plainText('\u001b]0;pwned\u0007title')).toBe('\u241b]0;pwned\u2407title');
    expect(plainText('\u001b]8;;http://x.example\u001b\\link\u001b]8;;\u001b\\')).toBe('\u241b]8;;http://x.example\u241b\\link\u241b]8;;\u241b\\');
    expect(plainText('\u001b[2J\u001b[H')).toBe('\u241b[2J\u241b[H');
    expect(plainText('\u009b31mred')).toBe('\\x9b31mred');
  });

  test('tabs and line breaks (a run of them) become one space', () => {
    expect(plainText('a\tb\r\nc\nd\re\u2028f\u2029g')).toBe('a b c d e f g');
    expect(plainText('line one\r\n\r\n\tline two')).toBe('line one line two');
  });

  test('other text is left alone', () => {
    expect(plainText('Grace Hopper — café 😀 <b> | **x** ::error:: %0A')).toBe('Grace Hopper — café 😀 <b> | **x** ::error:: %0A');
    expect(plainText('')).toBe('');
  });

  test('a bidirectional override is shown, so an id cannot pass for another', () => {
    // RIGHT-TO-LEFT OVERRIDE before '100' makes a terminal draw 'E001': shown, it reads 'E\u202e100'.
    expect(plainText('E\u202e100')).toBe('E\\u202e100');
  });

  test.each([
    ['LRE', '\u202a'], ['RLE', '\u202b'], ['PDF', '\u202c'], ['LRO', '\u202d'], ['RLO', '\u202e'],
    ['LRI', '\u2066'], ['RLI', '\u2067'], ['FSI', '\u2068'], ['PDI', '\u2069'],
    ['zero-width space', '\u200b'], ['word joiner', '\u2060'], ['byte-order mark', '\ufeff'],
    ['soft hyphen', '\u00ad'], ['function application', '\u2061'], ['Mongolian vowel separator', '\u180e'],
  ])('%s is shown as \\u and its code', (_, char) => {
    const code = char.charCodeAt(0).toString(16).padStart(4, '0');
    expect(plainText(`E0${char}01`)).toBe(`E0\\u${code}01`);
  });

  test('a tag character, past U+FFFF, is shown with its code in braces', () => {
    // TAG LATIN CAPITAL LETTER A is U+E0041, a surrogate pair in the string.
    expect(plainText('E0\u{e0041}03')).toBe('E0\\u{e0041}03');
  });

  test('the marks and joiners that names in right-to-left and Indic scripts hold are left alone', () => {
    // U+200C ZWNJ in a Persian name, U+200D ZWJ in an emoji sequence, U+200F RLM after a Hebrew name,
    // U+200E LRM, U+061C ALM.
    for (const name of ['می\u200cخواهم', '👩\u200d💻', 'דוד\u200f', 'a\u200eb', 'ب\u061cج']) expect(plainText(name)).toBe(name);
  });

  test('property: one printable line; C0 and DEL keep the length (a picture is one column)', () => {
    const text = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0xa0 }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u2028', '\u2029', 'é', '😀')), maxLength: 40 });
    fc.assert(fc.property(text, (input) => {
      const out = plainText(input);
      expect(out).not.toMatch(CONTROL_OR_BREAK);
      if (!/[\t\n\r\u2028\u2029\u0080-\u009f]/.test(input)) expect(out).toHaveLength(input.length);
    }), { numRuns: 200 });
  });
});

describe('legacy workflow commands (`##[error]`), which GitHub\'s runner reads anywhere in a log line', () => {
  test('plain text shows the second # of `##[` as \\x23, so no line holds one', () => {
    expect(plainText('E1 ##[error]forged')).toBe('E1 #\\x23[error]forged');
    expect(plainText('###[stop-commands]x ##[add-mask]y')).toBe('##\\x23[stop-commands]x #\\x23[add-mask]y');
    // Not a command: left alone.
    expect(plainText('#[x] ## [y] #1')).toBe('#[x] ## [y] #1');
  });

  test('property: plain text never holds `##[`', () => {
    const text = fc.string({ unit: fc.constantFrom('#', '[', ']', 'a', '\\', 'x', '2', '3', '\u0000', '\n'), maxLength: 30 });
    fc.assert(fc.property(text, (input) => {
      expect(plainText(input)).not.toContain('##[');
    }), { numRuns: 300 });
  });

  test('JSON writes its [ as \\u005b, which reads back as [', () => {
    const value = { id: 'E1 ##[error]forged', name: '###[add-mask]x' };
    const text = jsonInert(JSON.stringify(value));
    expect(text).toBe('{"id":"E1 ##\\u005berror]forged","name":"###\\u005badd-mask]x"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('jsonInert', () => {
  test('writes DEL, C1 controls, the line separators and format characters as \\u escapes', () => {
    const value = { id: 'E\u007f1\u009b2\u2028\u2029\u202e3\u200b4\u00ad5\u{e0041}' };
    const text = jsonInert(JSON.stringify(value));
    // U+E0041 is the surrogate pair D840 DC41 in UTF-16: JSON writes it as two escapes.
    expect(text).toBe('{"id":"E\\u007f1\\u009b2\\u2028\\u2029\\u202e3\\u200b4\\u00ad5\\udb40\\udc41"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  test('leaves the joiners and direction marks of names, and all other text, as JSON.stringify wrote them', () => {
    const text = JSON.stringify({ name: 'می\u200cخواهم 👩\u200d💻 דוד\u200f café', esc: '\u001b' });
    expect(jsonInert(text)).toBe(text);
  });

  test('property: reads back the same value as the text JSON.stringify wrote', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0x2100 }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u202e', '\u2066', '\ufeff', '\u{e0041}', '😀'));
    fc.assert(fc.property(fc.string({ unit: fc.oneof(unit, fc.constantFrom('##[', '#', '[')), maxLength: 30 }), (text) => {
      const json = jsonInert(JSON.stringify({ text }));
      expect(JSON.parse(json)).toEqual({ text });
      expect(json).not.toContain('##[');
    }), { numRuns: 300 });
  });
});
