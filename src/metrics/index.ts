/** The eight metrics, in the order of metrics.md (the JSON report keeps this order). */
import adoption from './adoption.js';
import type { MetricDefinition } from './define.js';
import exceptionHandling from './exception-handling.js';
import mentorship from './mentorship.js';
import processImprovement from './process-improvement.js';
import retention from './retention.js';
import satisfaction from './satisfaction.js';
import strategicVisibility from './strategic-visibility.js';
import technicalGrowth from './technical-growth.js';

export const METRICS: readonly MetricDefinition[] = [
  retention, satisfaction, adoption, technicalGrowth, exceptionHandling, processImprovement, mentorship, strategicVisibility,
];
