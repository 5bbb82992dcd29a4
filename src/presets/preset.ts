/**
 * A vendor preset, declared as data: how one tool's export maps onto the canonical datasets. Applying
 * one (apply-preset.ts) is a transform of the raw row stream between the reader and the validator; no
 * preset forks the reader or the validator.
 */
import type { Config } from '../core/config.js';
import type { DatasetName } from '../core/datasets.js';
import type { Priority } from '../core/priorities.js';

/**
 * Where a value is in a source row: a header (matched like canonical headers: case, spaces, `-` and `_`
 * ignored), or a path into a JSON record, each key of it matched the same way: `service.summary`, and
 * `list[key.path=Value].field` for the element of an array whose `key.path` equals `Value` (case-insensitively).
 */
export type SourcePath = string;

/** A test of a source value (case-insensitive, trimmed); an absent value is in no list. */
export interface Condition {
  readonly source: SourcePath;
  readonly in?: readonly string[];
  readonly notIn?: readonly string[];
}

/** How a cell's text is rewritten before it reaches the validator. */
export type ValueRewrite =
  /** `Smith, Robert James` → `Robert James Smith` (BambooHR writes people this way). */
  | 'last-comma-first';

/** One way to fill a canonical column. */
export interface ColumnSource {
  /** The source of the value; several are joined with a space (`First Name` + `Last Name`). */
  readonly from: SourcePath | readonly SourcePath[];
  /** The value is taken only when this holds (a closed alert's update time is its resolution time). */
  readonly when?: Condition;
  /** Text put before the value (`rank ` + incident.io's severity rank gives `rank 3`). */
  readonly prefix?: string;
  readonly rewrite?: ValueRewrite;
}

/** A canonical column's sources, tried in order: the first that gives a non-empty value wins. */
export type ColumnSources = readonly (SourcePath | ColumnSource)[];

/** Where the time zone of wall-clock times without an offset comes from. */
export type TimeZoneRule =
  /** The config's `timezone` (the export carries none). */
  | { readonly kind: 'configured' }
  /**
   * A JSON object in a header row, e.g. Qualtrics' third row `{"ImportId":"recordedDate","timeZone":"America/Denver"}`
   * under the column of the date; the configured zone when it names none.
   */
  | { readonly kind: 'header-json'; readonly row: number; readonly key: string };

/** How the vendor writes dates and times. Values already in ISO 8601 are always accepted as they are. */
export interface DateRule {
  /** date-fns formats tried in order; `datasets.<name>.dateFormat` replaces them (never guessed). */
  readonly formats: readonly string[];
  readonly timeZone: TimeZoneRule;
  /** A zone name after the time (`11:07:29 AM AST`): `UTC`, `GMT` and `GMT+3` are used, other names dropped. */
  readonly trailingZoneName?: boolean;
  /** What the vendor writes for a date it has none of (BambooHR's API: `0000-00-00`): read as an empty cell. */
  readonly noDate?: readonly string[];
}

/** A one-row-per-respondent survey: each answered question column becomes one long-form row. */
export interface WideSurveyLayout {
  /** The column holding the response date (`responded_on`). */
  readonly dateColumn: ColumnSources;
  /** Default respondent id column; `datasets.survey.respondentIdColumn` replaces it. */
  readonly respondentIdColumn?: SourcePath;
  /** Columns that are metadata, never questions, even when a question text matches them. */
  readonly metadataColumns: readonly SourcePath[];
  /** Rows kept (Qualtrics: previews, tests and spam are dropped). */
  readonly keep?: readonly Condition[];
  /** What `keep` leaves out, as a person would say it: the file's warning counts them under this name. */
  readonly leftOut?: string;
}

/** A preset's reading of one dataset. */
export interface DatasetLayout {
  /** Canonical column → its sources in the export. Columns not listed are read by their canonical name. */
  readonly columns: Readonly<Record<string, ColumnSources>>;
  readonly dates?: DateRule;
  /**
   * The property of a JSON object document whose array holds the records, where the export gives several
   * arrays (BambooHR's custom report: `fields`, which describes the columns, then `employees`). The other
   * properties are metadata; a document without this one is refused, naming it. Without it, an object
   * document must hold one array.
   */
  readonly recordsProperty?: string;
  /** Header rows before the data (CSV; default 1). Only the first names the columns. */
  readonly headerRows?: number;
  /** Vendor priority names → P1..P5; the config's `priorities` wins over them. */
  readonly priorities?: Readonly<Record<string, Priority>>;
  /** Answer texts → scores; the config's `survey.answers` wins over them. */
  readonly answers?: Readonly<Record<string, number>>;
  /** Rows kept; others are not records of the dataset (test incidents, survey previews). */
  readonly keep?: readonly Condition[];
  /** What `keep` leaves out, as a person would say it: the file's warning counts them under this name. */
  readonly leftOut?: string;
  readonly wide?: WideSurveyLayout;
  /**
   * `multi-value`: the export repeats the header of a multi-value field, one value a column, filled from
   * the left (Jira's `Component/s`, `Component/s`). A column read from such a header takes its first
   * column, and the rows with another value in a later one are counted in a warning. Without it, a
   * repeated header the preset reads is two columns for one: the file is refused, as a canonical one is.
   */
  readonly repeatedHeaders?: 'multi-value';
  /**
   * The export has no priority column (PagerDuty's CSV): the user maps one of its columns to `priority`
   * and says which of its `values` is P1. Without both, every incident's priority is `unknown` (never a
   * guess) and a warning gives `why` and the `config` that supplies them.
   */
  readonly userPriority?: PriorityStandIn;
  /**
   * The export's priority may be empty on a row (PagerDuty's API gives null on accounts without
   * priorities): such a row reads its priority from `column` once the config's priorities say which of
   * its `values` is P1; until then its priority is `unknown` and one warning counts such rows.
   */
  readonly priorityFallback?: PriorityStandIn;
  /**
   * The config that fixes a refusal better than a placeholder does, given the file's columns and the
   * canonical ones missing (Jira sub-tasks that name their parent by its numeric id), with why; undefined
   * where it has nothing better.
   */
  readonly mismatchFix?: (found: readonly string[], missing: readonly string[]) => { readonly fix: Readonly<Record<string, unknown>>; readonly fixWhy: string } | undefined;
  /** Rows read by an assumption the export cannot confirm: each watch counts them in one warning. */
  readonly watches?: readonly RowWatch[];
  /**
   * The most records the vendor puts in one download (PagerDuty's CSV: 20,000): a file with exactly that
   * many may have been cut short, and a warning says so.
   */
  readonly rowLimit?: { readonly rows: number; readonly why: string; readonly advice: string };
  /**
   * Where a saved page of the vendor's paginated API list says that records are on other pages: a file
   * whose page says so gets a warning, quoting it (see page-marker.ts).
   */
  readonly pageMarker?: PageMarker;
}

/**
 * A paging field of a JSON document, beside its records, read by its path (as a record's values are),
 * and how to request the other pages. `kind` says what it holds:
 * - `more-flag`: `true` while more records follow (PagerDuty's `more`);
 * - `next-link`: the next page's address, absent on the last page (Opsgenie's `paging.next`);
 * - `total-count`: the number of records on all the pages, above the file's when some are missing
 *   (incident.io's `pagination_meta.total_record_count`).
 */
export interface PageMarker {
  readonly kind: 'more-flag' | 'next-link' | 'total-count';
  readonly path: SourcePath;
  /** How to request the other pages, as a sentence without its full stop. */
  readonly advice: string;
}

/** A row as a watch sees it: its export's values by source path, its canonical cells, the config in force. */
export interface WatchedRow {
  readonly read: (path: SourcePath) => unknown;
  readonly canonical: Readonly<Record<string, unknown>>;
  readonly config: Config;
}

/**
 * Rows a preset reads by an assumption the export cannot confirm (incident.io's default severity names,
 * a closed incident without a resolution time): the file's warning says how many, quotes the first,
 * and says how to tell the tool otherwise. A figure read by a guess is never left unsaid.
 */
export interface RowWatch {
  /** The canonical column the assumption fills. */
  readonly column: string;
  /** What to quote of a row the assumption touches; undefined for a row it does not. */
  readonly example: (row: WatchedRow) => string | undefined;
  readonly message: (count: number, example: string) => string;
}

/** An export's column that stands in for a priority it lacks, and what tells the user how to read it. */
export interface PriorityStandIn {
  readonly column: string;
  readonly values: readonly string[];
  readonly why: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** Why, for an export that lacks the stand-in column too; the fix is then a column of the user's. */
  readonly whyAbsent?: string;
}

/** A vendor export layout, selected per dataset by `datasets.<name>.preset` or `--preset`. */
export interface Preset {
  readonly name: string;
  /** The tool and the export, as a person would name them. */
  readonly title: string;
  readonly datasets: Readonly<Partial<Record<DatasetName, DatasetLayout>>>;
}

/** Identity helper: gives a preset file its type checking. */
export const definePreset = (preset: Preset): Preset => preset;
