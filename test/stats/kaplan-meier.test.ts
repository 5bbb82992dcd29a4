import { describe, expect, it } from 'vitest';
import { kaplanMeier, type SurvivalSubject } from '../../src/stats/kaplan-meier.js';

const exit = (days: number): SurvivalSubject => ({ days, exited: true });
const censor = (days: number): SurvivalSubject => ({ days, exited: false });

/*
 * Worked by hand, 8 subjects, ties between exits and censorings on day 100 and a double exit on 200:
 *   day 100: 1 exit, 1 censored. At a tie the censored subject is still at risk: n = 8, S = 7/8 = 0.875
 *            (censorings first would give n = 7, S = 6/7). Then 6 remain.
 *   day 200: 2 exits of 6: S = 0.875 × 4/6 = 0.583333. 4 remain.
 *   day 300: 1 censored. 3 remain.
 *   day 365: 1 exit of 3: S = 0.583333 × 2/3 = 0.388889. 2 remain.
 *   day 400: 1 censored. 1 remains.
 *   day 500: 1 exit of 1: S = 0.
 */
const subjects = [exit(500), censor(100), exit(200), censor(400), exit(100), exit(365), censor(300), exit(200)];

describe('kaplanMeier', () => {
  const fit = kaplanMeier(subjects);

  it('steps at each exit day, exits counted before censorings at a tie', () => {
    expect(fit.curve.map(([d]) => d)).toEqual([0, 100, 200, 365, 500]);
    const values = fit.curve.map(([, s]) => s);
    [1, 0.875, 0.583333, 0.388889, 0].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 6));
  });

  it.each([
    { day: 0, s: 1 },
    { day: 99, s: 1 },
    { day: 100, s: 0.875 },
    { day: 199, s: 0.875 },
    { day: 364, s: 0.583333 },
    { day: 365, s: 0.388889 },
    { day: 730, s: 0 },
  ])('S($day) = $s', ({ day, s }) => {
    expect(fit.survivalAt(day)).toBeCloseTo(s, 6);
  });

  it('lists the censoring days in order', () => {
    expect(fit.censoredAt).toEqual([100, 300, 400]);
  });

  it('gives the risk set at a day: exits and censorings by then, the rest still at risk', () => {
    // By day 365: exits on 100, 200, 200, 365 = 4; censored on 100, 300 = 2; 8 − 6 = 2 at risk.
    expect(fit.riskSetAt(365)).toEqual({ atRisk: 2, events: 4, censored: 2 });
    // By day 100: 1 exit, 1 censored, 6 at risk.
    expect(fit.riskSetAt(100)).toEqual({ atRisk: 6, events: 1, censored: 1 });
  });

  it('does not depend on the order of the subjects', () => {
    const reversed = kaplanMeier([...subjects].reverse());
    expect(reversed.curve).toEqual(fit.curve);
    expect(reversed.censoredAt).toEqual(fit.censoredAt);
  });

  it('stays at 1.0 with no exit', () => {
    const none = kaplanMeier([censor(10), censor(400)]);
    expect(none.curve).toEqual([[0, 1]]);
    expect(none.survivalAt(365)).toBe(1);
    expect(none.riskSetAt(365)).toEqual({ atRisk: 1, events: 0, censored: 1 });
  });

  it('handles an exit on day 0 (left the track on the day of the start)', () => {
    // 1 exit of 2 on day 0: S(0) = 1/2.
    const fit0 = kaplanMeier([exit(0), censor(30)]);
    expect(fit0.survivalAt(0)).toBe(0.5);
  });
});
