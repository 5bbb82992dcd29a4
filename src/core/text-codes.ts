/**
 * Texts as small integer codes, for a column whose values repeat (a service, a person's id): a row holds
 * a code (1 to 4 bytes, see CodeColumn) and each distinct text is held once. Code 0 stands for "absent", so a column of codes
 * needs no second array to say which rows have a value. Codes only grow: a code once given always
 * names the same text, so tables cut from one another can share their codes.
 */
export const ABSENT_CODE = 0;

export class TextCodes {
  /** Text → code, while texts are added; let go when sealed (see `seal`), made again if `find` is called. */
  private codes: Map<string, number> | undefined = new Map<string, number>();
  private sealed = false;
  private readonly texts: Array<string | undefined> = [undefined];

  /** The code of `text`, given it the first time it is seen; `ABSENT_CODE` for `undefined`. */
  encode(text: string | undefined): number {
    if (text === undefined) return ABSENT_CODE;
    if (this.sealed) throw new Error('texts are encoded before the codes are sealed');
    const codes = this.codes!;
    let code = codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      codes.set(text, code);
      this.texts.push(text);
    }
    return code;
  }

  /**
   * No text will be added: the map from texts to codes is let go, as reading needs only code → text. A
   * column of person ids holds up to a hundred thousand, at ~40 bytes an entry of the map.
   */
  seal(): void {
    this.sealed = true;
    this.codes = undefined;
  }

  /** The text of `code`; `undefined` for `ABSENT_CODE`. */
  decode(code: number): string | undefined {
    return this.texts[code];
  }

  /** The code `text` was given, or `ABSENT_CODE` when it was never seen (nothing is added). */
  find(text: string): number {
    this.codes ??= new Map(this.texts.map((t, code) => [t!, code] as const).slice(1));
    return this.codes.get(text) ?? ABSENT_CODE;
  }

  /** One more than the highest code: the length of an array indexed by code. */
  get size(): number {
    return this.texts.length;
  }
}
