/**
 * Trainings of any course are read; only completions of the automation-design course (config
 * `courses.automationDesign`) count, in `automation_course_6m`. A course whose name speaks of automation
 * but is not in that list (`Automation Design 101`) is most likely the same course under its catalogue
 * name, and would quietly leave its people out of the measure: each file gets one warning naming such
 * courses, and how to count them.
 */
import { matchKey, type Config } from '../core/config.js';
import type { Finding } from './problem-log.js';
import { tallyTexts } from './text-tally.js';

export interface AutomationCourses {
  note(course: string, line: number): void;
  finish(): Finding[];
}

export function watchAutomationCourses(config: Config): AutomationCourses {
  const counted = new Set(config.courses.automationDesign.map(matchKey));
  const tally = tallyTexts();
  return {
    note(course, line) {
      const key = matchKey(course);
      if (!counted.has(key) && key.includes('automation')) tally.note(course, line);
    },
    finish() {
      if (tally.size === 0) return [];
      return [{
        line: tally.firstLine,
        column: 'course',
        severity: 'warning',
        message: `${tally.size === 1 ? '1 course names' : `${tally.size} courses name`} automation but ${tally.size === 1 ? 'is not' : 'are not'} the automation-design course, ` +
          `so ${tally.size === 1 ? 'it counts' : 'they count'} in no figure: ${tally.listed()}. If one is that course, add it under "courses": ` +
          `{ "automationDesign": [${[...config.courses.automationDesign.map((name) => JSON.stringify(name)), '"<course>"'].join(', ')}] } in the config`,
      }];
    },
  };
}
