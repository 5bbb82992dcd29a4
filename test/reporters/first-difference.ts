/**
 * Where two long texts first differ, shown with a little of each around that point; undefined when they
 * are equal. For texts of megabytes, whose full diff on a failure would take the test runner minutes.
 */
export function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const around = (text: string): string => JSON.stringify(text.slice(Math.max(0, at - 40), at + 40));
  return `at ${at} (lengths ${actual.length} and ${expected.length}): ${around(actual)} instead of ${around(expected)}`;
}
