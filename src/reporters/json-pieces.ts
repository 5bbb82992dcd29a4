/**
 * `JSON.stringify(value, null, 2)` as a sequence of pieces of bounded length, so a large report is written
 * without ever holding its whole text (nor the copies a write makes of one long string).
 *
 * Large objects and arrays are walked here, member by member; small subtrees are handed to
 * `JSON.stringify` itself, which is fast, and re-indented to their depth. Where this walk decides what is
 * written it follows JSON.stringify's rules (ECMA-262 SerializeJSONProperty): `toJSON(key)` is called
 * once, with the member's key; Number, String and Boolean objects become their primitive; members whose
 * value has no JSON text (undefined, functions, symbols) are left out of objects and written `null` in
 * arrays; own enumerable string keys in `Object.keys` order; non-finite numbers are `null`; BigInt and
 * cycles throw a TypeError.
 * Assumed: plain data. Deciding whether a subtree is small reads its members, so a getter or a proxy trap
 * in a walked container can run twice (the report is built of plain objects and arrays only).
 */

import { DEFAULT_PIECE_LENGTH, PieceBuffer } from './piece-buffer.js';

/** How the text is cut; lengths are in UTF-16 code units, as JavaScript measures strings. */
export interface JsonPieceOptions {
  /** Appended to the text, inside the last piece (the JSON report ends with a newline). */
  readonly end?: string;
  /**
   * Upper bound on a piece's length, except for a piece made of one text that is longer on its own:
   * a single string value, or a small subtree whose strings need many escapes.
   */
  readonly pieceLength?: number;
  /** Objects and arrays whose estimated text is at most this long are written by one JSON.stringify call. */
  readonly smallSubtree?: number;
}

export const DEFAULT_SMALL_SUBTREE = 4 * 1024;

const INDENT_UNIT = '  ';
const indents: string[] = [''];
const indentOf = (depth: number): string => (indents[depth] ??= INDENT_UNIT.repeat(depth));

type Container = Readonly<Record<string, unknown>> | readonly unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;
const hasToJson = (value: object): boolean => typeof (value as { toJSON?: unknown }).toJSON === 'function';

/** The value JSON.stringify writes for a member: after `toJSON(key)` and unwrapping primitive objects. */
function toJsonValue(value: unknown, key: string | number): unknown {
  let resolved = value;
  if ((isContainer(resolved) || typeof resolved === 'bigint') && hasToJson(Object(resolved))) {
    resolved = (resolved as { toJSON: (key: string) => unknown }).toJSON(String(key));
  }
  if (resolved instanceof Number) return Number(resolved);
  if (resolved instanceof String) return String(resolved);
  if (resolved instanceof Boolean) return Boolean.prototype.valueOf.call(resolved);
  if (resolved instanceof BigInt) resolved = resolved.valueOf();
  if (typeof resolved === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  return resolved;
}

/**
 * The budget left after the value's estimated text at `depth` (negative: over budget). Stops reading as
 * soon as the budget is spent, so deciding costs at most about `budget` per subtree. A member with its
 * own toJSON counts as short (a Date's 26 characters) rather than being called an extra time.
 */
function budgetAfter(value: unknown, depth: number, budget: number): number {
  if (typeof value === 'string') return budget - value.length - 2;
  if (!isContainer(value)) return budget - 8;
  if (hasToJson(value)) return budget - 32;
  const lineCost = INDENT_UNIT.length * (depth + 1) + 2;
  let left = budget - 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left >= 0; i++) left = budgetAfter(value[i], depth + 1, left - lineCost);
    return left;
  }
  const record = value as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    if (left < 0) break;
    left = budgetAfter(record[key], depth + 1, left - lineCost - key.length - 4);
  }
  return left;
}

/**
 * The text of a subtree JSON.stringify can write whole, at `depth`. Indenting after every `\n` is safe:
 * JSON text never holds a raw newline inside a string (it is escaped as `\n`), so every `\n` in it is a
 * line break between members. Undefined when the value has no JSON text.
 */
function wholeText(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, INDENT_UNIT.length) as string | undefined;
  return text === undefined || depth === 0 ? text : text.replaceAll('\n', `\n${indentOf(depth)}`);
}

interface Walk {
  readonly buffer: PieceBuffer;
  readonly smallSubtree: number;
  /** The containers being walked, outermost first: meeting one again is a cycle. */
  readonly ancestors: Set<object>;
}

const mustWalk = (value: unknown, depth: number, walk: Walk): value is Container =>
  isContainer(value) && (hasToJson(value) || budgetAfter(value, depth, walk.smallSubtree) < 0);

/** Writes a large object or array member by member, as JSON.stringify would with an indent of two. */
function* walkContainer(container: Container, depth: number, walk: Walk): Generator<string, void, undefined> {
  if (walk.ancestors.has(container)) throw new TypeError('Converting circular structure to JSON');
  walk.ancestors.add(container);
  const keys = Array.isArray(container) ? undefined : Object.keys(container);
  const count = keys === undefined ? (container as readonly unknown[]).length : keys.length;
  const [open, close] = keys === undefined ? ['[', ']'] : ['{', '}'];
  const lineStart = `\n${indentOf(depth + 1)}`;
  let written = 0;
  for (let i = 0; i < count; i++) {
    const key = keys === undefined ? i : (keys[i] as string);
    const child = toJsonValue((container as Readonly<Record<string | number, unknown>>)[key], key);
    const label = `${written === 0 ? open : ','}${lineStart}${keys === undefined ? '' : `${JSON.stringify(key)}: `}`;
    if (mustWalk(child, depth + 1, walk)) {
      const full = walk.buffer.add(label);
      if (full !== undefined) yield full;
      yield* walkContainer(child, depth + 1, walk);
    } else {
      const text = wholeText(child, depth + 1);
      if (text === undefined && keys !== undefined) continue;
      const full = walk.buffer.add(label + (text ?? 'null'));
      if (full !== undefined) yield full;
    }
    written++;
  }
  const full = walk.buffer.add(written === 0 ? open + close : `\n${indentOf(depth)}${close}`);
  if (full !== undefined) yield full;
  walk.ancestors.delete(container);
}

/**
 * The pieces of `JSON.stringify(value, null, 2) + end`: joined, they are exactly that text. A value with
 * no JSON text (undefined, a function, a symbol) gives no pieces.
 */
export function* jsonTextPieces(value: unknown, options: JsonPieceOptions = {}): Generator<string, void, undefined> {
  const walk: Walk = {
    buffer: new PieceBuffer(options.pieceLength ?? DEFAULT_PIECE_LENGTH),
    smallSubtree: options.smallSubtree ?? DEFAULT_SMALL_SUBTREE,
    ancestors: new Set(),
  };
  const root = toJsonValue(value, '');
  if (mustWalk(root, 0, walk)) {
    yield* walkContainer(root, 0, walk);
  } else {
    const text = wholeText(root, 0);
    if (text === undefined) return;
    walk.buffer.add(text);
  }
  const full = walk.buffer.add(options.end ?? '');
  if (full !== undefined) yield full;
  const last = walk.buffer.take();
  if (last !== '') yield last;
}
