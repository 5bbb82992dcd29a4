/**
 * Line numbers for a JSON text: the line of every value by its JSON path (`$.survey.minGroupSize`,
 * `$.levels["SRE II"]`, `$.courses.automationDesign[0]`), or the line of the first syntax error.
 * `JSON.parse` decides validity; this scanner only says where, since Node's messages do not always
 * give a position.
 */

/** A key given twice in one object: JSON.parse keeps the last silently, so a config edit may not take. */
export interface DuplicateKey { readonly path: string; readonly line: number; readonly firstLine: number }

export type JsonLines =
  | { readonly ok: true; readonly lineOf: ReadonlyMap<string, number>; readonly duplicates: readonly DuplicateKey[] }
  | { readonly ok: false; readonly line: number };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path of a member: `.key` when the key is an identifier, else `["key"]`. */
export const memberPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

class SyntaxAt extends Error {
  constructor(readonly line: number) {
    super('JSON syntax error');
  }
}

export const scanJsonLines = (text: string): JsonLines => {
  const lineOf = new Map<string, number>();
  const duplicates: DuplicateKey[] = [];
  let pos = 0;
  let line = 1; // raw newlines can only occur between tokens, so counting them while skipping space is enough
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\r\n'.includes(text.charAt(pos))) {
      if (text.charAt(pos) === '\n') line += 1;
      pos += 1;
    }
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text.charAt(pos) !== char) throw new SyntaxAt(line);
    pos += 1;
  };
  const token = (pattern: RegExp): string => {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (match === null) throw new SyntaxAt(line);
    pos += match[0].length;
    return match[0];
  };
  const value = (path: string): void => {
    skipSpace();
    if (!lineOf.has(path)) lineOf.set(path, line);
    const char = text.charAt(pos);
    if (char === '{') members(path);
    else if (char === '[') elements(path);
    else if (char === '"') token(STRING);
    else if (char === '-' || (char >= '0' && char <= '9')) token(NUMBER);
    else token(LITERAL);
  };
  const members = (path: string): void => {
    pos += 1;
    skipSpace();
    if (text.charAt(pos) === '}') { pos += 1; return; }
    const firstLineOfKey = new Map<string, number>();
    for (;;) {
      skipSpace();
      const keyLine = line;
      const memberKey = memberPath(path, JSON.parse(token(STRING)) as string);
      const firstLine = firstLineOfKey.get(memberKey);
      if (firstLine !== undefined) duplicates.push({ path: memberKey, line: keyLine, firstLine });
      else firstLineOfKey.set(memberKey, keyLine);
      lineOf.set(memberKey, keyLine); // a member is reported on its key's line
      expect(':');
      value(memberKey);
      skipSpace();
      if (text.charAt(pos) === '}') { pos += 1; return; }
      expect(',');
    }
  };
  const elements = (path: string): void => {
    pos += 1;
    skipSpace();
    if (text.charAt(pos) === ']') { pos += 1; return; }
    for (let index = 0; ; index += 1) {
      value(memberPath(path, index));
      skipSpace();
      if (text.charAt(pos) === ']') { pos += 1; return; }
      expect(',');
    }
  };
  try {
    value('$');
    skipSpace();
    if (pos < text.length) throw new SyntaxAt(line);
    return { ok: true, lineOf, duplicates };
  } catch (error) {
    if (error instanceof SyntaxAt) return { ok: false, line: error.line };
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
