/**
 * What the job history is checked against in the people's roster, and each person's latest history row,
 * both held by the person's place among the people's keys (their KeyIndex) rather than in maps of
 * objects. A map of objects cost ~200 bytes a person for each (its entry, the object, and strings of its
 * own for the title, level and dates of every row): ~40 MiB for the 100,000 people of the large bench
 * folder while its job history was read. Here the texts are codes of texts held once (see RecordTable).
 */
import type { IsoDate, RecordOf } from '../core/datasets.js';
import { levelByte, levelOfByte, type LevelCode } from '../core/levels.js';
import { RecordTable, type FieldKinds } from '../core/record-table.js';
import { ABSENT_CODE, TextCodes } from '../core/text-codes.js';
import { zeroed } from '../core/typed-columns.js';
import type { KeyIndex } from './key-index.js';

export interface RosterEntry {
  readonly title: string;
  readonly level: LevelCode;
  readonly line: number;
  /** The roster's hire_date: history rows dated before it are warned of. */
  readonly hiredOn: IsoDate;
  /** The roster's termination_date, when it has one: history rows dated after it are warned of. */
  readonly terminatedOn?: IsoDate | undefined;
}

const ROSTER_FIELDS: FieldKinds<RosterEntry> = { title: 'text', level: 'text', line: 'number', hiredOn: 'text', terminatedOn: 'text' };

/** The roster's entries by person: an entry for each accepted people row, in the order their keys were added. */
export class Roster {
  private readonly entries = RecordTable.empty(ROSTER_FIELDS);

  /** `keys`: the people's key index, to which each person's key is added before their entry is. */
  constructor(private readonly keys: KeyIndex) {}

  get size(): number {
    return this.entries.length;
  }

  /** Adds the entry of the person whose key was the last added to the key index. */
  add(entry: RosterEntry): void {
    if (this.entries.length !== this.keys.size - 1) throw new Error('a roster entry is added right after its person\'s key');
    this.entries.add(entry);
  }

  /** No entry will be added (see RecordTable.seal). */
  seal(): void {
    this.entries.seal();
  }

  /** The person's place in the roster, or undefined for an id it does not hold. */
  positionOf(employeeId: string): number | undefined {
    const position = this.keys.positionOf(employeeId);
    return position !== undefined && position < this.entries.length ? position : undefined;
  }

  get(employeeId: string): RosterEntry | undefined {
    const position = this.positionOf(employeeId);
    return position === undefined ? undefined : this.entries.at(position);
  }

  at(position: number): RosterEntry {
    return this.entries.at(position);
  }
}

export interface LatestChange { readonly date: IsoDate; readonly seq: number; readonly title: string; readonly level: LevelCode; readonly line: number }

/** The latest job history row of each person in a roster: the latest effective_date, then the highest seq. */
export class LatestChanges {
  /** The date's code, ABSENT_CODE while the person has no row. */
  private readonly dates: Uint32Array;
  /** The row's position in its file (see SEQUENCED_DATASETS), a whole number. */
  private readonly seqs: Uint32Array;
  private readonly titles: Uint32Array;
  private readonly levels: Uint8Array;
  private readonly lines: Uint32Array;
  private readonly dateTexts = new TextCodes();
  private readonly titleTexts = new TextCodes();

  constructor(readonly roster: Roster) {
    this.dates = zeroed(Uint32Array, roster.size);
    this.seqs = zeroed(Uint32Array, roster.size);
    this.titles = zeroed(Uint32Array, roster.size);
    this.levels = zeroed(Uint8Array, roster.size);
    this.lines = zeroed(Uint32Array, roster.size);
  }

  /** Notes the row of the person at `position` in the roster, on `line`. */
  note(position: number, change: RecordOf['job_history'], line: number): void {
    const held = this.dates[position]!;
    if (held !== ABSENT_CODE) {
      const date = this.dateTexts.decode(held)!;
      if (change.effective_date < date || (change.effective_date === date && change.seq <= this.seqs[position]!)) return;
    }
    this.dates[position] = this.dateTexts.encode(change.effective_date);
    this.seqs[position] = change.seq;
    this.titles[position] = this.titleTexts.encode(change.title);
    this.levels[position] = levelByte(change.level);
    this.lines[position] = line;
  }

  /** Each person's latest row with their place in the roster, in roster order. */
  *entries(): Generator<readonly [position: number, latest: LatestChange]> {
    for (let position = 0; position < this.dates.length; position++) {
      const date = this.dates[position]!;
      if (date === ABSENT_CODE) continue;
      const latest = {
        date: this.dateTexts.decode(date)!,
        seq: this.seqs[position]!,
        title: this.titleTexts.decode(this.titles[position]!)!,
        level: levelOfByte(this.levels[position]!),
        line: this.lines[position]!,
      };
      yield [position, latest];
    }
  }
}
