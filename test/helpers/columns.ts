/** Reading a line of terminal output by the columns a terminal shows it in. */
import { displayWidth } from '../../src/reporters/display-width.js';

/**
 * The text a terminal shows in columns [from, to) of `line` (to the end without `to`): the grapheme
 * clusters that start there, so a cell is read back from where the layout meant it to be.
 */
export function shownIn(line: string, from: number, to = Infinity): string {
  let column = 0;
  let shown = '';
  for (const { segment } of new Intl.Segmenter().segment(line)) {
    if (column >= from && column < to) shown += segment;
    column += displayWidth(segment);
  }
  return shown;
}
