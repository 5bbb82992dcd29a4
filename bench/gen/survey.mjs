// Pulse-survey answers, long form, one wave a quarter. Each wave's respondents are drawn without
// repeats from the people in ops on its opening day; scores depend on the respondent's track so the
// satisfaction measures and survey red flags have something to find.
import { stableHash } from '../../fixtures/scripts/lib/prng.mjs';
import { createCsvWriter, csvCell } from './csv-writer.mjs';
import { dayOf, isoDay } from './calendar.mjs';
import { TITLES_OF_LEVEL, TWO_POINT_O, levelOn } from './org.mjs';

const QUESTIONS = ['role_scope_satisfaction', 'autonomy', 'problem_quality', 'career_growth', 'design_vs_execution_time', 'coding_expectations', 'feel_valued'];
/** Some exports word the role-scope question; the config maps the text to its id. */
export const ROLE_SCOPE_TEXT = 'How satisfied are you with the scope of your role?';
export const BASELINE_WAVE = '2024-Q2';
const WAVES = [];
for (let year = 2023; year <= 2026; year++) {
  for (let quarter = 1; quarter <= 4 && !(year === 2026 && quarter > 3); quarter++) {
    WAVES.push({ wave: `${year}-Q${quarter}`, opens: dayOf(`${year}-${String(quarter * 3).padStart(2, '0')}-01`) });
  }
}

function score(random, level, question, wave) {
  if (wave === BASELINE_WAVE && question === 'role_scope_satisfaction') return random.int(4, 8);
  if (TWO_POINT_O.has(level)) return question === 'coding_expectations' ? random.int(4, 9) : random.int(7, 10);
  return question === 'feel_valued' ? random.int(4, 9) : random.int(3, 9);
}

/** Draws respondents without repeats (a partial Fisher-Yates shuffle), starting over when all answered. */
function drawer(random, pool) {
  let left = pool.length;
  return () => {
    if (left === 0) left = pool.length;
    const index = random.int(0, left - 1);
    const chosen = pool[index];
    pool[index] = pool[left - 1];
    pool[left - 1] = chosen;
    left--;
    return chosen;
  };
}

export function generateSurvey(random, { answers, dir, persons }) {
  const out = createCsvWriter(`${dir}/survey.csv`, ['wave', 'responded_on', 'respondent_level', 'question_id', 'score', 'respondent_id']);
  WAVES.forEach(({ wave, opens }, w) => {
    const pool = [];
    for (const person of persons) {
      const level = levelOn(person, opens);
      if (level !== undefined && level !== 'other') pool.push([person.id, level]);
    }
    const next = drawer(random, pool);
    const quota = Math.floor(answers / WAVES.length) + (w < answers % WAVES.length ? 1 : 0);
    for (let written = 0; written < quota; ) {
      const [id, level] = next();
      const respondedOn = isoDay(opens + random.int(0, 20));
      const levelText = random.next() < 0.3 ? level : csvCell(random.pick(TITLES_OF_LEVEL[level]));
      const respondent = `R-${stableHash(id)}`;
      for (let q = 0; q < QUESTIONS.length && written < quota; q++, written++) {
        const question = QUESTIONS[q];
        const asked = question === 'role_scope_satisfaction' && random.next() < 0.1 ? csvCell(ROLE_SCOPE_TEXT) : question;
        out.row([wave, respondedOn, levelText, asked, score(random, level, question, wave), respondent]);
      }
    }
  });
  return { survey: out.close() };
}
