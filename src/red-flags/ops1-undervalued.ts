/** 1.0 engineers feel undervalued: the 1.0 group's mean `feel_valued` in the current wave. */
import { defineRedFlag } from './define.js';
import { surveyMeanFlag } from './survey-mean.js';

export default defineRedFlag({
  id: 'ops1_undervalued',
  title: '1.0 engineers feel undervalued',
  fix: 'Recognise 1.0 work openly, show the path from 1.0 to 2.0 and make sure every 1.0 engineer has a 2.0 mentor.',
  needs: ['survey'],
  threshold: (config) => ({ op: '<', value: config.thresholds.ops1_undervalued }),
  ...surveyMeanFlag('1.0', 'feel_valued'),
});
