/**
 * A JSON tokenizer that says where things are in a JSON text: it moves over tokens and keeps the line,
 * and builds no values (JSON.parse does that). Shared by the config's line finder (config/json-lines.ts)
 * and the search for keys a data record gives twice (json-repeated-keys.ts).
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Runs of plain characters are matched whole, between escapes ("unrolled"): one step per run, not per character.
const STRING = /"[^"\\\u0000-\u001f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\u0000-\u001f]*)*"/y;
const LITERAL = /true|false|null/y;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path of a member: `.key` when the key is an identifier, else `["key"]`; `[0]` for an element. */
export const memberPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

/** Thrown by the scanner where the text breaks the grammar; `line` is the line it stopped on. */
export class JsonSyntaxAt extends Error {
  constructor(readonly line: number) {
    super('JSON syntax error');
  }
}

/** The offset of the quote that closes the string opened at `start`: the next quote not escaped by a backslash. */
const closingQuote = (text: string, start: number): number => {
  for (let end = text.indexOf('"', start + 1); ; end = text.indexOf('"', end + 1)) {
    if (end === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return end;
  }
};

export class JsonScanner {
  /** The offset of the next character. */
  pos: number;
  /** The 1-based line of `pos`: raw line breaks occur only between tokens, so whitespace is where they are counted. */
  line = 1;
  /** The offset at which the line of `pos` starts. */
  lineStart = 0;
  /** Where the last string `nextMark` went past starts (its opening quote) and ends (after its closing one). */
  private stringStart = 0;
  private stringEnd = 0;

  constructor(readonly text: string, start = 0) {
    this.pos = start;
  }

  /** Skips whitespace and returns the next character ('' at the end of the text). */
  peek(): string {
    const { text } = this;
    let pos = this.pos;
    for (; pos < text.length; pos++) {
      const code = text.charCodeAt(pos);
      if (code === 0x0a) {
        this.line += 1;
        this.lineStart = pos + 1;
      } else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) break;
    }
    this.pos = pos;
    return text.charAt(pos);
  }

  /** The 1-based column of `pos` on its line. */
  column(): number {
    return this.pos - this.lineStart + 1;
  }

  /** Skips whitespace, then `char`; fails on anything else. */
  expect(char: string): void {
    if (this.peek() !== char) this.fail();
    this.pos += 1;
  }

  /** Skips the string, number or literal at `pos` (call `peek` first). */
  scalar(): void {
    const char = this.text.charAt(this.pos);
    this.skip(char === '"' ? STRING : char === '-' || (char >= '0' && char <= '9') ? NUMBER : LITERAL);
  }

  /** Reads the string at `pos` (call `peek` first) and returns it unescaped, as JSON.parse would. */
  string(): string {
    const start = this.pos;
    this.skip(STRING);
    const inner = this.text.slice(start + 1, this.pos - 1);
    return inner.includes('\\') ? (JSON.parse(this.text.slice(start, this.pos)) as string) : inner;
  }

  /**
   * For a text JSON.parse has accepted: skips the value at `pos`, however deeply nested (a loop, not
   * recursion). The brackets are counted, not matched.
   */
  skipValue(): void {
    const first = this.peek();
    if (first !== '{' && first !== '[') {
      this.scalar();
      return;
    }
    let depth = 0;
    do {
      const mark = this.nextMark();
      if (mark === 0x7b || mark === 0x5b) depth += 1; // `{`, `[`
      else if (mark === 0x7d || mark === 0x5d) depth -= 1; // `}`, `]`
      else if (Number.isNaN(mark)) return;
      this.pos += 1;
    } while (depth > 0);
  }

  /**
   * For a text JSON.parse has accepted, the quick way through it: moves to the next `{`, `}`, `[`, `]`,
   * `:` or `,` (the scanner stays on it) and returns its character code, NaN at the end of the text.
   * Strings are skipped with `indexOf` and not read (`lastString` reads the last one passed), numbers and
   * literals character by character.
   */
  nextMark(): number {
    const { text } = this;
    let pos = this.pos;
    for (; pos < text.length; pos++) {
      const code = text.charCodeAt(pos);
      switch (code) {
        case 0x22: // `"`
          this.stringStart = pos;
          pos = closingQuote(text, pos);
          this.stringEnd = pos + 1;
          break;
        case 0x7b: case 0x7d: case 0x5b: case 0x5d: case 0x3a: case 0x2c: // `{` `}` `[` `]` `:` `,`
          this.pos = pos;
          return code;
        case 0x0a:
          this.line += 1;
          this.lineStart = pos + 1;
          break;
        default:
      }
    }
    this.pos = pos;
    return NaN;
  }

  /** The last string `nextMark` went past, unescaped. */
  lastString(): string {
    const inner = this.text.slice(this.stringStart + 1, this.stringEnd - 1);
    return inner.includes('\\') ? (JSON.parse(this.text.slice(this.stringStart, this.stringEnd)) as string) : inner;
  }

  fail(): never {
    throw new JsonSyntaxAt(this.line);
  }

  private skip(pattern: RegExp): void {
    pattern.lastIndex = this.pos;
    if (!pattern.test(this.text)) this.fail();
    this.pos = pattern.lastIndex;
  }
}
