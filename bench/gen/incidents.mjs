// Incidents in time order over the whole history, and the action items of their postmortems. P1 and P2
// incidents get a root-cause analysis (most within 48 hours), a postmortem led by a 2.0 engineer once
// the programme runs, a root-cause category and three action items on average.
import { csvCell, createCsvWriter } from './csv-writer.mjs';
import { DAY_MS, HOUR_MS, dayOf, nyHour, nyStamp, nyWall, utcStamp } from './calendar.mjs';
import { EXPORT_DAY } from './org.mjs';

const FIRST_DAY = dayOf('2020-01-01');
const PRIORITY_NAMES = [['P1', 'SEV1', 'Sev1', 'Critical'], ['P2', 'SEV2', 'SEV-2', 'High'], ['P3', 'SEV3', 'Medium'], ['P4', 'SEV4', 'Low', '4'], ['P5', 'Lowest', 'Info']];
const PRIORITY_SHARES = [0.02, 0.1, 0.4, 0.8, 1];
const CATEGORIES = ['config_change', 'capacity', 'dependency_failure', 'deploy_regression', 'hardware', 'network', 'certificate', 'data_corruption', 'human_error', 'third_party'];
const SYMPTOMS = ['partial outage', 'latency spike', 'error rate above SLO', 'certificate warning', 'node pressure', 'queue backlog', 'failed deploy, rolled back'];
const SERVICE_COUNT = 400;
const SERVICES = Array.from({ length: SERVICE_COUNT }, (_, i) => `svc-${String(i + 1).padStart(3, '0')}`);

const priorityOf = (random) => {
  const r = random.next();
  return PRIORITY_SHARES.findIndex((share) => r < share);
};

/** Exports mix `Z`, offsets and wall-clock time without an offset (read in the configured zone). */
function stamp(random, ms) {
  const r = random.next();
  if (r < 0.6) return utcStamp(ms);
  const hour = nyHour(ms);
  return r < 0.85 || hour < 4 ? nyStamp(ms) : nyWall(ms);
}

/** A 2.0 engineer on the track on `day`, drawn from tenures sorted by start; undefined before any. */
function leadOn(random, tenures, day) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const tenure = tenures[random.int(0, tenures.length - 1)];
    if (tenure !== undefined && tenure.start <= day && tenure.end >= day) return tenure.id;
  }
  return undefined;
}

export function generateIncidents(random, { incidents, dir, twoPointO, traditional }) {
  const out = createCsvWriter(`${dir}/incidents.csv`, ['incident_id', 'opened_at', 'priority', 'title', 'service', 'resolved_at', 'rca_completed_at', 'postmortem_lead_id', 'postmortem_completed_at', 'root_cause_category', 'recurrence_of']);
  const items = createCsvWriter(`${dir}/action_items.csv`, ['action_id', 'incident_id', 'created_at', 'completed_at', 'owner_id']);
  const spanMs = (EXPORT_DAY - FIRST_DAY) * DAY_MS;
  let actionId = 0;
  for (let i = 0; i < incidents; i++) {
    const id = `INC-${String(i + 1).padStart(7, '0')}`;
    const opened = FIRST_DAY * DAY_MS + Math.floor((i / incidents) * spanMs) + random.int(0, 600) * 1000;
    const priority = priorityOf(random);
    const service = random.pick(SERVICES);
    const resolved = random.next() < 0.97 ? opened + random.int(10, priority < 2 ? 8 * 60 : 48 * 60) * 60_000 : undefined;
    const major = priority < 2 && resolved !== undefined;
    const day = Math.floor(opened / DAY_MS);
    const lead = major ? leadOn(random, twoPointO, day) ?? leadOn(random, traditional, day) : undefined;
    const rca = major ? resolved + random.int(2, priority === 0 ? 56 : 96) * HOUR_MS : undefined;
    const postmortem = major ? resolved + random.int(1, 7) * DAY_MS : undefined;
    const category = major || random.next() < 0.15 ? random.pick(CATEGORIES) : '';
    const recurrence = i > 100 && random.next() < 0.03 ? `INC-${String(i + 1 - random.int(1, 100)).padStart(7, '0')}` : '';
    const title = `${service}: ${random.pick(SYMPTOMS)}`;
    out.row([id, stamp(random, opened), random.pick(PRIORITY_NAMES[priority]), csvCell(title), service,
      resolved === undefined ? '' : stamp(random, resolved), rca === undefined ? '' : utcStamp(rca), lead ?? '',
      postmortem === undefined ? '' : utcStamp(postmortem), category, recurrence]);
    if (postmortem === undefined) continue;
    const count = random.int(1, 5);
    for (let k = 0; k < count; k++) {
      actionId++;
      const completed = random.next() < 0.85 ? postmortem + random.int(1, 50) * DAY_MS + random.int(0, 600) * 60_000 : undefined;
      items.row([`AI-${String(actionId).padStart(7, '0')}`, id, utcStamp(postmortem), completed === undefined ? '' : stamp(random, completed),
        leadOn(random, twoPointO, day) ?? lead ?? '']);
    }
  }
  return { incidents: out.close(), action_items: items.close() };
}
