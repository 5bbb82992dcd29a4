import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/problems.js';
import type { MeasureResult, Report } from '../../src/core/report.js';
import { attachPrevious, comparisonCautions, earlierFigures } from '../../src/report/compare.js';
import { parseReportLatin1 } from '../../src/report/previous-json.js';
import { previousReport, sampleReport } from '../helpers/sample-report.js';

/** The earlier report as the CLI hands it over: parsed JSON of unknown shape. */
const previousJson = (): Record<string, unknown> => JSON.parse(JSON.stringify(previousReport())) as Record<string, unknown>;
const measure = (report: Report, id: string): MeasureResult | undefined =>
  report.metrics.flatMap((m) => m.measures).find((m) => m.id === id);
/** The report compared with an earlier one's JSON, as the CLI does it: its figures first, then attached. */
const comparedWith = (report: Report, json: unknown, source: string, minGroupSize = 5): Report =>
  attachPrevious(report, earlierFigures(json, source), minGroupSize);
const attempt = (json: unknown): (() => Report) => () => comparedWith(sampleReport(), json, 'q2.json');

describe('earlierFigures and attachPrevious', () => {
  test('sets the earlier value, status and period on each measure', () => {
    const compared = comparedWith(sampleReport(), previousJson(), 'q2.json');
    expect(measure(compared, 'retention_1y')?.previous).toEqual({ value: 0.92, status: 'met', period: '2026-Q2' });
    expect(measure(compared, 'automation_contributors_1y')?.previous).toEqual({ value: 0.75, status: 'met', period: '2026-Q2' });
    expect(measure(compared, 'satisfaction_uplift')?.previous).toEqual({ value: null, status: 'suppressed', period: '2026-Q2' });
    // Everything else is untouched.
    expect(measure(compared, 'retention_1y')?.value).toBe(0.85);
  });

  test('sets the earlier value, status and period on each red flag, and leaves the rest of it as it was', () => {
    const compared = comparedWith(sampleReport(), previousJson(), 'q2.json');
    const previousOf = (id: string) => compared.redFlags.find((f) => f.id === id)?.previous;
    expect(previousOf('task_execution')).toEqual({ value: 0.22, status: 'clear', period: '2026-Q2' });
    expect(previousOf('coding_frustration')).toEqual({ value: 6.4, status: 'clear', period: '2026-Q2' });
    expect(previousOf('year1_turnover')).toEqual({ value: 0.139001, status: 'clear', period: '2026-Q2' });
    expect(previousOf('promotion_pay')).toEqual({ value: null, status: 'off', period: '2026-Q2' });
    expect(compared.redFlags.map(({ previous: _previous, ...flag }) => flag)).toEqual(sampleReport().redFlags);
  });

  test('an earlier report without red flags (made by hand) leaves the red flags without a previous', () => {
    const { redFlags: _none, ...json } = previousJson();
    const compared = comparedWith(sampleReport(), json, 'q2.json');
    expect(compared.redFlags).toEqual(sampleReport().redFlags);
    expect(measure(compared, 'retention_1y')?.previous?.value).toBe(0.92);
  });

  test('an earlier red flag with an unknown status word is refused', () => {
    const json = previousJson();
    (json.redFlags as Array<{ status: string }>)[0]!.status = 'raised';
    expect(attempt(json)).toThrow(/^q2\.json: not a valid ops-metrics JSON report: redFlags\.0\.status: /);
  });

  test('a measure the earlier report lacks gets no previous; unknown fields and ids are ignored', () => {
    const json = previousJson();
    const metrics = json.metrics as Array<{ measures: Array<{ id: string }> }>;
    metrics[0]!.measures = metrics[0]!.measures.filter((m) => m.id !== 'retention_2y');
    metrics[0]!.measures.push({ id: 'retention_5y', value: 0.5, status: 'met', futureField: true } as never);
    const compared = comparedWith(sampleReport(), { ...json, futureField: { x: 1 } }, 'q2.json');
    expect(measure(compared, 'retention_2y')?.previous).toBeUndefined();
    expect(measure(compared, 'retention_1y')?.previous?.value).toBe(0.92);
  });

  test('shows an earlier report\'s survey figures only when its minimum group size is this run\'s or larger', () => {
    // Made under a minimum of 5: shown at 5 and at 3, withheld at 7 (a group of 5 or 6 respondents may be
    // behind them; a report's n counts answers, so it cannot tell). Measures not of the survey are shown.
    const json = previousJson();
    const at = (minGroupSize: number, earlier: unknown = json) => comparedWith(sampleReport(), earlier, 'q2.json', minGroupSize);
    expect(measure(at(5), 'role_scope_score')?.previous).toEqual({ value: 8.2, status: 'missed', period: '2026-Q2' });
    expect(measure(at(3), 'autonomy')?.previous).toEqual({ value: 7.9, status: 'info', period: '2026-Q2' });
    for (const id of ['role_scope_score', 'autonomy']) expect(measure(at(7), id)?.previous, id).toEqual({ value: null, status: 'suppressed', period: '2026-Q2' });
    expect(measure(at(7), 'retention_1y')?.previous).toEqual({ value: 0.92, status: 'met', period: '2026-Q2' });
    // A report that does not say its minimum (made before it was written): its survey figures are withheld.
    const { survey: _unsaid, ...older } = json;
    expect(measure(at(5, older), 'role_scope_score')?.previous).toEqual({ value: null, status: 'suppressed', period: '2026-Q2' });
    expect(measure(at(5, older), 'retention_1y')?.previous?.value).toBe(0.92);
    // The survey's red flags are survey figures too; the others are shown whatever the minimum.
    const flagPrevious = (report: Report, id: string) => report.redFlags.find((f) => f.id === id)?.previous;
    expect(flagPrevious(at(5), 'coding_frustration')).toEqual({ value: 6.4, status: 'clear', period: '2026-Q2' });
    expect(flagPrevious(at(7), 'coding_frustration')).toEqual({ value: null, status: 'suppressed', period: '2026-Q2' });
    expect(flagPrevious(at(5, older), 'coding_frustration')).toEqual({ value: null, status: 'suppressed', period: '2026-Q2' });
    expect(flagPrevious(at(7), 'task_execution')).toEqual({ value: 0.22, status: 'clear', period: '2026-Q2' });
  });

  test('refuses a newer major schema version', () => {
    expect(attempt({ ...previousJson(), schemaVersion: 2 })).toThrow(UsageError);
    expect(attempt({ ...previousJson(), schemaVersion: 2 })).toThrow(
      'q2.json: written with report schema version 2, but this ops-metrics reads version 1; upgrade ops-metrics to compare with it',
    );
  });

  test.each([
    ['missing', undefined],
    ['a string', '1'],
    ['not whole', 1.5],
    ['zero', 0],
  ])('refuses a schema version that is %s', (_, schemaVersion) => {
    expect(attempt({ ...previousJson(), schemaVersion })).toThrow(UsageError);
    expect(attempt({ ...previousJson(), schemaVersion })).toThrow(/^q2\.json: not an ops-metrics JSON report \(expected a whole "schemaVersion" of 1/);
  });

  test.each([['an array', []], ['null', null], ['a number', 3]])('refuses %s', (_, json) => {
    expect(attempt(json)).toThrow(UsageError);
  });

  test('a wrong shape names the path', () => {
    const json = previousJson();
    const metrics = json.metrics as Array<{ measures: Array<Record<string, unknown>> }>;
    metrics[1]!.measures[0]!.value = '8.2';
    expect(attempt(json)).toThrow(/^q2\.json: not a valid ops-metrics JSON report: metrics\.1\.measures\.0\.value: /);
    expect(attempt({ schemaVersion: 1, metrics: [] })).toThrow(/period: /);
  });

  test('an as-of date or a period label that is none is refused, each said as expected and found', () => {
    // Taken as they were, they were printed as "as of banana" and "since garbage".
    expect(attempt({ ...previousJson(), asOf: 'banana' })).toThrow('q2.json: not a valid ops-metrics JSON report: asOf: expected a date YYYY-MM-DD, found "banana"');
    expect(attempt({ ...previousJson(), asOf: '2026-02-30' })).toThrow(/asOf: expected a date YYYY-MM-DD, found "2026-02-30"/);
    const json = previousJson();
    (json.period as { label: string }).label = 'garbage';
    expect(attempt(json)).toThrow('q2.json: not a valid ops-metrics JSON report: period.label: expected a period like 2026-Q3 or 2026, found "garbage"');
    const metrics = json.metrics as Array<{ measures: Array<Record<string, unknown>> }>;
    metrics[0]!.measures[0]!.value = '8.2';
    expect(attempt({ ...json, period: { label: '2026-Q2' } })).toThrow('metrics.0.measures.0.value: expected a number, found "8.2"');
    // A value shown is cut: the file is anyone's to edit, and a 3 MB string made a 3 MB line.
    const long = 'garbage '.repeat(1000);
    const message = ((): string => {
      try {
        attempt({ ...json, period: { label: long } })();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain(`found ${JSON.stringify(long).slice(0, 80)}… (8002 characters)`);
    expect(message.length).toBeLessThan(300);
  });

  test('an unknown status word is refused', () => {
    const json = previousJson();
    const metrics = json.metrics as Array<{ measures: Array<Record<string, unknown>> }>;
    metrics[0]!.measures[0]!.status = 'excellent';
    expect(attempt(json)).toThrow(/metrics\.0\.measures\.0\.status/);
  });
});

describe('parseReportLatin1: the earlier report read from its bytes as Latin-1', () => {
  /** The report's bytes as readWholeLatin1 gives them: a character a byte. */
  const parseReportBytes = (bytes: Buffer): unknown => parseReportLatin1(bytes.toString('latin1'));
  const bytesOf = (json: unknown): Buffer => Buffer.from(JSON.stringify(json, null, 2), 'utf8');
  const withNotes = (json: Record<string, unknown>): Record<string, unknown> => ({
    ...json,
    notes: ['2 → 3 promotions', 'retention ≥ 90 %', 'équipe 🚀', '\u0085 a C1 control, \u00ff'],
  });

  test('attaches the same earlier figures as the UTF-8 text does, whatever else the report holds', () => {
    const json = withNotes(previousJson());
    const bytes = bytesOf(json);
    expect(comparedWith(sampleReport(), parseReportBytes(bytes), 'q2.json')).toEqual(comparedWith(sampleReport(), json, 'q2.json'));
  });

  test('reads a period label or schema version that is not ASCII as written, through UTF-8', () => {
    const json = withNotes({ ...previousJson(), period: { label: '2026-Q2 – draft' } });
    expect(parseReportBytes(bytesOf(json))).toEqual(json);
    const version = { ...previousJson(), schemaVersion: 'v1 – draft' };
    expect(() => comparedWith(sampleReport(), parseReportBytes(bytesOf(version)), 'q2.json')).toThrow('found "v1 – draft"');
  });

  test('refuses what is not JSON, as JSON.parse of the UTF-8 text would: a byte-order mark, a cut document', () => {
    const text = JSON.stringify(previousJson());
    for (const bytes of [Buffer.from(`\uFEFF${text}`, 'utf8'), Buffer.from(text.slice(0, -1), 'utf8'), Buffer.from('{"a": "é', 'utf8')]) {
      expect(() => JSON.parse(bytes.toString('utf8'))).toThrow(SyntaxError);
      expect(() => parseReportBytes(bytes)).toThrow(SyntaxError);
    }
  });
});

describe('comparisonCautions', () => {
  const cautionsAgainst = (edit: (json: Record<string, unknown>) => void): string[] => {
    const json = previousJson();
    edit(json);
    return comparisonCautions(sampleReport(), earlierFigures(json, 'q2.json'));
  };
  type Json = Record<string, unknown> & { metrics: Array<{ measures: Array<Record<string, unknown>> }>; redFlags: Array<Record<string, unknown>> };
  const measureIn = (json: Record<string, unknown>, id: string) => (json as Json).metrics.flatMap((m) => m.measures).find((m) => m.id === id)!;
  const flagIn = (json: Record<string, unknown>, id: string) => (json as Json).redFlags.find((f) => f.id === id)!;

  test('none against a quarter judged alike', () => {
    // 2026-Q2 (91 days) against 2026-Q3 (92): within a tenth, as any two quarters are.
    expect(cautionsAgainst(() => {})).toEqual([]);
  });

  test('a year against a quarter: counts and rates are not like for like', () => {
    expect(cautionsAgainst((json) => { json.period = { label: '2025', start: '2025-01-01', end: '2025-12-31' }; })).toEqual([
      'the --compare report covers 2025 (2025-01-01 … 2025-12-31, 365 days) and this one 2026-Q3 (92 days): counts and rates over the ' +
        'period are not like for like; compare with a report of a period as long',
    ]);
  });

  test('a period whose start or end is no date, or whose end is before its start, has no length to compare', () => {
    // "2026-13-01" was read as a date and an end before the start gave "-2281 days": neither is a period.
    expect(cautionsAgainst((json) => { json.period = { label: '2025', start: '2026-13-01', end: '2025-12-31' }; })).toEqual([]);
    expect(cautionsAgainst((json) => { json.period = { label: '2025', start: '2025-12-31', end: '2020-01-01' }; })).toEqual([]);
  });

  test('targets, thresholds and severities set otherwise then, each named with both settings', () => {
    const cautions = cautionsAgainst((json) => {
      measureIn(json, 'retention_1y').target = { op: '>=', value: 0.7 };
      flagIn(json, 'year1_turnover').threshold = { op: '>', value: 0.6 };
      flagIn(json, 'coding_frustration').severity = 'off';
    });
    expect(cautions).toEqual([
      'targets differ from the --compare report\'s: retention_1y (>= 0.7 then, >= 0.9 now); a status change there can be the target\'s, not the figure\'s',
      'red flags were set otherwise in the --compare report: year1_turnover (> 0.6 then, > 0.2 now), coding_frustration (severity off then, warn now); ' +
        'a status change there can be the setting\'s, not the figure\'s',
    ]);
  });

  test('promotion_pay\'s rises, which only its reason gives, set otherwise then', () => {
    const report = sampleReport();
    const now = { ...report, redFlags: report.redFlags.map((f) => (f.id === 'promotion_pay'
      ? { ...f, reason: '4 promotions to 2.0 in the trailing year judged against a base rise of 8% and a total comp rise of 12%' } : f)) };
    const json = previousJson();
    flagIn(json, 'promotion_pay').reason = '3 promotions to 2.0 in the trailing year judged against a base rise of 1% and a total comp rise of 1%; 1 not judged (pay unknown)';
    expect(comparisonCautions(now, earlierFigures(json, 'q2.json'))).toEqual([
      'red flags were set otherwise in the --compare report: promotion_pay (a base rise of 1% and a total comp rise of 1% then, ' +
        'a base rise of 8% and a total comp rise of 12% now); a status change there can be the setting\'s, not the figure\'s',
    ]);
    // The same rises, another count: nothing to say.
    flagIn(json, 'promotion_pay').reason = '9 promotions to 2.0 in the trailing year judged against a base rise of 8% and a total comp rise of 12%';
    expect(comparisonCautions(now, earlierFigures(json, 'q2.json'))).toEqual([]);
  });

  test('a report that does not say how it judged (hand-made, or a field of another shape) gets none, and is still read', () => {
    expect(cautionsAgainst((json) => {
      json.period = { label: '2025' };
      measureIn(json, 'retention_1y').target = 'high';
      delete flagIn(json, 'year1_turnover').threshold;
    })).toEqual([]);
  });
});
