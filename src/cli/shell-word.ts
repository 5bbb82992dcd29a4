/**
 * A text as the shell must be given it in a command the tool prints for its user to run: a name with a
 * space or a character the shell reads (`my data`, `Q3 (draft)`) in single quotes, which keep every
 * character but a single quote itself.
 */
export const shellWord = (text: string): string => (/^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`);
