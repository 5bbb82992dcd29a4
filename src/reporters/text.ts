/**
 * Text from input files (names, ids, titles, notes) reaches every output. Before any format-specific
 * escaping, control characters are removed: ANSI/OSC escape sequences, C0/C1 controls and NUL, so no
 * file can move a cursor, retitle a terminal or hide text. Newlines and tabs become spaces.
 */
// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-character ESC sequences, and C1 CSI (0x9b).
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /[\t\r\n\u2028\u2029]+/g;

/** Plain, single-line, printable text. */
export function plainText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(LINE_BREAK, ' ').replace(CONTROL, '');
}
