import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { hostileReport, mapMeasures, previousReport, sampleReport, withHistory } from '../helpers/sample-report.js';
import { comparedReport } from './reports.js';

const render = (report: Report): string => htmlReporter(report, { color: false });

/** Every start tag: its name and what follows the name up to `>`. */
const startTags = (html: string): Array<{ name: string; rest: string }> =>
  [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), rest: m[2]! }));

/** The attribute names of a start tag, and whatever is not a `name="value"` pair (should be nothing). */
const attributesOf = (rest: string): { names: string[]; leftover: string } => ({
  names: [...rest.matchAll(/\s([\w:-]+)="[^"]*"/g)].map((m) => m[1]!.toLowerCase()),
  leftover: rest.replace(/\s[\w:-]+="[^"]*"/g, '').replace(/\/$/, '').trim(),
});

/** Fails unless every element and attribute in the page is one the page itself writes. */
const expectOwnVocabulary = (html: string): void => {
  for (const tag of startTags(html)) {
    expect(TAGS, tag.name).toContain(tag.name);
    const { names, leftover } = attributesOf(tag.rest);
    expect(leftover, `<${tag.name}${tag.rest}>`).toBe('');
    for (const name of names) expect(ATTRIBUTES, name).toContain(name);
  }
};

// The page's whole vocabulary: anything else in the output was created by input text.
const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'p', 'div', 'ul', 'li', 'span',
  'strong', 'h1', 'h2', 'h3', 'nav', 'a', 'section', 'article', 'footer', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'svg', 'desc', 'rect', 'path', 'text', 'circle']);
const ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'http-equiv', 'class', 'id', 'href', 'role',
  'aria-labelledby', 'aria-label', 'viewbox', 'xmlns', 'x', 'y', 'width', 'height', 'rx', 'fill', 'stroke', 'd',
  'text-anchor', 'dy', 'cx', 'cy', 'r', 'scope']);

const withPrevious = (report: Report): Report => {
  const before = new Map(previousReport().metrics.flatMap((m) => m.measures).map((m) => [m.id, m]));
  return {
    ...report,
    metrics: report.metrics.map((metric) => ({
      ...metric,
      measures: metric.measures.map((m) => {
        const p = before.get(m.id)!;
        return { ...m, previous: { value: p.value, status: p.status, period: '2026-Q2' } };
      }),
    })),
  };
};

describe('htmlReporter: one self-contained page', () => {
  it('scrolls the inputs table in its own box, and on a narrow screen puts a measure\'s charts under its text', () => {
    // Checked in Chromium at 400 px: without these the page was 572 px wide and a measure's text column 0 px.
    const html = render(sampleReport());
    expect(html).toContain('<h2>Inputs</h2><div class="table-box"><table>');
    expect(html).toMatch(/\.table-box\{overflow-x:auto\}/);
    expect(html).toMatch(/@media screen and \(max-width:640px\)\{[^\n]*\.measure\{grid-template-columns:minmax\(0,1fr\)\}/);
    expect(html).toMatch(/@media screen and \(max-width:1100px\)\{\.metrics,\.flag-grid\{grid-template-columns:minmax\(0,1fr\)\}\}/);
  });

  const html = render(sampleReport());

  it('is an English HTML document with no script and nothing to fetch', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|src=/i);
    // Only in-page anchors; the SVG namespace is a name, never fetched.
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('uses only the page vocabulary of elements and attributes', () => {
    expectOwnVocabulary(html);
  });

  it('opens with the period, as-of date, time zone, gate verdict and the tripped red flags, before any card', () => {
    const firstCard = html.indexOf('<section class="card metric"');
    const header = html.slice(0, firstCard);
    expect(header).toContain('Success metrics, 2026-Q3');
    expect(header).toContain('Period 2026-07-01 to 2026-09-30 · as of 2026-09-30 · time zone America/New_York');
    expect(header).toContain('✗ Gate FAILED (--fail-on red-flag): red flag tripped: task_execution');
    // Both tripped flags, the warning one said to be a warning; no clear flag in the header.
    expect(header).toContain('2.0 engineers still doing task execution');
    expect(header).toContain('31.0% of hours (trips when &gt; 25.0%) · fails the gate');
    expect(header).toContain('mean score 5.4 (trips when &lt; 6.0) · warning only, never fails the gate');
    expect(header).not.toContain('High turnover of 2.0s in year 1');
  });

  it('has one card per metric, each status with its symbol and word', () => {
    expect(html.match(/<section class="card metric"/g)).toHaveLength(8);
    expect(html).toContain('<h2 id="metric-1-h"><span class="num">1</span>Retention rate</h2><span class="badge s-investigate">! investigate</span>');
    for (const word of ['✓ met', '✗ missed', '! investigate', '… pending', '? insufficient data', '⊘ suppressed', '– no data', '· info']) {
      expect(html).toContain(`">${word}</span>`);
    }
  });

  it('gives each measure its figure, target, interval and n, and a bullet chart', () => {
    expect(html).toContain('<span class="value">96.0%</span>');
    expect(html).toContain('target ≥ 95.0% · 95% CI [80.5%, 99.3%] · n = 25');
    expect(html.match(/<svg class="bullet"/g)).toHaveLength(27);
    expect(html).toContain('<desc id="metric-1-1-bullet-desc">Value 96.0%; target ≥ 95.0%; 95% interval [80.5%, 99.3%]; status met; n 25</desc>');
    expect(html).toContain('<p class="reason">due on 2027-08-01</p>');
  });

  it('lists the first three people behind a measure and counts the rest', () => {
    const many = sampleReport();
    const detail = { employeeId: 'E1', note: 'left' };
    const report = {
      ...many,
      metrics: many.metrics.map((m, i) => (i === 0 ? { ...m, measures: m.measures.map((x) => ({ ...x, details: [detail, detail, detail, detail, detail] })) } : m)),
    };
    expect(render(report)).toContain('<li>E1: left</li><li class="more">and 2 more</li></ul>');
  });

  it('draws the retention curve with the 1- and 2-year readings', () => {
    expect(html.match(/<svg class="km-chart"/g)).toHaveLength(1);
    expect(html).toContain('>1 year: 86.1%</text>');
    expect(html).toContain('>2 years: 76.2%</text>');
    expect(html).toContain('Share of 32 promoted 2.0s still on the 2.0 track, by days since promotion: 86.1% at 1 year, 76.2% at 2 years.');
    expect(html).toContain('26 people censored');
  });

  it('counts the exits beside the curve with their noun agreeing: 4 exits, 1 exit', () => {
    // km_retention_1y: 4 events by day 365 in the sample; set to 1, the noun is singular.
    expect(html).toContain('by day 365: 4 exits · 6 censored · 22 still at risk after it');
    const one = mapMeasures(sampleReport(), (m) => (m.survival === undefined ? m : { ...m, survival: { ...m.survival, events: 1 } }));
    expect(render(one)).toContain('by day 365: 1 exit · 6 censored · 22 still at risk after it');
    // The legend counts the promotions the same way: n 1 is "1 promotion".
    const single = mapMeasures(sampleReport(), (m) => (m.survival === undefined ? m : { ...m, n: 1 }));
    expect(render(single)).toContain('(Kaplan–Meier estimate over 1 promotion);');
  });

  it('says why there is no retention curve when no measure carries one', () => {
    const report = sampleReport();
    const bare = {
      ...report,
      metrics: report.metrics.map((m) => ({ ...m, measures: m.measures.map(({ survival: _s, ...rest }) => rest) })),
    };
    const out = render(bare);
    expect(out).not.toContain('class="km-chart"');
    expect(out).toContain('No retention curve: no promotion to 2.0 in the data yet');
  });

  it('lists the red flags tripped first, with value, threshold, evidence and fix', () => {
    const flags = html.slice(html.indexOf('id="flags-h"'));
    const order = ['2.0 engineers still doing task execution', '2.0s frustrated with coding expectations',
      'High turnover of 2.0s in year 1', 'No process improvements documented', '1.0 engineers feel undervalued',
      'Promotion without a fair raise'].map((title) => flags.indexOf(title));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(flags).toContain('31.0% of hours · trips when &gt; 25.0% · fails the gate');
    expect(flags).toContain('<li>E051: task execution 42% of 160 h</li>');
    expect(flags).toContain('<strong>Fix:</strong> Move routine execution to automation or technicians; protect design time in planning.');
  });

  it('ends with the inputs and the versions', () => {
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain('<td>incidents</td><td class="file">exports/pd.csv</td><td class="count">120</td><td class="count">118</td><td class="count">2</td>');
    expect(footer).toContain('Figures follow metrics.md v1 · ops-metrics 0.1.0');
  });

  it('gives every chart a unique title and description that exist in the page', () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/<svg [^>]*role="img" aria-labelledby="([^"]+)"/g)) {
      for (const id of m[1]!.split(' ')) expect(html).toMatch(new RegExp(`<(title|desc) id="${id}">[^<]+</`));
    }
    expect(html.match(/<svg /g)?.length).toBe(html.match(/<svg [^>]*role="img"/g)?.length);
  });

  it('prints: page margins set, cards kept whole, colours kept', () => {
    expect(html).toContain('@page{margin:12mm}');
    expect(html).toMatch(/\.card\{[^}]*break-inside:avoid/);
    expect(html).toContain('print-color-adjust:exact');
  });
});

describe('htmlReporter with --trend and --compare', () => {
  it('draws a quarterly line for each measure and red flag with history and none without', () => {
    // withHistory gives a history to the 24 measures with a value (27 less 3 without one) and the 4 red
    // flags with one (ops1_undervalued and promotion_pay have none).
    const html = render(withHistory(sampleReport()));
    expect(html.match(/<svg class="trend"/g)).toHaveLength(28);
    // task_execution: 0.31 × 0.8 = 24.8%, a gap, 0.31 × 0.9 = 27.9%, 31.0%; each quarter's status in words
    // (withHistory gives every point the flag's status now).
    expect(html).toContain('<desc id="flag-task_execution-trend-desc">2025-Q4: 24.8%, tripped; 2026-Q1: no figure; 2026-Q2: 27.9%, tripped; 2026-Q3: 31.0%, tripped</desc>');
    expect(render(sampleReport())).not.toContain('class="trend"');
  });

  it('states every quarter in the trend description, the gap included', () => {
    // retention_2y: 0.96 × 0.8 = 0.768, no figure, 0.96 × 0.9 = 0.864, 0.96.
    expect(render(withHistory(sampleReport()))).toContain(
      '<desc id="metric-1-1-trend-desc">2025-Q4: 76.8%; 2026-Q1: no figure; 2026-Q2: 86.4%; 2026-Q3: 96.0%</desc>',
    );
  });

  it('shows the change since the compared report', () => {
    // retention_1y: 0.85 − 0.92 = −7.0 pp, met → investigate.
    expect(render(withPrevious(sampleReport()))).toContain('<p class="change">since 2026-Q2: -7.0 pp (met → investigate)</p>');
  });

  it("shows each red flag's change since the compared report", () => {
    // task_execution: 22.0% of hours in 2026-Q2, clear; 31.0% now, tripped.
    expect(render(comparedReport())).toContain('<p class="change">since 2026-Q2: was 22.0% of hours, clear → tripped</p>');
    expect(render(sampleReport())).not.toContain('since 2026-Q2: was');
  });
});

describe('htmlReporter against hostile text', () => {
  const html = render(hostileReport());

  it('lets no input text create an element or attribute', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expectOwnVocabulary(html);
  });

  it('closes no attribute early with a quote and writes no control character', () => {
    const report = sampleReport();
    const evil = '"onload=alert(1) x=\'<img src=x onerror=alert(2)>';
    const out = render({
      ...report,
      period: { ...report.period, label: evil },
      metrics: report.metrics.map((m) => ({ ...m, title: evil, measures: m.measures.map((x) => ({ ...x, label: evil })) })),
      redFlags: report.redFlags.map((f) => ({ ...f, evidence: [{ employeeId: evil, name: evil, note: evil }] })),
      inputs: report.inputs.map((i) => ({ ...i, file: evil })),
    });
    expectOwnVocabulary(out);
    expect(out).toContain('&quot;onload=alert(1) x=&apos;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });
});
