/**
 * Round trip of the incident-tracker presets: random incident histories written once as canonical files
 * and once as a vendor's export (PagerDuty CSV and API JSON, Jira CSV, Opsgenie and incident.io API JSON,
 * see incident-vendors-data.ts), both folders reported on by the built command. Every measure and red
 * flag must agree (value, n, status), and the records each preset leaves out must count in no figure.
 * What a vendor cannot say is checked as README.md "Vendor exports" says it is reported: a column the
 * case does not carry leaves its measures no_data naming the column (in both folders), and PagerDuty
 * incidents with no readable priority leave the P1 measures insufficient_data, "priority unknown for K of N".
 *
 * Reproduce one case: RT_CASE=<index> npx vitest run test/oracle/incident-vendors.roundtrip.test.ts
 * (RT_KEEP=1 keeps its two folders; RT_SEED / RT_CASES run other cases.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, runCliAsync } from '../helpers/run-cli.js';
import { inParallel } from './in-parallel.js';
import { canonicalFiles, generateCase, openedByT, vendorFiles, type Case } from './incident-vendors-data.js';

const SEED = Number(process.env.RT_SEED ?? 20_261_127);
const CASES = Number(process.env.RT_CASES ?? 125);

interface Figure { id: string; value: number | null; n?: number | null; status: string; reason?: string }
interface Input { dataset: string; rows: number; accepted: number; rejected: number }
interface Parsed { figures: Map<string, Figure>; inputs: Input[] }

const run = (args: string[]): Promise<CliResult> => runCliAsync(args, { env: { TZ: 'America/Los_Angeles' } });

function parse(json: string): Parsed {
  const r = JSON.parse(json) as { metrics: { measures: Figure[] }[]; redFlags: Figure[]; inputs: Input[] };
  const figures = new Map<string, Figure>();
  for (const m of r.metrics) for (const x of m.measures) figures.set(x.id, x);
  for (const f of r.redFlags) figures.set(`flag:${f.id}`, f);
  return { figures, inputs: r.inputs };
}

const same = (a: Figure, b: Figure): boolean =>
  a.status === b.status && (a.n ?? null) === (b.n ?? null) &&
  (a.value === null ? b.value === null : b.value !== null && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value)));
const show = (f: Figure | undefined): string => (f === undefined ? 'missing' : JSON.stringify({ value: f.value, n: f.n ?? null, status: f.status, ...(f.reason ? { reason: f.reason.slice(0, 160) } : {}) }));

function compare(c: Case, canonical: Parsed, vendor: Parsed): string[] {
  const problems: string[] = [];
  const skip = new Set<string>();
  // PagerDuty incidents whose priority the export does not give (CSV without the urgency mapping; API
  // with a null priority and an unmapped or absent urgency): README, "the P1 measures are not computed".
  const byT = openedByT(c);
  const unknown = byT.filter((i) => i.priority === undefined).length;
  if (unknown > 0) {
    for (const id of ['p1_rca_48h', 'p1_unresolved']) {
      skip.add(id);
      const f = vendor.figures.get(id);
      const lacksColumn = id === 'p1_rca_48h' ? !c.extras.has('rca_completed_at') : false;
      const reason = `priority unknown for ${unknown} of ${byT.length} incidents`;
      const ok = f !== undefined && f.value === null && ((f.status === 'insufficient_data' && (f.reason ?? '').includes(reason)) || (lacksColumn && f.status === 'no_data'));
      if (!ok) problems.push(`${id}: expected insufficient_data "${reason}", vendor ${show(f)}`);
    }
  }
  // A column the export does not carry: no_data in both, the vendor's reason naming the column.
  const missing: Array<[string, string]> = [];
  if (!c.extras.has('rca_completed_at')) missing.push(['p1_rca_48h', 'rca_completed_at']);
  if (!c.extras.has('postmortem_lead_id')) missing.push(['postmortem_leads_6m', 'postmortem_lead_id']);
  for (const [id, column] of missing) {
    if (skip.has(id)) continue;
    const f = vendor.figures.get(id);
    if (f?.status === 'no_data' && !(f.reason ?? '').includes(column)) problems.push(`${id}: no_data without naming ${column}: ${show(f)}`);
  }
  for (const [id, e] of canonical.figures) {
    if (skip.has(id)) continue;
    const a = vendor.figures.get(id);
    if (a === undefined || !same(e, a)) problems.push(`${id}: canonical ${show(e)} vendor ${show(a)}`);
  }
  // The left-out records are no rows of the dataset.
  for (const dataset of ['incidents', 'action_items']) {
    const e = canonical.inputs.find((x) => x.dataset === dataset);
    const a = vendor.inputs.find((x) => x.dataset === dataset);
    if (e === undefined && a === undefined) continue;
    if (e?.rows !== a?.rows || a?.rejected !== 0) problems.push(`${dataset} rows: canonical ${JSON.stringify(e)} vendor ${JSON.stringify(a)}`);
  }
  return problems;
}

async function runCase(index: number): Promise<string[]> {
  const c = generateCase(SEED, index);
  const dirs = [mkdtempSync(join(tmpdir(), 'rt-canonical-')), mkdtempSync(join(tmpdir(), `rt-${c.vendor}-`))] as const;
  try {
    for (const [name, text] of Object.entries(canonicalFiles(c, SEED))) writeFileSync(join(dirs[0], name), text);
    for (const [name, text] of Object.entries(vendorFiles(c, SEED))) writeFileSync(join(dirs[1], name), text);
    const args = (dir: string): string[] => ['report', '--data', dir, ...c.periodArgs, '--format', 'json', '--fail-on', 'never'];
    const [canonical, vendor] = await Promise.all([run(args(dirs[0])), run(args(dirs[1]))]);
    const label = `case ${index} ${c.vendor} (${c.periodArgs.join(' ')}, tz ${c.tz})`;
    if (canonical.code !== 0) return [`${label}: canonical exit ${String(canonical.code)}: ${canonical.stderr.slice(0, 1500)}`];
    if (vendor.code !== 0) return [`${label}: vendor exit ${String(vendor.code)}: ${vendor.stderr.slice(0, 1500)}`];
    const parsed = [parse(canonical.stdout), parse(vendor.stdout)] as const;
    if (process.env.RT_STATS !== undefined) {
      console.log(`STATS ${c.vendor} ${['p1_rca_48h', 'p1_unresolved', 'action_items_30d', 'recurrence_reduction_yoy', 'postmortem_leads_6m', 'flag:no_improvements']
        .map((id) => { const f = parsed[1].figures.get(id); return `${id}=${f?.status ?? '?'}:${String(f?.value)}`; }).join(' ')}`);
    }
    return compare(c, ...parsed).map((p) => `${label}: ${p}`);
  } finally {
    if (process.env.RT_KEEP === undefined) for (const d of dirs) rmSync(d, { recursive: true, force: true });
    else console.log(`case ${index}: ${dirs.join(' ')}`);
  }
}

describe('incident-tracker presets: a vendor export reports as its canonical equivalent', () => {
  it(`agrees on ${CASES} random cases (seed ${SEED})`, async () => {
    const only = process.env.RT_CASE;
    const indexes = only !== undefined ? [Number(only)] : Array.from({ length: CASES }, (_, i) => i);
    const problems = (await inParallel(indexes, 2, runCase)).flat();
    expect(problems.sort().slice(0, 40)).toEqual([]);
  }, 120_000);
});
