/**
 * Survey waves and groups (metrics.md, "Job satisfaction" and "Survey groups"). A group is
 * wave × respondent group × question. A group smaller than `survey.minGroupSize` yields no figure at all:
 * its mean is never computed, so it cannot reach any output.
 */
import type { Config } from '../core/config.js';
import type { IsoDate } from '../core/datasets.js';
import { isOnePointO, isTwoPointO, type LevelCode } from '../core/levels.js';
import type { SurveySummary } from '../core/survey-summary.js';
import type { ReportWindow } from '../model/window.js';

export type RespondentGroup = '2.0' | '1.0' | 'all';

const GROUP_MEMBERS: Record<RespondentGroup, (level: LevelCode) => boolean> = {
  '2.0': isTwoPointO,
  '1.0': isOnePointO,
  all: () => true,
};

export type GroupScore =
  | { readonly status: 'ok'; readonly mean: number; readonly answers: number }
  /** `reason` names the wave, group, question and the minimum — never a suppressed group's size. */
  | { readonly status: 'suppressed' | 'insufficient_data'; readonly reason: string };

/** The latest of the waves that satisfy `accept` (by latest answer date, then by label). */
function latestWave(ends: ReadonlyMap<string, IsoDate>, accept: (end: IsoDate) => boolean): string | undefined {
  let best: [string, IsoDate] | undefined;
  for (const [wave, end] of ends) {
    if (!accept(end)) continue;
    if (!best || end > best[1] || (end === best[1] && wave > best[0])) best = [wave, end];
  }
  return best?.[0];
}

/** The wave whose latest answer falls in P (the latest such wave when several). */
export const currentWave = (answers: SurveySummary, window: ReportWindow): string | undefined =>
  latestWave(answers.waveEnds(), (end) => end >= window.period.start && end <= window.period.end);

/** `survey.baselineWave`, else the latest wave whose answers all precede the program start. */
export function baselineWave(answers: SurveySummary, config: Config, programStart: IsoDate | undefined): string | undefined {
  if (config.survey.baselineWave !== undefined) return config.survey.baselineWave;
  if (programStart === undefined) return undefined;
  return latestWave(answers.waveEnds(), (end) => end < programStart);
}

/** Rescales a score from the configured scale to 0–10. */
export const rescale = (score: number, config: Config): number =>
  ((score - config.survey.scale.min) / (config.survey.scale.max - config.survey.scale.min)) * 10;

export function groupScore(
  answers: SurveySummary,
  wave: string,
  group: RespondentGroup,
  question: string,
  config: Config,
): GroupScore {
  const tally = answers.tally(wave, question, GROUP_MEMBERS[group]);
  if (tally.answers === 0) {
    const why = answers.noColumnWhy(question);
    return { status: 'insufficient_data', reason: `no answers of group ${group} to ${question} in wave ${wave}${why === undefined ? '' : `: ${why}`}` };
  }
  if (tally.size < config.survey.minGroupSize) {
    return {
      status: 'suppressed',
      reason: `group ${group} answered ${question} in wave ${wave} with fewer than ${config.survey.minGroupSize} respondents`,
    };
  }
  // The mean of rescaled scores is the rescaled mean: the scale is linear.
  return { status: 'ok', mean: rescale(tally.sum / tally.answers, config), answers: tally.answers };
}
