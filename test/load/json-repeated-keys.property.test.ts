import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatedKeysOfRecord } from '../../src/load/json-repeated-keys.js';
import { JsonScanner, memberPath } from '../../src/load/json-scanner.js';

// Records written by hand from a tree whose objects may give a key twice, in any spelling JSON reads
// alike (`"a"`, `"\u0061"`), nested in objects and arrays. The finder must report exactly the repeats
// the tree holds, with the columns of their first and last occurrence: nothing more, nothing less.

type Node = { kind: 'object'; members: Array<[string, Node]> } | { kind: 'array'; elements: Node[] } | { kind: 'scalar'; text: string };

/** Spellings of a few keys: each group reads as one key. `Priority` and `priority` are two keys. */
const KEY_SPELLINGS = ['"a"', '"\\u0061"', '"b"', '"b"', '"a\\"b"', '"a\\u0022b"', '"__proto__"', '"1"', '"01"', '"priority"', '"pri\\u006frity"', '"Priority"', '"x y"', '"a/b"', '"a\\/b"'];
const SCALARS = ['1', '-2.5e3', 'true', 'null', '""', '"x:{y}[,"', '"\\"\\\\"', '"é"'];
const SPACE = ['', '', ' ', '\t', '  '];

const node: fc.Memo<Node> = fc.memo((size) =>
  size <= 1
    ? fc.constantFrom(...SCALARS).map((text): Node => ({ kind: 'scalar', text }))
    : fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...SCALARS).map((text): Node => ({ kind: 'scalar', text })) },
      { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom(...KEY_SPELLINGS), node(size - 1)), { maxLength: 6 }).map((members): Node => ({ kind: 'object', members })) },
      { weight: 1, arbitrary: fc.array(node(size - 1), { maxLength: 4 }).map((elements): Node => ({ kind: 'array', elements })) },
    ));

const record = fc.array(fc.tuple(fc.constantFrom(...KEY_SPELLINGS), node(3)), { maxLength: 8 }).map((members): Node => ({ kind: 'object', members }));

interface Expected { path: string; times: number; first: number; last: number }

/** The record's text on one line (spaces from `space`), and the repeats it holds, in the order their second occurrence comes. */
function write(root: Node, space: () => string): { text: string; repeats: Expected[] } {
  let text = '';
  const repeats: Expected[] = [];
  const visit = (value: Node, path: string | undefined): void => {
    if (value.kind === 'scalar') text += value.text;
    else if (value.kind === 'array') {
      text += `[${space()}`;
      value.elements.forEach((element, index) => {
        if (index > 0) text += `${space()},${space()}`;
        visit(element, memberPath(path ?? '', index));
      });
      text += `${space()}]`;
    } else {
      text += `{${space()}`;
      const seen = new Map<string, Expected>();
      value.members.forEach(([spelling, member], index) => {
        if (index > 0) text += `${space()},${space()}`;
        const key = JSON.parse(spelling) as string;
        const column = text.length + 1;
        const memberOf = path === undefined ? key : memberPath(path, key);
        const known = seen.get(key);
        if (known === undefined) seen.set(key, { path: memberOf, times: 1, first: column, last: column });
        else {
          known.times += 1;
          known.last = column;
          if (known.times === 2) repeats.push(known);
        }
        text += `${spelling}${space()}:${space()}`;
        visit(member, memberOf);
      });
      text += `${space()}}`;
    }
  };
  visit(root, undefined);
  return { text, repeats };
}

describe('repeatedKeysOfRecord on generated records', () => {
  it('reports exactly the keys given twice or more, with their path, count and columns', () => {
    fc.assert(
      fc.property(record, fc.array(fc.constantFrom(...SPACE), { minLength: 1, maxLength: 8 }), (root, spaces) => {
        let next = 0;
        const { text, repeats } = write(root, () => spaces[next++ % spaces.length] ?? '');
        const scanner = new JsonScanner(text);
        const found = repeatedKeysOfRecord(scanner, JSON.parse(text) as object, false);
        expect(found?.map(({ path, times, first, last }) => ({ path, times, first: first.column, last: last.column })) ?? [], text).toEqual(repeats);
        expect(scanner.pos).toBe(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
