/**
 * Every format shows the JSON's figures (README, "How the figures are computed", General): on generated
 * reports of the sample report's shape whose figures sit where rounding is hardest (on a rounding tie of
 * the places shown, a hair either side of a target, 0, -0, 1, negative uplifts, ratios above 1, tiny and
 * huge counts, intervals touching 0 or 1, no figure under each status that allows none), each measure's
 * and red flag's figure, target or threshold, n, 95% interval and status word is read back from every
 * format and compared with the JSON:
 *
 * - CSV gives the JSON's numbers themselves (a leading `'` defuses a negative one, cli.md);
 * - the text formats (table, Markdown, JUnit, GitHub, HTML) give the JSON's figure rounded half up to one
 *   decimal, or to as many more as it takes to stand on the same side of its target as the figure itself;
 *   a target as configured; an interval to one decimal; ratios as percentages. The expected text here is
 *   made by Intl.NumberFormat from the JSON's decimal text (not from the binary double), as a reader or a
 *   spreadsheet rounds the number the JSON shows;
 * - a figure beside its target never reads as standing on the other side of it from its status;
 * - every text format shows the same text for the same figure;
 * - no figure reads `-0`, `NaN`, `Infinity`, `undefined` or `null`.
 *
 * Figures are made as the tool makes them: rounded to 6 places (src/stats/round.ts) and judged against
 * their target (src/core/report.ts `holds`) after rounding, so 0.89949999 arrives as 0.8995.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ComparisonOp, MeasureResult, RedFlagResult, Report, Threshold, Unit } from '../../src/core/report.js';
import { holds } from '../../src/core/report.js';
import { REPORTERS } from '../../src/reporters/index.js';
import { roundFigure } from '../../src/stats/round.js';
import { sampleReport } from '../helpers/sample-report.js';

const SEED = Number(process.env.FIGURES_SEED ?? 20261127);
const NUM_RUNS = Number(process.env.FIGURES_RUNS ?? 400);

// ---------------------------------------------------------------------------------------------------------
// The expected text, worked out from the JSON's decimal text.

type Kind = 'measure' | 'flag';

const RED_FLAG_UNIT: Readonly<Record<RedFlagResult['id'], Unit>> = {
  task_execution: 'ratio', year1_turnover: 'ratio', coding_frustration: 'score', no_improvements: 'count',
  ops1_undervalued: 'score', promotion_pay: 'count',
};

const SYMBOL: Readonly<Record<ComparisonOp, string>> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

const WORD: Readonly<Record<string, string>> = {
  met: '✓ met', missed: '✗ missed', investigate: '! investigate', pending: '… pending',
  insufficient_data: '? insufficient data', suppressed: '⊘ suppressed', no_data: '– no data', info: '· info',
  tripped: '✗ tripped', clear: '✓ clear', off: '– off',
};

/** The number as the JSON writes it. */
const jsonText = (x: number): string => JSON.stringify(x);

const formats = new Map<string, Intl.NumberFormat>();

/**
 * `x` (given by its JSON text, so the exact decimal a reader sees, or a decimal string) times `scale`,
 * rounded half up (away from zero) to `places` decimals, or to as few as it needs up to `most`; a result
 * of zero has no sign.
 */
function rounded(x: number | string, scale: 1 | 100, places: number, most = places): string {
  const key = `${scale} ${places} ${most}`;
  const format = formats.get(key) ?? new Intl.NumberFormat('en-US', {
    style: scale === 100 ? 'percent' : 'decimal', minimumFractionDigits: places, maximumFractionDigits: most,
    roundingMode: 'halfExpand', useGrouping: false, signDisplay: 'negative',
  } as Intl.NumberFormatOptions);
  formats.set(key, format);
  // A string is formatted as the exact decimal it spells (ECMA-402 Intl.NumberFormat v3).
  const text = format.format((typeof x === 'string' ? x : jsonText(x)) as unknown as number);
  return scale === 100 ? text.replace(/%$/, '') : text;
}

const scaleOf = (unit: Unit): 1 | 100 => (unit === 'ratio' ? 100 : 1);
const suffix = (unit: Unit): string => (unit === 'ratio' ? '%' : unit === 'multiple' ? '×' : '');
/** The most decimals a figure rounded to 6 places needs in its unit (a ratio in percent needs 4). */
const mostPlaces = (unit: Unit): number => (unit === 'ratio' ? 4 : 6);

/** A number shown in `unit` with `places` decimals (a whole count as it is). */
function amount(x: number, unit: Unit, places = 1): string {
  if (unit === 'count' && Number.isInteger(x)) return String(Object.is(x, -0) ? 0 : x);
  return `${rounded(x, scaleOf(unit), places)}${suffix(unit)}`;
}

/** The number a shown amount reads as, in the unit's scale (`89.95%` → 89.95). */
const readNumber = (text: string): number => Number(text.replace(/[%×]$/, ''));

/** A target or threshold as configured: every decimal it has, at least one. */
function expectedTarget(t: Threshold, unit: Unit): string {
  const shown = unit === 'count' && Number.isInteger(t.value) ? String(t.value) : `${rounded(t.value, scaleOf(unit), 1, 20)}${suffix(unit)}`;
  return `${SYMBOL[t.op]} ${shown}`;
}

/**
 * The figure beside its target: one decimal, or the fewest more that put the shown figure on the same side
 * of the shown target as the figure itself (README); without a target, one decimal.
 */
function expectedFigure(value: number | null, unit: Unit, target: Threshold | null): string {
  if (value === null) return '—';
  if (target === null) return amount(value, unit);
  const truth = holds(value, target.op, target.value);
  const bound = readNumber(expectedTarget(target, unit).split(' ')[1]!);
  let places = 1;
  while (places < mostPlaces(unit) && holds(readNumber(amount(value, unit, places)), target.op, bound) !== truth) places++;
  return amount(value, unit, places);
}

const expectedInterval = (ci: readonly [number, number] | null, unit: Unit): string =>
  (ci === null ? '—' : `[${amount(ci[0], unit)}, ${amount(ci[1], unit)}]`);

const expectedN = (n: number | null): string => (n === null ? '—' : String(n));

/** A red flag's figure in its words, as every text format gives it. */
function flagWords(id: RedFlagResult['id'], figure: string): string {
  switch (id) {
    case 'task_execution': return `${figure} of hours`;
    case 'year1_turnover': return `${figure} left`;
    case 'coding_frustration':
    case 'ops1_undervalued': return `mean score ${figure}`;
    case 'no_improvements': return `${figure} improvement${figure === '1' ? '' : 's'}`;
    case 'promotion_pay': return `${figure} promotion${figure === '1' ? '' : 's'}`;
    default: { const never: never = id; return never; }
  }
}

/** Plain status words (a change of status reads `met → missed`). */
const plainWord = (status: string): string => WORD[status]!.slice(2);

/**
 * The change since the compared report (README): the difference, in percentage points for a ratio, with
 * one decimal or as many more as it takes not to read as none; `was …` without a figure now, `new`
 * without one then, `—` with neither.
 */
function expectedChange(value: number | null, previous: number | null, unit: Unit, target: Threshold | null): string {
  if (value === null && previous === null) return '—';
  if (previous === null) return 'new';
  if (value === null) return `was ${expectedFigure(previous, unit, target)}`;
  // Both figures have at most 6 places: their difference, exactly, in millionths.
  const millionths = BigInt(Math.round(value * 1e6)) - BigInt(Math.round(previous * 1e6));
  const sign = millionths > 0n ? '+' : millionths < 0n ? '-' : '±';
  const size = millionths < 0n ? -millionths : millionths;
  const decimal = `${size / 1_000_000n}.${String(size % 1_000_000n).padStart(6, '0')}`;
  if (unit === 'count' && size % 1_000_000n === 0n) return `${sign}${size / 1_000_000n}`;
  let places = 1;
  while (places < mostPlaces(unit) && size !== 0n && Number(rounded(decimal, scaleOf(unit), places)) === 0) places++;
  const shown = rounded(decimal, scaleOf(unit), places);
  return `${sign}${shown}${unit === 'ratio' ? ' pp' : unit === 'multiple' ? '×' : ''}`;
}

// ---------------------------------------------------------------------------------------------------------
// Generated reports.

/** Proportions (k of n): a value in [0, 1] with a Wilson interval. */
const PROPORTIONS = new Set<MeasureResult['id']>([
  'retention_2y', 'retention_1y', 'ops_retention_12m', 'postmortem_leads_6m', 'process_designers_1y', 'mentors_1y',
  'automation_course_6m', 'automation_contributors_1y', 'p1_rca_48h', 'action_items_30d', 'mentee_ops_retention',
]);
/** Ratios of ratios: any sign, above 1 too, and no `n` (metrics.md, Settled details). */
const RATIOS_OF_RATIOS = new Set<MeasureResult['id']>([
  'satisfaction_uplift', 'recurrence_reduction_yoy', 'mentored_growth_uplift', 'automation_coverage_growth',
]);

/** Figures on a rounding tie or a hair from one, at one decimal and at the places a target can call for. */
const EDGES: Readonly<Record<Unit, readonly number[]>> = {
  ratio: [0, 1, 0.9, 0.8995, 0.89949999, 0.8996, 0.89951, 0.0005, 0.00049999, 0.00045, 0.000001, 0.000049, 0.9995,
    0.99995, 0.999995, 0.95, 0.949999, 0.3, 0.29995, 0.299995, 0.1995, 0.2495, 0.0015, 0.8, 0.7, 0.625],
  score: [0, 10, 8.5, 8.45, 8.35, 8.25, 8.49995, 8.499999, 5.95, 6, 5.99995, 6.05, 0.05, 9.95, 9.999995, 2.675],
  rate: [0, 5, 4.95, 4.995, 4.9995, 5.05, 1.95, 1.995, 2, 2.05, 0.05, 0.15, 0.000001, 1234567.85, 2.675],
  multiple: [0, 2, 1.995, 1.9995, 1.99995, 2.05, 0.5, 1.05, 100.05],
  count: [0, 1, 2, 7, 1_000_000, 2 ** 31 - 1, 2 ** 32 - 1, 1e12],
};
const NEGATIVE_EDGES = [-0.5, -0.0005, -0.00049999, -0.000001, -0.00005, -0.8995, -1.5, -12.3455];
const ABOVE_ONE = [1.5, 1.0005, 2.0005, 12.3455];

/** Targets as a config may set them: also with more decimals than a figure is shown with. */
const TARGET_EDGES: Readonly<Record<Unit, readonly number[]>> = {
  ratio: [0.9, 0.95, 0.9555, 0.95555, 0.8995, 0.3, 0.25, 0.2, 0, 1, 0.000001],
  score: [8.5, 8.45, 6, 6.05, 0, 10],
  rate: [5, 2, 4.95, 0.000001],
  multiple: [2, 1.995, 2.05],
  count: [0, 1, 5],
};

/** A figure at `around`, or a hair either side of it: 1 to 1,000 steps of a millionth or of ten millionths. */
const near = (around: number): fc.Arbitrary<number> =>
  fc.tuple(fc.constantFrom(0, 1, -1, 5, -5, 10, -10, 50, -50, 100, -100, 1000, -1000), fc.constantFrom(1e-6, 1e-5))
    .map(([k, step]) => around + k * step);

function valueOf(id: string, unit: Unit, target: number | null): fc.Arbitrary<number> {
  const edges = unit === 'ratio'
    ? (PROPORTIONS.has(id as MeasureResult['id']) || id === 'task_execution' || id === 'year1_turnover'
      ? EDGES.ratio : [...EDGES.ratio, ...NEGATIVE_EDGES, ...ABOVE_ONE])
    : unit === 'multiple' ? [...EDGES.multiple, ...ABOVE_ONE] : EDGES[unit];
  const options: Array<fc.Arbitrary<number>> = [fc.constantFrom(...edges)];
  if (unit === 'count') {
    options.push(fc.nat({ max: 2 ** 31 - 1 }));
    if (target !== null) options.push(fc.constantFrom(target, target + 1, Math.max(0, target - 1)));
  } else {
    options.push(fc.integer({ min: -2_000_000, max: 12_000_000 }).map((k) => k / 1e6));
    if (target !== null) options.push(near(target));
  }
  const bounded = PROPORTIONS.has(id as MeasureResult['id']) || id === 'task_execution' || id === 'year1_turnover';
  return fc.oneof(...options)
    .map((x) => {
      const r = roundFigure(x);
      if (unit === 'count') return Math.max(0, Math.round(r));
      if (bounded) return Math.min(1, Math.max(0, r));
      if (unit === 'score') return Math.min(10, Math.max(0, r));
      return unit === 'rate' || unit === 'multiple' ? Math.max(0, r) : r;
    })
    // A figure of zero may be negative zero: the JSON writes it `0`, and so must every other format.
    .chain((x) => (x === 0 ? fc.constantFrom(0, -0) : fc.constant(x)));
}

/** A 95% interval around `value`, often touching 0 or 1 or a hair inside them. */
const intervalOf = (value: number): fc.Arbitrary<readonly [number, number] | null> =>
  fc.option(fc.tuple(
    fc.constantFrom(0, -0, 0.000001, 0.00045, 0.0005, 0.00049999, value / 2, value).map((lo) => roundFigure(Math.min(lo, value)) || (Object.is(lo, -0) ? -0 : 0)),
    fc.constantFrom(1, 0.999999, 0.99995, 0.9995, 0.999949, value, (1 + value) / 2).map((hi) => roundFigure(Math.max(hi, value))),
  ), { nil: null });

/** The statuses of a measure without a figure (and `pending`, for automation_coverage_growth alone). */
const NULL_STATUSES = ['insufficient_data', 'suppressed', 'no_data'] as const;

/** The compared report's figure and status for a measure with `target` (kept only when the report compares). */
const previousOf = (id: MeasureResult['id'], unit: Unit, target: Threshold | null): fc.Arbitrary<NonNullable<MeasureResult['previous']>> =>
  fc.tuple(fc.option(valueOf(id, unit, target?.value ?? null), { freq: 4, nil: null }), fc.constantFrom(...NULL_STATUSES))
    .map(([value, noFigure]) => ({
      period: '2026-Q2', value,
      status: value === null ? noFigure : target === null ? 'info' : holds(value, target.op, target.value) ? 'met' : id === 'retention_1y' ? 'investigate' : 'missed',
    }));

const EARLIER_QUARTERS = ['2025-Q4', '2026-Q1', '2026-Q2'];

const LARGE_N = [1, 2, 9, 25, 1_000_000, 2 ** 31 - 1];

function measureArbitrary(m: MeasureResult, index: number): fc.Arbitrary<MeasureResult> {
  const label = `M${String(index + 1).padStart(2, '0')}`;
  const targetArb: fc.Arbitrary<Threshold | null> = m.target === null ? fc.constant(null)
    : fc.constantFrom(m.target.value, ...TARGET_EDGES[m.unit]).map((value) => ({ op: m.target!.op, value }));
  return targetArb.chain((target) => fc.tuple(
    fc.option(valueOf(m.id, m.unit, target?.value ?? null), { freq: 6, nil: null }),
    fc.constantFrom(...LARGE_N),
    fc.boolean(),
    previousOf(m.id, m.unit, target),
    fc.tuple(previousOf(m.id, m.unit, target), previousOf(m.id, m.unit, target), previousOf(m.id, m.unit, target)),
  ).chain(([value, n, pendingWhenBelow, previous, earlier]) => {
    const { reason: _reason, dueOn: _dueOn, survival, ...rest } = m;
    // With --trend: three earlier quarters, then the report's own period with its own figure and status.
    const history = (status: MeasureResult['status']): NonNullable<MeasureResult['history']> => [
      ...earlier.map((point, i) => ({ ...point, period: EARLIER_QUARTERS[i]! })), { period: '2026-Q3', value, status },
    ];
    // The Kaplan–Meier figures keep the sample's curve, so the HTML shows them beside it too.
    const base = { ...rest, label, target, details: [], previous, ...(value !== null && survival !== undefined ? { survival } : {}) };
    const hasN = PROPORTIONS.has(m.id) || (m.n !== null && !RATIOS_OF_RATIOS.has(m.id));
    if (value === null) {
      const statuses = [...NULL_STATUSES, ...(m.id === 'automation_coverage_growth' ? ['pending' as const] : [])];
      return fc.tuple(fc.constantFrom(...statuses), fc.constantFrom(null, 0)).map(([status, emptyN]): MeasureResult => ({
        ...base, value, status, n: status === 'insufficient_data' && hasN ? emptyN : null, ci95: null, history: history(status),
        ...(status === 'pending' ? { dueOn: '2027-08-01', reason: 'due on 2027-08-01' } : { reason: `no figure (${status})` }),
      }));
    }
    const status: MeasureResult['status'] = target === null ? 'info'
      : holds(value, target.op, target.value) ? 'met'
      : m.id === 'retention_1y' ? 'investigate'
      : m.id === 'automation_coverage_growth' && pendingWhenBelow ? 'pending'
      : 'missed';
    const withStatus: MeasureResult = { ...base, value, status, n: hasN ? n : null, ci95: null, history: history(status) };
    return PROPORTIONS.has(m.id) ? intervalOf(value).map((ci95) => ({ ...withStatus, ci95 })) : fc.constant(withStatus);
  }));
}

const FLAG_THRESHOLDS: Readonly<Record<RedFlagResult['id'], readonly number[]>> = {
  task_execution: [0.25, 0.2555, 0.3, 0.8995],
  year1_turnover: [0.2, 0.15, 0.2005],
  coding_frustration: [6, 6.05, 8.45],
  no_improvements: [0],
  ops1_undervalued: [6, 5.95],
  promotion_pay: [0, 1],
};

function flagArbitrary(f: RedFlagResult, index: number): fc.Arbitrary<RedFlagResult> {
  const unit = RED_FLAG_UNIT[f.id];
  return fc.constantFrom(...FLAG_THRESHOLDS[f.id]).chain((thresholdValue) => {
    const threshold = { op: f.threshold.op, value: thresholdValue };
    return fc.tuple(
      fc.option(valueOf(f.id, unit, thresholdValue), { freq: 6, nil: null }),
      fc.option(valueOf(f.id, unit, thresholdValue), { freq: 4, nil: null }),
      fc.array(fc.option(valueOf(f.id, unit, thresholdValue), { freq: 3, nil: null }), { minLength: 3, maxLength: 3 }),
      fc.constantFrom('error', 'warn') as fc.Arbitrary<'error' | 'warn'>,
      fc.constantFrom('no_data', 'insufficient_data', 'suppressed', 'off') as fc.Arbitrary<'no_data' | 'insufficient_data' | 'suppressed' | 'off'>,
    ).map(([value, previousValue, earlier, severity, noFigure]): RedFlagResult => {
      const { reason: _reason, ...rest } = f;
      const previous = {
        period: '2026-Q2', value: previousValue,
        status: previousValue === null ? 'no_data' as const : holds(previousValue, threshold.op, threshold.value) ? 'tripped' as const : 'clear' as const,
      };
      const base = { ...rest, title: `F${index + 1}`, threshold, evidence: [], previous };
      const statusOf = (v: number): 'tripped' | 'clear' => (holds(v, threshold.op, threshold.value) ? 'tripped' : 'clear');
      const history = (status: RedFlagResult['status']): NonNullable<RedFlagResult['history']> => [
        ...earlier.map((v, i) => ({ period: EARLIER_QUARTERS[i]!, value: v, status: v === null ? 'no_data' as const : statusOf(v) })),
        { period: '2026-Q3', value, status },
      ];
      if (value === null) {
        return { ...base, value, status: noFigure, severity: noFigure === 'off' ? 'off' : severity, reason: `no figure (${noFigure})`, history: history(noFigure) };
      }
      return { ...base, value, status: statusOf(value), severity, history: history(statusOf(value)) };
    });
  });
}

const SAMPLE = sampleReport();
const SAMPLE_MEASURES = SAMPLE.metrics.flatMap((metric) => metric.measures);

/** Without --compare, no measure or flag has a `previous`; without --trend, no `history`. */
function without<T extends { readonly previous?: unknown; readonly history?: unknown }>(item: T, compared: boolean, trend: boolean): T {
  const { previous, history, ...rest } = item;
  return { ...rest, ...(compared ? { previous } : {}), ...(trend ? { history } : {}) } as T;
}

const reportArbitrary: fc.Arbitrary<Report> = fc.tuple(
  fc.tuple(...SAMPLE_MEASURES.map(measureArbitrary)),
  fc.tuple(...SAMPLE.redFlags.map(flagArbitrary)),
  fc.boolean(),
  fc.boolean(),
).map(([allMeasures, allFlags, compared, trend]) => {
  const measures = allMeasures.map((m) => without(m, compared, trend));
  const redFlags = allFlags.map((f) => without(f, compared, trend));
  let next = 0;
  const metrics = SAMPLE.metrics.map((metric) => ({ ...metric, measures: metric.measures.map(() => measures[next++]!) }));
  const trippedRedFlags = redFlags.filter((f) => f.status === 'tripped' && f.severity === 'error').map((f) => f.id);
  return { ...SAMPLE, metrics, redFlags, gate: { ...SAMPLE.gate, failed: trippedRedFlags.length > 0, trippedRedFlags, failedMeasures: [] } };
});

// ---------------------------------------------------------------------------------------------------------
// Reading the figures back from each format.

/** What a format shows for one measure or red flag; a field it does not show is undefined. */
interface Shown {
  readonly value?: string | undefined;
  readonly target?: string | undefined;
  readonly status?: string | undefined;
  readonly n?: string | undefined;
  readonly interval?: string | undefined;
  /** With --compare: the change since the earlier report, its change of status (`` for none), its figure. */
  readonly change?: string | undefined;
  readonly statusChange?: string | undefined;
  readonly previous?: string | undefined;
  /** With --trend: each quarter's figure (`2025-Q4 90.1%; 2026-Q1 no figure; …`), or the first and last (`90.1% → —`). */
  readonly quarters?: string | undefined;
  readonly trendEnds?: string | undefined;
}
type Reading = Map<string, Shown>;

const entities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const FLAG_WORDS = /^(?:(?:mean score )?(.+?)(?: of hours| left| improvements?| promotions?)?|value (—))$/;
/** The bare figure of a red flag's words (`31.0% of hours` → `31.0%`), given which flag it is. */
function flagFigure(id: RedFlagResult['id'], words: string): string {
  if (words === 'value —') return '—';
  const figure = FLAG_WORDS.exec(words)?.[1] ?? words;
  // The words around the figure must be the flag's own.
  return flagWords(id, figure) === words ? figure : `unexpected words: ${words}`;
}

const SINCE = 'since 2026-Q2: ';

/** `+0.1 pp, met → missed` (or `was 90.1%`, `new`, `—`, without a change of status) as its two parts. */
function sinceParts(text: string | undefined, statusPattern = /^(.*?)(?:, ([a-z ]+ → [a-z ]+))?$/): Pick<Shown, 'change' | 'statusChange'> {
  if (text === undefined) return {};
  const parts = statusPattern.exec(text);
  return parts === null ? { change: `unreadable: ${text}` } : { change: parts[1], statusChange: parts[2] ?? '' };
}

/** `by quarter: 2025-Q4 90.1% met; 2026-Q1 no figure, no data; …` (JUnit, GitHub) as `2025-Q4 90.1%; 2026-Q1 no figure; …`. */
function byQuarter(text: string): Pick<Shown, 'quarters'> {
  const listed = /by quarter: ([^)"<\n]*)/.exec(text)?.[1];
  if (listed === undefined) return {};
  return {
    quarters: listed.split('; ').map((entry) => {
      const parts = /^(\S+) (no figure,|\S+) ([a-z]+(?: [a-z]+)?)$/.exec(entry);
      return parts === null ? `unreadable: ${entry}` : `${parts[1]} ${parts[2] === 'no figure,' ? 'no figure' : parts[2]}`;
    }).join('; '),
  };
}

/** A trend chart's text alternative (`2025-Q4: 90.1%; 2026-Q1: no figure`, a flag's `…: 31.0%, tripped`) as `2025-Q4 90.1%; …`. */
function chartQuarters(out: string, title: string): Pick<Shown, 'quarters'> {
  const desc = new RegExp(`<title id="[^"]*">${title}: by quarter</title><desc id="[^"]*">([^<]*)</desc>`).exec(out)?.[1];
  if (desc === undefined) return {};
  return {
    quarters: entities(desc).split('; ').map((entry) => {
      const parts = /^(\S+): (no figure|[^,]+)(?:, [a-z ]+)?$/.exec(entry);
      return parts === null ? `unreadable: ${entry}` : `${parts[1]} ${parts[2]}`;
    }).join('; '),
  };
}

/** The table's `trend 2025-Q4…2026-Q3 ▂▄▅▇ 80.0% → 96.0%`: its first and last figure. */
function trendEnds(line: string | undefined): Pick<Shown, 'trendEnds'> {
  if (line === undefined) return {};
  const ends = /^trend \S+…\S+ .* (\S+ → \S+)$/.exec(line);
  return { trendEnds: ends === null ? `unreadable: ${line}` : ends[1] };
}

function readTable(out: string, report: Report): Reading {
  const reading: Reading = new Map();
  const lines = out.split('\n');
  for (const m of report.metrics.flatMap((metric) => metric.measures)) {
    const at = lines.findIndex((l) => l.startsWith(`${m.label} `));
    const line = lines[at];
    const cells = line === undefined ? null
      : /^\S+\s+(\S+)\s+([≥>=≤<] \S+|—)\s+(\S [a-z]+(?: [a-z]+)?)\s+(\S+)\s+(\[[^\]]*\]|—)$/.exec(line);
    // The notes under the row, up to the next row.
    const notes = [];
    for (let i = at + 1; i < lines.length && lines[i]!.startsWith(' '); i++) notes.push(lines[i]!.trim());
    const since = notes.find((n) => n.startsWith(SINCE))?.slice(SINCE.length);
    reading.set(m.id, {
      ...(cells === null ? { value: `unreadable row: ${line}` }
        : { value: cells[1], target: cells[2], status: cells[3], n: cells[4], interval: cells[5] }),
      ...sinceParts(since),
      ...trendEnds(notes.find((n) => n.startsWith('trend '))),
    });
  }
  // A flag's block: its status and title, then its figure and threshold, wrapped on lines indented past the
  // status (14 columns at least), then the change since the compared report on a line of its own.
  const flagText = out.slice(out.indexOf('\nRed flags\n'), out.indexOf('\nInputs\n')).replace(/\n {14,}(?! |since |trend )/g, ' ');
  for (const f of report.redFlags) {
    const match = new RegExp(`\\n(\\S [a-z]+(?: [a-z]+)?)\\s+${f.title}(?: \\[[a-z]+\\])?: (.*)(?:\\n +(trend .*))?(?:\\n +${SINCE}(.*))?`).exec(flagText);
    const figure = f.value === null ? null : /^(.*) \(trips (.*)\)$/.exec(match?.[2] ?? '');
    reading.set(f.id, {
      status: match?.[1],
      ...(figure === null ? {} : { value: figure === undefined ? 'unreadable' : flagFigure(f.id, figure[1]!), target: figure?.[2] }),
      ...trendEnds(match?.[3]),
      ...sinceParts(match?.[4]),
    });
  }
  return reading;
}

function readMarkdown(out: string, report: Report): Reading {
  const reading: Reading = new Map();
  const rows = out.split('\n').filter((l) => l.startsWith('| '));
  const cellsOf = (prefix: string): string[] | undefined => rows.find((r) => r.startsWith(prefix))?.slice(2, -2).split(' | ');
  const compared = out.includes('\n## Changes since 2026-Q2\n');
  const changes = out.split('\n').filter((l) => l.startsWith('- '));
  for (const m of report.metrics.flatMap((metric) => metric.measures)) {
    const cells = cellsOf(`| ${m.label} (\`${m.id}\`) |`);
    reading.set(m.id, {
      value: cells?.[1], target: cells?.[2], status: cells?.[3], n: cells?.[4], interval: cells?.[5],
      ...(compared ? sinceParts(cells?.[6], /^(.*?)(?: \*\*([a-z ]+ → [a-z ]+)\*\*)?$/) : {}),
    });
    // The section of changes of status gives the two figures.
    const changed = changes.find((l) => l.startsWith(`- ${m.label} (\`${m.id}\`): `));
    const said = changed === undefined ? null : /\*\*([a-z ]+ → [a-z ]+)\*\* \((.*) → (.*)\)$/.exec(changed);
    if (changed !== undefined) reading.set(`${m.id} (changes)`, said === null ? { value: `unreadable: ${changed}` } : { statusChange: said[1], previous: said[2], value: said[3] });
  }
  for (const f of report.redFlags) {
    const cells = cellsOf(`| ${f.title} (\`${f.id}\`) |`);
    reading.set(f.id, { status: cells?.[1], value: cells?.[3], target: cells?.[4], ...(compared ? sinceParts(cells?.[5]) : {}) });
    // A tripped flag's section says it again, in words.
    const words = new RegExp(`^(.*) against the threshold (.*) \\(severity [a-z]+\\)\\.$`, 'm');
    const section = out.split(`### ✗ ${f.title} (\`${f.id}\`)`)[1]?.split('\n\n')[1];
    if (f.status === 'tripped') {
      const said = words.exec(section ?? '');
      reading.set(`${f.id} (section)`, { value: said === null ? 'missing' : flagFigure(f.id, said[1]!), target: said?.[2] });
    }
    const changed = changes.find((l) => l.startsWith(`- Red flag: ${f.title} (\`${f.id}\`): `));
    const said = changed === undefined ? null : /\*\*([a-z ]+ → [a-z ]+)\*\*(?: \((.*) → (.*)\))?$/.exec(changed);
    if (changed !== undefined) {
      reading.set(`${f.id} (changes)`, said === null ? { value: `unreadable: ${changed}` }
        : { statusChange: said[1], ...(said[2] === undefined ? {} : { previous: said[2], value: said[3] }) });
    }
  }
  return reading;
}

function readHtml(out: string, report: Report): Reading {
  const reading: Reading = new Map();
  // Each measure's block and each flag's card, by its label or title.
  const blocks = new Map(out.split('<div class="measure">').slice(1)
    .map((block) => [/^<div class="measure-text"><h3>([^<]*)<\/h3>/.exec(block)?.[1] ?? '', block] as const));
  const cards = new Map(out.split('<article class="flag ').slice(1)
    .map((card) => [/^[^"]*"><h3><span class="badge [^"]*">[^<]*<\/span> ([^<]*)<\/h3>/.exec(card)?.[1] ?? '', card] as const));
  const km = out.slice(out.indexOf('<section class="card km"'));
  const verdict = out.slice(0, out.indexOf('<nav '));
  for (const m of report.metrics.flatMap((metric) => metric.measures)) {
    const block = blocks.get(m.label) ?? '';
    const card = new RegExp(`^<div class="measure-text"><h3>[^<]*</h3><p class="figure"><span class="value">([^<]*)</span> <span class="badge [^"]*">([^<]*)</span></p>`
      + `<p class="figures">([^<]*)</p>(?:<p class="change">${SINCE}([^<]*)</p>)?.*?<desc id="[^"]*-bullet-desc">([^<]*)</desc>`).exec(block);
    if (card === null) { reading.set(m.id, { value: 'missing card' }); continue; }
    const [, value, status, figures, since, desc] = card.map((t) => (t === undefined ? undefined : entities(t)));
    const line = /^(?:target (.*?)|no target)(?: · 95% CI (\[.*?\]))?(?: · n = (\S+))?$/.exec(figures!);
    reading.set(m.id, {
      value, status, target: line?.[1] ?? (line === null ? 'unreadable' : '—'), interval: line?.[2] ?? '—', n: line?.[3] ?? '—',
      ...sinceParts(since, /^(.*?)(?: \(([a-z ]+ → [a-z ]+)\))?$/),
      ...chartQuarters(block, m.label),
    });
    // The Kaplan–Meier section gives its two figures again, beside the curve.
    const kmFigure = new RegExp(`<p class="km-value">([^<]*)</p><p>${m.label} <span class="badge [^"]*">([^<]*)</span>`).exec(km);
    if (kmFigure !== null) reading.set(`${m.id} (km)`, { value: entities(kmFigure[1]!), status: kmFigure[2] });
    const alt = /^Value (.*); target (.*); 95% interval (.*); status (.*); n (.*)$/.exec(desc!);
    reading.set(`${m.id} (chart text)`, alt === null ? { value: `unreadable: ${desc}` }
      : { value: alt[1], target: alt[2], interval: alt[3], status: WORD[alt[4]!.replace(/ /g, '_')] ?? alt[4], n: alt[5] });
  }
  for (const f of report.redFlags) {
    const block = cards.get(f.title) ?? '';
    const card = new RegExp(`^[^"]*"><h3><span class="badge [^"]*">([^<]*)</span> [^<]*</h3><p class="figures">([^<]*)</p>`
      + `(?:<svg .*?</svg>)?(?:<p class="change">${SINCE}([^<]*)</p>)?`).exec(block);
    const parts = /^(.*) · trips when (.*) · [^·]*$/.exec(entities(card?.[2] ?? ''));
    reading.set(f.id, {
      status: card?.[1], value: parts === null ? 'unreadable' : flagFigure(f.id, parts[1]!), target: parts?.[2],
      ...sinceParts(card?.[3] === undefined ? undefined : entities(card[3])),
      ...chartQuarters(block, f.title),
    });
    if (f.status === 'tripped') {
      const top = new RegExp(`<strong>${f.title}</strong> <span class="muted">(.*?) \\(trips when (.*?)\\) · `).exec(verdict);
      reading.set(`${f.id} (verdict)`, { value: top === null ? 'missing' : flagFigure(f.id, entities(top[1]!)), target: top === null ? undefined : entities(top[2]!) });
    }
  }
  return reading;
}

/** The change in a JUnit message or output, or a GitHub annotation: `…; since 2026-Q2: <change>` up to `;`, `)` or the end. */
const sinceIn = (text: string): string | undefined => new RegExp(`; ${SINCE}([^;)"<]*)|^${SINCE}([^;)"<]*)`).exec(text)?.slice(1).find((t) => t !== undefined);

function readJunit(out: string, report: Report): Reading {
  const reading: Reading = new Map();
  const compared = out.includes(SINCE);
  // A case's XML with `&gt;`, `&lt;` and `&amp;` read back (the figures hold no quote).
  const caseOf = (id: string): string | undefined => {
    const body = new RegExp(`<testcase classname="[^"]*" name="${id}"(?:/>|>([\\s\\S]*?)</testcase>)`).exec(out)?.[1] ?? (out.includes(`name="${id}"/>`) ? '' : undefined);
    return body?.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  };
  const messageOf = (body: string): string => entities(/(?:message="([^"]*)"|<system-out>([\s\S]*?)<\/system-out>)/.exec(body)?.slice(1).find((t) => t !== undefined) ?? '');
  for (const m of report.metrics.flatMap((metric) => metric.measures)) {
    const body = caseOf(m.id);
    if (m.target === null) { reading.set(m.id, body === undefined ? {} : { value: 'a case for a measure without a target' }); continue; }
    const failure = /<failure type="([a-z_]+)" message="([a-z]+): value (.*?), target (.*?), n ([^;"]*)/.exec(body ?? '');
    const skipped = /<skipped message="([^":;]*)/.exec(body ?? '');
    const passed = body === '' || (body !== undefined && /^\s*<system-out>/.test(body));
    const status = failure !== null ? WORD[failure[1]!] : skipped !== null ? WORD[entities(skipped[1]!).replace(/ /g, '_')] : passed ? WORD.met : 'unreadable';
    const since = compared ? sinceParts(sinceIn(messageOf(body ?? '')) ?? 'no change found') : {};
    const quarters = byQuarter(body ?? '');
    reading.set(m.id, failure === null ? { status, ...since, ...quarters }
      : { status, value: entities(failure[3]!), target: entities(failure[4]!), n: entities(failure[5]!), ...since, ...quarters });
  }
  for (const f of report.redFlags) {
    const body = caseOf(f.id) ?? '';
    const failure = /<failure type="tripped" message="tripped: (.*?), threshold ([^;"]*)/.exec(body);
    const warned = /<system-out>tripped \(severity warn, does not fail the gate\): (.*?), threshold (.*?)(?:;|<\/system-out>)/.exec(body);
    const skipped = /<skipped message="([^":;]*)/.exec(body);
    const said = failure ?? warned;
    const status = said !== null ? WORD.tripped : skipped !== null ? WORD[entities(skipped[1]!).replace(/ /g, '_')] : (body === '' || body.includes('<system-out>')) ? WORD.clear : 'unreadable';
    const since = compared ? sinceParts(sinceIn(messageOf(body)) ?? 'no change found') : {};
    const quarters = byQuarter(body);
    reading.set(f.id, said === null ? { status, ...since, ...quarters }
      : { status, value: flagFigure(f.id, entities(said[1]!)), target: entities(said[2]!), ...since, ...quarters });
  }
  return reading;
}

const workflowText = (text: string): string => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

function readGithub(out: string, report: Report): Reading {
  const reading: Reading = new Map();
  const lines = out.trimEnd().split('\n').map((line) => /^::(error|warning|notice) title=([^:]*)::(.*)$/.exec(line)!)
    .map((m) => ({ title: workflowText(m[2]!), message: workflowText(m[3]!) }));
  const compared = out.includes(SINCE);
  for (const m of report.metrics.flatMap((metric) => metric.measures)) {
    const line = lines.find((l) => l.title.endsWith(`: ${m.id}`) && l.title.startsWith('Measure '));
    const said = /^M\d+: (.*?) \(target (.*?), n ([^;)]*)/.exec(line?.message ?? '');
    reading.set(m.id, line === undefined ? {}
      : {
          status: WORD[/^Measure (.*): /.exec(line.title)![1]!], value: said?.[1] ?? 'unreadable', target: said?.[2], n: said?.[3],
          ...(compared ? sinceParts(sinceIn(line.message) ?? 'no change found') : {}),
          ...byQuarter(line.message),
        });
  }
  for (const f of report.redFlags) {
    const line = lines.find((l) => l.title.startsWith(`Red flag ${f.id}: `));
    const said = /^(.*?) \(threshold (.*?), severity [a-z]+[;)]/.exec(line?.message ?? '');
    reading.set(f.id, line === undefined ? {}
      : {
          status: WORD.tripped, value: said === null ? 'unreadable' : flagFigure(f.id, said[1]!), target: said?.[2],
          ...(compared ? sinceParts(sinceIn(line.message) ?? 'no change found') : {}),
          ...byQuarter(line.message),
        });
  }
  return reading;
}

// ---------------------------------------------------------------------------------------------------------
// The checks.

const NOT_A_NUMBER = /NaN|Infinity|undefined|\bnull\b|(?:^|[^\d.])-0(?:\.0+)?(?![\d.])/;

interface Item {
  readonly key: string;
  readonly kind: Kind;
  readonly unit: Unit;
  readonly value: number | null;
  readonly target: Threshold | null;
  readonly status: string;
  readonly n?: number | null;
  readonly ci95?: readonly [number, number] | null;
  readonly previous?: { readonly value: number | null; readonly status: string } | undefined;
  readonly history?: ReadonlyArray<{ readonly period: string; readonly value: number | null; readonly status: string }> | undefined;
}

/** The measures and red flags, read from the JSON report. */
function itemsOf(json: Report): Item[] {
  return [
    ...json.metrics.flatMap((metric) => metric.measures).map((m): Item => ({
      key: m.id, kind: 'measure', unit: m.unit, value: m.value, target: m.target, status: m.status, n: m.n, ci95: m.ci95,
      previous: m.previous, history: m.history,
    })),
    ...json.redFlags.map((f): Item => ({
      key: f.id, kind: 'flag', unit: RED_FLAG_UNIT[f.id], value: f.value, target: f.threshold, status: f.status,
      previous: f.previous, history: f.history,
    })),
  ];
}

/** What every text format should show of an item. */
function expected(item: Item): Required<Shown> {
  return {
    value: expectedFigure(item.value, item.unit, item.target),
    target: item.target === null ? '—' : expectedTarget(item.target, item.unit),
    status: WORD[item.status]!,
    n: item.kind === 'measure' ? expectedN(item.n ?? null) : '',
    interval: item.kind === 'measure' ? expectedInterval(item.ci95 ?? null, item.unit) : '',
    ...expectedSince(item),
    ...expectedTrend(item),
  };
}

/** With --trend, each quarter's figure beside the item's target, and the first and last; `none` without. */
function expectedTrend(item: Item): Pick<Required<Shown>, 'quarters' | 'trendEnds'> {
  if (item.history === undefined) return { quarters: 'none', trendEnds: 'none' };
  const figure = (value: number | null): string => expectedFigure(value, item.unit, item.target);
  const points = item.history;
  return {
    quarters: points.map((p) => `${p.period} ${p.value === null ? 'no figure' : figure(p.value)}`).join('; '),
    trendEnds: `${figure(points[0]!.value)} → ${figure(points.at(-1)!.value)}`,
  };
}

/** The change since the compared report, its change of status and the earlier figure; `none` without a comparison. */
function expectedSince(item: Item): Pick<Required<Shown>, 'change' | 'statusChange' | 'previous'> {
  const previous = item.previous;
  if (previous === undefined) return { change: 'none', statusChange: 'none', previous: 'none' };
  const statusChange = previous.status === item.status ? '' : `${plainWord(previous.status)} → ${plainWord(item.status)}`;
  const figure = expectedFigure(previous.value, item.unit, item.target);
  if (item.kind === 'measure') {
    return { change: expectedChange(item.value, previous.value, item.unit, item.target), statusChange, previous: figure };
  }
  const change = previous.value !== null ? `was ${flagWords(item.key as RedFlagResult['id'], figure)}` : item.value === null ? '—' : 'new';
  return { change, statusChange, previous: figure };
}

/** Which format showed which field of what (`html measure quarters`, `markdown (changes) previous`): the run must reach each. */
const compared = new Set<string>();

/** Each disagreement, as `format key field: shown ≠ expected`. */
function disagreements(report: Report): string[] {
  const json = JSON.parse(REPORTERS.json(report, { color: false })) as Report;
  const problems: string[] = [];
  const outputs = {
    table: REPORTERS.table(report, { color: false }),
    markdown: REPORTERS.markdown(report, { color: false }),
    html: REPORTERS.html(report, { color: false }),
    junit: REPORTERS.junit(report, { color: false }),
    github: REPORTERS.github(report, { color: false }),
  };
  for (const [format, out] of Object.entries(outputs)) {
    const bad = NOT_A_NUMBER.exec(out.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'));
    if (bad !== null && /NaN|Infinity|undefined|null/.test(bad[0])) problems.push(`${format}: reads ${bad[0]}`);
  }
  const readings: Record<string, Reading> = {
    table: readTable(outputs.table, report),
    markdown: readMarkdown(outputs.markdown, report),
    html: readHtml(outputs.html, report),
    junit: readJunit(outputs.junit, report),
    github: readGithub(outputs.github, report),
  };
  const items = itemsOf(json);
  for (const item of items) {
    const want = expected(item);
    /** The value text every format showed, to compare them with each other. */
    const seen = new Map<string, string>();
    for (const [format, reading] of Object.entries(readings)) {
      for (const [key, shown] of reading) {
        if (key !== item.key && !key.startsWith(`${item.key} (`)) continue;
        for (const field of ['value', 'target', 'status', 'n', 'interval', 'change', 'statusChange', 'previous', 'quarters', 'trendEnds'] as const) {
          const text = shown[field];
          if (text === undefined) continue;
          compared.add(`${format} ${key.includes(' (') ? key.slice(key.indexOf(' (') + 1) : item.kind} ${field}`);
          if (text !== want[field]) problems.push(`${format} ${key} ${field}: ${JSON.stringify(text)} ≠ ${JSON.stringify(want[field])} (JSON ${JSON.stringify({ value: item.value, target: item.target, status: item.status })})`);
          if (field !== 'status' && NOT_A_NUMBER.test(text)) problems.push(`${format} ${key} ${field}: reads ${JSON.stringify(text)}`);
        }
        if (shown.value !== undefined) seen.set(`${format} ${key}`, shown.value);
        // Beside its target, the figure shown stands on the side its status says.
        if (shown.value !== undefined && shown.target !== undefined && item.value !== null && item.target !== null && shown.target !== '—') {
          const [op, bound] = [item.target.op, readNumber(shown.target.split(' ')[1] ?? '')];
          const reads = holds(readNumber(shown.value), op, bound);
          if (reads !== holds(item.value, op, item.target.value)) {
            problems.push(`${format} ${key}: ${shown.value} beside ${shown.target} reads as the other side from ${item.status}`);
          }
        }
      }
    }
    if (new Set(seen.values()).size > 1) problems.push(`${item.key}: the formats disagree: ${JSON.stringify(Object.fromEntries(seen))}`);
    // Every format that should say something about the item does.
    const must: Array<[string, boolean]> = [
      ['table', true], ['markdown', true], ['html', true],
      ['junit', item.target !== null],
    ];
    for (const [format, shows] of must) {
      const shown = readings[format]!.get(item.key);
      if (shows && shown?.status === undefined) problems.push(`${format} ${item.key}: no status found`);
      if (shows && item.previous !== undefined && shown?.change === undefined) problems.push(`${format} ${item.key}: no change found`);
    }
  }
  // GitHub: an annotation per tripped flag and missed measure, up to 10 a level, the rest counted.
  const annotated = [...readings.github!.values()].filter((s) => s.status !== undefined).length;
  const owed = items.filter((i) => i.status === 'tripped' || i.status === 'missed' || i.status === 'investigate').length;
  const more = [...outputs.github.matchAll(/::(\d+) more (?:error|warning)s not shown/g)].reduce((s, m) => s + Number(m[1]), 0);
  if (annotated + more !== owed) problems.push(`github: ${annotated} annotations and ${more} more for ${owed} items`);
  problems.push(...csvDisagreements(report, json));
  return problems;
}

/** CSV: the JSON's own numbers and status words, a negative number behind a `'`. */
function csvDisagreements(report: Report, json: Report): string[] {
  const problems: string[] = [];
  const rows = parse(REPORTERS.csv(report, { color: false }), { record_delimiter: '\r\n' }) as string[][];
  const header = rows[0]!;
  const cell = (row: string[], column: string): string => row[header.indexOf(column)]!;
  const number = (x: number | null | undefined): string => {
    if (x === null || x === undefined) return '';
    const text = jsonText(x);
    return text.startsWith('-') ? `'${text}` : text;
  };
  for (const item of itemsOf(json)) {
    const row = rows.find((r) => cell(r, 'id') === item.key && cell(r, 'kind') === (item.kind === 'measure' ? 'measure' : 'red_flag'));
    if (row === undefined) { problems.push(`csv ${item.key}: no row`); continue; }
    const want: Record<string, string> = {
      value: number(item.value), target: number(item.target?.value), status: item.status,
      previous_value: number(item.previous?.value), previous_status: item.previous?.status ?? '',
      ...(item.kind === 'measure' ? { n: number(item.n), ci95_low: number(item.ci95?.[0]), ci95_high: number(item.ci95?.[1]) } : {}),
    };
    for (const [column, text] of Object.entries(want)) {
      if (cell(row, column) !== text) problems.push(`csv ${item.key} ${column}: ${JSON.stringify(cell(row, column))} ≠ ${JSON.stringify(text)}`);
      if (NOT_A_NUMBER.test(cell(row, column))) problems.push(`csv ${item.key} ${column}: reads ${cell(row, column)}`);
    }
    // With --trend, a row per earlier quarter with that quarter's figure and status.
    for (const point of item.history?.slice(0, -1) ?? []) {
      const earlier = rows.find((r) => cell(r, 'id') === item.key && cell(r, 'period') === point.period);
      const shown = earlier === undefined ? 'no row' : `${cell(earlier, 'value')} ${cell(earlier, 'status')}`;
      if (shown !== `${number(point.value)} ${point.status}`) problems.push(`csv ${item.key} ${point.period}: ${shown} ≠ ${number(point.value)} ${point.status}`);
    }
  }
  return problems;
}

describe('every format shows the JSON\'s figures', () => {
  test('on the sample report', () => {
    // Labels and titles as the generated reports have them, so that each row is found by its label.
    let next = 0;
    const report = sampleReport();
    const measures = report.metrics.map((metric) => ({
      ...metric, measures: metric.measures.map((m) => ({ ...m, label: `M${String(++next).padStart(2, '0')}` })),
    }));
    const redFlags = report.redFlags.map((f, i) => ({ ...f, title: `F${i + 1}` }));
    expect(disagreements({ ...report, metrics: measures, redFlags })).toEqual([]);
  });

  test(`on ${NUM_RUNS} generated reports with figures on rounding edges (seed ${SEED})`, () => {
    fc.assert(fc.property(reportArbitrary, (report) => {
      expect(disagreements(report)).toEqual([]);
    }), { seed: SEED, numRuns: NUM_RUNS });
    // The run read every figure from every format that shows it.
    const fields = (format: string, of: string, names: string): string[] => names.split(' ').map((field) => `${format} ${of} ${field}`);
    expect([...compared].sort()).toEqual([
      ...fields('table', 'measure', 'value target status n interval change statusChange trendEnds'),
      ...fields('table', 'flag', 'value target status change statusChange trendEnds'),
      ...fields('markdown', 'measure', 'value target status n interval change statusChange'),
      ...fields('markdown', 'flag', 'value target status change statusChange'),
      ...fields('markdown', '(changes)', 'value previous statusChange'),
      ...fields('markdown', '(section)', 'value target'),
      ...fields('html', 'measure', 'value target status n interval change statusChange quarters'),
      ...fields('html', '(chart text)', 'value target status n interval'),
      ...fields('html', '(km)', 'value status'),
      ...fields('html', 'flag', 'value target status change statusChange quarters'),
      ...fields('html', '(verdict)', 'value target'),
      ...fields('junit', 'measure', 'value target status n change statusChange quarters'),
      ...fields('junit', 'flag', 'value target status change statusChange quarters'),
      ...fields('github', 'measure', 'value target status n change statusChange quarters'),
      ...fields('github', 'flag', 'value target status change statusChange quarters'),
    ].sort());
  }, 60_000);
});
