import { describe, expect, test } from 'vitest';
import { csvCell, markdownText, workflowData, workflowProperty, xmlText } from '../../src/reporters/escape.js';

describe('xmlText', () => {
  test('escapes the five special characters', () => {
    expect(xmlText(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });

  test('removes what XML 1.0 forbids and terminal escapes, keeps other text', () => {
    expect(xmlText('a\uFFFEb\uFFFFc\uD800d')).toBe('abcd');
    expect(xmlText('\u001b[31mred\u001b[0m \u001b]0;pwned\u0007ok\u0000')).toBe('red ok');
    expect(xmlText('café 😀 ]]>')).toBe('café 😀 ]]&gt;');
  });
});

describe('markdownText', () => {
  test('pipes, backslashes and newlines cannot break a table row', () => {
    // "\" → "\\" first, then "|" → "\|"; the newline becomes a space.
    expect(markdownText('a|b\\c\nd')).toBe('a\\|b\\\\c d');
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
    // The escape sequence is removed first, so the formula it hid is still caught.
    ['\u001b[31m=1', "'=1"],
    // Quoted, so a CSV printed in a CI log cannot start a line with a workflow command.
    ['::error::x', '"::error::x"'],
    ['', ''],
  ])('%j → %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('workflow commands', () => {
  test('data escapes % so an encoded newline stays text', () => {
    expect(workflowData('50% %0A done')).toBe('50%25 %250A done');
    expect(workflowData('a\nb')).toBe('a b');
  });

  test('properties also escape : and ,', () => {
    expect(workflowProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});
