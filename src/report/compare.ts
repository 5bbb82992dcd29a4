/**
 * `--compare PREVIOUS.json`: reads an earlier JSON report and attaches each measure's and each red flag's
 * earlier value and status to the current report as `previous`. Only the fields used are validated, and
 * unknown fields are ignored, as cli.md promises consumers of schema version 1; a newer major version is
 * refused, since its fields may no longer mean what this version reads them as.
 */
import * as z from 'zod';
import { shownText, UsageError } from '../core/problems.js';
import { SCHEMA_VERSION, type MeasureResult, type MeasureStatus, type RedFlagResult, type RedFlagStatus, type Report } from '../core/report.js';
import { METRICS } from '../metrics/index.js';
import { daysBetween } from '../model/calendar.js';
import { isIsoDate } from '../validate/temporal-values.js';
import { RED_FLAGS } from '../red-flags/index.js';

const MEASURE_STATUSES = [
  'met', 'missed', 'investigate', 'pending', 'insufficient_data', 'suppressed', 'no_data', 'info',
] as const satisfies readonly MeasureStatus[];
const RED_FLAG_STATUSES = [
  'tripped', 'clear', 'no_data', 'insufficient_data', 'suppressed', 'off',
] as const satisfies readonly RedFlagStatus[];

// Read only to say where the two reports were judged differently (see comparisonCautions): a field of
// another shape (a hand-made report) is taken as not given, never a reason to refuse the report.
const thresholdSchema = z.object({ op: z.string(), value: z.number() });
const judgedBy = <T extends z.ZodType>(schema: T) => z.optional(schema).catch(undefined);

/** What a date the compared report is judged by must be: a real one, or "as of banana" is printed. */
const isoDate = z.string().refine(isIsoDate, { error: (issue) => `expected a date YYYY-MM-DD, found ${describe(issue.input)}` });
/** A period label as `report` writes it: a quarter (2026-Q3) or a year (2026); it is shown as "since <label>". */
const periodLabel = z.string().regex(/^\d{4}(?:-Q[1-4])?$/, { error: (issue) => `expected a period like 2026-Q3 or 2026, found ${describe(issue.input)}` });

const previousReportSchema = z.object({
  // Optional: a hand-made or older report without it can still be compared with, only not checked for order.
  asOf: z.optional(isoDate),
  // A start or end that is no date, or an end before the start, is a period length not given.
  period: z.object({ label: periodLabel, start: judgedBy(isoDate), end: judgedBy(isoDate) }),
  // Optional: a report made before it was written says nothing of its survey groups (see attachPrevious).
  survey: z.optional(z.object({ minGroupSize: z.number() })),
  metrics: z.array(z.object({
    measures: z.array(z.object({
      id: z.string(),
      value: z.number().nullable(),
      status: z.enum(MEASURE_STATUSES),
      target: judgedBy(thresholdSchema.nullable()),
    })),
  })),
  // Optional: a hand-made report may carry measures alone; its red flags are then shown without a change.
  redFlags: z.optional(z.array(z.object({
    id: z.string(),
    value: z.number().nullable(),
    status: z.enum(RED_FLAG_STATUSES),
    threshold: judgedBy(thresholdSchema),
    severity: judgedBy(z.string()),
    reason: judgedBy(z.string()),
  }))),
});
type PreviousReport = z.infer<typeof previousReportSchema>;

function checkSchemaVersion(json: unknown, source: string): void {
  const version = typeof json === 'object' && json !== null && !Array.isArray(json)
    ? (json as { schemaVersion?: unknown }).schemaVersion
    : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UsageError(
      `${source}: not an ops-metrics JSON report (expected a whole "schemaVersion" of 1, found ${describe(version)}); `
      + 'write one with `ops-metrics report --format json`',
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new UsageError(
      `${source}: written with report schema version ${version}, but this ops-metrics reads version ${SCHEMA_VERSION}; `
      + 'upgrade ops-metrics to compare with it',
    );
  }
}

/** At most this many characters of a value are shown: an earlier report is a file anyone can edit. */
const MAX_SHOWN = 80;
const describe = (value: unknown): string => shownText(value === undefined ? 'none' : JSON.stringify(value) ?? String(value), MAX_SHOWN);

/** An issue as the tool's other messages say one, "expected …, found …", where zod's own words are "Invalid input". */
const issueText = (issue: z.core.$ZodIssue): string => {
  const found = 'input' in issue ? describe(issue.input) : 'none';
  if (issue.code === 'invalid_type') return `expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}, found ${found}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${found}`;
  return issue.message;
};

function parsePrevious(json: unknown, source: string): PreviousReport {
  const parsed = previousReportSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length === 0 ? '(the document)' : issue.path.map(String).join('.');
    return `${path}: ${issueText(issue)}`;
  });
  const more = parsed.error.issues.length > issues.length ? `; and ${parsed.error.issues.length - issues.length} more` : '';
  throw new UsageError(`${source}: not a valid ops-metrics JSON report: ${issues.join('; ')}${more}`);
}

/**
 * What `--compare` keeps of an earlier report: its period's label and as-of date, and each measure's and
 * each red flag's value and status by id.
 */
export interface EarlierFigures {
  readonly period: string;
  readonly asOf: string | undefined;
  readonly byId: ReadonlyMap<string, { readonly value: number | null; readonly status: MeasureStatus }>;
  readonly redFlagsById: ReadonlyMap<string, { readonly value: number | null; readonly status: RedFlagStatus }>;
  /** The earlier report's `survey.minGroupSize`; undefined when it does not say. */
  readonly minGroupSize: number | undefined;
  /** How the earlier report judged, where it says: its period's days, and each target, threshold and severity. */
  readonly judged: EarlierJudgement;
}

export interface EarlierJudgement {
  readonly start: string | undefined;
  readonly end: string | undefined;
  /** A measure's target (null: none); a measure the report gives no target field for is not here. */
  readonly targets: ReadonlyMap<string, { readonly op: string; readonly value: number } | null>;
  readonly thresholds: ReadonlyMap<string, { readonly op: string; readonly value: number }>;
  readonly severities: ReadonlyMap<string, string>;
  /** What a red flag's reason says it was judged against, where its threshold is a count (see judgedAgainst). */
  readonly limits: ReadonlyMap<string, string>;
}

/**
 * The limits a red flag's reason names: `promotion_pay`'s threshold is the count `> 0`, and the rises it
 * judges each promotion by (config `thresholds.promotion_pay`) are in its reason alone ("… judged against
 * a base rise of 8% and a total comp rise of 12%").
 */
const judgedAgainst = (reason: string | undefined): string | undefined => /judged against ([^;]+)/.exec(reason ?? '')?.[1]?.trim();

/**
 * The figures of an earlier report, from its parsed JSON; the rest of it can then be let go. Throws
 * UsageError when `previousJson` is not a report this version can read.
 */
export function earlierFigures(previousJson: unknown, source: string): EarlierFigures {
  checkSchemaVersion(previousJson, source);
  const earlier = parsePrevious(previousJson, source);
  const byId = new Map<string, { value: number | null; status: MeasureStatus }>();
  for (const m of earlier.metrics.flatMap((metric) => metric.measures)) {
    if (!byId.has(m.id)) byId.set(m.id, { value: m.value, status: m.status });
  }
  const redFlagsById = new Map<string, { value: number | null; status: RedFlagStatus }>();
  for (const f of earlier.redFlags ?? []) {
    if (!redFlagsById.has(f.id)) redFlagsById.set(f.id, { value: f.value, status: f.status });
  }
  const measures = earlier.metrics.flatMap((metric) => metric.measures);
  const flags = earlier.redFlags ?? [];
  const judged: EarlierJudgement = {
    start: earlier.period.start,
    end: earlier.period.end,
    targets: new Map(measures.flatMap((m) => (m.target === undefined ? [] : [[m.id, m.target] as const]))),
    thresholds: new Map(flags.flatMap((f) => (f.threshold === undefined ? [] : [[f.id, f.threshold] as const]))),
    severities: new Map(flags.flatMap((f) => (f.severity === undefined ? [] : [[f.id, f.severity] as const]))),
    limits: new Map(flags.flatMap((f) => {
      const limit = judgedAgainst(f.reason);
      return limit === undefined ? [] : [[f.id, limit] as const];
    })),
  };
  return { period: earlier.period.label, asOf: earlier.asOf, byId, redFlagsById, minGroupSize: earlier.survey?.minGroupSize, judged };
}

/** The measures and red flags whose figures are survey groups' means or shares: those read from the survey. */
const SURVEY_FIGURES: ReadonlySet<string> = new Set(
  [...METRICS.flatMap((metric) => metric.measures), ...RED_FLAGS].filter((m) => m.needs.includes('survey')).map((m) => m.id),
);

/**
 * `report` with `previous { value, status, period }` on each measure and red flag that the earlier report
 * also has (matched by id). The survey's anonymity is this run's: an earlier report's survey figures came
 * from groups of at least its own `minGroupSize` respondents (a report's `n` counts answers, not them), so
 * they are shown only when that minimum is this run's or larger. Otherwise, or when the earlier report does
 * not say it, each survey figure's earlier value is withheld: `null`, status `suppressed`.
 */
export function attachPrevious(report: Report, earlier: EarlierFigures, minGroupSize: number): Report {
  const { period } = earlier;
  const surveyShown = earlier.minGroupSize !== undefined && earlier.minGroupSize >= minGroupSize;
  const earlierOf = <S extends string>(id: string, found: { readonly value: number | null; readonly status: S } | undefined) => {
    if (found === undefined) return undefined;
    const withheld = SURVEY_FIGURES.has(id) && found.value !== null && !surveyShown;
    return withheld ? { value: null, status: 'suppressed' as const, period } : { value: found.value, status: found.status, period };
  };
  const attachToMeasure = (m: MeasureResult): MeasureResult => {
    const previous = earlierOf(m.id, earlier.byId.get(m.id));
    return previous === undefined ? m : { ...m, previous };
  };
  const attachToRedFlag = (f: RedFlagResult): RedFlagResult => {
    const previous = earlierOf(f.id, earlier.redFlagsById.get(f.id));
    return previous === undefined ? f : { ...f, previous };
  };
  return {
    ...report,
    metrics: report.metrics.map((metric) => ({ ...metric, measures: metric.measures.map(attachToMeasure) })),
    redFlags: report.redFlags.map(attachToRedFlag),
  };
}

/** A period's days, its first and last included; 0 or less for an end before its start (a hand-made report's). */
const daysOf = (start: string, end: string): number => daysBetween(start, end) + 1;

/** Periods whose lengths differ by more than this share are not like for like (quarters are 90 to 92 days). */
const LENGTH_TOLERANCE = 0.1;

type Judged = { readonly op: string; readonly value: number } | null;
const judgedText = (t: Judged): string => (t === null ? 'none' : `${t.op} ${t.value}`);
const sameJudgement = (a: Judged, b: Judged): boolean => (a === null || b === null ? a === b : a.op === b.op && a.value === b.value);

/**
 * What makes a change since the compared report say less than it seems, though nothing in either report is
 * wrong: periods of other lengths (a year's 7 improvements against a quarter's 2 is no fall), and targets,
 * thresholds or severities set otherwise then (a status that changes with its figure unchanged). For the
 * CLI to print on standard error, as reportCautions' are; the earlier report says what it judged by only
 * from schema version 1's fields, so a hand-made one without them gets none of these.
 */
export function comparisonCautions(report: Report, earlier: EarlierFigures): string[] {
  const cautions: string[] = [];
  const { judged } = earlier;
  if (judged.start !== undefined && judged.end !== undefined) {
    const [then, now] = [daysOf(judged.start, judged.end), daysOf(report.period.start, report.period.end)];
    if (then > 0 && Math.abs(then - now) > LENGTH_TOLERANCE * Math.max(then, now)) {
      cautions.push(`the --compare report covers ${earlier.period} (${judged.start} … ${judged.end}, ${then} days) and this one ` +
        `${report.period.label} (${now} days): counts and rates over the period are not like for like; compare with a report of a period as long`);
    }
  }
  const targets = report.metrics.flatMap((metric) => metric.measures).flatMap((m) => {
    const then = judged.targets.get(m.id);
    return then === undefined || sameJudgement(then, m.target) ? [] : [`${m.id} (${judgedText(then)} then, ${judgedText(m.target)} now)`];
  });
  if (targets.length > 0) {
    cautions.push(`targets differ from the --compare report's: ${targets.join(', ')}; a status change there can be the target's, not the figure's`);
  }
  const flags = report.redFlags.flatMap((f) => {
    const threshold = judged.thresholds.get(f.id);
    const severity = judged.severities.get(f.id);
    const [limitThen, limitNow] = [judged.limits.get(f.id), judgedAgainst(f.reason)];
    const differences = [
      ...(threshold === undefined || sameJudgement(threshold, f.threshold) ? [] : [`${judgedText(threshold)} then, ${judgedText(f.threshold)} now`]),
      ...(severity === undefined || severity === f.severity ? [] : [`severity ${severity} then, ${f.severity} now`]),
      ...(limitThen === undefined || limitNow === undefined || limitThen === limitNow ? [] : [`${limitThen} then, ${limitNow} now`]),
    ];
    return differences.length === 0 ? [] : [`${f.id} (${differences.join('; ')})`];
  });
  if (flags.length > 0) {
    cautions.push(`red flags were set otherwise in the --compare report: ${flags.join(', ')}; a status change there can be the setting's, not the figure's`);
  }
  return cautions;
}
