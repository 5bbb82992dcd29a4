/**
 * A report lets go of each dataset once no step left needs it (src/report/let-go.ts). That is safe only if
 * every measure and red flag reads no dataset beyond its `needs`: a read of one already let go would see
 * it absent and give another figure. Held here on the demo and the benchmark's generated company, and
 * the reports made so compared with those made holding everything.
 */
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/cli/load-inputs.js';
import { DATASET_NAMES, type DatasetName, type OrgData } from '../../src/core/datasets.js';
import type { MeasureContext } from '../../src/metrics/define.js';
import { METRICS } from '../../src/metrics/index.js';
import { cutAtAsOf } from '../../src/model/as-of.js';
import { buildOrgModel } from '../../src/model/org-model.js';
import { resolveWindow, type ReportWindow } from '../../src/model/window.js';
import { RED_FLAGS } from '../../src/red-flags/index.js';
import { computeReport } from '../../src/report/compute-report.js';
import { lastNeededBy, letGo } from '../../src/report/let-go.js';
import { runWindows, withTrend } from '../../src/report/trend.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { DEMO_DIR } from '../fixtures/read-demo.js';
import { useGeneratedCompany } from '../helpers/generated-company.js';
import { emptyData } from '../helpers/org.js';

const TODAY = '2026-11-25';

const load = async (dir: string) => {
  const loaded = await loadInputs({ dataDir: dir, configFlag: undefined, cwd: dir });
  if (loaded.kind !== 'loaded') throw new Error(`${dir} not loaded: ${loaded.kind}`);
  return loaded;
};

/** Every dataset name a step's code asks `ctx.data` for, while the step runs on the whole data. */
function datasetsRead(data: OrgData, ctx: Omit<MeasureContext, 'data'>, run: (ctx: MeasureContext) => unknown): Set<DatasetName> {
  const read = new Set<DatasetName>();
  const watched = new Proxy(data, {
    get(target, key, receiver) {
      if (typeof key === 'string' && (DATASET_NAMES as readonly string[]).includes(key)) read.add(key as DatasetName);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  run({ ...ctx, data: watched });
  return read;
}

/** Each measure and red flag reads only datasets it declares in `needs`, for the windows given. */
function expectReadsDeclared(loaded: Awaited<ReturnType<typeof load>>, windows: readonly ReportWindow[]): void {
  for (const window of windows) {
    const data = cutAtAsOf(loaded.data, window);
    const ctx = { config: loaded.config, window, model: buildOrgModel(data, loaded.config) };
    for (const measure of METRICS.flatMap((metric) => metric.measures)) {
      const read = datasetsRead(data, ctx, (c) => measure.compute(c));
      expect([...read].filter((d) => !measure.needs.includes(d)), `${measure.id} in ${window.period.label}`).toEqual([]);
    }
    for (const flag of RED_FLAGS) {
      const read = datasetsRead(data, ctx, (c) => flag.evaluate(c));
      expect([...read].filter((d) => !flag.needs.includes(d)), `${flag.id} in ${window.period.label}`).toEqual([]);
    }
  }
}

const windowOf = (period: string, timezone: string, asOf?: string): ReportWindow => resolveWindow({ period, asOf, today: TODAY, timezone });

/** The report's JSON made holding every dataset, and made letting go of them, as the CLI makes it (trend quarters first). */
function jsonTwoWays(loaded: Awaited<ReturnType<typeof load>>, window: ReportWindow, trend?: number): { holding: string; lettingGo: string; left: OrgData } {
  const trendWindows = runWindows(window, trend, TODAY).slice(1);
  const json = (letGoOfData: boolean, data: OrgData): string => {
    const request = { data, config: loaded.config, inputs: [], failOn: 'never' as const, names: true, toolVersion: 'test' };
    const quarters = trendWindows.map((w) => [w.period.label, computeReport({ ...request, window: w })] as const);
    let report = computeReport({ ...request, window, letGoOfData });
    if (trend !== undefined) report = withTrend(report, trend, (label) => quarters.find(([l]) => l === label)![1]);
    return jsonReporter(report, { color: false });
  };
  const left = { ...loaded.data };
  return { holding: json(false, { ...loaded.data }), lettingGo: json(true, left), left };
}

describe('lastNeededBy', () => {
  it('gives each dataset to the last step that needs it', () => {
    // Steps needing [people, incidents], [incidents], [people, survey], []: incidents is last needed by
    // step 1; people and survey by step 2; step 0 and step 3 let go of nothing.
    const after = lastNeededBy([['people', 'incidents'], ['incidents'], ['people', 'survey'], []]);
    expect(after.map((datasets) => [...datasets].sort())).toEqual([[], ['incidents'], ['people', 'survey'], []]);
  });

  it('lets go of nothing when no step needs anything', () => {
    expect(lastNeededBy([[], []])).toEqual([[], []]);
  });
});

describe('letGo', () => {
  it('drops the dataset from the object, leaving the others', () => {
    const data: OrgData = { ...emptyData(), trainings: [], meetings: [] };
    letGo(data, 'trainings');
    expect(data.trainings).toBeUndefined();
    expect(data.meetings).toEqual([]);
  });
});

describe('each measure and red flag reads only what it needs', () => {
  it('on the demo', async () => {
    const loaded = await load(DEMO_DIR);
    const zone = loaded.config.timezone;
    expectReadsDeclared(loaded, [windowOf('2026-Q3', zone), windowOf('2025', zone), windowOf('2026-Q3', zone, '2026-08-15')]);
  });
});

describe('a report letting go of its data', () => {
  it('gives the demo the same reports, and holds no dataset once done', async () => {
    const loaded = await load(DEMO_DIR);
    const zone = loaded.config.timezone;
    for (const [window, trend] of [[windowOf('2026-Q3', zone), undefined], [windowOf('2026-Q1', zone), 4], [windowOf('2025', zone), undefined]] as const) {
      const { holding, lettingGo, left } = jsonTwoWays(loaded, window, trend);
      expect(lettingGo, window.period.label).toBe(holding);
      // Every dataset is needed by some step, so each was let go of after its last one (people and job
      // history after promotion_pay, the last step), and the caller's own object no longer holds any.
      expect(DATASET_NAMES.filter((d) => left[d] !== undefined), window.period.label).toEqual([]);
    }
  });

  describe('on the benchmark company', () => {
    const company = useGeneratedCompany('ops-metrics-let-go-');

    it('reads only what each step needs, and gives the same reports', async () => {
      const loaded = await load(company.dir());
      const zone = loaded.config.timezone;
      expectReadsDeclared(loaded, [windowOf('2026-Q3', zone), windowOf('2026', zone, '2026-08-15')]);
      for (const [window, trend] of [[windowOf('2026-Q3', zone), 6], [windowOf('2025-Q2', zone), undefined]] as const) {
        const { holding, lettingGo } = jsonTwoWays(loaded, window, trend);
        expect(lettingGo, window.period.label).toBe(holding);
      }
    }, 120_000);
  });
});
