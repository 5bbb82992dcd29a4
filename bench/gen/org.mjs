// The organisation: people with effective-dated careers (hires, promotions, adjustments, transfers and
// exits), written to people.csv and job_history.csv, and kept in memory as compact timelines that the
// other generators ask "who was on the 2.0 track on this day?".
import { csvCell, createCsvWriter } from './csv-writer.mjs';
import { dayOf, isoDay } from './calendar.mjs';

const FIRST_HIRE = dayOf('2012-01-02');
const LAST_HIRE = dayOf('2026-09-15');
const PILOT = dayOf('2024-07-01');
const LAST_PROMOTION = dayOf('2026-09-30');
/** The export was pulled in mid-October: a few rows are dated after the as-of date. */
export const EXPORT_DAY = dayOf('2026-10-14');

const TITLES = {
  technician: ['Operations Technician'],
  ops1: ['Ops Engineer', 'Operations Engineer', 'Ops Engineer 1.0'],
  ops1_senior: ['Senior Ops Engineer', 'Senior Operations Engineer'],
  manager: ['Operations Manager'],
  ops2: ['Ops Engineer 2.0', 'Operations Architect', 'Infrastructure Operations Specialist'],
  senior_architect: ['Senior Operations Architect'],
  strategy_lead: ['Operations Strategy Lead'],
  other: ['Product Manager', 'Software Engineer', 'Data Analyst'],
};
const TEAM = { technician: 'Service Operations', ops1: 'Platform Operations', ops1_senior: 'Platform Operations', manager: 'Operations', ops2: 'Ops Architecture', senior_architect: 'Ops Architecture', strategy_lead: 'Ops Architecture', other: 'Product' };
const BASE = { technician: 56000, ops1: 80000, ops1_senior: 98000, manager: 120000, ops2: 110000, senior_architect: 135000, strategy_lead: 160000, other: 105000 };
const COMP_FACTOR = { technician: 1.05, ops1: 1.1, ops1_senior: 1.12, manager: 1.18, ops2: 1.16, senior_architect: 1.2, strategy_lead: 1.25, other: 1.15 };
export const TWO_POINT_O = new Set(['ops2', 'senior_architect', 'strategy_lead']);
const FIRST_NAMES = ['Dana', 'Marcus', 'Priya', 'Tomás', 'Grace', 'Sam', 'Aisha', 'Jonas', 'Mei', 'Diego', 'Hannah', 'Ravi', 'Chloe', 'Kwame', 'Lucía', 'Noah', 'Yara', 'Zoë'];
const LAST_NAMES = ['Whitfield', 'Oyelaran', 'Raman', 'Ibarra', 'Liu', "O'Neil", 'Bello', 'Berg', 'Tanaka', 'Alvarez', 'Kowalski', 'Nair', 'Dubois', 'Mensah', 'García', 'Smith'];

const pickTitle = (random, level) => random.pick(TITLES[level]);

/** The first level of a new hire, by share of the workforce. */
function hireLevel(random) {
  const r = random.next();
  if (r < 0.07) return 'other';
  if (r < 0.22) return 'technician';
  if (r < 0.72) return 'ops1';
  if (r < 0.86) return 'ops1_senior';
  if (r < 0.91) return 'manager';
  if (r < 0.915) return 'strategy_lead';
  return r < 0.945 ? 'ops2' : 'ops1';
}

/** Career moves after the hire: [day, level, reason, base ratio, total-comp ratio]. */
function careerMoves(random, level, hireDay) {
  const moves = [];
  let current = level;
  let day = hireDay;
  if (current === 'technician' && random.next() < 0.5) {
    day += random.int(365, 3 * 365);
    moves.push([day, 'ops1', 'promotion', 1.2, 1.24]);
    current = 'ops1';
  }
  if (current === 'ops1' && random.next() < 0.35) {
    day += random.int(2 * 365, 5 * 365);
    moves.push([day, 'ops1_senior', 'promotion', 1.12, 1.14]);
    current = 'ops1_senior';
  }
  if ((current === 'ops1' || current === 'ops1_senior') && random.next() < 0.35) {
    const promotion = random.int(Math.max(PILOT, day + 180), Math.max(PILOT, day + 180, LAST_PROMOTION));
    if (promotion <= LAST_PROMOTION) {
      // Most promotions carry the role design's raise; some are "just a title" (promotion_pay).
      const fair = random.next() < 0.88;
      moves.push([promotion, 'ops2', 'promotion', fair ? 1.1 + random.next() * 0.05 : 1.03 + random.next() * 0.04, fair ? 1.14 + random.next() * 0.06 : 1.05 + random.next() * 0.05]);
      day = promotion;
      current = 'ops2';
    }
  }
  if (current === 'ops2' && random.next() < 0.1) {
    const next = day + random.int(365, 540);
    if (next <= LAST_PROMOTION) moves.push([next, 'senior_architect', 'promotion', 1.12, 1.16]);
  } else if (!TWO_POINT_O.has(current) && current !== 'other' && random.next() < 0.02) {
    moves.push([day + random.int(200, 1500), 'other', 'transfer', 1.05, 1.05]);
  }
  for (const year of [2024, 2025, 2026]) {
    const march = dayOf(`${year}-03-01`);
    if (march > hireDay + 90 && !moves.some(([d]) => d === march)) moves.push([march, undefined, 'adjustment', 1.02 + random.next() * 0.02, 1.03]);
  }
  return moves.sort((a, b) => a[0] - b[0]);
}

/** The day someone leaves the company, or undefined. A share of new 2.0s leave within their first year. */
function exitDay(random, moves, hireDay) {
  const twoStart = moves.find(([, level]) => level !== undefined && TWO_POINT_O.has(level))?.[0];
  if (twoStart !== undefined && random.next() < 0.1) return twoStart + random.int(30, 700);
  if (random.next() < 0.12) return hireDay + random.int(200, 4000);
  return undefined;
}

/**
 * Writes people.csv (a spreadsheet-style export: BOM and CRLF) and job_history.csv, and returns the
 * timelines. `levels[i]` lists [day, level] for person i; `exit` is the termination day or Infinity.
 */
export function generateOrg(random, count, dir) {
  const people = createCsvWriter(`${dir}/people.csv`, ['employee_id', 'name', 'title', 'team', 'hire_date', 'title_start_date', 'termination_date', 'termination_reason', 'manager_id', 'base_salary'], { eol: '\r\n', bom: true });
  const history = createCsvWriter(`${dir}/job_history.csv`, ['employee_id', 'effective_date', 'title', 'team', 'base_salary', 'total_comp', 'reason']);
  const persons = [];
  for (let i = 0; i < count; i++) {
    const id = `E${String(i + 1).padStart(6, '0')}`;
    let level = hireLevel(random);
    const hireDay = TWO_POINT_O.has(level) ? random.int(PILOT - 30, LAST_HIRE) : random.int(FIRST_HIRE, LAST_HIRE);
    let title = pickTitle(random, level);
    let base = Math.round((BASE[level] * (0.9 + random.next() * 0.2)) / 100) * 100;
    let comp = Math.round(base * COMP_FACTOR[level]);
    const moves = careerMoves(random, level, hireDay);
    const leaves = exitDay(random, moves, hireDay);
    const exit = leaves !== undefined && leaves <= EXPORT_DAY ? leaves : Infinity;
    const levels = [[hireDay, level]];
    let titleStart = hireDay;
    history.row([id, isoDay(hireDay), csvCell(title), TEAM[level], base, comp, 'hire']);
    for (const [day, next, reason, baseRatio, compRatio] of moves) {
      if (day >= exit || day > EXPORT_DAY) break;
      base = Math.round(base * baseRatio);
      comp = Math.round(comp * compRatio);
      if (next !== undefined) {
        level = next;
        title = pickTitle(random, level);
        titleStart = day;
        levels.push([day, level]);
      }
      history.row([id, isoDay(day), csvCell(title), TEAM[level], base, comp, reason]);
    }
    const name = random.next() < 0.02 ? `${random.pick(LAST_NAMES)}, ${random.pick(FIRST_NAMES)}` : `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const manager = i > 10 ? `E${String(random.int(1, i)).padStart(6, '0')}` : '';
    people.row([id, csvCell(name), csvCell(title), TEAM[level], isoDay(hireDay), isoDay(titleStart), exit === Infinity ? '' : isoDay(exit),
      exit === Infinity ? '' : random.pick(['voluntary', 'involuntary']), manager, base]);
    persons.push({ id, hire: hireDay, exit, levels });
  }
  return { persons, rows: { people: people.close(), job_history: history.close() } };
}

/** The level of a person on a day, or undefined before the hire or from the exit on. */
export function levelOn(person, day) {
  if (day < person.hire || day >= person.exit) return undefined;
  let level;
  for (const [from, value] of person.levels) if (from <= day) level = value;
  return level;
}

/** 2.0 tenures: [id, first 2.0 day, last day on the track] of everyone who reached it. */
export function twoPointOTenures(persons) {
  const tenures = [];
  for (const person of persons) {
    const start = person.levels.find(([, level]) => TWO_POINT_O.has(level));
    if (start === undefined) continue;
    const leftTrack = person.levels.find(([day, level]) => day > start[0] && !TWO_POINT_O.has(level));
    const end = Math.min(person.exit - 1, leftTrack === undefined ? EXPORT_DAY : leftTrack[0] - 1, EXPORT_DAY);
    if (end >= start[0]) tenures.push({ id: person.id, start: start[0], end });
  }
  return tenures;
}

/** Tenures on the traditional track (technician, ops1, senior): mentees and 1.0 respondents. */
export function traditionalTenures(persons) {
  const tenures = [];
  for (const person of persons) {
    const first = person.levels[0];
    if (first[1] !== 'technician' && first[1] !== 'ops1' && first[1] !== 'ops1_senior') continue;
    const leftTrack = person.levels.find(([, level]) => level !== 'technician' && level !== 'ops1' && level !== 'ops1_senior');
    const end = Math.min(person.exit - 1, leftTrack === undefined ? EXPORT_DAY : leftTrack[0] - 1, EXPORT_DAY);
    if (end >= first[0]) tenures.push({ id: person.id, start: first[0], end });
  }
  return tenures;
}

export const TITLES_OF_LEVEL = TITLES;
