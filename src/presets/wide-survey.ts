/**
 * Wide survey exports (one row per respondent, one column per question) → long-form survey rows, one
 * per non-empty answer, each keeping the line of its respondent's row. A question column is one whose
 * id or header text (in any header row) `survey.questions` maps, or that is a canonical question id;
 * other columns are ignored. The wave is `datasets.survey.wave`, else a column the config maps to `wave`,
 * else the calendar quarter of the date.
 * The config's own question keys that match no column are warned of at the header (question-keys.ts);
 * a response date that cannot be read is one problem for the respondent's row (unread-date.ts).
 */
import { matchKey, type Config } from '../core/config.js';
import { QUESTION_IDS, type IsoDate, type QuestionId } from '../core/datasets.js';
import { InputError } from '../core/problems.js';
import { columnsByHeaderText, type CsvHeader } from '../load/csv-header.js';
import type { LoadedRow } from '../load/loaded-row.js';
import { conflictMessage, normaliseHeader, sameMeaningSubject } from '../validate/headers.js';
import { parseDate } from '../validate/temporal-values.js';
import { dateInZone } from '../validate/time-zone.js';
import { quarterLabel as quarterOf } from '../model/calendar.js';
import { headerLine, type PresetInput } from './preset-input.js';
import { canonicalTime, dateReading, type DateReading } from './cell-values.js';
import { userSources } from './column-plan.js';
import { presetMismatch, type MissingColumn } from './mismatch.js';
import type { Condition, DatasetLayout, WideSurveyLayout } from './preset.js';
import type { PresetNotes } from './preset-notes.js';
import { AGREE_SCALE } from './agree-scale.js';
import { createSourceReader } from './source-path.js';
import { fitsOtherPresets } from './preset-fit.js';
import { checkQuestionKeys, type HeaderColumn } from './question-keys.js';
import { unreadDateMessage } from './unread-date.js';
import { watchWaveStraddle } from './wave-straddle.js';
import { isBlank } from './blank-value.js';

type Fields = Readonly<Record<string, unknown>>;

interface SurveyPlan {
  readonly dateKey: string;
  /** The date column's header as the file names it, where a date that cannot be read is reported. */
  readonly dateName: string;
  readonly levelKey: string;
  readonly idKey: string | undefined;
  /** The column holding each respondent's wave, when the config maps one to `wave`, and its header as the file names it. */
  readonly waveKey: string | undefined;
  readonly waveName: string | undefined;
  readonly questions: Array<{ readonly key: string; readonly id: string }>;
  readonly keep: readonly Condition[];
  readonly reading: DateReading | undefined;
  /** The question a key of a record is, when it may be one (never the date, level, id or wave column, nor metadata). */
  readonly questionOf: (key: string) => string | undefined;
}

const QUESTION_ID_SET: ReadonlySet<string> = new Set(QUESTION_IDS);

/** Every column named `name`: by its header text in any header row, or by its key. */
const columnsNamed = (header: CsvHeader, name: string): string[] =>
  [...new Set([...columnsByHeaderText(header, name), ...header.keys.filter((key) => normaliseHeader(key) === normaliseHeader(name))])];

const questionIdOf = (texts: readonly string[], questions: Config['survey']['questions']): string | undefined => {
  for (const text of texts) {
    const key = matchKey(text);
    if (key === '') continue;
    const id = questions.get(key) ?? (QUESTION_ID_SET.has(key) ? key : undefined);
    if (id !== undefined) return id;
  }
  return undefined;
};

/**
 * The file lacks a column the preset's filter reads (Qualtrics' Status or Finished, left out of the
 * export's fields): the rows it would leave out (previews, unfinished responses) cannot be told, and are
 * read as responses. Said once, at the header, so that a figure with them in it is not left unsaid.
 */
const filterUnseen = (file: string, line: number, preset: string, columns: readonly string[], leftOut: string | undefined) => {
  const them = columns.length === 1 ? 'it' : 'them';
  return {
    file, line, column: '-', severity: 'warning' as const,
    message: `the file has no ${columns.join(' or ')} column, which preset "${preset}" reads to leave out ${leftOut ?? 'rows that are no response'}: ` +
      `the rows it would leave out by ${them} are read as responses. Export ${them} with the responses to have those rows left out`,
  };
};

const LEVEL_PLACEHOLDER = "<column holding the respondent's title or level>";

/** The first question two columns mean, with their keys. */
function questionGivenTwice(questions: ReadonlyArray<{ readonly key: string; readonly id: string }>): { id: string; keys: string[] } | undefined {
  const keysOf = new Map<string, string[]>();
  for (const { key, id } of questions) keysOf.set(id, [...(keysOf.get(id) ?? []), key]);
  for (const [id, keys] of keysOf) if (keys.length > 1) return { id, keys };
  return undefined;
}

/** The header names of `keys` as written in the file: a repeated name's key (`Timestamp_2`) is no name of it. */
const namesOf = (header: CsvHeader, keys: readonly string[]): string[] =>
  keys.map((key) => header.rows[0]?.[header.keys.indexOf(key)]?.trim() || key);

/** Two columns named as one of the date, level or id columns: the canonical reader's conflict, for the whole file. */
const columnConflict = (file: string, line: number, names: readonly string[], column: string): InputError =>
  new InputError('preset_conflict', file, conflictMessage({ column, sources: names }), undefined, line);

/**
 * Two columns of a wide survey that mean one question would make each response two answers to it: the
 * mean would weigh those respondents twice, and a group without respondent ids (counted by its answers)
 * would seem twice its size, past the smallest group shown. So the file is refused, as two columns for
 * one column are in any other file.
 */
const questionConflict = (file: string, line: number, twice: { id: string; names: readonly string[] }): InputError => {
  const times = twice.names.length === 2 ? 'twice' : `${twice.names.length} times`;
  return new InputError('preset_conflict', file,
    `${sameMeaningSubject(twice.names).subject} mean the question "${twice.id}": each response would count ${times}`,
    'Keep one: delete or rename the other in the file, or leave one of them out of the config\'s survey.questions.', line);
};

function planSurvey(input: PresetInput, layout: DatasetLayout, wide: WideSurveyLayout, header: CsvHeader, notes: PresetNotes, noColumn: Map<QuestionId, string>): SurveyPlan {
  const { config, file } = input;
  const source = config.datasets.survey;
  const user = userSources(source);
  // The first name a column answers to; two columns answering to it would let their order decide the value.
  const named = (names: readonly string[], column: string): string | undefined => {
    for (const name of names) {
      const keys = columnsNamed(header, name);
      if (keys.length > 1) throw columnConflict(file, headerLine(input), namesOf(header, keys), column);
      if (keys.length === 1) return keys[0];
    }
    return undefined;
  };
  const dateNames = user.get('responded_on')?.flatMap((s) => s.from) ?? wide.dateColumn.flatMap((d) => (typeof d === 'string' ? [d] : []));
  const levelNames = source?.levelColumn !== undefined ? [source.levelColumn] : (user.get('respondent_level')?.flatMap((s) => s.from) ?? []);
  const idName = source?.respondentIdColumn ?? user.get('respondent_id')?.[0]?.from[0] ?? wide.respondentIdColumn;
  const dateKey = named(dateNames, 'responded_on');
  const levelKey = named(levelNames, 'respondent_level');
  const idKey = idName === undefined ? undefined : named([idName], 'respondent_id');
  // A round the export names itself (a hidden field, embedded data), mapped under "columns": { "<it>": "wave" }.
  const waveNames = user.get('wave')?.flatMap((s) => s.from) ?? [];
  const waveKey = named(waveNames, 'wave');
  const sample = Object.fromEntries(header.keys.map((key) => [key, '']));
  // Other presets this file fits, named in a refusal; worked out only for one.
  const fitsOthers = (): string[] => fitsOtherPresets('survey', input.preset.name, sample, source);
  const used = new Set([dateKey, levelKey, idKey, waveKey]);
  const metadata = new Set(wide.metadataColumns.map(normaliseHeader));
  const questionOf = (key: string): string | undefined =>
    used.has(key) || metadata.has(normaliseHeader(key)) ? undefined : questionIdOf([key], config.survey.questions);
  const columns: HeaderColumn[] = header.keys.map((key, index) => ({ key, texts: header.rows.map((row) => row[index] ?? '') }));
  // The columns that may be questions: never the date, level or id column, nor a metadata one.
  const candidates = columns.filter(({ key, texts }) => !used.has(key) && ![key, ...texts].some((text) => metadata.has(normaliseHeader(text))));
  const questions = candidates.flatMap(({ key, texts }) => {
    const id = questionIdOf([key, ...texts], config.survey.questions);
    return id === undefined ? [] : [{ key, id }];
  });

  const twice = questionGivenTwice(questions);
  if (twice !== undefined) throw questionConflict(file, headerLine(input), { id: twice.id, names: namesOf(header, twice.keys) });

  const missing: MissingColumn[] = [];
  const fix: Record<string, unknown> = {};
  const surveyFix: Record<string, unknown> = {};
  if (dateKey === undefined) {
    missing.push({ column: 'responded_on', lookedFor: dateNames });
    surveyFix.columns = { '<column holding the response date>': 'responded_on' };
  }
  if (levelKey === undefined) {
    missing.push(levelNames.length > 0 ? { column: 'respondent_level', lookedFor: levelNames } : { column: 'respondent_level', lookedFor: [], why: 'levelColumn is not set' });
    surveyFix.levelColumn = LEVEL_PLACEHOLDER;
  }
  // The respondent id column the user named is required; the preset's own is, when the file fits another
  // preset instead (a Qualtrics file read as SurveyMonkey's would take its third header row for answers).
  if (waveNames.length > 0 && waveKey === undefined) {
    missing.push({ column: 'wave', lookedFor: waveNames });
    surveyFix.columns = { ...(surveyFix.columns as object | undefined), '<column holding the wave>': 'wave' };
  }
  if (idName !== undefined && idKey === undefined && (source?.respondentIdColumn !== undefined || fitsOthers().length > 0)) {
    missing.push({ column: 'respondent_id', lookedFor: [idName] });
    surveyFix.respondentIdColumn = '<column holding the respondent id>';
  }
  if (questions.length === 0) {
    missing.push({ column: 'question_id', lookedFor: [], why: 'no column is a question that survey.questions maps' });
    fix.survey = { questions: { '<question text or column id>': 'autonomy' } };
  }
  if (Object.keys(surveyFix).length > 0) fix.datasets = { survey: surveyFix };
  if (missing.length > 0) {
    throw presetMismatch({ file, dataset: 'survey', preset: input.preset.name, line: headerLine(input), found: header.keys, fits: fitsOthers(), fix }, missing);
  }
  // A CSV's header is every column it has; a JSON record's keys are its own (another may have more), so a
  // key no column answers to is told only of a CSV.
  if (input.header() !== undefined) {
    const keys = checkQuestionKeys({
      file, line: headerLine(input), given: config.survey.givenQuestions, columns,
      candidates: new Set(candidates.map((column) => column.key)),
      questions: questions.map((question) => ({ ...question, name: namesOf(header, [question.key])[0]! })),
    });
    for (const warning of keys.warnings) notes.add(warning);
    for (const [id, why] of keys.noColumn) noColumn.set(id, why);
  }
  const reader = createSourceReader();
  const keep = wide.keep ?? [];
  const unkept = keep.filter((condition) => !reader.has(sample, condition.source)).map((condition) => condition.source);
  if (unkept.length > 0) notes.add(filterUnseen(file, headerLine(input), input.preset.name, unkept, wide.leftOut));
  return {
    dateKey: dateKey as string,
    dateName: namesOf(header, [dateKey as string])[0]!,
    levelKey: levelKey as string,
    idKey: idKey ?? undefined,
    waveKey,
    waveName: waveKey === undefined ? undefined : namesOf(header, [waveKey])[0],
    questions: [...questions],
    questionOf,
    keep: keep.filter((condition) => reader.has(sample, condition.source)),
    reading: dateReading(layout.dates, source?.dateFormat, config.timezone, header),
  };
}

/**
 * The calendar date the validator reads from text no preset format read: ISO 8601, always accepted (a
 * date, or a timestamp's date in the configured zone); undefined for anything else, which the validator
 * then refuses with its own message.
 */
const isoDateOf = (raw: string, zone: string): IsoDate | undefined => {
  const parsed = parseDate(raw.trim(), zone);
  return parsed.ok ? parsed.value : undefined;
};

/** The response date as canonical text, and its calendar date in the configured zone (for the wave); undefined when it cannot be read. */
function responseDate(raw: unknown, plan: SurveyPlan, zone: string, line: number, notes: PresetNotes): { text: string; date: IsoDate } | undefined {
  if (typeof raw !== 'string') return undefined;
  const asIso = (): { text: string; date: IsoDate } | undefined => {
    const date = isoDateOf(raw, zone);
    return date === undefined ? undefined : { text: raw, date };
  };
  if (plan.reading === undefined) return asIso();
  const text = canonicalTime(raw, 'date', plan.reading.zoneOf(plan.dateKey), plan.reading);
  if (text === undefined) return asIso();
  if (plan.reading.dayMonthFormat !== undefined) notes.dateRead('responded_on', line, raw, plan.reading.dayMonthFormat);
  return { text, date: text.length === 10 ? text : dateInZone(Date.parse(text), zone) };
}

/**
 * A JSON record's questions its plan does not hold yet: the plan was made from the first record, and an
 * exporter may leave out a question nobody in it answered, or a later wave may word it otherwise. Two keys
 * of one question are refused only in a record that holds both, where its response would count twice, as
 * a CSV's two columns are.
 */
function addQuestionsOfRecord(plan: SurveyPlan, fields: Fields, file: string, line: number, keysSeen: Set<string>): void {
  for (const key in fields) {
    if (keysSeen.has(key)) continue;
    keysSeen.add(key);
    if (plan.questions.some((question) => question.key === key)) continue;
    const id = plan.questionOf(key);
    if (id !== undefined) plan.questions.push({ key, id });
  }
  const keyOf = new Map<string, string>();
  for (const { key, id } of plan.questions) {
    if (!(key in fields)) continue;
    const other = keyOf.get(id);
    if (other !== undefined) throw questionConflict(file, line, { id, names: [other, key] });
    keyOf.set(id, key);
  }
}

const answersText = (n: number): string => (n === 1 ? 'answer is' : `${n} answers are`);

export async function* expandWideSurvey(
  rows: AsyncIterable<LoadedRow>,
  input: PresetInput,
  layout: DatasetLayout,
  wide: WideSurveyLayout,
  notes: PresetNotes,
  noColumn: Map<QuestionId, string>,
): AsyncGenerator<LoadedRow> {
  const { config } = input;
  const configuredWave = config.datasets.survey?.wave;
  // A date that cannot be read leaves each answer without its responded_on, and its wave when that is the date's quarter.
  const fillsOf = (plan: SurveyPlan): string[] => (configuredWave === undefined && plan.waveKey === undefined ? ['responded_on', 'wave'] : ['responded_on']);
  const reader = createSourceReader();
  const presetAnswers = new Map(Object.entries(layout.answers ?? {}).map(([text, score]) => [matchKey(text), score]));
  const headerOf = (fields: Fields): CsvHeader => input.header() ?? { keys: Object.keys(fields), rows: [Object.keys(fields)] };
  let plan: SurveyPlan | undefined;
  let scoredByPreset: number | undefined;
  let straddle: ReturnType<typeof watchWaveStraddle> | undefined;
  const keysSeen = new Set<string>();
  for await (const row of rows) {
    if (row.defect !== undefined) {
      // A record that gives a key twice is one rejected row, its answers unread (any of them may be the
      // one in doubt): its fields are not the validator's columns, so they go.
      yield row.defect.kind === 'repeated_keys' ? { line: row.line, fields: Object.create(null) as Fields, defect: row.defect } : row;
      continue;
    }
    plan ??= planSurvey(input, layout, wide, headerOf(row.fields), notes, noColumn);
    if (input.header() === undefined) addQuestionsOfRecord(plan, row.fields, input.file, row.line, keysSeen);
    if (!plan.keep.every((condition) => reader.holds(row.fields, condition))) {
      notes.leftOut(row.line, wide.leftOut);
      continue;
    }
    const rawDate = row.fields[plan.dateKey];
    const read = responseDate(rawDate, plan, config.timezone, row.line, notes);
    const common = {
      wave: configuredWave ?? (plan.waveKey !== undefined ? row.fields[plan.waveKey] : read === undefined ? undefined : quarterOf(read.date)),
      responded_on: read?.text ?? rawDate,
      respondent_level: row.fields[plan.levelKey],
      respondent_id: plan.idKey === undefined ? undefined : row.fields[plan.idKey],
    };
    const answered = plan.questions.filter((question) => !isBlank(row.fields[question.key]));
    if (configuredWave === undefined && plan.waveKey === undefined && read !== undefined && answered.length > 0) {
      straddle ??= watchWaveStraddle(input.file, plan.dateName);
      straddle.note(read.date, row.line);
    }
    const problems: Array<{ column: string; message: string }> = [];
    if (read === undefined && answered.length > 0) {
      problems.push({
        column: plan.dateName,
        message: unreadDateMessage({
          value: rawDate, reading: plan.reading,
          userFormat: config.datasets.survey?.dateFormat !== undefined, preset: input.preset.name, answers: answered.length,
        }),
      });
    }
    if (plan.waveKey !== undefined && configuredWave === undefined && isBlank(row.fields[plan.waveKey]) && answered.length > 0) {
      problems.push({ column: plan.waveName!, message: `expected the respondent's wave, found an empty cell, so the row's ${answersText(answered.length)} rejected` });
    }
    const fills = problems.length === 0 ? [] : [...fillsOf(plan), ...(plan.waveKey !== undefined ? ['wave'] : [])];
    for (const [index, question] of answered.entries()) {
      const answer = row.fields[question.key];
      const key = typeof answer === 'string' ? matchKey(answer) : '';
      if (scoredByPreset === undefined && presetAnswers.has(key) && !config.survey.answers.has(key)) scoredByPreset = row.line;
      const fields = Object.assign(Object.create(null) as Record<string, unknown>, { ...common, question_id: question.id, score: answer });
      // One problem for the respondent's row, on its first answer; every answer is rejected and counted.
      yield problems.length === 0 ? { line: row.line, fields } : { line: row.line, fields, unreadSource: index === 0 ? { fills, problems } : { fills } };
    }
  }
  const header = input.header();
  if (plan === undefined && header !== undefined) planSurvey(input, layout, wide, header, notes, noColumn);
  for (const problem of straddle?.finish() ?? []) notes.add(problem);
  const { min, max } = config.survey.scale;
  if (scoredByPreset !== undefined && (min !== AGREE_SCALE.min || max !== AGREE_SCALE.max)) {
    notes.add({
      file: input.file, line: scoredByPreset, column: 'score', severity: 'warning',
      message: `answers in words are scored ${AGREE_SCALE.min}-${AGREE_SCALE.max} by preset "${input.preset.name}", but survey.scale is ${min}-${max}; ` +
        `set "survey": { "scale": { "min": ${AGREE_SCALE.min}, "max": ${AGREE_SCALE.max} } }`,
    });
  }
}
