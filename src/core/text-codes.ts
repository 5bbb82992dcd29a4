/**
 * Texts as small integer codes, for a column whose values repeat (a service, a person's id): a row holds
 * a 4-byte code and each distinct text is held once. Code 0 stands for "absent", so a column of codes
 * needs no second array to say which rows have a value. Codes only grow: a code once given always
 * names the same text, so tables cut from one another can share their codes.
 */
export const ABSENT_CODE = 0;

export class TextCodes {
  private readonly codes = new Map<string, number>();
  private readonly texts: Array<string | undefined> = [undefined];

  /** The code of `text`, given it the first time it is seen; `ABSENT_CODE` for `undefined`. */
  encode(text: string | undefined): number {
    if (text === undefined) return ABSENT_CODE;
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.codes.set(text, code);
      this.texts.push(text);
    }
    return code;
  }

  /** The text of `code`; `undefined` for `ABSENT_CODE`. */
  decode(code: number): string | undefined {
    return this.texts[code];
  }

  /** The code `text` was given, or `ABSENT_CODE` when it was never seen (nothing is added). */
  find(text: string): number {
    return this.codes.get(text) ?? ABSENT_CODE;
  }

  /** One more than the highest code: the length of an array indexed by code. */
  get size(): number {
    return this.texts.length;
  }
}
