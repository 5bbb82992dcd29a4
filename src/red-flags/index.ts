/** The six red flags, in the order of metrics.md. */
import codingFrustration from './coding-frustration.js';
import type { RedFlagDefinition } from './define.js';
import noImprovements from './no-improvements.js';
import ops1Undervalued from './ops1-undervalued.js';
import promotionPay from './promotion-pay.js';
import taskExecution from './task-execution.js';
import year1Turnover from './year1-turnover.js';

export const RED_FLAGS: readonly RedFlagDefinition[] = [
  taskExecution, year1Turnover, codingFrustration, noImprovements, ops1Undervalued, promotionPay,
];
