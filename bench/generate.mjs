#!/usr/bin/env node
// Writes a seeded, valid canonical dataset of the chosen scale to bench/data/<scale>/:
//   node bench/generate.mjs --scale small|medium|large [--seed N] [--out DIR]
// Medium is half of large in every file, so comparing the two shows whether time and memory grow
// linearly. The same scale and seed always give byte-identical files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomTools } from '../fixtures/scripts/lib/prng.mjs';
import { generateActivity } from './gen/activity.mjs';
import { generateIncidents } from './gen/incidents.mjs';
import { generateOrg, traditionalTenures, twoPointOTenures, EXPORT_DAY } from './gen/org.mjs';
import { BASELINE_WAVE, ROLE_SCOPE_TEXT, generateSurvey } from './gen/survey.mjs';

/** Rows of the large scale; people drives job_history (about 3.5 rows a person). */
export const LARGE = {
  people: 100_000,
  incidents: 1_000_000,
  survey: 5_000_000,
  trainings: 100_000,
  automation_contributions: 200_000,
  improvements: 60_000,
  automation_coverage: 2_000,
  mentorships: 40_000,
  skill_assessments: 300_000,
  meetings: 400_000,
  requirements: 80_000,
  time_allocation: 1_000_000,
};
/** Action items follow the postmortems: about 0.3 per incident (300,000 at large). */
export const SCALES = { small: 0.01, medium: 0.5, large: 1 };
/** Bumped when the same seed gives other files, so a stale bench/data/<scale> is generated again (3: mentorships within both tenures). */
export const GENERATOR_VERSION = 3;

const HERE = dirname(fileURLToPath(import.meta.url));
export const dataDirOf = (scale) => join(HERE, 'data', scale);
/** Written last: a folder without it was interrupted and is generated again. */
export const MANIFEST = 'manifest.json';

/** The report period the bench reports on, and the config every scale shares. */
export const BENCH_PERIOD = '2026-Q3';
const CONFIG = {
  timezone: 'America/New_York',
  programStart: '2025-04-01',
  survey: { baselineWave: BASELINE_WAVE, questions: { [ROLE_SCOPE_TEXT]: 'role_scope_satisfaction' } },
};

export function generate(scale, { seed = 20261001, out = dataDirOf(scale) } = {}) {
  const factor = SCALES[scale];
  if (factor === undefined) throw new Error(`unknown scale "${scale}" (small, medium or large)`);
  const counts = Object.fromEntries(Object.entries(LARGE).map(([dataset, rows]) => [dataset, Math.round(rows * factor)]));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const random = randomTools(seed);
  const started = performance.now();
  const org = generateOrg(random, counts.people, out);
  const two = twoPointOTenures(org.persons);
  const traditional = traditionalTenures(org.persons);
  const everyone = org.persons.map((p) => ({ id: p.id, start: p.hire, end: Math.min(p.exit - 1, EXPORT_DAY) })).filter((t) => t.end >= t.start);
  const rows = {
    ...org.rows,
    ...generateIncidents(random, { incidents: counts.incidents, dir: out, twoPointO: two, traditional }),
    ...generateSurvey(random, { answers: counts.survey, dir: out, persons: org.persons }),
    ...generateActivity(random, { counts, dir: out, pools: { two, traditional, everyone } }),
  };
  writeFileSync(join(out, 'ops-metrics.config.json'), `${JSON.stringify(CONFIG, null, 2)}\n`);
  const manifest = { scale, seed, generatorVersion: GENERATOR_VERSION, period: BENCH_PERIOD, rows, seconds: Math.round(performance.now() - started) / 1000 };
  writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const manifest = generate(values.scale, {
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
    ...(values.out === undefined ? {} : { out: values.out }),
  });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
}
