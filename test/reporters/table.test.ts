/**
 * The terminal table: red-flag lines (a status, then the title, never run together), and columns that
 * stay in line, in terminal columns, whatever the width of the characters in a cell.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Detail, InputSummary, Report } from '../../src/core/report.js';
import { displayWidth } from '../../src/reporters/display-width.js';
import { tableReporter, wrap } from '../../src/reporters/table.js';
import { plainText } from '../../src/reporters/text.js';
import { shownIn } from '../helpers/columns.js';
import { sampleReport } from '../helpers/sample-report.js';
import { comparedReport } from './reports.js';

const options = { color: false };

describe('table: red flags', () => {
  const base = sampleReport();
  const report: Report = {
    ...base,
    redFlags: base.redFlags.map((flag) => (flag.id === 'year1_turnover'
      ? { ...flag, status: 'insufficient_data' as const, value: null, reason: 'no promotions to 2.0 yet' }
      : flag)),
  };
  const lines = tableReporter(report, options).split('\n');

  test('the usual statuses in a column of 14, the title after it', () => {
    expect(lines).toContain('✓ clear       No process improvements documented: 7 improvements (trips = 0)');
    expect(lines.some((line) => line.startsWith('⊘ suppressed  1.0 engineers feel undervalued: group 1.0'))).toBe(true);
  });

  test('a longer status, "? insufficient data", is followed by a space, not run into the title', () => {
    expect(lines).toContain('? insufficient data High turnover of 2.0s in year 1: no promotions to 2.0 yet');
  });

  test('a long trend with gaps under a long status keeps its sparkline whole, every quarter in its place', () => {
    // 40 quarters under "? insufficient data" (20 columns of indent, 56 left): a figure in the last quarter of
    // each ten, none elsewhere. Wrapped at a gap, the bars would split over two lines and lose a quarter.
    const base = sampleReport();
    const history = Array.from({ length: 40 }, (_, i) => ({
      period: `${2016 + Math.floor(i / 4)}-Q${(i % 4) + 1}`, value: i % 10 === 9 ? i / 100 : null, status: 'insufficient_data' as const,
    }));
    const flag = { ...base.redFlags[0]!, status: 'insufficient_data' as const, value: null, reason: 'too few hours', history };
    const lines = tableReporter({ ...base, redFlags: [flag] }, options).split('\n');
    // 0.09, 0.19, 0.29, 0.39 evenly from lowest to highest: ▁ ▃ ▆ █, each after nine gaps.
    const bars = `${' '.repeat(9)}▁${' '.repeat(9)}▃${' '.repeat(9)}▆${' '.repeat(9)}█`;
    expect(lines.filter((line) => line.includes(bars))).toHaveLength(1);
    expect(lines.every((line) => displayWidth(line) <= 80)).toBe(true);
  });

  test('a flag with no figure in any quarter (switched off) gets no trend line', () => {
    const base = sampleReport();
    const off = base.redFlags.find((f) => f.id === 'promotion_pay')!;
    const history = ['2026-Q2', '2026-Q3'].map((period) => ({ period, value: null, status: 'off' as const }));
    const lines = tableReporter({ ...base, redFlags: [{ ...off, history }] }, options);
    expect(lines).not.toContain('trend 2026-Q2');
  });

  test('with a comparison and a trend, each flag says under its title how it went by quarter, what it was, and how its status changed', () => {
    // task_execution: 22.0% of hours in 2026-Q2 by --compare (clear), 31.0% now (tripped). Its trend (withHistory):
    // 0.31 × 0.8 = 24.8%, a gap, 0.31 × 0.9 = 27.9%, 31.0%: lowest ▁, gap, (27.9 − 24.8) / (31.0 − 24.8) = ½ → ▅, highest █.
    const compared = tableReporter(comparedReport(), options).split('\n');
    const at = compared.findIndex((line) => line.startsWith('✗ tripped     2.0 engineers still doing task execution'));
    expect(compared.slice(at + 1, at + 4)).toEqual([
      '              31.0% of hours (trips > 25.0%)',
      '              trend 2025-Q4…2026-Q3 ▁ ▅█ 24.8% → 31.0%',
      '              since 2026-Q2: was 22.0% of hours, clear → tripped',
    ]);
    expect(compared).toContain('              since 2026-Q2: was 7 improvements');
    expect(lines.some((line) => line.includes('since 2026-Q2'))).toBe(false);
  });
});

describe('table: a measure row whose figures fill their columns', () => {
  test('keeps a space between each cell and the next, and takes the shift back where there is room', () => {
    // mentee_ops_retention at 0.916667 against a configured ≥ 0.91667: 91.6667% fills the value column (8)
    // and ≥ 91.667% the target column (9); the status column (20) absorbs the two extra places, so n
    // starts at its column (59, 37 past the label's 22).
    const base = sampleReport();
    const report: Report = {
      ...base,
      metrics: base.metrics.map((metric) => ({
        ...metric,
        measures: metric.measures.map((m) => (m.id === 'retention_2y'
          ? { ...m, value: 0.916667, target: { op: '>=' as const, value: 0.91667 }, status: 'met' as const, n: 12, ci95: [0.646, 0.985] as const }
          : m)),
      })),
    };
    const row = tableReporter(report, options).split('\n').find((line) => line.includes('91.6667%'))!;
    expect(row.slice(22)).toBe('91.6667% ≥ 91.667% ✓ met             12   [64.6%, 98.5%]');
  });
});

const clusters = (text: string): string[] => [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The sample report with the first measure (retention_2y: 96.0%, ≥ 95.0%, met, n 25) relabelled. */
const withFirstLabel = (label: string): Report => {
  const base = sampleReport();
  const [first, ...others] = base.metrics;
  const [measure, ...rest] = first!.measures;
  return { ...base, metrics: [{ ...first!, measures: [{ ...measure!, label }, ...rest] }, ...others] };
};

describe('table: measure rows line up in terminal columns', () => {
  // COLUMN_WIDTHS 22, 8, 9, 20, 5: Measure at 0, Value at 22, Target 30, Status 39, n 59, interval 64.
  const STARTS = [0, 22, 30, 39, 59, 64];
  const cellsOf = (line: string): string[] => STARTS.map((start, i) => shownIn(line, start, STARTS[i + 1]).trimEnd());
  const FIGURES = ['96.0%', '≥ 95.0%', '✓ met', '25', '[80.5%, 99.3%]'];
  /** The first measure's row: the line after the first header, and the label lines under it. */
  const firstRow = (report: Report): string[] => {
    const lines = tableReporter(report, options).split('\n');
    const header = lines.findIndex((line) => line.startsWith('Measure '));
    return lines.slice(header, header + 4);
  };

  test('the header names sit at those columns', () => {
    expect(cellsOf(firstRow(sampleReport())[0]!)).toEqual(['Measure', 'Value', 'Target', 'Status', 'n', '95% interval']);
  });

  test('a label with an emoji, a ZWJ sequence, a flag and an accent: the figures stay in their columns', () => {
    // José 4 + 👩‍💻 2 + on-call 7 + 🇯🇵 2 + 3 spaces = 18 columns, one line; as code units it is 26 long.
    const label = 'Jose\u0301 👩\u200d💻 on-call 🇯🇵';
    expect(cellsOf(firstRow(withFirstLabel(label))[1]!)).toEqual([label, ...FIGURES]);
  });

  test('a Japanese label with no space is cut inside its run of wide characters, a column short, and padded', () => {
    // 2 (1) 年以上在籍した (7 × 2 = 14) 2.0 (3) 昇 (2) = 20 columns; 格 would make 22, past the label's 21.
    const [, row, next] = firstRow(withFirstLabel('2年以上在籍した2.0昇格者'));
    expect(cellsOf(row!)).toEqual(['2年以上在籍した2.0昇', ...FIGURES]);
    expect(next).toBe('格者');
  });

  test('any label: its cell is padded to the column width exactly, the figures after it in their columns', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), (a, b) => {
      const label = `${a}${b}`;
      fc.pre(clusters(plainText(label)).every((c) => displayWidth(c) <= 21)); // a single wider cluster cannot fit
      const row = firstRow(withFirstLabel(label))[1]!;
      expect(displayWidth(shownIn(row, 0, 22))).toBe(22);
      expect(cellsOf(row).slice(1)).toEqual(FIGURES);
    }), { numRuns: 300 });
  });
});

describe('table: text wider than its column is wrapped and cut by terminal columns', () => {
  test('any text: every line fits the width (or is one cluster), and no character is lost or split', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '山', '𠮷', 'ｶ', 'e\u0301', '👩\u200d💻', '🇯🇵', '👍🏽', '\u2764\ufe0f', '한');
    const text = fc.oneof(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', maxLength: 60 }));
    fc.assert(fc.property(text, fc.integer({ min: 4, max: 30 }), (t, width) => {
      const lines = wrap(t, width);
      for (const line of lines) {
        expect(displayWidth(line) <= width || clusters(line).length === 1).toBe(true);
        expect(line).not.toMatch(LONE_SURROGATE);
      }
      expect(lines.join('').replaceAll(' ', '')).toBe(t.replaceAll(' ', ''));
    }), { numRuns: 1000 });
  });

  test('a tripped red flag with a long Japanese title: 78 columns at most, continuation under the title', () => {
    // 40 ideographs (80 columns, no space), one of them 𠮷 (U+20BB7, two UTF-16 units).
    const title = '運用エンジニアの'.repeat(4) + '𠮷田チームの作業実行比率';
    const base = sampleReport();
    const report = { ...base, redFlags: base.redFlags.map((f) => (f.id === 'task_execution' ? { ...f, title } : f)) };
    const lines = tableReporter(report, options).split('\n');
    const first = lines.findIndex((line) => line.startsWith('✗ tripped     運用'));
    expect(first).toBeGreaterThan(0);
    // The title wraps in 78 − 14 = 64 columns: 32 ideographs on the first line, the 8 left and the figure
    // on the next, 14 columns in.
    const flagLines = lines.slice(first, first + 2);
    expect(displayWidth(shownIn(flagLines[0]!, 14))).toBe(64);
    expect(flagLines[1]!.startsWith(' '.repeat(14))).toBe(true);
    for (const line of flagLines) expect(displayWidth(line)).toBeLessThanOrEqual(78);
    expect(flagLines.map((line) => shownIn(line, 14)).join('')).toBe(`${title}: 31.0% of hours (trips > 25.0%)`);
    expect(lines.join('\n')).not.toMatch(LONE_SURROGATE);
  });

  test('a long Japanese note on a person is cut between characters, never inside one', () => {
    // "A" and 52 wide characters, no space: 105 columns, one word.
    const note = 'A二〇二六年一月十五日に二・〇の職務を離れた後、運用チームの𠮷田さんへ引き継ぎ、障害対応の手順書を更新した';
    const detail: Detail = { employeeId: 'E017', name: '山田太郎', note };
    const base = sampleReport();
    const report: Report = {
      ...base,
      metrics: base.metrics.map((metric) => ({ ...metric,
        measures: metric.measures.map((m) => (m.id === 'retention_1y' ? { ...m, details: [detail] } : m)) })),
    };
    const lines = tableReporter(report, options).split('\n');
    const at = lines.indexOf('  · E017 (山田太郎)');
    expect(at).toBeGreaterThan(0);
    // The word is wider than the 74 columns a line holds after its 4-column indent, so it starts a line and
    // is cut: "A" and 36 characters make 73 columns, a 37th would make 75; the other 16 make 32.
    const noteLines = lines.slice(at + 1, at + 3);
    expect(noteLines.map(displayWidth)).toEqual([4 + 73, 4 + 32]);
    expect(noteLines.every((line) => line.startsWith('    '))).toBe(true);
    expect(noteLines.map((line) => line.slice(4)).join('')).toBe(note);
    expect(lines.join('\n')).not.toMatch(LONE_SURROGATE);
  });
});

describe('table: an input of one row', () => {
  test('reads "1 of 1 row", the noun agreeing', () => {
    const base = sampleReport();
    const one = { ...base, inputs: [{ ...base.inputs[0]!, rows: 1, accepted: 1, rejected: 0 }] };
    expect(tableReporter(one, options).split('\n').some((line) => / 1 of 1 row$/.test(line))).toBe(true);
  });
});

describe('table: inputs line up in terminal columns', () => {
  // `  ` dataset (25) ` ` file (30) ` ` accepted (7, right-aligned) ` of ` rows: file at 28, count ends at 66.
  const files = ['運用チーム.csv', '👩\u200d💻 incidents.csv', 'Jose\u0301 – ｶﾀｶﾅ.csv', 'E\u0000\u202e.csv', 'ＡＢＣ.json'];
  const base = sampleReport();
  const inputs: InputSummary[] = base.inputs.map((input, i) => ({ ...input, file: files[i] ?? input.file }));
  const lines = tableReporter({ ...base, inputs }, options).split('\n');
  // Each input's own line (one with rejected rows says how many on the line under it).
  const rows = lines.slice(lines.indexOf('Inputs') + 1).filter((line) => / rows$/.test(line));

  test.each(inputs.map((input, i) => [input.file, input, i] as const))('%j', (_, input, i) => {
    const row = rows[i]!;
    expect(shownIn(row, 0, 28).trim()).toBe(input.dataset);
    expect(shownIn(row, 28, 58).trimEnd()).toBe(plainText(input.file));
    expect(shownIn(row, 59, 66).trimStart()).toBe(String(input.accepted));
    expect(shownIn(row, 66).startsWith(` of ${input.rows} rows`)).toBe(true);
  });
});

describe('table: an input line too long for 80 columns', () => {
  const base = sampleReport();
  const inputLinesOf = (inputs: InputSummary[]): string[] => {
    const lines = tableReporter({ ...base, inputs }, options).split('\n');
    return lines.slice(lines.indexOf('Inputs') + 1, lines.findIndex((line) => line.startsWith('Gate ')) - 1);
  };

  test('a long file name goes on lines of its own in its column, the rows under their column, nothing split or trailing', () => {
    const file = 'exports/hris/a-very-long-file-name-for-the-trainings-export-from-the-lms-2026.csv';
    expect(inputLinesOf([
      { dataset: 'trainings', file, rows: 468, accepted: 0, rejected: 468, warnings: 0 },
      { dataset: 'incidents', file: '運用チーム👩‍💻インシデント一覧エクスポート.csv', rows: 112, accepted: 112, rejected: 0, warnings: 0 },
    ])).toEqual([
      // The name wraps at 52 columns, cut inside its one word; "0 of 468 rows" stays one piece.
      '  trainings                 exports/hris/a-very-long-file-name-for-the-trainings',
      '                            -export-from-the-lms-2026.csv',
      `${' '.repeat(59)}      0 of 468 rows`,
      `${' '.repeat(59)}468 rejected`,
      // 40 columns of CJK and emoji: too wide for the file column of 30, not for the line.
      '  incidents                 運用チーム👩‍💻インシデント一覧エクスポート.csv',
      `${' '.repeat(59)}    112 of 112 rows`,
    ]);
  });

  test('more than a million rows: the rows end at the 80th column', () => {
    const lines = inputLinesOf([{ dataset: 'time_allocation', file: 'time_allocation.ndjson', rows: 1_200_000, accepted: 1_199_990, rejected: 10, warnings: 0 }]);
    expect(lines).toEqual([
      '  time_allocation           time_allocation.ndjson',
      `${' '.repeat(57)}1199990 of 1200000 rows`,
      `${' '.repeat(59)}10 rejected`,
    ]);
  });
});

describe('table: 80 columns, whatever the verdict and the file names', () => {
  test('wraps a long gate verdict and an input line with a long file name or rejected rows', () => {
    const base = sampleReport();
    const report: Report = {
      ...base,
      inputs: [
        { dataset: 'people', file: 'exports/hris/workday-roster-2026-09-30-final-v2.csv', rows: 1200, accepted: 1190, rejected: 10, warnings: 0 },
        { dataset: 'trainings', file: 'trainings.csv', rows: 40, accepted: 38, rejected: 2, warnings: 0 },
      ],
      gate: {
        failOn: 'missed', failed: true, trippedRedFlags: ['promotion_pay', 'task_execution'],
        failedMeasures: ['retention_1y', 'mentors_1y', 'p1_rca_48h', 'requirements_incorporated_per_year', 'action_items_30d'],
      },
    };
    const lines = tableReporter(report, options).split('\n');
    expect(lines.filter((line) => displayWidth(line) > 80)).toEqual([]);
    // The verdict is all there, in order, over several lines.
    const verdict = lines.slice(lines.findIndex((line) => line.startsWith('Gate FAILED'))).join(' ').trim();
    expect(verdict).toBe('Gate FAILED (--fail-on missed): red flags tripped: promotion_pay, task_execution; measures failed: ' +
      'retention_1y, mentors_1y, p1_rca_48h, requirements_incorporated_per_year, action_items_30d; red flag of severity warn tripped: coding_frustration');
    expect(lines).toContain(`${' '.repeat(59)}2 rejected`);
  });
});

describe('table: in a CI log, no line starts a GitHub workflow command', () => {
  // The runner reads a line as a command when, blanks trimmed, it starts with "::". A name, an id or a file
  // name holding one may be wrapped anywhere: each length below puts the break somewhere else in it.
  const command = '::error title=forged::injected';
  const reports = Array.from({ length: 90 }, (_, i) => i).flatMap((length): Array<[string, Report]> => {
    const base = sampleReport();
    const filler = 'x'.repeat(length);
    const person: Detail = { employeeId: 'E017', name: `${filler} ${command}`, note: 'left the 2.0 track on 2026-01-15' };
    // Glued to the text before it: only a cut between characters can put it at a line's start.
    const glued: Detail = { employeeId: `E9${filler}${command}`, note: 'terminated on 2026-04-30' };
    return [
      [`a name after ${length} characters`, {
        ...base,
        metrics: base.metrics.map((metric) => ({ ...metric, measures: metric.measures.map((m) => ({ ...m, details: [person] })) })),
        redFlags: base.redFlags.map((f) => ({ ...f, evidence: [person] })),
      }],
      [`an id ${length + 2} characters long before it`, {
        ...base,
        redFlags: base.redFlags.map((f) => ({ ...f, evidence: [glued] })),
        inputs: [{ dataset: 'people', file: `${filler} ${command}.csv`, rows: 10, accepted: 9, rejected: 1, warnings: 0 }],
      }],
    ];
  });

  test('wherever the wrap falls in it, within 80 columns', () => {
    for (const [what, report] of reports) {
      const lines = tableReporter(report, options).split('\n');
      expect(lines.filter((line) => line.trimStart().startsWith('::')), what).toEqual([]);
      expect(lines.filter((line) => displayWidth(line) > 80), what).toEqual([]);
      // The text is all there: where a line starts with it, its first colon is shown as \x3a.
      expect(lines.join(' ').replaceAll('\\x3a:', '::'), what).toContain('::error');
    }
  });

  test('where it starts a line, the first colon is \\x3a and the rest is as in the file', () => {
    const base = sampleReport();
    const person: Detail = { employeeId: 'E017', name: `${'x'.repeat(66)} ${command}`, note: 'left' };
    const lines = tableReporter({ ...base, redFlags: base.redFlags.map((f) => ({ ...f, evidence: [person] })) }, options).split('\n');
    expect(lines).toContain(`      \\x3a:error title=forged::injected) left`);
  });
});
