/**
 * What to append to `$GITHUB_STEP_SUMMARY`. GitHub refuses a step summary larger than 1 MiB (and then
 * shows none of it), so the Markdown report is cut at a line boundary, with a note, to keep the whole
 * file under the limit. Pure: the CLI reads the file's size and appends the result.
 */

/** GitHub's limit for one step's summary file. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

export const CUT_NOTE =
  '\n> The report was cut here to keep the step summary under 1 MiB; the full report is in the job log or the `--output` file.\n';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * `markdown` itself when it fits after `existingBytes`; else its longest run of whole lines that fits with
 * the note; else (the file is already full) the empty string.
 */
export function stepSummaryChunk(markdown: string, existingBytes: number): string {
  const budget = STEP_SUMMARY_LIMIT_BYTES - Math.max(0, existingBytes);
  if (bytes(markdown) <= budget) return markdown;
  const room = budget - bytes(CUT_NOTE);
  if (room < 0) return '';
  // Whole lines only (each with its "\n"), so neither a table row nor a UTF-8 sequence is split.
  let used = 0;
  let end = 0;
  for (const line of markdown.split(/(?<=\n)/)) {
    const size = bytes(line);
    if (used + size > room || !line.endsWith('\n')) break;
    used += size;
    end += line.length;
  }
  return `${markdown.slice(0, end)}${CUT_NOTE}`;
}
