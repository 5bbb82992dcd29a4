/**
 * A large survey file is validated in a worker thread running the built bundle (src/cli/survey-worker.ts):
 * it must give exactly what the main thread gives — the same folded answers, problems, counts and, through
 * the CLI, the same report — and a file that cannot be read fails the same way.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { LARGE_INPUT_BYTES, loadInputs } from '../../src/cli/load-inputs.js';
import { main } from '../../src/cli/main.js';
import type { Progress } from '../../src/cli/progress.js';
import { WORKER_MIN_BYTES, validateInWorker } from '../../src/cli/survey-worker.js';
import { validateSource } from '../../src/cli/validate-source.js';
import { InputError } from '../../src/core/problems.js';
import type { SurveySummary } from '../../src/core/survey-summary.js';
import type { DatasetSource } from '../../src/load/discover.js';
import { testConfig } from '../helpers/org.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const BUNDLE = join(ROOT, 'dist', 'cli.cjs');
const QUESTIONS = ['role_scope_satisfaction', 'autonomy', 'problem_quality', 'career_growth', 'feel_valued'];
const LEVELS = ['Ops Engineer 2.0', 'Operations Technician', 'Operations Manager'];

/**
 * Survey answers over two waves, larger than WORKER_MIN_BYTES: respondent r answers every question in
 * each wave with score (r + q + wave) mod 11. Two rows are bad (a score of 11 on line 1,001, a date of
 * 2026-02-30 on line 20,001), so the file has problems to compare too.
 */
function surveyCsv(respondents: number): string {
  const lines = ['wave,responded_on,respondent_level,question_id,score,respondent_id'];
  for (const [w, wave, date] of [[0, '2026-Q2', '2026-05-20'], [1, '2026-Q3', '2026-08-19']] as const) {
    for (let r = 0; r < respondents; r++) {
      QUESTIONS.forEach((question, q) => {
        lines.push(`${wave},${date},${LEVELS[r % LEVELS.length]},${question},${(r + q + w) % 11},R-${String(r).padStart(6, '0')}`);
      });
    }
  }
  lines[1000] = '2026-Q2,2026-05-20,Operations Manager,autonomy,11,R-bad001';
  lines[20000] = '2026-Q2,2026-02-30,Operations Manager,autonomy,5,R-bad002';
  return `${lines.join('\n')}\n`;
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-metrics-worker-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const text = surveyCsv(5000); // 2 waves × 5,000 respondents × 5 questions = 50,000 answers
const dir = folder({ 'survey.csv': text });
const source: DatasetSource = { dataset: 'survey', path: join(dir, 'survey.csv'), displayName: 'survey.csv', format: 'csv' };

describe('the survey worker', () => {
  it('is used only for files of at least WORKER_MIN_BYTES, which this one is', () => {
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
  });

  it('gives the same summary, problems and counts as validating on the main thread', async () => {
    const config = testConfig();
    const inline = await validateSource(source, config, {}, undefined, { progress: undefined, keepRecords: true, pool: undefined });
    const inWorker = await validateInWorker(BUNDLE, { source, config, preset: undefined, keepRecords: true }, undefined);
    // 50,000 rows, two of them rejected.
    expect([inWorker.rows, inWorker.accepted, inWorker.rejected, inWorker.errors]).toEqual([50_000, 49_998, 2, 2]);
    expect([inWorker.rows, inWorker.accepted, inWorker.rejected, inWorker.errors]).toEqual([inline.rows, inline.accepted, inline.rejected, inline.errors]);
    expect(inWorker.problems).toEqual(inline.problems);
    expect(inWorker.problems.map((p) => `${p.line}: ${p.column}`)).toEqual(['1001: score', '20001: responded_on']);
    // Folded the same: wave 2026-Q3, autonomy (q = 1), the 2.0 engineers (r ≡ 0 mod 3): scores (r + 2) mod 11.
    const summary = inline.records as SurveySummary;
    const workerSummary = inWorker.records as SurveySummary;
    const ops2 = (level: string): boolean => level === 'ops2';
    expect(workerSummary.tally('2026-Q3', 'autonomy', ops2)).toEqual(summary.tally('2026-Q3', 'autonomy', ops2));
    expect(workerSummary.waveEnds()).toEqual(new Map([['2026-Q2', '2026-05-20'], ['2026-Q3', '2026-08-19']]));
  });

  it('keeps as many problems as it is told to, as the main thread does', async () => {
    const config = testConfig();
    const inWorker = await validateInWorker(BUNDLE, { source, config, preset: undefined, keepRecords: false, problemCap: 1 }, undefined);
    // Two problems counted, the first kept.
    expect([inWorker.errors, inWorker.problems.map((p) => p.line)]).toEqual([2, [1001]]);
  });

  it('fails as the main thread does when the file cannot be read to the end', async () => {
    const broken = folder({ 'survey.csv': `${text}2026-Q3,2026-08-19,Operations Manager,autonomy,"5,R-open\n` });
    const brokenSource = { ...source, path: join(broken, 'survey.csv') };
    const inline = await validateSource(brokenSource, testConfig(), {}, undefined, { progress: undefined, keepRecords: true, pool: undefined }).catch((e: unknown) => e);
    const inWorker = await validateInWorker(BUNDLE, { source: brokenSource, config: testConfig(), preset: undefined, keepRecords: true }, undefined).catch((e: unknown) => e);
    expect(inWorker).toBeInstanceOf(InputError);
    const fields = (e: InputError) => [e.code, e.file, e.line, e.message, e.hint];
    expect(fields(inWorker as InputError)).toEqual(fields(inline as InputError));
    expect((inWorker as InputError).line).toBe(50_002); // the header, 50,000 rows, then the open quote
    // What the 50,000 rows before it gave comes back too: the two bad ones' problems.
    expect((inWorker as InputError).readBefore).toEqual((inline as InputError).readBefore);
    expect((inWorker as InputError).readBefore).toMatchObject({ errors: 2, warnings: 0, omittedProblems: 0 });
    expect((inWorker as InputError).readBefore?.problems.map((p) => p.line)).toEqual([1001, 20001]);
  });

  it('gives the built CLI (worker) the report and validation output of the in-process pipeline (no worker)', async () => {
    const good = text.split('\n').filter((_, i) => i !== 1000 && i !== 20000).join('\n');
    const goodDir = folder({ 'survey.csv': good, 'ops-metrics.config.json': '{ "timezone": "UTC" }' });
    const inProcess = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const io: Io = { cwd: ROOT, env: {}, isTty: false, progressStream: undefined, now: () => Date.parse('2026-11-25T12:00:00Z'), out: (t) => { out += t; }, err: (t) => { err += t; } };
      const code = await main(argv, io);
      return { code, out, err };
    };
    const args = (dir: string) => ['report', '--data', dir, '--period', '2026-Q3', '--format', 'json', '--fail-on', 'never'];
    const viaWorker = runCli(args(goodDir));
    const inline = await inProcess(args(goodDir));
    expect(viaWorker.code).toBe(0);
    const parts = (json: string) => {
      const report = JSON.parse(json) as Record<string, unknown>;
      return [report.metrics, report.redFlags, report.inputs];
    };
    expect(parts(viaWorker.stdout)).toEqual(parts(inline.out));
    // 49,998 answers read and accepted.
    expect(JSON.stringify(parts(viaWorker.stdout)[2])).toContain('"rows":49998,"accepted":49998');
    // A report keeps records, so its worker starts only once the action items have been checked against
    // the incidents' ids, and the survey is taken last: the same report, its inputs in the usual order.
    const withIncidents = folder({
      'survey.csv': good,
      'ops-metrics.config.json': '{ "timezone": "UTC" }',
      'people.csv': 'employee_id,title,hire_date\nE1,Ops Engineer 2.0,2024-01-01\n',
      'incidents.csv': 'incident_id,opened_at,priority,resolved_at,rca_completed_at\nINC-1,2026-07-01T10:00:00Z,P1,2026-07-01T12:00:00Z,2026-07-02T10:00:00Z\n',
      'action_items.csv': 'action_id,incident_id,created_at\nA-1,INC-1,2026-07-02T10:00:00Z\n',
      'trainings.csv': 'employee_id,course,completed_on\nE1,k8s,2026-07-01\n',
    });
    const reported = runCli(args(withIncidents));
    const reportedInline = await inProcess(args(withIncidents));
    expect(reported.code).toBe(0);
    expect(parts(reported.stdout)).toEqual(parts(reportedInline.out));
    const inputs = parts(reported.stdout)[2] as Array<{ dataset: string }>;
    expect(inputs.map((i) => i.dataset)).toEqual(['people', 'incidents', 'action_items', 'survey', 'trainings']);
    // Files read after the survey are still checked against people: trainings (read after it) names an
    // employee the roster lacks, a warning in either thread layout. With a worker, the survey is taken
    // last: its problems and counts still come in the survey's place among the files.
    const withPeople = folder({
      'survey.csv': text,
      'people.csv': 'employee_id,title,hire_date\nE1,Ops Engineer 2.0,2024-01-01\n',
      'incidents.csv': 'incident_id,opened_at,priority\nINC-1,2026-07-01T10:00:00Z,P1\n',
      'action_items.csv': 'action_id,incident_id,created_at\nA-1,INC-1,2026-07-02T10:00:00Z\nA-2,INC-9,2026-07-03T10:00:00Z\n',
      'trainings.csv': 'employee_id,course,completed_on\nE1,k8s,2026-07-01\nE9,k8s,2026-07-02\n',
    });
    const validateArgs = ['validate', '--data', withPeople];
    const validated = runCli(validateArgs);
    const validatedInline = await inProcess(validateArgs);
    expect([validated.code, validated.stdout, validated.stderr]).toEqual([validatedInline.code, validatedInline.out, validatedInline.err]);
    expect(validated.code).toBe(2); // the two bad survey rows, and A-2's incident
    const output = validated.stdout + validated.stderr;
    expect(output).toContain('action_items.csv:3: incident_id');
    expect(output).toContain('trainings.csv:3: employee_id');
    // Files in their usual order: the survey's problems between the action items' and the trainings'.
    const at = (text: string) => output.indexOf(text);
    expect(at('action_items.csv:3')).toBeLessThan(at('survey.csv:1001'));
    expect(at('survey.csv:1001')).toBeLessThan(at('trainings.csv:3'));
  });

  it('starts, in a large report, after the full collection made once the incidents\' ids are let go', async () => {
    // Valid JSON padded with spaces to make the folder large (16 MiB), so the run asks for a collection.
    const padding = ' '.repeat(LARGE_INPUT_BYTES);
    const large = folder({
      'survey.csv': text,
      'incidents.csv': 'incident_id,opened_at,priority\nINC-1,2026-07-01T10:00:00Z,P1\n',
      'action_items.csv': 'action_id,incident_id,created_at\nA-1,INC-1,2026-07-02T10:00:00Z\n',
      'trainings.json': `[{"employee_id":"E1","course":"k8s","completed_on":"2026-07-01"}]${padding}`,
    });
    // What happened, in order: rows read per dataset (the worker's included), and the collection.
    const events: string[] = [];
    const note = (event: string): void => {
      if (events.at(-1) !== event) events.push(event);
    };
    const progress: Progress = { enabled: true, onRows: (dataset) => note(dataset), done: () => {} };
    const whenLarge = (): Promise<() => void> => Promise.resolve(() => note('collect'));
    const loaded = await loadInputs({ dataDir: large, configFlag: undefined, cwd: large, workerScript: BUNDLE, progress, whenLarge });
    expect(loaded.kind).toBe('loaded');
    // The incidents before the action items checked against their ids, the survey last, a collection after
    // each file: the one after the action items (their ids let go) comes before the worker's first rows.
    expect(events).toEqual(['incidents', 'collect', 'action_items', 'collect', 'trainings', 'collect', 'survey', 'collect']);
  });

  it('is not started when the other files are read on one thread: the survey is read there, in its place', async () => {
    const other = folder({
      'survey.csv': text,
      'incidents.csv': 'incident_id,opened_at,priority\nINC-1,2026-07-01T10:00:00Z,P1\n',
      'trainings.json': '[{"employee_id":"E1","course":"k8s","completed_on":"2026-07-01"}]',
    });
    const events: string[] = [];
    const progress: Progress = { enabled: true, onRows: (dataset) => { if (events.at(-1) !== dataset) events.push(dataset); }, done: () => {} };
    const asked: number[] = [];
    const oneThread = (bytes: number): Promise<boolean> => {
      asked.push(bytes);
      return Promise.resolve(true);
    };
    // A bundle that is not there: a worker started with it would fail the run.
    const loaded = await loadInputs({ dataDir: other, configFlag: undefined, cwd: other, workerScript: join(other, 'no-bundle.cjs'), progress, oneThread });
    if (loaded.kind !== 'loaded') throw new Error(loaded.kind);
    // Asked with the size of the files other than the survey, which is read in its place among them.
    expect(asked).toEqual([statSync(join(other, 'incidents.csv')).size + statSync(join(other, 'trainings.json')).size]);
    expect(events).toEqual(['incidents', 'survey', 'trainings']);
    // As read with no worker to start at all.
    const alone = await loadInputs({ dataDir: other, configFlag: undefined, cwd: other });
    if (alone.kind !== 'loaded') throw new Error(alone.kind);
    expect([loaded.data.survey, loaded.files]).toEqual([alone.data.survey, alone.files]);
  });
});
