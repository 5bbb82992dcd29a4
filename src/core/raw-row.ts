/**
 * A record as read from a file, before validation: the values of its fields by header (or JSON key),
 * and where it starts in the file.
 */
export interface RawRow {
  /** Physical line where the record starts (1-based; the header is line 1 in a CSV), or JSON array index. */
  readonly line: number;
  readonly fields: Readonly<Record<string, unknown>>;
}
