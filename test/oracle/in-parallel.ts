/**
 * Runs `task` on every item with at most `workers` at once, in the items' order, and gives the results in
 * that order: the differential tests spawn the command hundreds of times, and a few runs at once keep the
 * machine's cores busy.
 */
export async function inParallel<T, R>(items: readonly T[], workers: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
  return results;
}
