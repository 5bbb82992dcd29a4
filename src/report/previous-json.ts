/**
 * `--compare`'s earlier report as JSON, from the file's bytes read as Latin-1: kept apart from compare.ts,
 * whose schema is built when it loads, so that a report without `--compare` does not pay for it.
 */
import { Buffer } from 'node:buffer';

/** A character JSON or Latin-1 decoding would read differently from UTF-8's: any past ASCII. */
const NOT_ASCII = /[^\u0000-\u007f]/;

/**
 * The earlier report's JSON, from the file's bytes read as Latin-1, a character a byte (see
 * readWholeLatin1). What is read of it is ASCII (the schema version, the period's label, each measure's id
 * and status) and so is JSON's own syntax. Every ASCII string then reads exactly as in UTF-8, and the
 * document is valid JSON exactly when its UTF-8 text is: the bytes of a multi-byte character are all 0x80
 * or more, characters JSON accepts inside a string as they are. Decoded as UTF-8, the arrows in a report's
 * notes made the whole text two bytes a character: the large bench report's 23.7 MB became 47 MiB of text
 * (and 21 of parsed JSON) on top of the run. A label or version that is not ASCII, which this tool never
 * writes, is shown as it was written: the bytes are then read again as UTF-8. Throws JSON.parse's
 * SyntaxError.
 */
export function parseReportLatin1(latin1: string): unknown {
  const json: unknown = JSON.parse(latin1);
  const top = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown; period?: { label?: unknown } }) : undefined;
  const shown = [top?.schemaVersion, typeof top?.period === 'object' && top.period !== null ? top.period.label : undefined];
  return shown.some((value) => typeof value === 'string' && NOT_ASCII.test(value))
    ? JSON.parse(Buffer.from(latin1, 'latin1').toString('utf8'))
    : json;
}
