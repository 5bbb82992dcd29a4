/** Default bounds on what one read holds in memory; each is configurable per read. */

/** Largest CSV record or NDJSON line: guards against a quote that is never closed, or a file with no line breaks. */
export const DEFAULT_MAX_RECORD_BYTES = 8 * 1024 * 1024;

/**
 * Most fields in one CSV record. The widest real exports (a long Qualtrics survey) have a few hundred
 * columns; tens of thousands mean a wrong delimiter or a damaged file, and building rows that wide costs
 * seconds and gigabytes long before the record-size limit is reached.
 */
export const DEFAULT_MAX_COLUMNS = 10_000;

/** Largest JSON document: a JSON document is parsed whole, so its size is its memory. */
export const DEFAULT_MAX_JSON_BYTES = 256 * 1024 * 1024;
