import { describe, expect, test } from 'vitest';
import { csvCell, lineStartText, markdownText, workflowData, workflowProperty, xmlText } from '../../src/reporters/escape.js';

describe('xmlText', () => {
  test('escapes the five special characters', () => {
    expect(xmlText(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });

  test('shows what XML 1.0 forbids but controls as U+FFFD, keeps other text', () => {
    expect(xmlText('a\uFFFEb\uFFFFc\uD800d\uDC00e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(xmlText('café 😀 ]]>')).toBe('café 😀 ]]&gt;');
  });

  test('shows control characters and terminal escapes as Control Pictures, which XML 1.0 allows', () => {
    expect(xmlText('\u001b[31mred\u001b[0m \u001b]0;pwned\u0007ok\u0000')).toBe('\u241b[31mred\u241b[0m \u241b]0;pwned\u2407ok\u2400');
    expect(xmlText('E\u0000003 del\u007f c1\u009b <b>')).toBe('E\u2400003 del\u2421 c1\\x9b &lt;b&gt;');
  });
});

describe('legacy workflow commands (`##[error]`): no format holds `##[`, which GitHub\'s runner reads anywhere in a log line', () => {
  test('XML writes the [ as a character reference, which a parser reads back as [', () => {
    expect(xmlText('E1 ##[error]forged <b>')).toBe('E1 ##&#91;error]forged &lt;b&gt;');
  });

  test('Markdown escapes # and [ anyway, and shows the text as it is', () => {
    expect(markdownText('E1 ##[error]forged')).toBe('E1 \\#\\#\\[error\\]forged');
  });

  test('CSV and workflow-command data show it as plain text does', () => {
    expect(csvCell('##[error]x')).toBe('#\\x23[error]x');
    expect(workflowData('E1 ##[add-mask]Gate')).toBe('E1 #\\x23[add-mask]Gate');
  });
});

describe('lineStartText: text a line may start with starts no workflow command', () => {
  test.each([
    ['::error title=x::forged', '\\x3a:error title=x::forged'],
    // The runner trims blanks before looking for "::".
    ['  ::warning::x', '  \\x3a:warning::x'],
    ['\u3000::notice::x', '\u3000\\x3a:notice::x'],
    // Not at the start, or one colon: left alone.
    ['E11::error::x', 'E11::error::x'],
    [':x', ':x'],
    ['12:00:00', '12:00:00'],
  ])('%j → %s', (input, expected) => {
    expect(lineStartText(input)).toBe(expected);
  });
});

describe('markdownText', () => {
  test('pipes, backslashes and newlines cannot break a table row', () => {
    // "\" → "\\" first, then "|" → "\|"; the newline becomes a space.
    expect(markdownText('a|b\\c\nd')).toBe('a\\|b\\\\c d');
  });

  test('control characters are shown; the backslash of a C1 control is escaped like any other', () => {
    expect(markdownText('E\u0000003 \u001b[31mred\u001b[0m \u009b2J\u007f')).toBe('E\u2400003 \u241b\\[31mred\u241b\\[0m \\\\x9b2J\u2421');
  });

  test.each([
    ['1. INC-7', '1\\. INC-7'],
    ['2024) outage', '2024\\) outage'],
    ['- E1', '\\- E1'],
    ['+ E1', '\\+ E1'],
    ['-', '\\-'],
    // No list marker: left alone.
    ['-3 pp', '-3 pp'],
    ['+E040', '+E040'],
    ['2026-Q3', '2026-Q3'],
    ['1.5 a year', '1.5 a year'],
  ])('a value that starts like a list item (%j) opens no list of its own: %s', (input, expected) => {
    expect(markdownText(input)).toBe(expected);
  });

  test('no HTML, emphasis, code or link can open', () => {
    expect(markdownText('<script>&amp;')).toBe('&lt;script&gt;&amp;amp;');
    expect(markdownText('*x* _y_ `z` [l](u) ~s~ #h $m$')).toBe('\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\#h \\$m\\$');
  });
});

describe('csvCell', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    // Negative numbers too: the contract asks for every cell that begins with "-".
    ['-0.15', "'-0.15"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    // A tab becomes a space (plainText); a cell that starts blank is quoted.
    ['\t=1', '" =1"'],
    // The escape sequence is shown, its ESC as ␛: the cell starts with ␛, which no spreadsheet evaluates.
    ['\u001b[31m=1', '\u241b[31m=1'],
    ['\u0000=1', '\u2400=1'],
    ['E\u0000003', 'E\u2400003'],
    // Quoted, so a CSV printed in a CI log cannot start a line with a workflow command.
    ['::error::x', '"::error::x"'],
    ['', ''],
  ])('%j → %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

test('csvCell shows DEL and C1 controls', () => {
  expect(csvCell('del\u007f')).toBe('del\u2421');
  expect(csvCell('\u009b2J')).toBe('\\x9b2J');
});

describe('workflow commands', () => {
  test('data escapes % so an encoded newline stays text', () => {
    expect(workflowData('50% %0A done')).toBe('50%25 %250A done');
    expect(workflowData('a\nb')).toBe('a b');
    expect(workflowData('E\u0000003 \u001b[2J')).toBe('E\u2400003 \u241b[2J');
  });

  test('properties also escape : and ,', () => {
    expect(workflowProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});
