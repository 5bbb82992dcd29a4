/**
 * Where a dataset's accepted records go while it is validated.
 */
import { matchKey, type Config } from '../core/config.js';
import { DATASETS, ROADMAP_MEETING_KIND, type ColumnSpec, type DatasetName, type DatasetRecords, type RecordOf } from '../core/datasets.js';
import { IncidentTable } from '../core/incident-table.js';
import { fieldKinds, POOLED_KEYS } from '../core/record-kinds.js';
import { RecordTable } from '../core/record-table.js';
import { SurveySummary } from '../core/survey-summary.js';
import type { StringPool } from './string-pool.js';

export interface RecordSink<D extends DatasetName> {
  add(record: RecordOf[D]): void;
  /** The file is read: the store lets go of what only adding needs. */
  seal(): void;
  readonly records: DatasetRecords<D>;
}

/** A store that counts the records set aside as out of a run's reach (see report/horizon.ts). */
interface RecordStore<D extends DatasetName> extends RecordSink<D> {
  setAside?(): void;
}

/** Value types whose record fields hold text (a `title` cell gives `title` and the level code). */
const TEXT_TYPES: ReadonlySet<ColumnSpec['type']> = new Set(['id', 'string', 'date', 'title', 'enum']);

/**
 * The text fields worth pooling: every text column but the dataset's key, whose values are unique by
 * rule (a dataset's references, say an action item's incident_id or anyone's employee_id, repeat).
 */
const pooledFields = (dataset: DatasetName): string[] => {
  const { key, columns } = DATASETS[dataset];
  return Object.entries(columns as Record<string, ColumnSpec>)
    .filter(([column, spec]) => column !== key && TEXT_TYPES.has(spec.type))
    .map(([column]) => column);
};

/**
 * Fields no measure, red flag or detail reads. Kept records hold them as `undefined` (not deleted, so
 * every record of a dataset keeps one shape): an incident's free-text title alone is ~60 bytes.
 */
const UNREAD_FIELDS: Partial<Record<DatasetName, readonly string[]>> = {
  people: ['team', 'termination_reason'],
  job_history: ['team', 'reason'],
  incidents: ['title'],
  automation_contributions: ['ref'],
};

/** Records no measure can count, which compact records leave out (still validated and counted as accepted). */
const COUNTED: Partial<{ [D in DatasetName]: (record: RecordOf[D]) => boolean }> = {
  meetings: (meeting) => matchKey(meeting.kind) === ROADMAP_MEETING_KIND,
};

/** Where a dataset's records are kept: folded (survey answers), in the incidents' columns, or in a table's. */
function recordStore<D extends DatasetName>(dataset: D, config: Config): RecordStore<D> {
  const name: DatasetName = dataset; // a plain name narrows in comparisons, the type parameter does not
  if (name === 'survey') {
    const summary = new SurveySummary(config.survey.minGroupSize);
    return { add: (record) => summary.add(record as RecordOf['survey']), seal: () => {}, records: summary as DatasetRecords<D> };
  }
  if (name === 'incidents') {
    const table = IncidentTable.empty();
    return {
      add: (record) => table.add(record as RecordOf['incidents']), setAside: () => table.setAside(), seal: () => table.seal(), records: table as DatasetRecords<D>,
    };
  }
  const table = RecordTable.empty(fieldKinds(name));
  return { add: (record) => table.add(record as never), seal: () => table.seal(), records: table as unknown as DatasetRecords<D> };
}

/**
 * Where accepted records go (see recordStore): survey answers are folded into per-group tallies as they
 * come (a survey export can hold millions of answers; the measures need only the tallies), the others
 * go into columns. With a pool, records are compact: repeated texts share one
 * instance each, and unread fields are dropped. With `inReach`, the records it refuses (out of the run's
 * reach: see report/horizon.ts) are set aside too.
 */
export function recordSink<D extends DatasetName>(
  dataset: D,
  config: Config,
  keep: boolean,
  pool?: StringPool,
  inReach?: (record: RecordOf[D]) => boolean,
): RecordSink<D> {
  const store = recordStore(dataset, config);
  if (!keep) return { add: () => {}, seal: () => {}, records: store.records };
  if (pool === undefined || dataset === 'survey') return store;
  const unread: readonly string[] = UNREAD_FIELDS[dataset] ?? [];
  const counted = COUNTED[dataset] as ((record: RecordOf[D]) => boolean) | undefined;
  const fields = pooledFields(dataset).filter((field) => !unread.includes(field)).map((field) => ({ field, trialKey: `${dataset}.${field}` }));
  // Unique within its file, so a trial would stop pooling it; but every other file refers to it.
  const pooledKey = (POOLED_KEYS as Partial<Record<DatasetName, string>>)[dataset];
  return {
    add: (record) => {
      if (counted !== undefined && !counted(record)) return;
      if (inReach !== undefined && !inReach(record)) {
        store.setAside?.();
        return;
      }
      const row = record as unknown as Record<string, unknown>;
      for (const field of unread) row[field] = undefined;
      if (pooledKey !== undefined && typeof row[pooledKey] === 'string') row[pooledKey] = pool.seed(row[pooledKey]);
      for (const { field, trialKey } of fields) {
        const value = row[field];
        if (typeof value === 'string') row[field] = pool.intern(trialKey, value);
      }
      store.add(record);
    },
    seal: () => store.seal(),
    records: store.records,
  };
}
