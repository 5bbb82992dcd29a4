/**
 * Which measures and red flags are computed from each survey question, as their definitions declare
 * (`question`): what a survey file without the question leaves without answers, said where it is found.
 */
import type { RedFlagId } from '../core/config.js';
import type { QuestionId } from '../core/datasets.js';
import type { MeasureId } from '../core/report.js';
import { METRICS } from '../metrics/index.js';
import { RED_FLAGS } from '../red-flags/index.js';

export interface QuestionReaders {
  readonly measures: readonly MeasureId[];
  readonly redFlags: readonly RedFlagId[];
}

export const questionReaders = (question: QuestionId): QuestionReaders => ({
  measures: METRICS.flatMap((metric) => metric.measures).filter((measure) => measure.question === question).map((measure) => measure.id),
  redFlags: RED_FLAGS.filter((flag) => flag.question === question).map((flag) => flag.id),
});

const listed = (ids: readonly string[]): string =>
  ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;

/** `the measures role_scope_score and satisfaction_uplift`, `the red flag coding_frustration`; undefined for none. */
export function readersText({ measures, redFlags }: QuestionReaders): string | undefined {
  const parts = [
    ...(measures.length === 0 ? [] : [`the ${measures.length === 1 ? 'measure' : 'measures'} ${listed(measures)}`]),
    ...(redFlags.length === 0 ? [] : [`the red ${redFlags.length === 1 ? 'flag' : 'flags'} ${listed(redFlags)}`]),
  ];
  return parts.length === 0 ? undefined : parts.join(' and ');
}
