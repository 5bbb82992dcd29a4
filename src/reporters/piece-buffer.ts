/**
 * Texts joined into pieces of bounded length, for the reporters whose text is written in pieces (the JSON
 * report, JUnit XML): a piece is a few syscalls' worth of text, never the whole report.
 */

/** The length a piece is kept under (UTF-16 code units), unless one text alone is longer. */
export const DEFAULT_PIECE_LENGTH = 64 * 1024;

/** Joins texts until the next one would take the piece past its length. */
export class PieceBuffer {
  private parts: string[] = [];
  private length = 0;

  constructor(private readonly pieceLength: number) {}

  /** Adds the text; returns the pieces filled so far when it did not fit after them. */
  add(text: string): string | undefined {
    const full = this.length > 0 && this.length + text.length > this.pieceLength ? this.take() : undefined;
    this.parts.push(text);
    this.length += text.length;
    return full;
  }

  /** The buffered text as one flat string (join flattens, where `+=` would build a rope). */
  take(): string {
    const piece = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return piece;
  }
}

/** `texts` joined into pieces of at most `pieceLength` (but for a text longer on its own); joined, they are the texts. */
export function* inPieces(texts: Iterable<string>, pieceLength = DEFAULT_PIECE_LENGTH): Generator<string, void, undefined> {
  const buffer = new PieceBuffer(pieceLength);
  for (const text of texts) {
    const full = buffer.add(text);
    if (full !== undefined) yield full;
  }
  const last = buffer.take();
  if (last !== '') yield last;
}
