/**
 * The keys of a dataset read so far, each with the line it was first on: what duplicate keys are found
 * with and references to the dataset are checked against. A `Map` of strings cost ~80 bytes a key (its
 * entry and the key's own string), which for a million incident ids held through the action items'
 * check was ~80 MiB; here a key costs its UTF-8 bytes and 12–16 bytes of lines, slots and (for keys of
 * more than one width) offsets.
 *
 * Open addressing with linear probing over a table at most half full. A probe compares the packed key
 * itself (ASCII byte by byte, and ids differ within a few bytes of their end); when the table doubles,
 * each key's hash is made again from its bytes, so no hash is kept (4 MiB for a million keys).
 */
import { PackedTexts, textHash } from '../core/packed-texts.js';
import { grown, release } from '../core/typed-columns.js';

const INITIAL_KEYS = 1024;
/** A slot holds a key's position + 1; 0 is an empty slot. */
const EMPTY = 0;

export class KeyIndex {
  private readonly keys = PackedTexts.empty(INITIAL_KEYS);
  /** Each key's first line; let go by `forgetLines`. */
  private lines: Uint32Array | undefined = new Uint32Array(INITIAL_KEYS);
  private capacity = INITIAL_KEYS;
  private slots = new Uint32Array(2 * INITIAL_KEYS);

  get size(): number {
    return this.keys.length;
  }

  has(key: string): boolean {
    return this.find(key, textHash(key)) !== undefined;
  }

  /** The place of `key` among the keys in the order they were added (from 0), or undefined when it has not been. */
  positionOf(key: string): number | undefined {
    return this.find(key, textHash(key));
  }

  /** The line `key` was first on, or undefined when it has not been added. */
  get(key: string): number | undefined {
    const position = this.find(key, textHash(key));
    return position === undefined ? undefined : this.linesKept()[position];
  }

  /**
   * Lets the lines go, for an index that will only be asked whether it has a key: a file's own keys once
   * it is read, as the files after it are checked against them (4 MiB for the million ids of a large
   * incident export, held while the action items are read).
   */
  forgetLines(): void {
    // Its pages go back to the system now rather than at a full collection.
    if (this.lines !== undefined) release(this.lines);
    this.lines = undefined;
  }

  /** Adds `key` first seen on `line`; a key already added keeps its first line. */
  set(key: string, line: number): this {
    const hash = textHash(key);
    if (this.find(key, hash) !== undefined) return this;
    const position = this.keys.length;
    if (position === this.capacity) this.grow();
    const lines = this.linesKept();
    this.keys.push(key);
    lines[position] = line;
    this.place(position, hash);
    return this;
  }

  private linesKept(): Uint32Array {
    if (this.lines === undefined) throw new Error('the key index let its lines go: it can only be asked whether it has a key');
    return this.lines;
  }

  private find(key: string, hash: number): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return undefined;
      const position = entry - 1;
      if (this.keys.equals(position, key)) return position;
    }
  }

  private place(position: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = position + 1;
  }

  /** Doubles the room for keys and the slots (kept at twice the keys, so at most half full). */
  private grow(): void {
    const lines = this.linesKept();
    const capacity = (this.capacity *= 2);
    this.lines = grown(lines, capacity);
    // Emptied and filled again: a key's slot depends on the table's size.
    this.slots = grown(this.slots, 2 * capacity).fill(EMPTY);
    for (let position = 0; position < this.keys.length; position++) this.place(position, this.keys.hashAt(position));
  }
}
