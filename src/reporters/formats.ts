/** The output format names, on their own so the command line can offer them without loading any reporter. */
export const FORMATS = ['table', 'json', 'markdown', 'junit', 'github', 'html', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
