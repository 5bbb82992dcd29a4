/**
 * Formats that read a date's day and month as its two leading numbers (`MM/dd/yyyy`, `d.M.yy`): their
 * order is a spreadsheet locale's, which a file may not follow, so the other order is what to suggest.
 */

/** A format that starts with a numeric month and day, in either order (`MM/dd/yyyy`, `d.M.yy`); `MMM` is a name. */
const NUMERIC_DAY_MONTH = /^(M{1,2}|d{1,2})([/.-])(M{1,2}|d{1,2})(?![Md])/;

/** The same format with day and month the other way round: what a file written the other way needs. */
export const swappedDayMonth = (format: string): string => format.replace(NUMERIC_DAY_MONTH, '$3$2$1');

/** Whether `format` reads a day and a month as two leading numbers, month first or day first. */
export const readsNumericDayMonth = (format: string): boolean => {
  const match = NUMERIC_DAY_MONTH.exec(format);
  return match !== null && match[1]![0] !== match[3]![0];
};
