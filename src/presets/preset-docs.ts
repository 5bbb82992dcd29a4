/**
 * `ops-metrics schema --presets`: every preset with the columns it expects for each dataset it reads,
 * as text, Markdown or JSON, generated from the declarations so it cannot drift from them.
 */
import type { DatasetName } from '../core/datasets.js';
import type { ColumnSources, DatasetLayout, Preset } from './preset.js';
import { datasetsOfPreset, PRESETS } from './registry.js';

const sourceNames = (sources: ColumnSources): string[] =>
  sources.map((source) => {
    if (typeof source === 'string') return source;
    const from = typeof source.from === 'string' ? source.from : source.from.join(' + ');
    return source.when === undefined ? from : `${from} (when ${source.when.source} ${source.when.in ? `is ${source.when.in.join('/')}` : `is not ${source.when.notIn?.join('/') ?? ''}`})`;
  });

/** Expected source columns by canonical column, and the notes that go with them. */
function layoutLines(layout: DatasetLayout): Array<[string, string]> {
  const lines: Array<[string, string]> = Object.entries(layout.columns).map(([column, sources]) => [column, sourceNames(sources).join(' | ')]);
  if (layout.userPriority !== undefined) lines.push(['priority', 'none in the export: map a column (urgency) and say which value is P1, else it is unknown']);
  if (layout.priorityFallback !== undefined) {
    lines.push(['priority, where empty', `${layout.priorityFallback.column} once the config says which value is P1, else unknown`]);
  }
  const wide = layout.wide;
  if (wide !== undefined) {
    lines.push(['responded_on', sourceNames(wide.dateColumn).join(' | ')]);
    lines.push(['respondent_level', 'the column named by datasets.survey.levelColumn']);
    lines.push(['respondent_id', wide.respondentIdColumn ?? 'the column named by datasets.survey.respondentIdColumn']);
    lines.push(['question_id, score', 'one column per question, mapped by survey.questions (text or id)']);
    lines.push(['wave', 'datasets.survey.wave, else a column mapped to wave, else the quarter of the response date']);
  }
  if (layout.recordsProperty !== undefined) lines.push(['JSON records', `the "${layout.recordsProperty}" array of the document; its other properties are not read`]);
  if (layout.headerRows !== undefined) lines.push(['header rows', String(layout.headerRows)]);
  if (layout.repeatedHeaders === 'multi-value') {
    lines.push(['repeated headers', 'a multi-value field, one value a column: the first column is read, and rows with more are counted in a warning']);
  }
  const noDate = layout.dates?.noDate ?? [];
  const empty = noDate.length === 0 ? '' : `; ${noDate.join(' or ')} is no date`;
  lines.push(['dates', layout.dates === undefined ? 'ISO 8601 as written' : `${layout.dates.formats.join(' or ')} (dateFormat replaces it)${empty}`]);
  return lines;
}

export function presetDocs(format: 'text' | 'markdown'): string {
  const blocks = PRESETS.map((preset) => {
    const datasets = datasetsOfPreset(preset).map((dataset) => {
      const lines = layoutLines(preset.datasets[dataset] as DatasetLayout);
      if (format === 'markdown') {
        return [`**${dataset}**`, '', '| column | from |', '|---|---|', ...lines.map(([c, s]) => `| \`${c}\` | ${s.replaceAll('|', '\\|')} |`)].join('\n');
      }
      const width = Math.max(...lines.map(([column]) => column.length));
      return [`  ${dataset}`, ...lines.map(([column, sources]) => `    ${column.padEnd(width)}  ${sources}`)].join('\n');
    });
    const heading = format === 'markdown' ? `### \`${preset.name}\` — ${preset.title}` : `${preset.name} — ${preset.title}`;
    return [heading, ...(format === 'markdown' ? [''] : []), datasets.join(format === 'markdown' ? '\n\n' : '\n')].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** The presets as JSON: per dataset, each canonical column's expected sources. */
export const presetsJson = (): Record<string, { title: string; datasets: Partial<Record<DatasetName, Record<string, string>>> }> =>
  Object.fromEntries(
    PRESETS.map((preset: Preset) => [
      preset.name,
      {
        title: preset.title,
        datasets: Object.fromEntries(datasetsOfPreset(preset).map((d) => [d, Object.fromEntries(layoutLines(preset.datasets[d] as DatasetLayout))])),
      },
    ]),
  );
