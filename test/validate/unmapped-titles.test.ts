/** Titles and survey respondent levels read as other without being told to: one warning a file. */
import { describe, expect, it } from 'vitest';
import { watchUnmappedTitles } from '../../src/validate/unmapped-titles.js';
import { testConfig } from '../helpers/org.js';

describe('watchUnmappedTitles', () => {
  it('lists each title the level map does not know, with its rows and first line, in one warning', () => {
    const watch = watchUnmappedTitles('title', testConfig());
    watch.note('Ops Eng 2.0', 12);
    watch.note('Sales Rep', 14);
    watch.note(' ops eng 2.0 ', 20); // the same title, as the level map matches it
    expect(watch.finish()).toEqual([{
      line: 12, column: 'title', severity: 'warning',
      message: '2 titles are not in the level map, so read as other (outside ops): "Ops Eng 2.0" (2 rows, the first on line 12), ' +
        '"Sales Rep" (line 14). If one is an ops level, map it under "levels" in the config ({ "levels": { "<title>": "ops2" } }); ' +
        'map one to "other" to say it is outside ops',
    }]);
  });

  it('says nothing of a title mapped to other on purpose, of a respondent level given as a code, or of none', () => {
    const config = testConfig({ levels: new Map([['product manager', 'other']]) });
    const titles = watchUnmappedTitles('title', config);
    titles.note('Product Manager', 3);
    expect(titles.finish()).toEqual([]);
    const levels = watchUnmappedTitles('respondent_level', config);
    levels.note('other', 4);
    levels.note('OPS2', 5);
    expect(levels.finish()).toEqual([]);
  });

  it('names six or more texts by the first five and a count', () => {
    const watch = watchUnmappedTitles('respondent_level', testConfig());
    for (let i = 1; i <= 7; i++) watch.note(`Role ${i}`, i + 1);
    const [warning] = watch.finish();
    expect(warning?.message).toMatch(/^7 respondent levels are not in the level map, so read as other \(outside ops\): "Role 1" \(line 2\), .*"Role 5" \(line 6\), and 2 more\. /);
  });
});
