import { describe, expect, it } from 'vitest';
import { dateFormatProblem, readVendorTime } from '../../src/presets/vendor-dates.js';

describe('dateFormatProblem', () => {
  it('takes formats that give a date, or a Unix timestamp alone', () => {
    for (const format of ['dd/MM/yyyy', 'MM/dd/yyyy h:mm a', "yyyy-MM-dd'T'HH:mm", 'd MMM yy', 'LLL d, yyyy', 't', 'T']) {
      expect(dateFormatProblem(format), format).toBeUndefined();
    }
  });

  it('says what is wrong with the others', () => {
    expect(dateFormatProblem('DD/MM/YYYY')).toBe('yyyy and dd, not YYYY or DD (week year and day of year)');
    expect(dateFormatProblem('dd/MM/yyyy HH:mm CET')).toBe("only date-fns tokens; quote other letters, as in yyyy-MM-dd'T'HH:mm");
    expect(dateFormatProblem('yyyy-MM-ddTHH:mm')).toBe("t or T (a Unix timestamp) alone; quote a literal T, as in yyyy-MM-dd'T'HH:mm");
    expect(dateFormatProblem('HH:mm')).toBe('a year, a month and a day (yyyy, MM, dd)');
  });
});

describe('readVendorTime', () => {
  it('reads nothing with a format date-fns refuses midway, rather than throwing', () => {
    // date-fns throws at `yy` once `yyyy` was used: the format reads nothing, the next one is tried.
    expect(readVendorTime('2020 20 01 31', ['yyyy yy MM dd'], false)).toBeUndefined();
    expect(readVendorTime('2020 20 01 31', ['yyyy yy MM dd', "yyyy '20' MM dd"], false)?.local).toMatchObject({ year: 2020, month: 1, day: 31 });
  });
});
