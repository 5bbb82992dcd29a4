/**
 * The dateFormat suggested for a date text no format read: the reading's own format with day and month
 * swapped, else formats written like the text, each checked to read it; both orders when either reads.
 */
import { describe, expect, it } from 'vitest';
import { dateFormatAdvice, dateFormatHints, formatsShapedLike } from '../../src/presets/date-format-hint.js';
import { readVendorTime } from '../../src/presets/vendor-dates.js';

describe('formatsShapedLike', () => {
  it.each([
    // A Google Sheet in a US locale: 14 is no month, so month first only.
    ['9/14/2026 9:02:11', ['M/d/yyyy H:mm:ss']],
    // A UK one pads: single letters read "09" too, so one format fits padded and unpadded rows.
    ['14/09/2026 09:02:11', ['d/M/yyyy H:mm:ss']],
    // 9 August or 8 September: the spreadsheet's locale decides, so both, month first first.
    ['9/8/2026 17:45', ['M/d/yyyy H:mm', 'd/M/yyyy H:mm']],
    ['9/14/2026 9:02:11 PM', ['M/d/yyyy h:mm:ss a']],
    ['2025/03/03 09:05', ['yyyy/M/d H:mm']],
    ['14.09.26', ['d.M.yy']],
    ['2026-09-14 09:02:11.250', ['yyyy-M-d H:mm:ss.SSS']],
  ])('%s → %j', (text, formats) => {
    expect(formatsShapedLike(text, false)).toEqual(formats);
    for (const format of formats) expect(readVendorTime(text, [format], false)).toBeDefined();
  });

  it('gives nothing for text of no numeric date shape, or one no format of its shape reads', () => {
    expect(formatsShapedLike('Aug 3 2020', false)).toEqual([]);
    expect(formatsShapedLike('13/14/2026', false)).toEqual([]); // neither 13 nor 14 is a month
    expect(formatsShapedLike('9/14/202', false)).toEqual([]); // a year of 3 digits
  });

  it('relies on a trailing zone name only where the reading drops it', () => {
    expect(formatsShapedLike('9/14/2026 9:02:11 AM EDT', true)).toEqual(['M/d/yyyy h:mm:ss a']);
    expect(formatsShapedLike('9/14/2026 9:02:11 AM EDT', false)).toEqual([]);
  });
});

describe('dateFormatHints', () => {
  it("prefers the reading's own format with day and month the other way round", () => {
    expect(dateFormatHints('31/08/2020', ['MM/dd/yyyy'], false)).toEqual({ formats: ['dd/MM/yyyy'], otherOrder: true });
  });

  it('else gives the formats written like the text', () => {
    expect(dateFormatHints('9/14/2026 9:02:11', ['yyyy/MM/dd h:mm:ss a', 'yyyy/MM/dd H:mm:ss'], true)).toEqual({ formats: ['M/d/yyyy H:mm:ss'], otherOrder: false });
  });
});

describe('dateFormatAdvice', () => {
  it('gives the one format, both orders, or how to write one', () => {
    expect(dateFormatAdvice('survey', ['M/d/yyyy H:mm:ss'])).toBe(
      'it reads as "M/d/yyyy H:mm:ss": if the export writes dates that way, set "datasets": { "survey": { "dateFormat": "M/d/yyyy H:mm:ss" } }');
    expect(dateFormatAdvice('survey', ['M/d/yyyy H:mm', 'd/M/yyyy H:mm'])).toBe(
      'it reads as "M/d/yyyy H:mm" (month first) or "d/M/yyyy H:mm" (day first): set "datasets": { "survey": { "dateFormat": "M/d/yyyy H:mm" } }, ' +
        'or "d/M/yyyy H:mm" if the export writes the day first');
    expect(dateFormatAdvice('people', [])).toBe(
      'if the export writes dates another way, set "datasets": { "people": { "dateFormat": "..." } } (date-fns tokens)');
  });
});
