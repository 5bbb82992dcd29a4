/** Default bounds on what one read holds in memory; each is configurable per read. */

/** Largest CSV record or NDJSON line: guards against a quote that is never closed, or a file with no line breaks. */
export const DEFAULT_MAX_RECORD_BYTES = 8 * 1024 * 1024;

/** Largest JSON document: a JSON document is parsed whole, so its size is its memory. */
export const DEFAULT_MAX_JSON_BYTES = 256 * 1024 * 1024;
