/**
 * Where a JSON text first breaks the grammar. V8's JSON.parse messages give a position only for some
 * errors ("Unexpected token '}', ... is not valid JSON" has none), so after JSON.parse fails this
 * scanner finds the offset itself. It is iterative, so deep nesting cannot overflow the stack.
 */

type Expecting = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

const isWhitespace = (char: string): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r';

/** Thrown inside the scanner only: the offset of the first error. */
class SyntaxErrorAt {
  constructor(readonly offset: number) {}
}
const fail = (offset: number): never => {
  throw new SyntaxErrorAt(offset);
};

/** Offset just past the string that starts at `start` (on its opening quote). */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') return i + 1;
    if (char < ' ') fail(i);
    if (char === '\\') {
      const escaped = text[i + 1] ?? '';
      if (escaped === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 5;
      else if (ESCAPES.has(escaped)) i += 1;
      else fail(i + 1);
    }
  }
  return fail(text.length);
}

/** Offset just past the string, number or literal at `at`. */
function scanScalar(text: string, at: number): number {
  if (text[at] === '"') return scanString(text, at);
  NUMBER.lastIndex = at;
  const number = NUMBER.exec(text);
  if (number !== null) return at + number[0].length;
  const literal = LITERALS.find((word) => text.startsWith(word, at));
  return literal === undefined ? fail(at) : at + literal.length;
}

/** Walks the grammar as a state machine over an explicit stack; throws at the first error. */
function scanDocument(text: string): void {
  const open: ('{' | '[')[] = [];
  let expecting: Expecting = 'value';
  let at = 0;
  const afterValue = (): Expecting => (open.length === 0 ? 'end' : 'commaOrClose');
  for (;;) {
    while (at < text.length && isWhitespace(text[at] as string)) at++;
    if (at >= text.length) {
      if (expecting !== 'end') fail(text.length);
      return;
    }
    if (expecting === 'end') fail(at);
    const char = text[at] as string;
    const closer = open[open.length - 1] === '{' ? '}' : ']';
    const closes = char === closer && (expecting === 'commaOrClose' || expecting === (closer === '}' ? 'keyOrClose' : 'valueOrClose'));
    if (closes) {
      open.pop();
      at++;
      expecting = afterValue();
    } else if (expecting === 'commaOrClose') {
      if (char !== ',') fail(at);
      at++;
      expecting = closer === '}' ? 'key' : 'value';
    } else if (expecting === 'colon') {
      if (char !== ':') fail(at);
      at++;
      expecting = 'value';
    } else if (expecting === 'key' || expecting === 'keyOrClose') {
      if (char !== '"') fail(at);
      at = scanString(text, at);
      expecting = 'colon';
    } else if (char === '{' || char === '[') {
      open.push(char);
      at++;
      expecting = char === '{' ? 'keyOrClose' : 'valueOrClose';
    } else {
      at = scanScalar(text, at);
      expecting = afterValue();
    }
  }
}

/** The 0-based offset of the first syntax error in `text`, or `undefined` when it is valid JSON. */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  try {
    scanDocument(text);
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxErrorAt) return error.offset;
    throw error;
  }
}

/** 1-based line and column of `offset` in `text`; a CRLF is one line break. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
