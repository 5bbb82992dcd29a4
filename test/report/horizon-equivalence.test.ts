/**
 * Records set aside as out of a run's reach change no figure: the report computed from data read with the
 * run's filters (src/report/horizon.ts) is the same to the byte as the one computed from every record,
 * for the demo and for the benchmark's generated company (six years of incidents, quarterly survey waves,
 * careers with promotions), over quarters, a year, an as-of cut and trends.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
import type { OrgData } from '../../src/core/datasets.js';
import { loadInputs } from '../../src/cli/load-inputs.js';
import { resolveWindow, type ReportWindow } from '../../src/model/window.js';
import { computeReport } from '../../src/report/compute-report.js';
import { recordFilters } from '../../src/report/horizon.js';
import { runWindows, withTrend } from '../../src/report/trend.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { DEMO_DIR } from '../fixtures/read-demo.js';
import { useGeneratedCompany } from '../helpers/generated-company.js';

const TODAY = '2026-11-25';

interface Run { readonly period: string; readonly asOf?: string; readonly trend?: number }

const windowsOf = (run: Run, timezone: string): ReportWindow[] => {
  const main = resolveWindow({ period: run.period, asOf: run.asOf, today: TODAY, timezone });
  return runWindows(main, run.trend, TODAY);
};

const jsonOf = (data: OrgData, config: Config, run: Run): string => {
  const [main, ...trend] = windowsOf(run, config.timezone);
  const request = { data, config, inputs: [], failOn: 'never' as const, names: true, toolVersion: 'test' };
  let report = computeReport({ ...request, window: main! });
  if (run.trend !== undefined) {
    report = withTrend(report, run.trend, (label) => computeReport({ ...request, window: trend.find((w) => w.period.label === label)! }));
  }
  return jsonReporter(report, { color: false });
};

const load = async (dir: string, run?: Run) => {
  const loaded = await loadInputs({
    dataDir: dir, configFlag: undefined, cwd: dir,
    filtersFor: run === undefined ? undefined : (config) => recordFilters(windowsOf(run, config.timezone), config),
  });
  if (loaded.kind !== 'loaded') throw new Error(`${dir} not loaded: ${loaded.kind}`);
  return loaded;
};

/** Rows kept of a dataset: a table's length, or the survey's tallies. */
const keptRows = (data: OrgData): number =>
  Object.entries(data).reduce((sum, [name, rows]) => sum + (name === 'survey' || rows === undefined ? 0 : (rows as { length: number }).length), 0);

async function expectSameReports(dir: string, runs: readonly Run[]): Promise<void> {
  const whole = await load(dir);
  for (const run of runs) {
    const filtered = await load(dir, run);
    const label = JSON.stringify(run);
    // Something was set aside, or the comparison would prove nothing.
    expect(keptRows(filtered.data), label).toBeLessThan(keptRows(whole.data));
    expect(jsonOf(filtered.data, filtered.config, run), label).toBe(jsonOf(whole.data, whole.config, run));
  }
}

describe('records out of reach set aside', () => {
  it('give the demo the same reports', async () => {
    await expectSameReports(DEMO_DIR, [
      { period: '2026-Q3' }, { period: '2026-Q1', trend: 4 }, { period: '2025' }, { period: '2026-Q3', asOf: '2026-08-15' },
    ]);
  });

  describe('on the benchmark company', () => {
    const company = useGeneratedCompany('ops-metrics-horizon-');

    it('gives the same reports', async () => {
      await expectSameReports(company.dir(), [
        { period: '2026-Q3' }, { period: '2026-Q3', trend: 6 }, { period: '2025-Q2' }, { period: '2026' }, { period: '2026', asOf: '2026-08-15', trend: 3 }, { period: '2026-Q2', asOf: '2026-05-20', trend: 3 },
      ]);
    }, 120_000);
  });
});
