import { describe, expect, it } from 'vitest';
import { findPreset, presetNamesFor } from '../../src/presets/registry.js';

describe('findPreset', () => {
  it('matches a name case-insensitively after trimming', () => {
    expect(findPreset(' Jira ')?.name).toBe('jira');
    expect(findPreset('servicenow')).toBeUndefined();
  });

  it('reads "pagerduty" by the file\'s format: the CSV export, else the API\'s JSON', () => {
    expect(findPreset('pagerduty', 'csv')?.name).toBe('pagerduty-csv');
    expect(findPreset('PagerDuty', 'json')?.name).toBe('pagerduty-api');
    expect(findPreset('pagerduty', 'ndjson')?.name).toBe('pagerduty-api');
    // A file not found yet (a --preset flag for a missing file) is taken as CSV, the format of any other extension.
    expect(findPreset('pagerduty')?.name).toBe('pagerduty-csv');
    // A preset's own name is never re-chosen by format.
    expect(findPreset('pagerduty-csv', 'json')?.name).toBe('pagerduty-csv');
  });
});

describe('presetNamesFor', () => {
  it('names the presets that read a dataset, then the names chosen by format that do', () => {
    expect(presetNamesFor('incidents')).toEqual(['pagerduty-csv', 'pagerduty-api', 'jira', 'opsgenie', 'incidentio', 'pagerduty']);
    expect(presetNamesFor('people')).toEqual(['bamboohr', 'workday']);
    expect(presetNamesFor('trainings')).toEqual([]);
  });
});
