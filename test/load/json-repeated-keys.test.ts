import { describe, expect, it } from 'vitest';
import { repeatedKeysOfRecord } from '../../src/load/json-repeated-keys.js';
import { JsonScanner } from '../../src/load/json-scanner.js';

/** The repeated keys of one record's text, as the NDJSON reader asks (places are columns). */
const repeatsOf = (text: string) => {
  const scanner = new JsonScanner(text);
  const found = repeatedKeysOfRecord(scanner, JSON.parse(text) as Record<string, unknown>, false);
  expect(scanner.pos).toBe(text.length); // left just after the record
  return found;
};

describe('repeatedKeysOfRecord', () => {
  it.each([
    ['flat', '{"id":"a","priority":"P1","n":2,"ok":true,"x":null}'],
    ['nested', '{"id":"a","priority":{"summary":"P1","id":"x"},"tags":[{"id":1},{"id":2}],"e":{},"l":[]}'],
    ['the same key in two objects', '{"a":{"k":1},"b":{"k":2},"k":3}'],
    ['keys that differ only in case or space', '{"Priority":1,"priority":2,"priority ":3}'],
    ['escapes that are not the same key', String.raw`{"a\"b":1,"a\\b":2,"a\nb":3,"a/b":4,"a\\/b":5}`],
    ['an empty object', '{}'],
  ])('finds nothing in a record without a repeated key (%s)', (_, text) => {
    expect(repeatsOf(text)).toBeUndefined();
  });

  it('names a repeated key with the columns of its first and last occurrence', () => {
    // `{"incident_id":"INC-1",` is 23 characters: the first "priority" starts at column 24
    const text = '{"incident_id":"INC-1","priority":"P1","priority":"P3"}';
    expect(repeatsOf(text)).toEqual([
      { field: 'priority', path: 'priority', times: 2, first: { column: 24 }, last: { column: 40 } },
    ]);
  });

  it('compares keys after JSON unescaping, as JSON.parse does', () => {
    const text = String.raw`{"priority":"P1","pri\u006frity":"P3","\u0069d":1,"id":2,"a/b":1,"a\/b":2}`;
    expect(JSON.parse(text)).toEqual({ priority: 'P3', id: 2, 'a/b': 2 });
    expect(repeatsOf(text)).toEqual([
      { field: 'priority', path: 'priority', times: 2, first: { column: 2 }, last: { column: 18 } },
      { field: 'id', path: 'id', times: 2, first: { column: 39 }, last: { column: 51 } },
      { field: 'a/b', path: 'a/b', times: 2, first: { column: 58 }, last: { column: 66 } },
    ]);
  });

  it('counts a key given three times once, and finds repeats in nested objects by their path', () => {
    const text = '{"a":1,"a":2,"a":3,"priority":{"summary":"P1","summary":"P2"},"tags":[{"n":1},{"n":1,"n":2}],"odd key":{"x y":1,"x y":2}}';
    expect(repeatsOf(text)?.map(({ field, path, times }) => [field, path, times])).toEqual([
      ['a', 'a', 3],
      ['priority', 'priority.summary', 2],
      ['tags', 'tags[1].n', 2],
      ['odd key', 'odd key["x y"]', 2],
    ]);
  });

  it('finds a key given twice whose values are objects, alike or not', () => {
    expect(repeatsOf('{"a":{"x":1},"a":{"z":1}}')?.map(({ path, times }) => [path, times])).toEqual([['a', 2]]);
    expect(repeatsOf('{"b":[[1],{"c":{"d":{"e":[]},"d":{"e":[]}}}]}')?.map(({ path, times }) => [path, times])).toEqual([['b[1].c.d', 2]]);
  });

  it('tells a key repeated in one object from the same key in two objects', () => {
    const text = '{"o":{"k":1,"k":2},"p":{"k":1,"k":2}}';
    expect(repeatsOf(text)?.map(({ path, times }) => [path, times])).toEqual([['o.k', 2], ['p.k', 2]]);
  });

  it('gives lines and columns in a document, counting the lines between', () => {
    const text = '[\n {"id": 1,\n  "id": 2},\n {"a": 0,\r\n  "b": {"c": 1,\n\n        "c": 2}}\n]';
    const scanner = new JsonScanner(text);
      const records = JSON.parse(text) as Record<string, unknown>[];
    scanner.expect('[');
    const first = repeatedKeysOfRecord(scanner, records[0] ?? {}, true);
    scanner.expect(',');
    const second = repeatedKeysOfRecord(scanner, records[1] ?? {}, true);
    expect(first).toEqual([{ field: 'id', path: 'id', times: 2, first: { line: 2, column: 3 }, last: { line: 3, column: 3 } }]);
    expect(second).toEqual([{ field: 'b', path: 'b.c', times: 2, first: { line: 5, column: 9 }, last: { line: 7, column: 9 } }]);
    expect(scanner.peek()).toBe(']');
  });

  it('reads a record nested 100,000 deep without running out of stack', () => {
    const depth = 100_000;
    const text = `{"a":${'['.repeat(depth)}{"k":1,"k":2}${']'.repeat(depth)}}`;
    const found = repeatsOf(text);
    expect(found?.map(({ field, times }) => [field, times])).toEqual([['a', 2]]);
    expect(found?.[0]?.path).toBe(`a${'[0]'.repeat(depth)}.k`);
  });
});

describe('JsonScanner.nextMark', () => {
  it('stops at each bracket, colon and comma outside strings, and reads the last string passed', () => {
    const text = String.raw`{ "a" : "x:{y" , "b\":[" : [1, -2.5e3, true], "c\u0064":{}}`;
    const scanner = new JsonScanner(text);
    const marks: string[] = [];
    for (let mark = scanner.nextMark(); !Number.isNaN(mark); mark = scanner.nextMark()) {
      marks.push(`${String.fromCharCode(mark)}${mark === 0x3a ? scanner.lastString() : ''}`);
      scanner.pos += 1;
    }
    expect(marks).toEqual(['{', ':a', ',', ':b":[', '[', ',', ',', ']', ',', ':cd', '{', '}', '}']);
  });
});
