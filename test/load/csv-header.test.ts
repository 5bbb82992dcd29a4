import { describe, expect, it } from 'vitest';
import { columnKeys, extendKeys, findColumnByHeaderText } from '../../src/load/csv-header.js';

describe('columnKeys', () => {
  it.each([
    [['Labels', 'Labels', 'Labels'], ['Labels', 'Labels_2', 'Labels_3']],
    [[' id ', '', 'name'], ['id', 'column_2', 'name']],
    // the file already has "a_2": the repeat of "a" skips to a_3 so that no column is lost
    [['a', 'a', 'a_2'], ['a', 'a_3', 'a_2']],
    [['column_2', ''], ['column_2', 'column_2_2']],
  ])('%j → %j', (names, keys) => {
    expect(columnKeys(names)).toEqual(keys);
  });
});

describe('extendKeys', () => {
  it('adds column_N keys for fields beyond the header, avoiding names in use', () => {
    expect(extendKeys(['a', 'column_3'], 4)).toEqual(['a', 'column_3', 'column_3_2', 'column_4']);
  });
});

describe('findColumnByHeaderText', () => {
  const header = { keys: ['Q1', 'Q1_2', 'Q2'], rows: [['Q1', 'Q1', 'Q2'], ['Start Date', 'How satisfied are you?', 'Autonomy']] };

  it('finds a column by its text in a later header row, case-insensitively', () => {
    expect(findColumnByHeaderText(header, '  how SATISFIED are you? ')).toBe('Q1_2');
  });

  it('finds a column by its first-row name, and nothing for unknown text', () => {
    expect(findColumnByHeaderText(header, 'q2')).toBe('Q2');
    expect(findColumnByHeaderText(header, 'Career growth')).toBeUndefined();
  });
});
