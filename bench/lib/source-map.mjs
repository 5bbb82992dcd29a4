// Just enough of source maps (v3) to say which source file a position of dist/cli.cjs comes from, so a
// CPU profile of the bundle can be summed per source file and per stage.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, i) => [char, i]));

/** The numbers of one VLQ segment. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** `sourceAt(line, column)` (both 0-based) → the source path, or undefined outside mapped code. */
export function createSourceLookup(map) {
  const lines = [];
  let source = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of lineText.split(',')) {
      if (segment === '') continue;
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) {
        source += sourceDelta;
        segments.push([column, source]);
      }
      // The original line and column are not needed; they would be fields 3 and 4.
    }
    lines.push(segments);
  }
  return (line, column) => {
    const segments = lines[line];
    if (segments === undefined || segments.length === 0) return undefined;
    let found;
    for (const [start, index] of segments) {
      if (start > column) break;
      found = index;
    }
    return map.sources[found ?? segments[0][1]];
  };
}
