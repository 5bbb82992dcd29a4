import { describe, expect, it } from 'vitest';
import { columnKeys, extendKeys, findColumnByHeaderText, repeatedColumns } from '../../src/load/csv-header.js';

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

describe('repeatedColumns', () => {
  it('gives the key of each repeated name\'s first column and the keys of the later ones', () => {
    const names = ['Component/s', 'Labels', 'Component/s', 'Labels_2', '', 'Labels', '', 'Component/s', 'Summary'];
    const header = { keys: columnKeys(names), rows: [names] };
    // Labels' second column is keyed Labels_3 (the file has its own Labels_2); empty cells repeat nothing.
    expect([...repeatedColumns(header)]).toEqual([
      ['Component/s', ['Component/s_2', 'Component/s_3']],
      ['Labels', ['Labels_3']],
    ]);
    expect(repeatedColumns({ keys: ['a', 'b'], rows: [['a', 'b']] }).size).toBe(0);
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
