/**
 * The config's own `survey.questions` keys that no column of a wide survey file answers to. A key copied
 * from the form with a character lost (`... expected of me` for `... expected of me.`) would leave its
 * question unread without a word, and with it every measure and red flag computed from it, which then
 * read as if no one had answered. So each such key gets a warning at the header: the question it gives,
 * the nearest headers, and what is left without answers. A question no column gives is noted for the
 * report too, whose reasons then say why its groups have no answers.
 *
 * Only the user's keys are checked: a text of the tool's own defaults that a form does not ask is no mistake.
 * A key that matches nothing is not an error: one config may map the wording of several waves of a form.
 */
import { matchKey } from '../core/config.js';
import { QUESTION_IDS, type QuestionId } from '../core/datasets.js';
import type { Problem } from '../core/problems.js';
import { questionReaders, readersText } from '../report/question-readers.js';
import { configSnippet } from './mismatch.js';
import { nearestTexts } from './near-texts.js';

/** A column of the file: its key, and its text in each header row as written (its key alone for JSON). */
export interface HeaderColumn {
  readonly key: string;
  readonly texts: readonly string[];
}

export interface QuestionKeyCheck {
  readonly file: string;
  /** The header's line, where the warnings are given. */
  readonly line: number;
  /** The config file's own keys, as written (see Config.survey.givenQuestions). */
  readonly given: ReadonlyMap<string, QuestionId> | undefined;
  readonly columns: readonly HeaderColumn[];
  /** The keys of the columns that could be questions (not the date, level, id or metadata columns). */
  readonly candidates: ReadonlySet<string>;
  /** The question columns found: key, question, and the header as the file names it. */
  readonly questions: ReadonlyArray<{ readonly key: string; readonly id: string; readonly name: string }>;
}

export interface QuestionKeyFindings {
  readonly warnings: readonly Problem[];
  /** Each question no column gives → why, as a clause (see SurveySummary.noteNoColumn). */
  readonly noColumn: ReadonlyMap<QuestionId, string>;
}

const quoted = (texts: readonly string[]): string =>
  texts.length <= 1 ? texts.map((t) => JSON.stringify(t)).join('') : `${texts.slice(0, -1).map((t) => JSON.stringify(t)).join(', ')} and ${JSON.stringify(texts[texts.length - 1])}`;

/** A header row's cell that names nothing a person would type: Qualtrics' third row holds JSON import ids. */
const isNameText = (text: string): boolean => text.trim() !== '' && !text.trim().startsWith('{');

/** The config's keys that no column's text, in any header row, matches (as the map matches: case and outer spaces aside). */
function keysMatchingNothing(given: ReadonlyMap<string, QuestionId>, columns: readonly HeaderColumn[]): Array<{ key: string; id: QuestionId }> {
  const texts = new Set(columns.flatMap((column) => [column.key, ...column.texts].map(matchKey)));
  const seen = new Set<string>();
  return [...given].flatMap(([key, id]) => {
    const match = matchKey(key);
    if (texts.has(match) || seen.has(match)) return [];
    seen.add(match);
    return [{ key, id }];
  });
}

function nearestClause(key: string, id: QuestionId, check: QuestionKeyCheck): string {
  const texts = check.columns.filter((column) => check.candidates.has(column.key)).flatMap((column) => column.texts.filter(isNameText));
  const near = nearestTexts(key, texts);
  if (near.texts.length === 0) return 'the file has no other column that could be a question';
  if (near.alike) {
    if (near.texts.length > 1) return `the headers ${quoted(near.texts)} differ from it only in case, spaces or punctuation`;
    const fix = configSnippet({ survey: { questions: { [near.texts[0]!]: id } } });
    return `the header ${quoted(near.texts)} differs from it only in case, spaces or punctuation: write the key as the file does, ${fix}`;
  }
  return `the nearest ${near.texts.length === 1 ? 'header is' : 'headers are'} ${quoted(near.texts)}`;
}

function unmatchedMessage(key: string, id: QuestionId, check: QuestionKeyCheck): string {
  const readFrom = check.questions.filter((question) => question.id === id).map((question) => question.name);
  const readers = questionReaders(id);
  const several = readers.measures.length + readers.redFlags.length > 1;
  const outcome = readFrom.length > 0
    ? `${id} is read from ${quoted(readFrom)} all the same`
    : `No column is ${id}, so ${readersText(readers) ?? 'no measure or red flag'} ${several ? 'have' : 'has'} no answers to it`;
  return `survey.questions maps ${JSON.stringify(key)} to ${id}, but no column of this file is headed so; ${nearestClause(key, id, check)}. ${outcome}`;
}

/** The warnings for the user's keys that match no column, and the questions the file gives no column for. */
export function checkQuestionKeys(check: QuestionKeyCheck): QuestionKeyFindings {
  const unmatched = keysMatchingNothing(check.given ?? new Map(), check.columns);
  const warnings = unmatched.map(({ key, id }): Problem => ({
    file: check.file, line: check.line, column: 'question_id', severity: 'warning', message: unmatchedMessage(key, id, check),
  }));
  const found = new Set(check.questions.map((question) => question.id));
  const noColumn = new Map<QuestionId, string>();
  for (const id of QUESTION_IDS) {
    if (found.has(id)) continue;
    const keys = unmatched.filter((entry) => entry.id === id).map((entry) => entry.key);
    noColumn.set(id, keys.length === 0
      ? `no column of ${check.file} is mapped to it in survey.questions`
      : `no column of ${check.file} is this question: survey.questions maps ${quoted(keys)} to it, which no header matches`);
  }
  return { warnings, noColumn };
}
