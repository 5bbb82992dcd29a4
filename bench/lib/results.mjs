// The bench's figures as data (medians of the repeated runs, rates, ratios, the goals of the issue
// "Speed and memory at scale" judged against them), and the Markdown table built from that data.

export const GOALS = { throughputRatio: 0.6, peakMiB: 150, flatPeak: 1.3, reportStartup: 2.5, helpStartup: 2, linear: 2 };

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One measurement summarised over its repetitions: median wall and CPU time, highest peak RSS. */
export const summarise = (runs) => ({
  wallMs: median(runs.map((r) => r.wallMs)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  peakMiB: Math.max(...runs.map((r) => (r.maxRssKiB ?? 0) / 1024)) || undefined,
  runs: runs.length,
  failed: runs.filter((r) => r.failed).map((r) => r.failed),
});

/** (a) vs (b) for one dataset or for all files: the ratio of the times is the ratio of the rates. */
export const compareRates = (rows, bytes, parse, report) => ({
  rows,
  bytes,
  parse,
  report,
  parseRowsPerSecond: rows / (parse.wallMs / 1000),
  reportRowsPerSecond: rows / (report.wallMs / 1000),
  ratio: parse.wallMs / report.wallMs,
  cpuRatio: parse.cpuMs !== undefined && report.cpuMs !== undefined ? parse.cpuMs / report.cpuMs : undefined,
});

/** Large over medium, per dataset and overall: doubling every file should at most double the time. */
export function scaling(medium, large) {
  const pairs = [['all files', medium.overall, large.overall], ...large.datasets.map((d) => [d.dataset, medium.datasets.find((m) => m.dataset === d.dataset), d])];
  return pairs.filter(([, m]) => m !== undefined).map(([dataset, m, l]) => ({
    dataset,
    rows: l.rows / m.rows,
    reportTime: l.report.wallMs / m.report.wallMs,
    reportCpu: l.report.cpuMs / m.report.cpuMs,
    parseTime: l.parse.wallMs / m.parse.wallMs,
    peak: l.report.peakMiB / m.report.peakMiB,
  }));
}

export function judgeGoals(result, scalingRows) {
  const overall = result.overall;
  const all = scalingRows?.find((row) => row.dataset === 'all files');
  const goal = (name, target, measured, met, note = '') => ({ name, target, measured, met, note });
  const worstScaling = scalingRows === undefined ? undefined : Math.max(...scalingRows.map((row) => row.reportTime));
  return [
    goal('end-to-end rate vs bare csv-parse, all files', `≥ ${GOALS.throughputRatio}×`, overall.ratio, overall.ratio >= GOALS.throughputRatio),
    goal('peak RSS of `report`, all files', `≤ ${GOALS.peakMiB} MiB at large`, overall.report.peakMiB,
      result.scale === 'large' ? overall.report.peakMiB <= GOALS.peakMiB : undefined, result.scale === 'large' ? '' : 'judged at large'),
    goal('peak RSS large ÷ medium', `≤ ${GOALS.flatPeak}×`, all?.peak, all === undefined ? undefined : all.peak <= GOALS.flatPeak, all === undefined ? 'needs medium and large results' : ''),
    goal("`report` on fixtures/demo ÷ `node -e ''`", `≤ ${GOALS.reportStartup}×`, result.startup.reportFactor, result.startup.reportFactor <= GOALS.reportStartup),
    goal("`--help` ÷ `node -e ''`", `≤ ${GOALS.helpStartup}×`, result.startup.helpFactor, result.startup.helpFactor <= GOALS.helpStartup),
    goal('time large ÷ medium, worst file', `≤ ${GOALS.linear}×`, worstScaling, worstScaling === undefined ? undefined : worstScaling <= GOALS.linear, worstScaling === undefined ? 'needs medium and large results' : ''),
  ];
}

const fixed = (value, digits) => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
const thousands = (value) => (value === undefined ? '—' : Math.round(value).toLocaleString('en-US'));
const seconds = (ms) => fixed(ms / 1000, 2);
const verdict = (met) => (met === undefined ? '—' : met ? 'met' : '**not met**');

export function toMarkdown(result) {
  const env = result.environment;
  const lines = [
    `## ops-metrics bench — scale \`${result.scale}\``,
    '',
    `${result.date}, commit ${env.commit} (bundle ${env.bundle ?? 'unknown'}), Node ${env.node}, ${env.cpus} × ${env.cpuModel}, ${env.memoryGiB} GiB, ` +
      `meter: ${env.meter}, load average ${env.loadBefore} before / ${env.loadAfter} after, ${result.reps} run(s) of each measurement, interleaved` +
      (result.benchSeconds === undefined ? '.' : `; the bench took ${Math.round(result.benchSeconds)} s.`),
    '',
    `### Throughput: (a) csv-parse counting records vs (b) \`report --format json\``,
    '',
    '| dataset | rows | MiB | (a) s | (b) s | (a) rows/s | (b) rows/s | ratio (a)/(b) | CPU ratio | (b) peak MiB |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const d of [...result.datasets, { ...result.overall, dataset: '**all files**' }]) {
    lines.push(`| ${d.dataset} | ${thousands(d.rows)} | ${fixed(d.bytes / 1048576, 1)} | ${seconds(d.parse.wallMs)} | ${seconds(d.report.wallMs)} | ` +
      `${thousands(d.parseRowsPerSecond)} | ${thousands(d.reportRowsPerSecond)} | ${fixed(d.ratio, 2)} | ${fixed(d.cpuRatio, 2)} | ${fixed(d.report.peakMiB, 0)} |` +
      (d.report.failed.length > 0 ? ` failed: ${d.report.failed[0]}` : ''));
  }
  const s = result.startup;
  lines.push('', `### Start-up (median of ${s.reps})`, '', "| command | wall ms | × `node -e ''` | peak MiB |", '|---|--:|--:|--:|');
  for (const [name, m, factor] of [["`node -e ''`", s.node, 1], ['`ops-metrics --help`', s.help, s.helpFactor], ['`ops-metrics report` on fixtures/demo', s.report, s.reportFactor]]) {
    lines.push(`| ${name} | ${fixed(m.wallMs, 0)} | ${fixed(factor, 2)} | ${fixed(m.peakMiB, 0)} |`);
  }
  if (result.scaling !== undefined) {
    const note = result.scalingInOneRun
      ? 'Medium measured in the large run: each of its runs right after its large twin, so the machine\'s load touches both alike.'
      : result.scalingBundles !== undefined && result.scalingBundles.medium !== result.scalingBundles.large
        ? ` The two runs measured different builds (medium ${result.scalingBundles.medium ?? 'unknown'}, large ${result.scalingBundles.large ?? 'unknown'}): compare with care.`
        : ' Medium and large measured in runs of their own (see bench/README.md).';
    lines.push('', '### Medium → large (every file doubled)', '', ...(note ? [note.trim(), ''] : []), '| dataset | rows × | (b) time × | (b) CPU × | (a) time × | peak × |', '|---|--:|--:|--:|--:|--:|');
    for (const row of result.scaling) lines.push(`| ${row.dataset} | ${fixed(row.rows, 2)} | ${fixed(row.reportTime, 2)} | ${fixed(row.reportCpu, 2)} | ${fixed(row.parseTime, 2)} | ${fixed(row.peak, 2)} |`);
  }
  lines.push('', '### Goals', '', '| goal | target | measured | verdict |', '|---|---|--:|---|');
  for (const g of result.goals) lines.push(`| ${g.name} | ${g.target} | ${fixed(g.measured, 2)} | ${verdict(g.met)}${g.note ? ` (${g.note})` : ''} |`);
  return `${lines.join('\n')}\n`;
}
