/**
 * Incidents held in columns rather than as one object each: exports reach a million incidents, and an
 * object of eleven fields costs ~255 bytes where a row of these columns costs ~25 plus its id. Each
 * instant takes 4 bytes of whole seconds (see InstantColumn), the priority a byte, the texts that
 * repeat (service, root-cause category, postmortem lead, the incident repeated) codes into one
 * `TextCodes` per column, and the ids, unique, UTF-8 bytes in one `PackedTexts` (11–15 bytes for an
 * 11-character id, where its own string would cost ~40). Measures read the columns in their loops;
 * `record(row)` builds an `Incident` for the rare reader that wants one.
 *
 * Rows are added while a file is validated (columns double in size as they fill) and never changed
 * afterwards. `upTo(tEnd)` is the as-of cut, as `SurveySummary.upTo` is the survey's.
 */
import type { Incident, Instant } from './datasets.js';
import { PRIORITIES, type IncidentPriority } from './priorities.js';
import { PackedTexts } from './packed-texts.js';
import { ABSENT_CODE, TextCodes } from './text-codes.js';
import { cutTo, emptyCodes, emptyInstants, gather, grown, holdingCode, holdingInstant, instantIn, instantsIn, keptRows, setInstant, zeroed, type CodeColumn, type InstantColumn } from './typed-columns.js';

export const INCIDENT_INSTANTS = ['opened_at', 'resolved_at', 'rca_completed_at', 'postmortem_completed_at'] as const;
/** An incident's timestamps; all but `opened_at` may be absent. */
export type IncidentInstant = (typeof INCIDENT_INSTANTS)[number];
export const INCIDENT_TEXTS = ['service', 'root_cause_category', 'postmortem_lead_id', 'recurrence_of'] as const;
/** An incident's optional texts that are held as codes. */
export type IncidentText = (typeof INCIDENT_TEXTS)[number];

/** Each priority's code is its position here; `unknown` last (see IncidentPriority). */
const PRIORITY_OF_CODE: readonly IncidentPriority[] = [...PRIORITIES, 'unknown'];
const CODE_OF_PRIORITY: ReadonlyMap<IncidentPriority, number> = new Map(PRIORITY_OF_CODE.map((priority, code) => [priority, code]));

/** Enough for a small export without a copy; a large one doubles ~10 times. */
const INITIAL_CAPACITY = 1024;

interface Columns {
  /** Unique by rule, so not worth codes: packed, and grown by themselves as they fill. */
  readonly ids: PackedTexts;
  /** Only when some row has a title: compact records drop it, as no measure reads it. */
  readonly titles: Array<string | undefined> | undefined;
  readonly instants: Readonly<Record<IncidentInstant, InstantColumn>>;
  readonly priorities: Uint8Array;
  readonly codes: Readonly<Record<IncidentText, CodeColumn>>;
}

type Texts = Readonly<Record<IncidentText, TextCodes>>;

const mapFields = <K extends string, V>(fields: readonly K[], value: (field: K) => V): Record<K, V> =>
  Object.fromEntries(fields.map((field) => [field, value(field)])) as Record<K, V>;

const emptyColumns = (capacity: number): Columns => ({
  ids: PackedTexts.empty(capacity),
  titles: undefined,
  instants: mapFields(INCIDENT_INSTANTS, () => emptyInstants(capacity)),
  priorities: new Uint8Array(capacity),
  codes: mapFields(INCIDENT_TEXTS, () => emptyCodes(capacity)),
});

export class IncidentTable {
  private constructor(
    private columns: Columns,
    private readonly texts: Texts,
    private count: number,
    /** A cut shares its columns with the table it was cut from, so rows are added only to the table read. */
    private readonly appendable: boolean,
    /** A cut's `tEnd`: its instants after it read as absent (Infinity for the table read). */
    private readonly asOf: Instant = Infinity,
    private setAsideCount = 0,
    /**
     * A cut's `recurrence_of` codes that name an incident it left out for opening after its `tEnd` (1),
     * or undefined when none does: see `namesIncidentAfterCut`.
     */
    private readonly namedAfterCut: Uint8Array | undefined = undefined,
  ) {}

  private sealed = false;

  /** A table without rows, to add to. */
  static empty(): IncidentTable {
    return new IncidentTable(emptyColumns(INITIAL_CAPACITY), mapFields(INCIDENT_TEXTS, () => new TextCodes()), 0, true);
  }

  static of(incidents: Iterable<Incident>): IncidentTable {
    const table = IncidentTable.empty();
    for (const incident of incidents) table.add(incident);
    return table;
  }

  get length(): number {
    return this.count;
  }

  /**
   * Incidents read but not kept, as out of the run's reach (see report/horizon.ts): all opened before any
   * window a report is computed for, so every as-of cut counts them too.
   */
  get setAsideRows(): number {
    return this.setAsideCount;
  }

  /**
   * The file is read: the columns are cut to the rows they hold (a doubling leaves up to half of each
   * empty), and each text's map from texts to codes is let go (see TextCodes.seal).
   */
  seal(): void {
    if (!this.appendable) throw new Error('the table read is sealed, not a cut of it');
    const { ids, titles, instants, priorities, codes } = this.columns;
    const rows = this.count;
    this.columns = {
      ids,
      titles,
      instants: mapFields(INCIDENT_INSTANTS, (field) => cutTo(instants[field], rows)),
      priorities: cutTo(priorities, rows),
      codes: mapFields(INCIDENT_TEXTS, (field) => cutTo(codes[field], rows)),
    };
    ids.seal();
    for (const field of INCIDENT_TEXTS) this.texts[field].seal();
    this.sealed = true;
  }

  /** Counts one incident read and not kept (see `setAsideRows`). */
  setAside(): void {
    if (!this.appendable) throw new Error('rows are set aside from the table read, not from a cut of it');
    if (this.sealed) throw new Error('rows are set aside before the table is sealed');
    this.setAsideCount += 1;
  }

  add(incident: Incident): void {
    if (!this.appendable) throw new Error('rows are added to the table read, not to a cut of it');
    if (this.sealed) throw new Error('rows are added before the table is sealed');
    const row = this.count;
    if (row === this.columns.priorities.length) this.growTo(row * 2);
    const { ids, priorities } = this.columns;
    ids.push(incident.incident_id);
    for (const field of INCIDENT_INSTANTS) this.setInstant(field, row, incident[field]);
    priorities[row] = CODE_OF_PRIORITY.get(incident.priority)!;
    this.setCode('service', row, incident.service);
    this.setCode('root_cause_category', row, incident.root_cause_category);
    this.setCode('postmortem_lead_id', row, incident.postmortem_lead_id);
    this.setCode('recurrence_of', row, incident.recurrence_of);
    if (incident.title !== undefined || this.columns.titles !== undefined) this.titlesFrom(row).push(incident.title);
    this.count = row + 1;
  }

  /** Codes `text` into `field` at `row`, the column widened first when the code needs it. */
  private setCode(field: IncidentText, row: number, text: string | undefined): void {
    const code = this.texts[field].encode(text);
    this.held('codes', field, holdingCode(this.columns.codes[field], code))[row] = code;
  }

  /** Writes `instant` into `field` at `row`, the column widened first when the instant needs it. */
  private setInstant(field: IncidentInstant, row: number, instant: Instant | undefined): void {
    setInstant(this.held('instants', field, holdingInstant(this.columns.instants[field], instant)), row, instant);
  }

  /** `column`, which holding a value gave for `field` of `group`: put in place of the column it widened, if it did. */
  private held<G extends 'codes' | 'instants', C extends Columns[G][keyof Columns[G]]>(group: G, field: keyof Columns[G], column: C): C {
    const columns = this.columns[group];
    if (columns[field] !== column) this.columns = { ...this.columns, [group]: { ...columns, [field]: column } };
    return column;
  }

  /**
   * One instant of every row in milliseconds: NaN where absent, and in a cut where after its `tEnd`. Made
   * afresh at each call from the column of seconds (measures ask once a step, and let it go at its end);
   * only a column held in milliseconds, with no instant after `tEnd`, is given as a view. Measures that
   * read single rows use `instantAt`.
   */
  instants(field: IncidentInstant): Float64Array {
    return instantsIn(this.columns.instants[field], this.count, this.asOf);
  }

  /** One text of every row as codes (a view, not a copy): `ABSENT_CODE` where absent; see `decode`. */
  codes(field: IncidentText): CodeColumn {
    return this.columns.codes[field].subarray(0, this.count);
  }

  /** The text a code of `field` stands for; `undefined` for `ABSENT_CODE`. */
  decode(field: IncidentText, code: number): string | undefined {
    return this.texts[field].decode(code);
  }

  /**
   * The code `text` has in `field`, or `ABSENT_CODE` when it has none. A cut shares its codes with the
   * table it was cut from, so a text of a row the cut left out has a code too, which no row here holds.
   */
  find(field: IncidentText, text: string): number {
    return this.texts[field].find(text);
  }

  /** One more than the highest code of `field`: the length of an array indexed by its codes. */
  codeCount(field: IncidentText): number {
    return this.texts[field].size;
  }

  /** The id of row `row` (< `length`). */
  idAt(row: number): string {
    return this.columns.ids.at(row);
  }

  openedAt(row: number): Instant {
    return instantIn(this.columns.instants.opened_at, row);
  }

  instantAt(field: IncidentInstant, row: number): Instant | undefined {
    const instant = instantIn(this.columns.instants[field], row);
    return Number.isNaN(instant) || instant > this.asOf ? undefined : instant;
  }

  priorityAt(row: number): IncidentPriority {
    return PRIORITY_OF_CODE[this.columns.priorities[row]!]!;
  }

  textAt(field: IncidentText, row: number): string | undefined {
    return this.texts[field].decode(this.columns.codes[field][row]!);
  }

  /** The rows whose `field` is present, in order. */
  rowsWith(field: IncidentText): number[] {
    const codes = this.codes(field);
    const rows: number[] = [];
    for (let row = 0; row < codes.length; row++) if (codes[row] !== ABSENT_CODE) rows.push(row);
    return rows;
  }

  /** Row `row` as a record (`row` < `length`). */
  record(row: number): Incident {
    return {
      incident_id: this.idAt(row),
      opened_at: this.openedAt(row),
      priority: this.priorityAt(row),
      title: this.columns.titles?.[row],
      service: this.textAt('service', row),
      resolved_at: this.instantAt('resolved_at', row),
      rca_completed_at: this.instantAt('rca_completed_at', row),
      postmortem_lead_id: this.textAt('postmortem_lead_id', row),
      postmortem_completed_at: this.instantAt('postmortem_completed_at', row),
      root_cause_category: this.textAt('root_cause_category', row),
      recurrence_of: this.textAt('recurrence_of', row),
    };
  }

  /** Every row as a record, in order. */
  records(): Incident[] {
    return Array.from({ length: this.count }, (_, row) => this.record(row));
  }

  /**
   * The incidents opened at or before `tEnd`, with their later instants after it absent (metrics.md,
   * "rows dated after T_end"). Exports usually list incidents in the order they were opened, so the
   * rows kept are most often the first ones: the cut then shares every column, and reads the instants
   * after `tEnd` as absent (see `instants`). Otherwise the kept rows are copied.
   */
  upTo(tEnd: Instant): IncidentTable {
    const asOf = Math.min(tEnd, this.asOf);
    const opened = this.instants('opened_at');
    let rows = 0;
    let isPrefix = true;
    for (let row = 0; row < opened.length; row++) {
      if (!(opened[row]! <= tEnd)) continue;
      if (row !== rows) isPrefix = false;
      rows += 1;
    }
    const source = isPrefix ? { ...this.columns, ids: this.columns.ids.prefix(rows) } : this.gathered(keptRows(opened, tEnd, rows));
    return new IncidentTable(source, this.texts, rows, false, asOf, this.setAsideCount, this.namedAfter(opened, tEnd));
  }

  /**
   * Whether `code` of `recurrence_of` names an incident in the file that this cut left out for opening
   * after its `tEnd`: that incident opened after every incident kept, so a link to it is no recurrence,
   * where an id not in the file is (it predates the export). Without this, a report as of one quarter
   * and one as of the next would judge the same link two ways.
   */
  namesIncidentAfterCut(code: number): boolean {
    return this.namedAfterCut?.[code] === 1;
  }

  /** `namedAfterCut` for a cut at `tEnd` of this table, whose openings are `opened`: this table's, and the rows after `tEnd`. */
  private namedAfter(opened: Float64Array, tEnd: Instant): Uint8Array | undefined {
    if (this.codeCount('recurrence_of') === 0) return this.namedAfterCut;
    // A copy of this table's marks is made at the first mark to add: they may be shared with other cuts.
    let named: Uint8Array | undefined;
    for (let row = 0; row < opened.length; row++) {
      if (opened[row]! <= tEnd) continue;
      const code = this.find('recurrence_of', this.idAt(row));
      if (code === ABSENT_CODE) continue;
      if (named === undefined) {
        named = zeroed(Uint8Array, this.codeCount('recurrence_of'));
        if (this.namedAfterCut !== undefined) named.set(this.namedAfterCut);
      }
      named[code] = 1;
    }
    return named ?? this.namedAfterCut;
  }

  /** The columns of `rows` only. */
  private gathered(rows: Uint32Array): Columns {
    const { ids, titles, instants, priorities, codes } = this.columns;
    return {
      ids: ids.gather(rows),
      titles: titles === undefined ? undefined : Array.from(rows, (row) => titles[row]),
      instants: mapFields(INCIDENT_INSTANTS, (field) => gather(instants[field], rows)),
      priorities: gather(priorities, rows),
      codes: mapFields(INCIDENT_TEXTS, (field) => gather(codes[field], rows)),
    };
  }

  private growTo(capacity: number): void {
    const { ids, titles, instants, priorities, codes } = this.columns;
    this.columns = {
      ids,
      titles,
      instants: mapFields(INCIDENT_INSTANTS, (field) => grown(instants[field], capacity)),
      priorities: grown(priorities, capacity),
      codes: mapFields(INCIDENT_TEXTS, (field) => grown(codes[field], capacity)),
    };
  }

  /** The titles column, made (the rows before `rows` without a title) when the first title comes. */
  private titlesFrom(rows: number): Array<string | undefined> {
    if (this.columns.titles === undefined) this.columns = { ...this.columns, titles: new Array<string | undefined>(rows).fill(undefined) };
    return this.columns.titles!;
  }
}
