/**
 * Kaplan–Meier product-limit estimate (metrics.md, Settled details): S(t) = Π over exit times u ≤ t of
 * (1 − d_u / n_u); at a tie, exits count before censorings (a subject censored on day u is still at risk
 * at u).
 */
export interface SurvivalSubject {
  /** Days from the start to the exit or to the censoring date. */
  readonly days: number;
  /** True when the subject exited on `days`; false when censored then. */
  readonly exited: boolean;
}

export interface KaplanMeierFit {
  /** [day, S after that day's exits], starting at [0, 1]. */
  readonly curve: ReadonlyArray<readonly [number, number]>;
  readonly censoredAt: readonly number[];
  survivalAt(day: number): number;
  /** Subjects still at risk just after `day` (time > day), exited by `day`, censored by `day`. */
  riskSetAt(day: number): { atRisk: number; events: number; censored: number };
}

export function kaplanMeier(subjects: readonly SurvivalSubject[]): KaplanMeierFit {
  const sorted = [...subjects].sort((a, b) => a.days - b.days || Number(b.exited) - Number(a.exited));
  const curve: Array<readonly [number, number]> = [[0, 1]];
  let atRisk = sorted.length;
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const day = sorted[i]!.days;
    let exits = 0;
    let censorings = 0;
    while (i < sorted.length && sorted[i]!.days === day) {
      if (sorted[i]!.exited) exits++;
      else censorings++;
      i++;
    }
    if (exits > 0) {
      survival *= 1 - exits / atRisk;
      curve.push([day, survival]);
    }
    atRisk -= exits + censorings;
  }
  const censoredAt = sorted.filter((s) => !s.exited).map((s) => s.days);
  return {
    curve,
    censoredAt,
    survivalAt(day) {
      let s = 1;
      for (const [d, value] of curve) if (d <= day) s = value;
      return s;
    },
    riskSetAt(day) {
      let events = 0;
      let censored = 0;
      for (const s of sorted) {
        if (s.days > day) continue;
        if (s.exited) events++;
        else censored++;
      }
      return { atRisk: sorted.length - events - censored, events, censored };
    },
  };
}
