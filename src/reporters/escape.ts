/**
 * Escaping for each output format. Every function takes text that may come from input files, first makes
 * it plain, single-line and printable (`plainText`: control characters shown as ␀, ␛, `\x9b`...), then
 * escapes what the format would interpret, so that no name, note or file name can add markup, break a
 * table, start a spreadsheet formula or a workflow command.
 */
import { LEGACY_COMMAND, plainText, printableText } from './text.js';

const XML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Code points XML 1.0 forbids (Char production). After plainText no control is left, only lone surrogates,
// U+FFFE and U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// What UTF-8 output shows for a lone surrogate in every other format: XML shows it too, rather than nothing.
const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * For XML text and attribute values: all five special characters escaped, control characters shown as
 * Control Pictures (which XML 1.0 allows, where it forbids the controls), other forbidden code points as
 * U+FFFD, so that something stays where the file had a character. The `[` of a legacy workflow command
 * (`##[error]`, see text.ts) is a character reference, which a parser reads back as `[`.
 */
export const xmlText = (text: string): string =>
  printableText(text).replace(NOT_XML_CHAR, REPLACEMENT_CHARACTER).replace(/[&<>"']/g, (c) => XML_ENTITY[c] ?? c)
    .replace(LEGACY_COMMAND, '##&#91;');

const HTML_IN_MARKDOWN: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// Punctuation that Markdown (GitHub flavour) gives meaning inline: emphasis, code, links, tables, headings,
// strikethrough, math. A backslash before any ASCII punctuation shows it literally.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~#$]/g;

// A list marker: what a list item's text (`- E042: …`, `- INC-7: …`) would open a list of its own with when it
// starts with it (`- 1. INC-7`, `- + x`), the marker then drawn as a bullet or a number rather than shown.
const LIST_MARKER = /^(?:[+-]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * For Markdown prose and table cells: no HTML can open (`<`, `>`, `&` become entities), no emphasis,
 * link, code span, table pipe or list takes effect, and no newline can end the line. The backslash of a
 * C1 control's `\x9b` is escaped like any other, so it renders as `\x9b`.
 */
export const markdownText = (text: string): string =>
  // `#` and `[` are escaped below, so a legacy workflow command (`##[error]`, see text.ts) reads `\#\#\[`.
  printableText(text)
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_IN_MARKDOWN[c] ?? c)
    .replace(LIST_MARKER, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);

// OWASP "CSV injection": a spreadsheet evaluates a cell that starts with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;

// RFC 4180 quoting, and also a cell that starts with blank or `:`: a quoted first cell keeps a CSV printed in a
// CI log from starting a line with a workflow command (`::error::`), at no cost to any CSV reader.
const NEEDS_QUOTES = /[",\r\n]|^[\s:]/;

/**
 * One RFC 4180 cell. A cell that begins like a formula gets a leading `'` — numbers too (`-0.15` becomes
 * `'-0.15`): the contract (cli.md) asks for every such cell, and a consumer cannot tell a negative number
 * from a formula `-1+1` without evaluating it. The test runs on the plain text, as the spreadsheet will
 * see it: `ESC[31m=1` is the text `␛[31m=1`, which starts with `␛`, not `=`.
 */
export function csvCell(text: string): string {
  const plain = plainText(text);
  const inert = FORMULA_START.test(plain) ? `'${plain}` : plain;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

// GitHub Actions' runner reads `::name …::` as a workflow command where it starts a line, blanks trimmed
// (actions/runner, ActionCommand.TryParseV2).
const COMMAND_START = /^(\s*):(?=:)/;

/**
 * Text that may start a line of a CI log (a word the table wraps onto a line of its own): when its first
 * characters after any blanks are `::`, the first `:` is shown as `\x3a`, as a C1 control is shown, so that
 * a name or a file name wrapped there (`    ::error title=x::…`) starts no workflow command.
 */
export const lineStartText = (text: string): string => text.replace(COMMAND_START, '$1\\x3a');

/** The message part of a workflow command (`::error::<data>`). */
export const workflowData = (text: string): string =>
  plainText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value of a workflow command (`title=<property>`). */
export const workflowProperty = (text: string): string =>
  workflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
