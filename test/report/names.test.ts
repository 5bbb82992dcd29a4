/**
 * `--names`: each per-person detail and piece of evidence of someone in the roster carries the person's
 * name after its note; the rest of the report is the same as without it.
 */
import { describe, expect, it } from 'vitest';
import type { Detail, Report } from '../../src/core/report.js';
import { loadInputs } from '../../src/cli/load-inputs.js';
import { resolveWindow } from '../../src/model/window.js';
import { computeReport } from '../../src/report/compute-report.js';
import { DEMO_DIR } from '../fixtures/read-demo.js';

const detailsOf = (report: Report): Detail[] => [
  ...report.metrics.flatMap((metric) => metric.measures.flatMap((measure) => measure.details)),
  ...report.redFlags.flatMap((flag) => flag.evidence),
];

describe('computeReport with names', () => {
  it('names each detail of a person in the roster, after its note, and changes nothing else', async () => {
    const loaded = await loadInputs({ dataDir: DEMO_DIR, configFlag: undefined, cwd: DEMO_DIR });
    if (loaded.kind !== 'loaded') throw new Error(`demo not loaded: ${loaded.kind}`);
    const { config, data } = loaded;
    const window = resolveWindow({ period: '2026-Q3', today: '2026-11-25', timezone: config.timezone });
    const reportWith = (names: boolean): Report => computeReport({ data, config, window, inputs: [], failOn: 'never', names, toolVersion: 'test' });
    const [plain, named] = [reportWith(false), reportWith(true)];
    const nameOf = new Map<string, string | undefined>([...(data.people ?? [])].map((person) => [person.employee_id, person.name]));

    const [plainDetails, namedDetails] = [detailsOf(plain), detailsOf(named)];
    expect(namedDetails).toHaveLength(plainDetails.length);
    expect(plainDetails.length).toBeGreaterThan(50); // the demo has details to name
    let namedCount = 0;
    namedDetails.forEach((detail, i) => {
      const before = plainDetails[i]!;
      const name = before.employeeId === undefined ? undefined : nameOf.get(before.employeeId);
      if (name === undefined) {
        expect(detail).toEqual(before); // no one to name: the detail as it was
        return;
      }
      namedCount += 1;
      expect(Object.keys(detail)).toEqual(['employeeId', 'note', 'name']);
      expect(detail).toEqual({ employeeId: before.employeeId, note: before.note, name });
    });
    expect(namedCount).toBeGreaterThan(50);
    // Every figure is the same; only the details differ.
    const withoutDetails = (report: Report): unknown => JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === 'details' || key === 'evidence' ? undefined : value)));
    expect(withoutDetails(named)).toEqual(withoutDetails(plain));
  });
});
