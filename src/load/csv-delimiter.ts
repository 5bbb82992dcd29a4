/** Choosing the CSV delimiter from the header line, as spreadsheet exports use `,`, `;` (European locales) or tab. */

export const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/**
 * The most frequent of `,` `;` and tab outside quotes in the first line of `text` (the first line ends
 * at the first line break outside quotes). Ties go to the earlier candidate; none found → `,`.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
  for (const candidate of CANDIDATE_DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}
