/**
 * Rows handed over in batches. The readers produce rows a batch at a time (CSV: one per chunk the
 * parser pushes; NDJSON: one per chunk of lines; JSON: slices of the records array), and a consumer
 * that loops over a batch synchronously pays the cost of an async step once per batch instead of once
 * per row — on short rows that step costs more than validating the row.
 */

/** Rows of one file in file order, a batch at a time; no batch is empty. */
export type RowBatches<Row> = AsyncIterable<readonly Row[]>;

/**
 * The rows of `batches` one by one, for consumers that take a row at a time. An error thrown by the
 * batches surfaces after every row of the batches before it.
 */
export async function* flatten<Row>(batches: RowBatches<Row>): AsyncGenerator<Row> {
  for await (const batch of batches) yield* batch;
}
