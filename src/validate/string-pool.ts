/**
 * One instance per distinct text. A parsed CSV cell is a fresh string, so a million time-allocation rows
 * hold a million copies of a few thousand employee ids and dates; records that share one instance per
 * value hold each text once. A column whose values rarely repeat (a commit ref, a free-text title) is
 * not worth a map entry per value: after a trial of `TRIAL` values, a column that found fewer than a
 * quarter of them already pooled is left alone.
 */
const TRIAL = 16_384;

interface ColumnTrial { seen: number; hits: number; pooling: boolean }

export class StringPool {
  private readonly pool = new Map<string, string>();
  private readonly trials = new Map<string, ColumnTrial>();

  /** The pooled instance of `text`; `column` names whose values these are, for the trial. */
  intern(column: string, text: string): string {
    let trial = this.trials.get(column);
    if (trial === undefined) this.trials.set(column, (trial = { seen: 0, hits: 0, pooling: true }));
    if (!trial.pooling) return text;
    const pooled = this.pool.get(text);
    trial.seen += 1;
    if (pooled !== undefined) {
      trial.hits += 1;
      return pooled;
    }
    if (trial.seen >= TRIAL && trial.hits * 4 < trial.seen) trial.pooling = false;
    else this.pool.set(text, text);
    return text;
  }

  /** The pooled instance of `text`, pooled whatever its column's trial says (see POOLED_KEYS). */
  seed(text: string): string {
    const pooled = this.pool.get(text);
    if (pooled !== undefined) return pooled;
    this.pool.set(text, text);
    return text;
  }

  /** Distinct texts held. */
  get size(): number {
    return this.pool.size;
  }

  /** Whether `column`'s values are still being pooled. */
  pools(column: string): boolean {
    return this.trials.get(column)?.pooling ?? true;
  }
}
