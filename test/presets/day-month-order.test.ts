/** Which preset formats read day and month as two leading numbers, whose order a file may not show. */
import { describe, expect, it } from 'vitest';
import { readsNumericDayMonth } from '../../src/presets/day-month.js';

describe('readsNumericDayMonth', () => {
  it.each([
    ['MM/dd/yyyy', true], ['MM/dd/yyyy hh:mm:ss a', true], ['dd/MM/yyyy', true], ['d.M.yy', true], ['M/d/yyyy H:mm', true],
    // A month name, the year first, or two tokens of one kind: nothing to confuse.
    ['dd/MMM/yy h:mm a', false], ['yyyy/MM/dd h:mm:ss a', false], ['yyyy-MM-dd HH:mm:ss', false], ['dd/dd/yyyy', false],
  ])('%s → %s', (format, expected) => expect(readsNumericDayMonth(format)).toBe(expected));
});
