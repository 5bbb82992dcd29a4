/**
 * Survey answers folded as they are read: per wave × answer date × respondent level × question, the
 * number of answers, their sum, and up to `idCap` distinct respondent ids. This is all the measures
 * need (wave dates, group means, and whether a group reaches the minimum size), so millions of answers
 * take the memory of a few thousand cells. Keeping the answer date in the key lets the as-of cut, and
 * every quarter of a trend, drop later answers exactly.
 *
 * A group only has to be known to reach `survey.minGroupSize`, never its exact size beyond that: `idCap`
 * is that minimum, so a cell stops collecting ids once it holds enough.
 */
import { QUESTION_IDS, type IsoDate, type SurveyAnswer } from './datasets.js';
import type { LevelCode } from './levels.js';

export interface SurveyCell {
  readonly wave: string;
  readonly respondedOn: IsoDate;
  readonly level: LevelCode;
  readonly question: string;
  answers: number;
  sum: number;
  /** At most `idCap` distinct respondent ids. */
  readonly ids: Set<string>;
  /** Some answer of the cell had no respondent id. */
  missingId: boolean;
}

export interface GroupTally {
  readonly answers: number;
  readonly sum: number;
  /** Distinct respondents when every answer has an id, else the number of answers; capped at `idCap`. */
  readonly size: number;
}

/** A summary as handed to another thread. */
export interface SurveyTransfer {
  readonly idCap: number;
  readonly cells: ReadonlyMap<string, SurveyCell>;
  readonly unasked: ReadonlyMap<string, string>;
}

const waveQuestionKey = (wave: string, question: string): string => `${wave}\u0000${question}`;

const USED_QUESTIONS: ReadonlySet<string> = new Set(QUESTION_IDS);
/**
 * The one question every answer to a question no measure uses is filed under: such answers still date
 * their wave (metrics.md: a wave ends on its latest answer), but a cell for each of their texts would
 * make a survey of many free-form questions cost memory by the question.
 */
export const UNUSED_QUESTION = '';

export class SurveySummary {
  private readonly cells = new Map<string, SurveyCell>();
  /**
   * Questions the file had no column for (a wide export read through a preset), with why: a group
   * without answers to one says so, rather than only that none came.
   */
  private readonly unasked = new Map<string, string>();
  /**
   * The cells of each wave and question, in key order, and the latest answer date of each wave: made when
   * first asked for (the measures ask for a few dozen tallies of one summary) and let go by `add`.
   */
  private index: { readonly byWaveQuestion: Map<string, SurveyCell[]>; readonly waveEnds: Map<string, IsoDate> } | undefined;

  constructor(readonly idCap: number) {}

  add(answer: SurveyAnswer): void {
    this.index = undefined;
    const used = USED_QUESTIONS.has(answer.question_id);
    const question = used ? answer.question_id : UNUSED_QUESTION;
    const key = `${answer.wave}\u0000${answer.responded_on}\u0000${answer.respondent_level}\u0000${question}`;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = {
        wave: answer.wave, respondedOn: answer.responded_on, level: answer.respondent_level, question,
        answers: 0, sum: 0, ids: new Set(), missingId: false,
      };
      this.cells.set(key, cell);
    }
    cell.answers += 1;
    cell.sum += answer.score;
    // No group of an unused question is ever sized: its respondents are not kept.
    if (!used) return;
    if (answer.respondent_id === undefined) cell.missingId = true;
    else if (cell.ids.size < this.idCap) cell.ids.add(answer.respondent_id);
  }

  /** Notes that the file had no column for `question`: `why` completes "no answers to it", as a clause. */
  noteNoColumn(question: string, why: string): void {
    this.unasked.set(question, why);
  }

  /** Why the file had no column for `question`, when it had none (see noteNoColumn). */
  noColumnWhy(question: string): string | undefined {
    return this.unasked.get(question);
  }

  /** The answers given on or before `date`. */
  upTo(date: IsoDate): SurveySummary {
    const cut = new SurveySummary(this.idCap);
    for (const [key, cell] of this.cells) if (cell.respondedOn <= date) cut.cells.set(key, cell);
    for (const [question, why] of this.unasked) cut.unasked.set(question, why);
    return cut;
  }

  /** The latest answer date of each wave. */
  waveEnds(): ReadonlyMap<string, IsoDate> {
    return this.indexed().waveEnds;
  }

  /** The answers of one wave to one question by respondents whose level `inGroup` accepts. */
  tally(wave: string, question: string, inGroup: (level: LevelCode) => boolean): GroupTally {
    let answers = 0;
    let sum = 0;
    let missingId = false;
    const ids = new Set<string>();
    // Cells are visited in key order so float sums do not depend on the order rows were read in.
    for (const cell of this.indexed().byWaveQuestion.get(waveQuestionKey(wave, question)) ?? []) {
      if (!inGroup(cell.level)) continue;
      answers += cell.answers;
      sum += cell.sum;
      missingId ||= cell.missingId;
      for (const id of cell.ids) if (ids.size < this.idCap) ids.add(id);
    }
    return { answers, sum, size: missingId ? answers : ids.size };
  }

  private indexed(): NonNullable<SurveySummary['index']> {
    if (this.index !== undefined) return this.index;
    const byWaveQuestion = new Map<string, SurveyCell[]>();
    const waveEnds = new Map<string, IsoDate>();
    for (const key of [...this.cells.keys()].sort()) {
      const cell = this.cells.get(key)!;
      const group = waveQuestionKey(cell.wave, cell.question);
      const cells = byWaveQuestion.get(group);
      if (cells === undefined) byWaveQuestion.set(group, [cell]);
      else cells.push(cell);
      const end = waveEnds.get(cell.wave);
      if (end === undefined || cell.respondedOn > end) waveEnds.set(cell.wave, cell.respondedOn);
    }
    return (this.index = { byWaveQuestion, waveEnds });
  }

  /** The cells, for handing the summary to another thread (structured clone keeps Maps and Sets, not classes). */
  transferable(): SurveyTransfer {
    return { idCap: this.idCap, cells: this.cells, unasked: this.unasked };
  }

  /** The summary again from `transferable()`'s clone. */
  static fromTransfer({ idCap, cells, unasked }: SurveyTransfer): SurveySummary {
    const summary = new SurveySummary(idCap);
    for (const [key, cell] of cells) summary.cells.set(key, cell);
    for (const [question, why] of unasked) summary.unasked.set(question, why);
    return summary;
  }

  static of(answers: Iterable<SurveyAnswer>, idCap: number): SurveySummary {
    const summary = new SurveySummary(idCap);
    for (const answer of answers) summary.add(answer);
    return summary;
  }
}
