/** Trainings whose course names automation but is not the automation-design course: one warning a file. */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { watchAutomationCourses } from '../../src/validate/automation-courses.js';
import { testConfig } from '../helpers/org.js';

describe('watchAutomationCourses', () => {
  it('names the courses that speak of automation and count nowhere, with how to count them', () => {
    const watch = watchAutomationCourses(testConfig());
    watch.note('automation-design', 2); // the course
    watch.note('Automation Design 101', 3);
    watch.note('terraform-fundamentals', 4); // another course: not a concern
    watch.note('automation design 101', 7);
    expect(watch.finish()).toEqual([{
      line: 3, column: 'course', severity: 'warning',
      message: '1 course names automation but is not the automation-design course, so it counts in no figure: ' +
        '"Automation Design 101" (2 rows, the first on line 3). If one is that course, add it under "courses": ' +
        '{ "automationDesign": ["automation-design", "automation design", "<course>"] } in the config',
    }]);
  });

  it('says nothing once the course is configured', () => {
    const resolved = resolveConfig({ courses: { automationDesign: ['automation-design', 'Automation Design 101'] } });
    if (!('config' in resolved)) throw new Error('config refused');
    const watch = watchAutomationCourses(resolved.config);
    watch.note('Automation Design 101', 3);
    expect(watch.finish()).toEqual([]);
  });
});
