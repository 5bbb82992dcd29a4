// The activity logs: exactly `counts[dataset]` rows each, every row drawn from a 2.0 engineer's tenure
// (or, for mentees and assessments, a traditional-track tenure), so the adoption, growth, improvement,
// mentorship and visibility measures all have evidence to count.
import { createCsvWriter } from './csv-writer.mjs';
import { dayOf, isoDay, mondayOf } from './calendar.mjs';
import { EXPORT_DAY } from './org.mjs';

const COURSES = ['python-for-ops', 'kubernetes-basics', 'incident-command', 'terraform', 'observability'];
const PROCESSES = ['deployment pipeline', 'database failover', 'autoscaling policy', 'certificate rotation', 'backup restore', 'on-call handover', 'capacity planning', 'patching'];
const CATEGORIES = [['incident_response', 0.15], ['process_design', 0.3], ['automation', 0.5], ['policy', 0.55], ['mentorship', 0.65], ['stakeholder', 0.75], ['task_execution', 0.93], ['other', 1]];
const BOOLS = ['true', 'TRUE', 'yes', 'Y', '1'];
const FALSES = ['false', 'no', 'N', '0'];

const ASSESSMENTS_BEGIN = dayOf('2023-01-01');
const during = (random, tenure) => random.int(tenure.start, tenure.end);
const weighted = (random, table) => {
  const r = random.next();
  return table.find(([, share]) => r < share)[0];
};

/** A traditional-track tenure that overlaps the mentor's 2.0 tenure (tenures span years: a few draws do). */
function menteeOf(random, traditional, mentor) {
  for (let draw = 0; draw < 1000; draw++) {
    const mentee = random.pick(traditional);
    if (mentee.start <= mentor.end && mentee.end >= mentor.start) return mentee;
  }
  throw new Error(`no traditional-track tenure overlaps ${mentor.id}'s 2.0 tenure`);
}

/** Each writer: [file, header, row(random, pools, index, count) → cells]. */
const WRITERS = {
  trainings: [['employee_id', 'course', 'completed_on'], (random, { two, everyone }) => {
    if (random.next() < 0.4) {
      const t = random.pick(two);
      return [t.id, random.pick(['automation-design', 'Automation Design']), isoDay(Math.min(EXPORT_DAY, t.start + random.int(-60, 200)))];
    }
    const t = random.pick(everyone);
    return [t.id, random.pick(COURSES), isoDay(during(random, t))];
  }],
  automation_contributions: [['employee_id', 'date', 'kind', 'ref'], (random, { two }) => {
    const t = random.pick(two);
    const kind = random.next() < 0.5 ? 'authored' : random.pick(['improved', 'reviewed']);
    return [t.id, isoDay(during(random, t)), kind, `ops-automation#${random.int(1, 99999)}`];
  }],
  improvements: [['improvement_id', 'owner_id', 'completed_on', 'process', 'kind', 'critical', 'significant', 'minutes_before', 'minutes_after'], (random, { two }, i) => {
    const t = random.pick(two);
    const timed = random.next() < 0.4;
    const before = random.int(10, 240);
    return [`IMP-${String(i + 1).padStart(6, '0')}`, t.id, isoDay(during(random, t)), random.pick(PROCESSES), random.pick(['design', 'redesign', 'improvement']),
      random.next() < 0.3 ? random.pick(BOOLS) : random.next() < 0.5 ? random.pick(FALSES) : '', random.next() < 0.8 ? '' : random.pick([...BOOLS, ...FALSES]),
      timed ? before : '', timed ? Math.round(before * (0.3 + random.next() * 0.7)) : ''];
  }],
  automation_coverage: [['measured_on', 'automated_tasks', 'total_tasks'], (random, _pools, i, count) => {
    const first = dayOf('2023-01-01');
    const day = first + Math.floor((i / count) * (EXPORT_DAY - first));
    const total = 4000 + Math.floor((i / count) * 400);
    return [isoDay(day), Math.floor(total * (0.15 + (0.3 * i) / count)), total];
  }],
  mentorships: [['mentor_id', 'mentee_id', 'started_on', 'ended_on'], (random, { two, traditional }) => {
    const mentor = random.pick(two);
    const mentee = menteeOf(random, traditional, mentor);
    // It starts while both are in post: the mentor on the 2.0 track, the mentee on the traditional one.
    const start = random.int(Math.max(mentor.start, mentee.start), Math.min(mentor.end, mentee.end));
    const end = start + random.int(60, 400);
    return [mentor.id, mentee.id, isoDay(start), end <= EXPORT_DAY && random.next() < 0.7 ? isoDay(end) : ''];
  }],
  skill_assessments: [['employee_id', 'assessed_on', 'score'], (random, { traditional }) => {
    const t = random.pick(traditional);
    // Assessments began in 2023: earlier tenures are assessed on their last day.
    const day = t.end < ASSESSMENTS_BEGIN ? t.end : random.int(Math.max(t.start, ASSESSMENTS_BEGIN), t.end);
    // Skills grow about half a point a month from a personal starting level, so velocities are positive.
    const score = 35 + (Number(t.id.slice(1)) % 25) + Math.round(((day - ASSESSMENTS_BEGIN) / 30) * 0.5) + random.int(-3, 3);
    return [t.id, isoDay(day), Math.max(0, score)];
  }],
  meetings: [['employee_id', 'date', 'kind'], (random, { two, everyone }) => {
    if (random.next() < 0.6) {
      const t = random.pick(two);
      return [t.id, isoDay(during(random, t)), 'product_roadmap'];
    }
    const t = random.pick(everyone);
    return [t.id, isoDay(during(random, t)), random.pick(['ops_review', 'standup', 'Product_Roadmap'])];
  }],
  requirements: [['requirement_id', 'sourced_by', 'raised_on', 'incorporated_on'], (random, { two }, i) => {
    const t = random.pick(two);
    const raised = during(random, t);
    const incorporated = raised + random.int(10, 150);
    return [`REQ-${String(i + 1).padStart(6, '0')}`, t.id, isoDay(raised), incorporated <= EXPORT_DAY && random.next() < 0.7 ? isoDay(incorporated) : ''];
  }],
  time_allocation: [['employee_id', 'period_start', 'category', 'hours'], (random, { two }) => {
    const t = random.pick(two);
    return [t.id, isoDay(Math.max(t.start, mondayOf(during(random, t)))), weighted(random, CATEGORIES), random.int(1, 16)];
  }],
};

export const ACTIVITY_DATASETS = Object.keys(WRITERS);

export function generateActivity(random, { counts, dir, pools }) {
  const rows = {};
  for (const [dataset, [header, row]] of Object.entries(WRITERS)) {
    const out = createCsvWriter(`${dir}/${dataset}.csv`, header);
    const count = counts[dataset];
    for (let i = 0; i < count; i++) out.row(row(random, pools, i, count));
    rows[dataset] = out.close();
  }
  return rows;
}
