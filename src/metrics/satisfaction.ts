/**
 * Metric 2, Job satisfaction (metrics.md §2 and "Survey groups"): the 2.0 group's mean answers in the
 * current wave, and the role-scope uplift over the baseline wave. A group below the minimum size yields
 * a status and a reason that names the minimum, never the group's size.
 */
import type { QuestionId } from '../core/datasets.js';
import { SurveySummary } from '../core/survey-summary.js';
import type { MeasureId } from '../core/report.js';
import { defineMetric, figure, unavailable, type Computed, type MeasureContext, type MeasureDefinition } from './define.js';
import { baselineWave, currentWave, groupScore, type RespondentGroup } from './survey-groups.js';

type Scored = { readonly mean: number; readonly answers: number; readonly wave: string } | Extract<Computed, { value: null }>;

/** The mean of one group's answers to one question in one wave, or why there is none. */
function scoreOf(ctx: MeasureContext, answers: SurveySummary, wave: string, group: RespondentGroup, question: QuestionId): Scored {
  const score = groupScore(answers, wave, group, question, ctx.config);
  switch (score.status) {
    case 'ok':
      return { mean: score.mean, answers: score.answers, wave };
    case 'suppressed':
      return { value: null, status: 'suppressed', reason: score.reason };
    case 'insufficient_data':
      return { value: null, status: 'insufficient_data', n: 0, reason: score.reason };
    default: {
      const never: never = score;
      return never;
    }
  }
}

/** The 2.0 group's score in the current wave (the wave whose latest answer falls in P). */
function currentScore(ctx: MeasureContext, question: QuestionId): Scored {
  const answers = ctx.data.survey ?? new SurveySummary(ctx.config.survey.minGroupSize);
  const wave = currentWave(answers, ctx.window);
  if (wave === undefined) {
    return { value: null, status: 'insufficient_data', n: 0, reason: `no survey wave ends in ${ctx.window.period.label}` };
  }
  return scoreOf(ctx, answers, wave, '2.0', question);
}

/** The question and the computation of a measure that is the 2.0 group's mean answer to it. */
const groupMean = (question: QuestionId): Pick<MeasureDefinition, 'question' | 'compute'> => ({
  question,
  compute: (ctx) => {
    const score = currentScore(ctx, question);
    return 'mean' in score ? figure(score.mean, score.answers) : score;
  },
});

const ROLE_SCOPE: QuestionId = 'role_scope_satisfaction';

/** Waves listed in a reason at most: a survey of weekly pulses has hundreds. */
const WAVES_LISTED = 10;

/**
 * Why a configured baseline wave has no answers: it names no wave answered by T. Waves are labels and
 * matched exactly; one that differs only in case (`2024-q2` for `2024-Q2`) is named, as the likely meant.
 */
function unknownBaseline(wave: string, answers: SurveySummary, asOf: string): string {
  const waves = [...answers.waveEnds().keys()].sort();
  const sameButCase = waves.find((w) => w.toLowerCase() === wave.toLowerCase());
  const listed = waves.length <= WAVES_LISTED ? waves.join(', ') : `${waves.slice(0, WAVES_LISTED).join(', ')} and ${waves.length - WAVES_LISTED} more`;
  const hint = sameButCase !== undefined
    ? `: did you mean ${sameButCase}? Waves are matched exactly, case included`
    : waves.length === 0 ? '' : ` (its waves: ${listed})`;
  return `survey.baselineWave ${wave} is no wave of the survey answered by ${asOf}${hint}`;
}

/**
 * role_scope_score ÷ the baseline wave's mean of all respondents − 1. Unavailable, in this order: the
 * current score's own status, no baseline wave, the baseline group's status, a baseline mean ≤ 0. n is null
 * throughout (a ratio of ratios).
 */
function uplift(ctx: MeasureContext): Computed {
  const current = currentScore(ctx, ROLE_SCOPE);
  if (!('mean' in current)) return { ...current, n: null };
  const answers = ctx.data.survey ?? new SurveySummary(ctx.config.survey.minGroupSize);
  const wave = baselineWave(answers, ctx.config, ctx.model.programStart);
  if (wave === undefined) {
    const why = ctx.model.programStart === undefined
      ? 'no baseline wave: survey.baselineWave is not set and there is no program start'
      : `no baseline wave: survey.baselineWave is not set and no wave ends before the program start ${ctx.model.programStart}`;
    return unavailable('insufficient_data', why, { n: null });
  }
  if (ctx.config.survey.baselineWave !== undefined && !answers.waveEnds().has(wave)) {
    return unavailable('insufficient_data', unknownBaseline(wave, answers, ctx.window.asOf), { n: null });
  }
  const baseline = scoreOf(ctx, answers, wave, 'all', ROLE_SCOPE);
  if (!('mean' in baseline)) return { ...baseline, n: null };
  if (baseline.mean <= 0) {
    return unavailable('insufficient_data', `the baseline wave ${wave} has a mean ${ROLE_SCOPE} of 0`, { n: null });
  }
  const note = `wave ${current.wave}, group 2.0: ${current.mean.toFixed(2)}; baseline wave ${wave}, all respondents: ${baseline.mean.toFixed(2)}`;
  return figure(current.mean / baseline.mean - 1, null, { details: [{ note }] });
}

const infoMean = (id: MeasureId & QuestionId, label: string): MeasureDefinition => ({
  id, label, unit: 'score', target: null, needs: ['survey'], ...groupMean(id),
});

export default defineMetric({
  id: 'satisfaction',
  title: 'Job satisfaction',
  measures: [
    {
      id: 'role_scope_score',
      label: '2.0s satisfied with the scope of their role',
      unit: 'score',
      target: { op: '>=', value: 8.5 },
      needs: ['survey'],
      ...groupMean(ROLE_SCOPE),
    },
    {
      id: 'satisfaction_uplift',
      label: 'Role-scope satisfaction up on the baseline wave',
      unit: 'ratio',
      target: { op: '>=', value: 0.3 },
      needs: ['survey'],
      question: ROLE_SCOPE,
      compute: uplift,
    },
    infoMean('autonomy', '2.0s satisfied with their autonomy'),
    infoMean('problem_quality', '2.0s satisfied with the problems they work on'),
    infoMean('career_growth', '2.0s satisfied with their career growth'),
    infoMean('design_vs_execution_time', '2.0s satisfied with their design vs execution time'),
  ],
});
