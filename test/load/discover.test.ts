import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDatasets, filesNotRead, formatOfPath } from '../../src/load/discover.js';
import { rejection, tempDir } from './helpers.js';

const folderWith = (...names: string[]): string => {
  const dir = tempDir();
  for (const name of names) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), 'x\n');
  }
  return dir;
};

describe('discoverDatasets', () => {
  it('finds datasets by base name and extension, in dataset order, leaving absent ones out', async () => {
    const dir = folderWith('incidents.csv', 'people.JSONL', 'survey.Json', 'notes.txt', 'people-old.csv', 'ops-metrics.config.json');
    const { sources, unresolved } = await discoverDatasets(dir, {});
    expect(unresolved).toEqual([]);
    expect(sources).toEqual([
      { dataset: 'people', path: join(dir, 'people.JSONL'), displayName: 'people.JSONL', format: 'ndjson' },
      { dataset: 'incidents', path: join(dir, 'incidents.csv'), displayName: 'incidents.csv', format: 'csv' },
      { dataset: 'survey', path: join(dir, 'survey.Json'), displayName: 'survey.Json', format: 'json' },
    ]);
  });

  it('matches a file name as column names are matched: case, spaces, - and _ alike', async () => {
    // Not a dataset: trainings.tsv (no extension read), job-history-2025.csv (another name).
    const dir = folderWith('Job History.CSV', 'ACTION-ITEMS.json', 'Skill_Assessments.csv', 'trainings.tsv', 'job-history-2025.csv');
    expect((await discoverDatasets(dir, {})).sources.map((s) => [s.dataset, s.displayName])).toEqual([
      ['job_history', 'Job History.CSV'], ['action_items', 'ACTION-ITEMS.json'], ['skill_assessments', 'Skill_Assessments.csv'],
    ]);
    // Two spellings of one dataset's name are two files for it.
    const { unresolved } = await discoverDatasets(folderWith('people.csv', 'People.csv'), {});
    expect(unresolved).toMatchObject([{ dataset: 'people', files: ['People.csv', 'people.csv'], error: { code: 'dataset_ambiguous', message: 'two files for the dataset people: People.csv, people.csv' } }]);
  });

  it('leaves a dataset with two files unresolved, naming both, and finds the others', async () => {
    const { sources, unresolved } = await discoverDatasets(folderWith('incidents.json', 'incidents.csv', 'people.csv'), {});
    expect(unresolved).toMatchObject([{ dataset: 'incidents', error: { code: 'dataset_ambiguous', message: 'two files for the dataset incidents: incidents.csv, incidents.json' } }]);
    expect(sources.map((s) => s.displayName)).toEqual(['people.csv']);
  });

  it('leaves every dataset whose file cannot be told unresolved, in dataset order', async () => {
    const dir = folderWith('trainings.csv', 'trainings.jsonl', 'people.csv', 'people.json', 'incidents.csv');
    const { sources, unresolved } = await discoverDatasets(dir, { survey: { path: 'exports/survey.csv' } });
    expect(unresolved.map((u) => [u.dataset, u.error.code, u.error.file, u.files])).toEqual([
      ['people', 'dataset_ambiguous', 'people.csv', ['people.csv', 'people.json']],
      ['survey', 'dataset_path_missing', join('exports', 'survey.csv'), []],
      ['trainings', 'dataset_ambiguous', 'trainings.csv', ['trainings.csv', 'trainings.jsonl']],
    ]);
    expect(sources.map((s) => s.displayName)).toEqual(['incidents.csv']);
  });

  it('uses a configured path relative to the data folder, over a file found by name', async () => {
    const dir = folderWith('incidents.csv', 'exports/pd.tsv');
    const { sources } = await discoverDatasets(dir, { incidents: { path: 'exports/pd.tsv', delimiter: '\t' } });
    expect(sources).toEqual([{ dataset: 'incidents', path: join(dir, 'exports', 'pd.tsv'), displayName: join('exports', 'pd.tsv'), format: 'csv' }]);
  });

  it('shows an absolute configured path as written, and the data folder itself as ".", rather than "../../.." or nothing', async () => {
    const dir = folderWith();
    const elsewhere = folderWith('roster.csv');
    const { sources } = await discoverDatasets(dir, { people: { path: join(elsewhere, 'roster.csv') }, incidents: { path: '.' } });
    expect(sources.map((s) => s.displayName)).toEqual([join(elsewhere, 'roster.csv'), '.']);
  });

  it.skipIf(process.getuid?.() === 0)('says a data folder that cannot be listed is a folder', async () => {
    // Root lists any folder, so this runs as another user only; the message itself is tested in open-input.test.ts.
    const dir = folderWith('people.csv');
    chmodSync(dir, 0o000);
    try {
      expect(await rejection(discoverDatasets(dir, {}))).toMatchObject({ code: 'file_unreadable', message: 'cannot read the folder: permission denied' });
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('leaves a dataset whose configured path does not exist unresolved', async () => {
    const { unresolved } = await discoverDatasets(folderWith(), { people: { path: 'hris/roster.csv' } });
    expect(unresolved).toMatchObject([{ dataset: 'people', files: [], error: { code: 'dataset_path_missing', file: join('hris', 'roster.csv') } }]);
  });

  it('refuses a data folder that does not exist, or is a file', async () => {
    const dir = folderWith('people.csv');
    expect(await rejection(discoverDatasets(join(dir, 'nope'), {}))).toMatchObject({ code: 'data_dir_missing', message: `data folder not found: ${join(dir, 'nope')}` });
    expect(await rejection(discoverDatasets(join(dir, 'people.csv'), {}))).toMatchObject({ code: 'data_dir_not_a_folder' });
  });
});

describe('filesNotRead', () => {
  it('tells a file named for a dataset the config points elsewhere from one named for none', async () => {
    const dir = folderWith('incidents.csv', 'Incidents.tsv', 'Job History.json', 'exports/pd.csv', 'roster.csv', 'notes.txt');
    const datasets = { incidents: { path: 'exports/pd.csv' }, job_history: { path: '../hr/history.csv' } };
    // job_history's path is not there: the dataset is unresolved, and its named file is still not read.
    const discovery = await discoverDatasets(dir, datasets);
    expect(filesNotRead(dir, discovery, [], datasets)).toEqual([
      { name: 'Incidents.tsv', pointedAway: { dataset: 'incidents', path: join('exports', 'pd.csv') } },
      { name: 'Job History.json', pointedAway: { dataset: 'job_history', path: join('..', 'hr', 'history.csv') } },
      { name: 'incidents.csv', pointedAway: { dataset: 'incidents', path: join('exports', 'pd.csv') } },
      { name: 'roster.csv' },
    ]);
  });

  it('leaves out a file named for a dataset whose configured path is that file', async () => {
    const dir = folderWith('Incidents.CSV');
    const datasets = { incidents: { path: 'Incidents.CSV' } };
    expect(filesNotRead(dir, await discoverDatasets(dir, datasets), [], datasets)).toEqual([]);
  });
});

describe('formatOfPath', () => {
  it.each([
    ['a/b.CSV', 'csv'],
    ['x.json', 'json'],
    ['x.NDJSON', 'ndjson'],
    ['x.jsonl', 'ndjson'],
    ['x.tsv', 'csv'],
  ])('%s → %s', (path, format) => {
    expect(formatOfPath(path)).toBe(format);
  });
});
