/**
 * The figure behind the two survey red flags: the mean answer of one respondent group to one question in
 * the current wave. A suppressed group yields no figure and no size, exactly as a survey measure does.
 */
import { currentWave, groupScore, type RespondentGroup } from '../metrics/survey-groups.js';
import { SurveySummary } from '../core/survey-summary.js';
import type { QuestionId } from '../core/datasets.js';
import type { MeasureContext } from '../metrics/define.js';
import type { RedFlagComputed, RedFlagDefinition } from './define.js';

export function surveyGroupMean(ctx: MeasureContext, group: RespondentGroup, question: QuestionId): RedFlagComputed {
  const answers = ctx.data.survey ?? new SurveySummary(ctx.config.survey.minGroupSize);
  const wave = currentWave(answers, ctx.window);
  if (wave === undefined) {
    return { value: null, status: 'insufficient_data', reason: `no survey wave ends in ${ctx.window.period.label}` };
  }
  const score = groupScore(answers, wave, group, question, ctx.config);
  switch (score.status) {
    case 'suppressed':
    case 'insufficient_data':
      return { value: null, status: score.status, reason: score.reason };
    case 'ok':
      return { value: score.mean, evidence: [{ note: `mean ${score.mean.toFixed(2)} of ${score.answers} answers, group ${group}, wave ${wave}` }] };
    default: {
      const never: never = score;
      return never;
    }
  }
}

/** The question and the evaluation of a red flag on one group's mean answer to it. */
export const surveyMeanFlag = (group: RespondentGroup, question: QuestionId): Pick<RedFlagDefinition, 'question' | 'evaluate'> => ({
  question,
  evaluate: (ctx) => surveyGroupMean(ctx, group, question),
});
