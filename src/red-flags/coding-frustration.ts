/** 2.0s frustrated with coding expectations: the 2.0 group's mean `coding_expectations` in the current wave. */
import { defineRedFlag } from './define.js';
import { surveyMeanFlag } from './survey-mean.js';

export default defineRedFlag({
  id: 'coding_frustration',
  title: '2.0s frustrated with coding expectations',
  fix: 'Clarify how much coding the role expects, pair 2.0s with automation mentors and fund automation-design training.',
  needs: ['survey'],
  threshold: (config) => ({ op: '<', value: config.thresholds.coding_frustration }),
  ...surveyMeanFlag('2.0', 'coding_expectations'),
});
