/**
 * Survey waves and groups (metrics.md, "Job satisfaction" and "Survey groups"). A group is
 * wave × respondent group × question. A group smaller than `survey.minGroupSize` yields no figure at all:
 * its mean is never computed, so it cannot reach any output.
 */
import type { Config } from '../core/config.js';
import type { IsoDate, SurveyAnswer } from '../core/datasets.js';
import { isOnePointO, isTwoPointO } from '../core/levels.js';
import type { ReportWindow } from '../model/window.js';

export type RespondentGroup = '2.0' | '1.0' | 'all';

const inGroup = (group: RespondentGroup, answer: SurveyAnswer): boolean =>
  group === 'all' ? true : group === '2.0' ? isTwoPointO(answer.respondent_level) : isOnePointO(answer.respondent_level);

export type GroupScore =
  | { readonly status: 'ok'; readonly mean: number; readonly answers: number }
  | { readonly status: 'suppressed' | 'insufficient_data' };

/** Latest `responded_on` of each wave. */
function waveEnds(answers: readonly SurveyAnswer[]): Map<string, IsoDate> {
  const ends = new Map<string, IsoDate>();
  for (const a of answers) {
    const end = ends.get(a.wave);
    if (end === undefined || a.responded_on > end) ends.set(a.wave, a.responded_on);
  }
  return ends;
}

/** The latest of the waves that satisfy `accept` (by latest answer date, then by label). */
function latestWave(ends: Map<string, IsoDate>, accept: (end: IsoDate) => boolean): string | undefined {
  let best: [string, IsoDate] | undefined;
  for (const [wave, end] of ends) {
    if (!accept(end)) continue;
    if (!best || end > best[1] || (end === best[1] && wave > best[0])) best = [wave, end];
  }
  return best?.[0];
}

/** The wave whose latest answer falls in P (the latest such wave when several). */
export const currentWave = (answers: readonly SurveyAnswer[], window: ReportWindow): string | undefined =>
  latestWave(waveEnds(answers), (end) => end >= window.period.start && end <= window.period.end);

/** `survey.baselineWave`, else the latest wave whose answers all precede the program start. */
export function baselineWave(answers: readonly SurveyAnswer[], config: Config, programStart: IsoDate | undefined): string | undefined {
  if (config.survey.baselineWave !== undefined) return config.survey.baselineWave;
  if (programStart === undefined) return undefined;
  return latestWave(waveEnds(answers), (end) => end < programStart);
}

/** Rescales a score from the configured scale to 0–10. */
export const rescale = (score: number, config: Config): number =>
  ((score - config.survey.scale.min) / (config.survey.scale.max - config.survey.scale.min)) * 10;

export function groupScore(
  answers: readonly SurveyAnswer[],
  wave: string,
  group: RespondentGroup,
  question: string,
  config: Config,
): GroupScore {
  let count = 0;
  let everyRowHasId = true;
  const respondents = new Set<string>();
  const scores: number[] = [];
  for (const a of answers) {
    if (a.wave !== wave || a.question_id !== question || !inGroup(group, a)) continue;
    count++;
    if (a.respondent_id === undefined) everyRowHasId = false;
    else respondents.add(a.respondent_id);
    scores.push(a.score);
  }
  if (count === 0) return { status: 'insufficient_data' };
  const size = everyRowHasId ? respondents.size : count;
  if (size < config.survey.minGroupSize) return { status: 'suppressed' };
  let sum = 0;
  for (const s of scores) sum += rescale(s, config);
  return { status: 'ok', mean: sum / count, answers: count };
}
