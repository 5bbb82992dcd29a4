/**
 * Texts held as the UTF-8 bytes of one growing buffer plus each text's end offset, rather than as one
 * JavaScript string each: a million incident ids of 11 characters cost ~40 MB as strings (a 32-byte
 * string and an 8-byte array slot each) and 11–15 MB here (11 bytes, and a 4-byte offset unless all are
 * one width: see below), plus the room not yet filled as the storage doubles. Made for texts that do not
 * repeat (unique ids); texts that repeat are better held as codes (see TextCodes).
 *
 * UTF-8 cannot hold a string with an unpaired surrogate (its encoder writes U+FFFD instead), and such a
 * string can come from JSON (`"\ud800"`). Rather than hold every text as UTF-16 for the sake of one,
 * the few such texts are kept as strings in a map by index, with no bytes of their own.
 *
 * End offsets are a `Uint32Array`, at 4 bytes a text half of `Float64Array`'s: Node 20 caps a buffer
 * at 4 GiB anyway (`buffer.constants.MAX_LENGTH`), and 4 GiB is ~100 million UUIDs, far past what the
 * rest of an incident table would take first. Past it `push` throws.
 *
 * While every text has as many bytes as the first, no offsets are held at all: ids of one format (INC-
 * followed by seven digits, a UUID, a PagerDuty id) are one width, and the large bench folder's million
 * incident ids then take 11 bytes each rather than 15 (4 MiB, held twice while the action items are read:
 * in the incidents' key index and in their table). The first text of another width makes the offsets.
 */
import { Buffer } from 'node:buffer';
import { cutTo, fixedBytes, grown, newStorage, resizedInPlace, zeroed } from './typed-columns.js';

/** A lone surrogate: with the `u` flag a well-formed pair is one code point and does not match. */
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;
/** The highest end offset a `Uint32Array` holds. */
const MAX_BYTES = 0xffff_ffff;
/** What an empty set of texts starts with; enough for a small export without a copy. */
const INITIAL_TEXTS = 1024;
const INITIAL_BYTES_PER_TEXT = 16;

/**
 * FNV-1a's start, drawn afresh for each process, and a final mix: FNV-1a alone is easy to collide on
 * purpose, and an export whose ids were made to share one hash made every lookup of the key index walk
 * all of them (16,384 such ids: 18.7 s, against 0.55 s for as many others). Nothing the tool prints
 * depends on a hash, only how long lookups take.
 */
const FNV_OFFSET = (0x811c9dc5 ^ Math.floor(Math.random() * 0x1_0000_0000)) >>> 0;
const FNV_PRIME = 0x01000193;

/** MurmurHash3's finaliser: every bit of the state reaches the low bits a table's slot is taken from. */
const mixed = (hash: number): number => {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * FNV-1a over a text's UTF-16 units, then mixed: the same text always hashes the same within a run,
 * whatever its bytes. The hash KeyIndex files its texts by, made alike from a string (here) or from packed
 * bytes (`hashAt`).
 */
export const textHash = (text: string): number => {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return mixed(hash);
};

// Storage starts from `Buffer.allocUnsafeSlow` (no bytes past `byteLength` are ever read, so none need
// zeros) and grows in place once large (see typed-columns.ts); either way the room a doubling leaves is
// not touched, so it costs address space, not memory.
export class PackedTexts {
  private constructor(
    private bytes: Buffer,
    /** Each text's end offset; undefined while every text is `width` bytes long. */
    private ends: Uint32Array | undefined,
    /** The bytes of every text while `ends` is undefined (the first text sets it). */
    private width: number,
    private count: number,
    /** The texts UTF-8 cannot hold, by index (see above); `undefined` while there are none. */
    private unpaired: Map<number, string> | undefined,
    /** A prefix shares its storage with the texts it was cut from until it is first pushed to. */
    private shared: boolean,
  ) {}

  /** No texts, with room for `capacity` of them (storage doubles as it fills). */
  static empty(capacity = INITIAL_TEXTS): PackedTexts {
    return new PackedTexts(Buffer.allocUnsafeSlow(capacity * INITIAL_BYTES_PER_TEXT), undefined, 0, 0, undefined, false);
  }

  static of(texts: Iterable<string>): PackedTexts {
    const packed = PackedTexts.empty();
    for (const text of texts) packed.push(text);
    return packed;
  }

  get length(): number {
    return this.count;
  }

  /** The bytes of storage held: the texts' bytes, the room left for more, and a 4-byte offset each (none if all are one width). */
  get storageBytes(): number {
    return this.bytes.length + (this.ends?.byteLength ?? 0);
  }

  /** The UTF-8 bytes the texts take (the storage may hold more room); a text kept as a string takes none. */
  get byteLength(): number {
    return this.startOf(this.count);
  }

  push(text: string): void {
    if (this.shared) this.unshare();
    const index = this.count;
    const start = this.startOf(index);
    // The usual text is ASCII, a byte per character: copied by hand, faster than any encoder call.
    let end = start + text.length;
    this.reserve(end);
    const bytes = this.bytes;
    for (let unit = 0; unit < text.length; unit++) {
      const code = text.charCodeAt(unit);
      if (code >= 0x80) {
        end = this.writeNonAscii(text, start, index);
        break;
      }
      bytes[start + unit] = code;
    }
    this.noteEnd(index, start, end);
    this.count = index + 1;
  }

  /** The text at `index` (0 ≤ `index` < `length`). */
  at(index: number): string {
    if (!(index >= 0 && index < this.count)) throw new RangeError(`no text at ${index} of ${this.count}`);
    const text = this.unpaired?.get(index);
    return text ?? this.bytes.toString('utf8', this.startOf(index), this.endOf(index));
  }

  /** Whether the text at `index` is `text`; an ASCII text is compared byte by byte, without decoding. */
  equals(index: number, text: string): boolean {
    const unpaired = this.unpaired?.get(index);
    if (unpaired !== undefined) return unpaired === text;
    const start = this.startOf(index);
    const end = this.endOf(index);
    const bytes = this.bytes;
    for (let unit = 0; unit < text.length; unit++) {
      const code = text.charCodeAt(unit);
      if (code >= 0x80) return this.at(index) === text;
      if (start + unit >= end || bytes[start + unit] !== code) return false;
    }
    return end - start === text.length;
  }

  /**
   * `textHash` of the text at `index`: from its bytes while they are ASCII (a byte is then a UTF-16 unit),
   * without decoding the text.
   */
  hashAt(index: number): number {
    const unpaired = this.unpaired?.get(index);
    if (unpaired !== undefined) return textHash(unpaired);
    const bytes = this.bytes;
    const end = this.endOf(index);
    let hash = FNV_OFFSET;
    for (let at = this.startOf(index); at < end; at++) {
      const byte = bytes[at]!;
      if (byte >= 0x80) return textHash(this.at(index));
      hash = Math.imul(hash ^ byte, FNV_PRIME);
    }
    return mixed(hash);
  }

  /**
   * The first `count` texts, sharing this storage (no copy): texts pushed here afterwards go past the
   * prefix's end or, once the storage is full, into a new one; a push to the prefix copies it first.
   */
  prefix(count: number): PackedTexts {
    return new PackedTexts(this.bytes, this.ends, this.width, Math.min(count, this.count), this.unpaired, true);
  }

  /**
   * No text will be pushed: the storage is cut to the texts it holds. Doubling leaves up to half of each
   * buffer empty; the 1 M incident ids of a large export took 8 MiB of bytes for 4.4 used.
   */
  seal(): void {
    if (this.shared) return; // a prefix's storage is its source's, which seals its own
    if (this.bytes.length > this.byteLength) this.resizeBytes(this.byteLength);
    if (this.ends !== undefined && this.ends.length > this.count) this.ends = cutTo(this.ends, this.count);
  }

  /** The texts at `indexes` (each < `length`), in that order, in storage of their exact size. */
  gather(indexes: Uint32Array): PackedTexts {
    let byteCount = 0;
    for (const index of indexes) byteCount += this.endOf(index) - this.startOf(index);
    const bytes = fixedBytes(byteCount);
    // Texts of one width gathered are of that width too.
    const ends = this.ends === undefined ? undefined : zeroed(Uint32Array, indexes.length);
    let unpaired: Map<number, string> | undefined;
    let end = 0;
    for (let i = 0; i < indexes.length; i++) {
      const index = indexes[i]!;
      // Ids are a few bytes: a loop beats a native copy call per text.
      for (let at = this.startOf(index), stop = this.endOf(index); at < stop; at++) bytes[end++] = this.bytes[at]!;
      if (ends !== undefined) ends[i] = end;
      const text = this.unpaired?.get(index);
      if (text !== undefined) (unpaired ??= new Map()).set(i, text);
    }
    return new PackedTexts(bytes, ends, this.width, indexes.length, unpaired, false);
  }

  private startOf(index: number): number {
    if (this.ends === undefined) return index * this.width;
    return index === 0 ? 0 : this.ends[index - 1]!;
  }

  private endOf(index: number): number {
    return this.ends === undefined ? (index + 1) * this.width : this.ends[index]!;
  }

  /** Records where the text at `index`, just written from `start`, ends; the first text of another width makes the offsets. */
  private noteEnd(index: number, start: number, end: number): void {
    if (this.ends === undefined) {
      if (index === 0) this.width = end - start;
      if (end - start === this.width) return;
      const ends = grown(new Uint32Array(0), Math.max(2 * index, INITIAL_TEXTS));
      for (let i = 0; i < index; i++) ends[i] = (i + 1) * this.width;
      this.ends = ends;
    } else if (index === this.ends.length) this.ends = grown(this.ends, Math.max(2 * index, INITIAL_TEXTS));
    this.ends[index] = end;
  }

  /** Writes a text with a non-ASCII character from `start`; returns where its bytes end. */
  private writeNonAscii(text: string, start: number, index: number): number {
    if (UNPAIRED_SURROGATE.test(text)) {
      (this.unpaired ??= new Map()).set(index, text);
      return start;
    }
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a pair, two units, takes 4).
    this.reserve(start + 3 * text.length);
    return start + this.bytes.write(text, start, 'utf8');
  }

  /** Makes room for `byteCount` bytes in all. */
  private reserve(byteCount: number): void {
    if (byteCount <= this.bytes.length) return;
    if (byteCount > MAX_BYTES) throw new RangeError(`texts past ${MAX_BYTES} bytes of UTF-8 cannot be packed`);
    this.resizeBytes(Math.min(Math.max(2 * this.bytes.length, byteCount), MAX_BYTES));
  }

  /** The storage made `size` bytes long (at least the texts' bytes), in place when it can be, else copied. */
  private resizeBytes(size: number): void {
    const inPlace = resizedInPlace(this.bytes, size);
    if (inPlace !== undefined) {
      this.bytes = Buffer.from(inPlace, 0, size);
      return;
    }
    const bytes = Buffer.from(newStorage(size), 0, size);
    this.bytes.copy(bytes, 0, 0, this.byteLength);
    this.bytes = bytes;
  }

  /** Own storage, copied from the storage shared with the texts this prefix was cut from. */
  private unshare(): void {
    const byteCount = this.byteLength;
    const bytes = fixedBytes(byteCount);
    this.bytes.copy(bytes, 0, 0, byteCount);
    this.bytes = bytes;
    if (this.ends !== undefined) {
      const ends = zeroed(Uint32Array, this.count);
      ends.set(this.ends.subarray(0, this.count));
      this.ends = ends;
    }
    if (this.unpaired !== undefined) this.unpaired = new Map([...this.unpaired].filter(([index]) => index < this.count));
    this.shared = false;
  }
}
