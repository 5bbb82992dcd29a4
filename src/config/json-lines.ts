/**
 * Line numbers for a JSON text: the line of every value by its JSON path (`$.survey.minGroupSize`,
 * `$.levels["SRE II"]`, `$.courses.automationDesign[0]`), or the line of the first syntax error.
 * `JSON.parse` decides validity; this scanner only says where, since Node's messages do not always
 * give a position. The tokens are read by the scanner the data readers share (load/json-scanner.ts).
 */
import { JsonScanner, JsonSyntaxAt, memberPath } from '../load/json-scanner.js';

/** A key given twice in one object: JSON.parse keeps the last silently, so a config edit may not take. */
export interface DuplicateKey { readonly path: string; readonly line: number; readonly firstLine: number }

export type JsonLines =
  | { readonly ok: true; readonly lineOf: ReadonlyMap<string, number>; readonly duplicates: readonly DuplicateKey[] }
  | { readonly ok: false; readonly line: number };

export const scanJsonLines = (text: string): JsonLines => {
  const lineOf = new Map<string, number>();
  const duplicates: DuplicateKey[] = [];
  const scanner = new JsonScanner(text);
  const value = (path: string): void => {
    const char = scanner.peek();
    if (!lineOf.has(path)) lineOf.set(path, scanner.line);
    if (char === '{') members(path);
    else if (char === '[') elements(path);
    else scanner.scalar();
  };
  const members = (path: string): void => {
    scanner.pos += 1;
    if (scanner.peek() === '}') { scanner.pos += 1; return; }
    const firstLineOfKey = new Map<string, number>();
    for (;;) {
      scanner.peek();
      const keyLine = scanner.line;
      const memberKey = memberPath(path, scanner.string());
      const firstLine = firstLineOfKey.get(memberKey);
      if (firstLine !== undefined) duplicates.push({ path: memberKey, line: keyLine, firstLine });
      else firstLineOfKey.set(memberKey, keyLine);
      lineOf.set(memberKey, keyLine); // a member is reported on its key's line
      scanner.expect(':');
      value(memberKey);
      if (scanner.peek() === '}') { scanner.pos += 1; return; }
      scanner.expect(',');
    }
  };
  const elements = (path: string): void => {
    scanner.pos += 1;
    if (scanner.peek() === ']') { scanner.pos += 1; return; }
    for (let index = 0; ; index += 1) {
      value(memberPath(path, index));
      if (scanner.peek() === ']') { scanner.pos += 1; return; }
      scanner.expect(',');
    }
  };
  try {
    value('$');
    if (scanner.peek() !== '') scanner.fail();
    return { ok: true, lineOf, duplicates };
  } catch (error) {
    if (error instanceof JsonSyntaxAt) return { ok: false, line: error.line };
    throw error;
  }
};

// The last `.key`, `[0]` or `["key"]` of a path.
const LAST_SEGMENT = /(?:\.[^.[]+|\[(?:\d+|"(?:[^"\\]|\\.)*")\])$/;

/** The line of a path, or of its nearest ancestor present in the text (a missing key's object). */
export const lineOfPath = (lineOf: ReadonlyMap<string, number>, path: string): number | undefined => {
  for (let current = path; ; ) {
    const line = lineOf.get(current);
    if (line !== undefined) return line;
    const parent = current.replace(LAST_SEGMENT, '');
    if (parent === current) return undefined;
    current = parent;
  }
};
