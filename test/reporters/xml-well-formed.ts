/**
 * A small, strict XML 1.0 well-formedness check for the JUnit output (no dependency needed): legal
 * characters only, an optional `<?xml ...?>` declaration, one root element, properly nested and closed
 * elements, unique and quoted attributes without `<`, only the five predefined entities or character
 * references, no `]]>` in text. Comments and CDATA are accepted; DTDs and processing instructions are not.
 * Returns the problems found (empty when the document is well-formed).
 */
const NAME = /[A-Za-z_:][-A-Za-z0-9._:]*/y;
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd)
  || (cp >= 0x10000 && cp <= 0x10ffff);

class XmlError extends Error {}

export function xmlProblems(xml: string): string[] {
  try {
    checkChars(xml);
    new Parser(xml).document();
    return [];
  } catch (error) {
    if (error instanceof XmlError) return [error.message];
    throw error;
  }
}

function checkChars(xml: string): void {
  let offset = 0;
  for (const ch of xml) {
    const cp = ch.codePointAt(0)!;
    // A lone surrogate comes out of the iterator as itself: not an XML Char.
    if (!isXmlChar(cp) || (cp >= 0xd800 && cp <= 0xdfff)) throw new XmlError(`illegal character U+${cp.toString(16)} at ${offset}`);
    offset += ch.length;
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly xml: string) {}

  document(): void {
    const declaration = /^<\?xml\s+version="1\.0"(\s+encoding="[A-Za-z][A-Za-z0-9._-]*")?\s*\?>/.exec(this.xml);
    if (declaration) this.pos = declaration[0].length;
    this.misc();
    if (this.xml[this.pos] !== '<') this.fail('expected the root element');
    this.element();
    this.misc();
    if (this.pos !== this.xml.length) this.fail('content after the root element');
  }

  private fail(message: string): never {
    throw new XmlError(`${message} at ${this.pos}: ${JSON.stringify(this.xml.slice(this.pos, this.pos + 30))}`);
  }

  private startsWith(text: string): boolean {
    return this.xml.startsWith(text, this.pos);
  }

  private whitespace(): boolean {
    const start = this.pos;
    while (/[ \t\r\n]/.test(this.xml[this.pos] ?? '')) this.pos++;
    return this.pos > start;
  }

  private misc(): void {
    for (;;) {
      this.whitespace();
      if (this.startsWith('<!--')) this.comment();
      else return;
    }
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.xml);
    if (!match) this.fail('expected a name');
    this.pos += match[0].length;
    return match[0];
  }

  private expect(text: string): void {
    if (!this.startsWith(text)) this.fail(`expected ${JSON.stringify(text)}`);
    this.pos += text.length;
  }

  private references(text: string, at: number): void {
    for (const match of text.matchAll(/&([^;&<\s]*)(;?)/g)) {
      const [, body = '', semicolon] = match;
      const valid = semicolon === ';' && (PREDEFINED.has(body) || characterReference(body));
      if (!valid) { this.pos = at + (match.index ?? 0); this.fail('bad entity or character reference'); }
    }
  }

  private element(): void {
    this.expect('<');
    const tag = this.name();
    const seen = new Set<string>();
    for (;;) {
      const spaced = this.whitespace();
      if (this.startsWith('/>')) { this.pos += 2; return; }
      if (this.startsWith('>')) { this.pos += 1; break; }
      if (!spaced) this.fail('expected whitespace before an attribute');
      const attribute = this.name();
      if (seen.has(attribute)) this.fail(`duplicate attribute ${attribute}`);
      seen.add(attribute);
      this.whitespace();
      this.expect('=');
      this.whitespace();
      const quote = this.xml[this.pos];
      if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
      const end = this.xml.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail('unterminated attribute value');
      const value = this.xml.slice(this.pos + 1, end);
      if (value.includes('<')) this.fail('"<" in an attribute value');
      this.references(value, this.pos + 1);
      this.pos = end + 1;
    }
    this.content(tag);
  }

  private content(tag: string): void {
    for (;;) {
      const next = this.xml.indexOf('<', this.pos);
      if (next < 0) this.fail(`unclosed element <${tag}>`);
      const text = this.xml.slice(this.pos, next);
      if (text.includes(']]>')) this.fail('"]]>" in text');
      this.references(text, this.pos);
      this.pos = next;
      if (this.startsWith('</')) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== tag) this.fail(`</${closing}> closes <${tag}>`);
        this.whitespace();
        this.expect('>');
        return;
      }
      if (this.startsWith('<!--')) this.comment();
      else if (this.startsWith('<![CDATA[')) {
        const end = this.xml.indexOf(']]>', this.pos);
        if (end < 0) this.fail('unterminated CDATA section');
        this.pos = end + 3;
      } else if (this.startsWith('<!') || this.startsWith('<?')) this.fail('unsupported markup');
      else this.element();
    }
  }

  private comment(): void {
    const end = this.xml.indexOf('-->', this.pos + 4);
    if (end < 0) this.fail('unterminated comment');
    if (this.xml.slice(this.pos + 4, end).includes('--')) this.fail('"--" in a comment');
    this.pos = end + 3;
  }
}

function characterReference(body: string): boolean {
  const match = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
  if (!match) return false;
  const cp = match[1] !== undefined ? parseInt(match[1], 16) : Number(match[2]);
  return isXmlChar(cp) && !(cp >= 0xd800 && cp <= 0xdfff);
}
