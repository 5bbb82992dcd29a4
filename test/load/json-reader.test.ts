import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/problems.js';
import { readJson } from '../../src/load/json-reader.js';
import { collect, plain, rejection, tempFile } from './helpers.js';

const rowsOf = async (content: string, options: Parameters<typeof readJson>[1] = {}) =>
  collect(readJson(tempFile('data.json', content), options));

describe('readJson', () => {
  it('reads an array of objects, line = 0-based array index, values untouched', async () => {
    const rows = await rowsOf('[{"id":"a","n":1},{"id":"b","ok":true,"x":null}]');
    expect(rows.map((r) => [r.line, plain(r.fields), r.defect])).toEqual([
      [0, { id: 'a', n: 1 }, undefined],
      [1, { id: 'b', ok: true, x: null }, undefined],
    ]);
  });

  it('reads the single array property of an object, ignoring non-array metadata', async () => {
    const rows = await rowsOf('\uFEFF{ "limit": 25, "more": false, "incidents": [{"id":"P1"}], "meta": {"a": 1} }');
    expect(rows.map((r) => [r.line, plain(r.fields)])).toEqual([[0, { id: 'P1' }]]);
  });

  it("gives an object document's other properties to onDocument before the first record, and nothing for an array document", async () => {
    const seen: unknown[] = [];
    const onDocument = (document: unknown) => seen.push(document);
    const rows = await rowsOf('{ "limit": 2, "more": true, "incidents": [{"id":"P1"},{"id":"P2"}], "total": null }', { onDocument });
    expect(rows).toHaveLength(2);
    expect(seen).toEqual([{ recordsKey: 'incidents', records: 2, properties: { limit: 2, more: true, total: null } }]);
    await rowsOf('[{"id":"P1"}]', { onDocument });
    expect(seen).toHaveLength(1);
  });

  it('refuses an object with two array properties, naming them', async () => {
    const error = await rejection(rowsOf('{"incidents":[],"users":[{"id":1}]}'));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'json_two_arrays', message: 'expected one array of records, found several array properties: incidents, users' });
  });

  describe('with a records property (a preset names the array that holds the records)', () => {
    const employees = { recordsProperty: { name: 'employees', expectedBy: 'preset "bamboohr"' } };

    it('takes that array and leaves the others, line = the index in it, keys given twice still found', async () => {
      // `fields` comes first and has two elements: the records' lines count from the start of `employees`.
      const text = [
        '{"title": "Roster",', //                                                       line 1
        ' "fields": [{"id": "employeeNumber"}, {"id": "hireDate"}],', //                  line 2
        ' "employees": [{"employeeNumber": "1001"},', //                                  line 3
        '  {"employeeNumber": "1002", "employeeNumber": "1003"}]}', //                    line 4: columns 4 and 30
      ].join('\n');
      const rows = await rowsOf(text, employees);
      expect(rows.map((r) => [r.line, plain(r.fields), r.defect])).toEqual([
        [0, { employeeNumber: '1001' }, undefined],
        [1, { employeeNumber: '1003' }, { kind: 'repeated_keys', keys: [{ field: 'employeeNumber', path: 'employeeNumber', times: 2, first: { line: 4, column: 4 }, last: { line: 4, column: 30 } }] }],
      ]);
    });

    it('reads a document that is an array of the records as it reads any', async () => {
      expect((await rowsOf('[{"employeeNumber": "1001"}]', employees)).map((r) => plain(r.fields))).toEqual([{ employeeNumber: '1001' }]);
    });

    it.each([
      ['{"title": "Roster", "fields": [], "rows": [{"id": 1}]}', 'no property "employees" (the object has: title, fields, rows)'],
      ['{"fields": [], "employees": {"1001": {}}}', '"employees" holding an object'],
      ['{"employees": null}', '"employees" holding null'],
      ['{}', 'an empty object'],
    ])('refuses an object without the array, saying which property it expected: %s', async (content, found) => {
      const error = await rejection(rowsOf(content, employees));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({
        code: 'json_records_missing',
        line: 0,
        message: `expected the records in the array property "employees", as preset "bamboohr" reads them, found ${found}`,
      });
    });

    it('refuses the object holding the records when it gives their key twice', async () => {
      const error = await rejection(rowsOf('{"employees": [], "title": "Roster", "employees": [{"id": 1}]}', employees));
      expect(error).toMatchObject({ code: 'json_repeated_key', message: expect.stringMatching(/^the key "employees" is given twice/) });
    });
  });

  it.each([
    ['"text"', 'a string'],
    ['42', 'a number'],
    ['null', 'null'],
    ['{"limit":25}', 'an object without an array property'],
  ])('refuses a document that holds no array: %s', async (content, found) => {
    expect(await rejection(rowsOf(content))).toMatchObject({
      code: 'json_no_records',
      message: `expected a JSON array of records (or an object holding one array), found ${found}`,
    });
  });

  it('yields elements that are not objects with empty fields and a not_an_object defect', async () => {
    const rows = await rowsOf('[{"id":1}, 7, [1], "s", null, false]');
    expect(rows.map((r) => [r.line, Object.keys(r.fields).length, r.defect?.kind === 'not_an_object' ? r.defect.found : undefined])).toEqual([
      [0, 1, undefined],
      [1, 0, 'a number'],
      [2, 0, 'an array'],
      [3, 0, 'a string'],
      [4, 0, 'null'],
      [5, 0, 'true/false'],
    ]);
  });

  it('yields an element that gives a key twice with its fields and a repeated_keys defect, at its index, with the lines of both keys', async () => {
    const text = [
      '[', //                                                    line 1
      '  {"incident_id": "INC-1", "priority": "P1",', //         line 2: the first "priority" at column 28
      '   "priority": "P3"},', //                                  line 3
      '  {"incident_id": "INC-2", "priority": "P2"},', //        line 4
      String.raw`  {"priority": "P1", "pri\u006frity": "P3"}, 7,`, // line 5
      '  {"incident_id": "INC-4", "tags": [{"a": 1}, {"a": 1, "a": 2}]}', // line 6
      ']',
    ].join('\n');
    const rows = await rowsOf(text);
    expect(rows.map((r) => [r.line, plain(r.fields), r.defect])).toEqual([
      [0, { incident_id: 'INC-1', priority: 'P3' }, { kind: 'repeated_keys', keys: [{ field: 'priority', path: 'priority', times: 2, first: { line: 2, column: 28 }, last: { line: 3, column: 4 } }] }],
      [1, { incident_id: 'INC-2', priority: 'P2' }, undefined],
      [2, { priority: 'P3' }, { kind: 'repeated_keys', keys: [{ field: 'priority', path: 'priority', times: 2, first: { line: 5, column: 4 }, last: { line: 5, column: 22 } }] }],
      [3, {}, { kind: 'not_an_object', found: 'a number' }],
      [4, { incident_id: 'INC-4', tags: [{ a: 1 }, { a: 2 }] }, { kind: 'repeated_keys', keys: [{ field: 'tags', path: 'tags[1].a', times: 2, first: { line: 6, column: 48 }, last: { line: 6, column: 56 } }] }],
    ]);
  });

  it('finds repeated keys in the records of an object holding them, and takes the records as they are otherwise', async () => {
    const rows = await rowsOf('{"limit": 25, "meta": {"a": [1]}, "incidents": [{"id": "P1"}, {"id": "P2", "id": "P3"}], "more": false}');
    expect(rows.map((r) => [r.line, plain(r.fields), r.defect?.kind])).toEqual([[0, { id: 'P1' }, undefined], [1, { id: 'P3' }, 'repeated_keys']]);
  });

  it.each([
    ['the array of records', '{"incidents": [{"id": 1}],\n "limit": 2,\n "incidents": [{"id": 2}]}', 'incidents', 1, 2, 3, 2],
    ['a value beside it', '{"limit": 1, "incidents": [{"id": 1}], "limit": 2}', 'limit', 1, 2, 1, 40],
  ])('refuses an object holding the records that gives a key twice (%s), naming the key and both places', async (_, content, key, line1, column1, line2, column2) => {
    const error = await rejection(rowsOf(content));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'json_repeated_key',
      line: line2,
      message: `the key "${key}" is given twice in the object holding the records (first on line ${line1} at column ${column1}, ` +
        `again on line ${line2} at column ${column2}); JSON keeps the last, so which value was meant is unclear`,
    });
  });

  it('reports invalid JSON with the line and column of the error, also where V8 gives no position', async () => {
    // line 3 is `  {"id": 2,}`: two spaces, then `{"id": 2,` fills columns 3-11, so the `}` is at column 12
    const error = await rejection(rowsOf('[\n  {"id": 1},\n  {"id": 2,}\n]'));
    expect(error).toMatchObject({ code: 'json_invalid', line: 3, message: 'invalid JSON: syntax error at line 3, column 12' });
  });

  it('refuses a file above the size limit before reading it', async () => {
    // '[{"a":1}]' is 9 bytes
    const error = await rejection(rowsOf('[{"a":1}]', { maxFileBytes: 8 }));
    expect(error).toMatchObject({ code: 'file_too_large', message: 'the JSON file is 9 bytes, above the 8 bytes limit for JSON documents' });
    expect(await rowsOf('[{"a":1}]', { maxFileBytes: 9 })).toHaveLength(1);
  });

  it.each([['0 bytes', ''], ['a BOM and whitespace', '\uFEFF \n ']])('refuses an empty file (%s)', async (_, content) => {
    expect(await rejection(rowsOf(content))).toMatchObject({ code: 'file_empty', message: 'file is empty' });
  });

  it('keeps __proto__ and constructor keys as plain fields without polluting Object.prototype', async () => {
    const rows = await rowsOf('[{"__proto__": {"polluted": "yes"}, "constructor": "c", "id": "1"}, {"id": "2"}]');
    const [first, second] = rows;
    expect(Object.keys(first?.fields ?? {})).toEqual(['__proto__', 'constructor', 'id']);
    expect(first?.fields['__proto__']).toEqual({ polluted: 'yes' });
    expect(first?.fields['constructor']).toBe('c');
    // a key that is not in the record is absent, not inherited
    expect(second?.fields['constructor']).toBeUndefined();
    expect(second?.fields['toString']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(first?.fields)).toBeNull();
  });
});
